namespace Streetcar.Prepare.Config;

/// <summary>The book's values of the Prepare parameters (ch. 6 of *Deep Learning with Structured Data*).</summary>
public static class BookDefaults
{
    /// <summary>First day of the grid.</summary>
    public const string StartDate = "2014-01-01";

    /// <summary>Last day of the grid (inclusive).</summary>
    public const string EndDate = "2019-12-31";

    /// <summary>
    /// The book's route/direction table (its routedirection.csv): 56 rows, with <c>304,e</c> listed twice, which
    /// book mode reproduces.
    /// </summary>
    public static IReadOnlyList<RouteDirection> RouteDirections { get; } = Parse(
        "301,e 301,w 301,b 304,e 304,e 304,n 304,s 304,b 306,e 306,w 306,b 310,n 310,s 310,b " +
        "501,e 501,w 501,b 502,e 502,w 502,b 503,e 503,w 503,b 504,e 504,w 504,n 504,s 504,b " +
        "505,e 505,w 505,n 505,s 505,b 506,e 506,w 506,n 506,s 506,b 509,e 509,w 509,n 509,s 509,b " +
        "510,e 510,w 510,n 510,s 510,b 511,e 511,w 511,n 511,s 511,b 512,e 512,w 512,b");

    /// <summary>The book's valid vehicle numbers (<see cref="Clean.VehicleRule.ValidRanges"/>), as config ranges.</summary>
    public static IReadOnlyList<VehicleRange> VehicleRanges { get; } =
        Clean.VehicleRule.ValidRanges.Select(r => new VehicleRange(r.First, r.Last)).ToArray();

    private static RouteDirection[] Parse(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => new RouteDirection(p[0], p[1]))
            .ToArray();
}
