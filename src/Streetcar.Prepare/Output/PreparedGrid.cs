using Streetcar.Core.Data;

namespace Streetcar.Prepare.Output;

/// <summary>
/// The encoded, unsplit grid with its encoders and data summary: the "grid" cache entry. Splitting it needs no
/// workbook (see <see cref="PrepareStage.Split"/>).
/// </summary>
public sealed record PreparedGrid(EncodedSplit Grid, IReadOnlyList<ColumnEncoder> Encoders, DataSummary Summary);
