using Streetcar.Core.Data;

namespace Streetcar.Prepare.Encode;

/// <summary>The train, valid and test splits of the prepared grid, and their summary.</summary>
public sealed record DatasetSplits(EncodedSplit Train, EncodedSplit Valid, EncodedSplit Test, SplitSummary Summary);
