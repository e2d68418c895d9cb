using System.Globalization;
using System.Text.Json.Serialization;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Config;

/// <summary>
/// Parameters of the Prepare stage (YAML <c>data/prepare.yml</c>, snake_case keys). Every default is the book's
/// value, so <c>new PrepareConfig()</c> reproduces the book. Call <see cref="Validate"/> right after reading.
/// </summary>
public sealed record PrepareConfig
{
    /// <summary>First day of the grid, <c>yyyy-MM-dd</c>. Default 2014-01-01.</summary>
    public string StartDate { get; init; } = BookDefaults.StartDate;

    /// <summary>Last day of the grid (inclusive), <c>yyyy-MM-dd</c>. Default 2019-12-31.</summary>
    public string EndDate { get; init; } = BookDefaults.EndDate;

    /// <summary>How incidents join the grid (YAML <c>mode</c>): <c>book</c> (the book's left join, default) or <c>slots</c>.</summary>
    public ReshapeMode Mode { get; init; } = ReshapeMode.Book;

    /// <summary>Allowed <see cref="DelayThreshold"/>: 0 to a day, in minutes (data/prepare.yml says so too).</summary>
    public static NumericBound DelayThresholdBound { get; } = new("delay_threshold", 0, 1440);

    /// <summary>A joined incident is a delay (target 1) when its Min Delay exceeds this. Default 0.</summary>
    public double DelayThreshold { get; init; }

    /// <summary>Remove incidents with a bad route, direction or vehicle (the book: true).</summary>
    public bool DropBadRows { get; init; } = true;

    /// <summary>The route/direction table of the grid; default the book's 56 rows.</summary>
    public List<RouteDirection> RouteDirections { get; init; } = [.. BookDefaults.RouteDirections];

    /// <summary>
    /// The valid vehicle numbers, inclusive ranges; default the book's (streetcars 4000–4005, 4010–4251, 4400,
    /// 4402–4507, 4900 and the buses it lists). The book's list predates most Flexity cars (4508 on): for years
    /// after 2019 widen 4402–4507, or most of their rows are bad vehicles.
    /// </summary>
    public List<VehicleRange> VehicleRanges { get; init; } = [.. BookDefaults.VehicleRanges];

    /// <summary>The parsed <see cref="StartDate"/>.</summary>
    [JsonIgnore]
    public DateOnly Start => DateOnly.ParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The parsed <see cref="EndDate"/>.</summary>
    [JsonIgnore]
    public DateOnly End => DateOnly.ParseExact(EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Checks every value; a bad one is a <see cref="ConfigException"/> naming <paramref name="file"/> and the key.</summary>
    public PrepareConfig Validate(string file)
    {
        var start = ParseDate(file, "start_date", StartDate);
        var end = ParseDate(file, "end_date", EndDate);
        if (end < start)
        {
            throw new ConfigException(file, "end_date", $"must not be before start_date {StartDate}");
        }
        if (!Enum.IsDefined(Mode))
        {
            throw new ConfigException(file, "mode", ConfigEnum.NotAllowed(typeof(ReshapeMode), Mode.ToString()));
        }
        if (!DelayThresholdBound.Contains(DelayThreshold))
        {
            throw new ConfigException(file, "delay_threshold", DelayThresholdBound.Problem(DelayThreshold) + " (minutes)");
        }
        if (RouteDirections is null || RouteDirections.Count == 0)
        {
            throw new ConfigException(file, "route_directions", "must list at least one route/direction pair");
        }
        if (RouteDirections.Count > 255)
        {
            throw new ConfigException(file, "route_directions", $"has {RouteDirections.Count} rows; allowed: 1 to 255");
        }
        foreach (var pair in RouteDirections)
        {
            if (string.IsNullOrWhiteSpace(pair.Route) || pair.Direction is not ("e" or "w" or "n" or "s" or "b"))
            {
                throw new ConfigException(file, "route_directions",
                    $"bad pair '{pair}': route must be non-empty, direction one of e, w, n, s, b");
            }
        }
        if (VehicleRanges is null || VehicleRanges.Count == 0)
        {
            throw new ConfigException(file, "vehicle_ranges", "must list at least one range { first, last }");
        }
        foreach (var range in VehicleRanges)
        {
            if (range.First < 0 || range.Last < range.First)
            {
                throw new ConfigException(file, "vehicle_ranges", $"bad range '{range}': need 0 <= first <= last");
            }
        }
        return this;
    }

    private static DateOnly ParseDate(string file, string key, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigException(file, key, $"'{value}' is not a date; allowed: yyyy-MM-dd");
}
