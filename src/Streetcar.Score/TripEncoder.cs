using System.Globalization;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Score;

/// <summary>
/// Turns a <see cref="TripDescription"/> into the model's codes with the encoders saved in its model folder. The
/// values are derived by <see cref="FeatureValues"/>, the function Prepare encodes the grid with, so a trip gets
/// exactly the codes of its grid row. Unknown values are errors that list the valid ones; an unseen year follows
/// the <see cref="UnseenYearPolicy"/>.
/// </summary>
public sealed class TripEncoder
{
    private readonly ColumnEncoder[] _encoders;
    private readonly int[] _featureIndex;
    private readonly int _yearColumn;
    private readonly string? _latestYear;

    /// <summary>An encoder for a model whose inputs are <paramref name="columns"/>, in that order.</summary>
    public TripEncoder(IReadOnlyList<string> columns, IReadOnlyList<ColumnEncoder> encoders, UnseenYearPolicy years = UnseenYearPolicy.Error)
    {
        Columns = columns.ToArray();
        Years = years;
        _encoders = Columns.Select(c => encoders.FirstOrDefault(e => e.Column == c)
            ?? throw new DataException($"the model folder has no encoder for its input column '{c}'")).ToArray();
        _featureIndex = Columns.Select(c =>
        {
            var index = FeatureColumns.All.ToList().IndexOf(c);
            return index >= 0 ? index : throw new DataException($"model input column '{c}' is not a feature scoring can derive from a trip ({string.Join(", ", FeatureColumns.All)})");
        }).ToArray();
        _yearColumn = Columns.ToList().IndexOf(FeatureColumns.Year);
        _latestYear = _yearColumn < 0 ? null : _encoders[_yearColumn].Values.MaxBy(YearNumber);
    }

    /// <summary>The model's input columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The policy for years the model never saw.</summary>
    public UnseenYearPolicy Years { get; }

    /// <summary>The encoder of <paramref name="column"/>.</summary>
    public ColumnEncoder EncoderOf(string column) =>
        _encoders.FirstOrDefault(e => e.Column == column) ?? throw new PipelineException($"the model has no input column '{column}'");

    /// <summary>
    /// The trip's codes. Route and direction are compared after trimming (direction also lower-cased, as the
    /// data spells it); anything the encoders do not know is a <see cref="PipelineException"/> listing the valid values.
    /// </summary>
    public EncodedTrip Encode(TripDescription trip)
    {
        if (trip.Hour is < 0 or > 23)
        {
            throw new PipelineException($"hour {trip.Hour} is outside 0–23");
        }
        var values = FeatureValues.Of(trip.Route.Trim(), trip.Direction.Trim().ToLowerInvariant(), trip.Date, trip.Hour);
        var inputs = new EncodedInput[Columns.Count];
        List<string>? notes = null;
        for (var c = 0; c < inputs.Length; c++)
        {
            var encoder = _encoders[c];
            var value = values[_featureIndex[c]];
            var code = encoder.TryEncode(value);
            if (code < 0 && c == _yearColumn)
            {
                (value, var note) = UnseenYear(value, encoder);
                (notes ??= []).Add(note);
                code = encoder.Encode(value);
            }
            inputs[c] = new EncodedInput(encoder.Column, value, code >= 0 ? code : encoder.Encode(value));
        }
        return new EncodedTrip(trip, inputs, notes ?? (IReadOnlyList<string>)[]);
    }

    private (string Value, string Note) UnseenYear(string year, ColumnEncoder encoder)
    {
        var known = $"{encoder.Values.MinBy(YearNumber)}–{_latestYear}";
        return Years switch
        {
            UnseenYearPolicy.LatestKnown when _latestYear is not null =>
                (_latestYear, $"year {year} is not one the model was trained on ({known}): scored as {_latestYear} (unseen-year policy: latest known)"),
            _ => throw new PipelineException(
                $"unknown year '{year}': the model treats year as a category and only knows {string.Join(", ", encoder.Values)}; " +
                "use --unseen-year latest to score it as the latest known year"),
        };
    }

    private static int YearNumber(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : int.MinValue;
}
