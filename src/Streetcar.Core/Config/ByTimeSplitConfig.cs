using System.Globalization;
using System.Text.Json.Serialization;

namespace Streetcar.Core.Config;

/// <summary>The out-of-time split: test on the last period, train and validate on what came before it.</summary>
public sealed record ByTimeSplitConfig
{
    /// <summary>First day of the test period, <c>yyyy-MM-dd</c> (required): rows from this day on are test.</summary>
    public string TestFrom { get; init; } = "";

    /// <summary>The parsed <see cref="TestFrom"/>, or null when it is not a <c>yyyy-MM-dd</c> date.</summary>
    [JsonIgnore]
    public DateOnly? TestFromDate =>
        DateOnly.TryParseExact(TestFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
