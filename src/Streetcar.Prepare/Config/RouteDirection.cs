namespace Streetcar.Prepare.Config;

/// <summary>One row of the route/direction table the grid is built from (e.g. route "501", direction "e").</summary>
public sealed record RouteDirection
{
    /// <summary>Route number as text, e.g. "501".</summary>
    public string Route { get; init; } = "";

    /// <summary>Normalised direction: e, w, n, s or b.</summary>
    public string Direction { get; init; } = "";

    /// <summary>Creates an empty pair (for the YAML reader).</summary>
    public RouteDirection()
    {
    }

    /// <summary>Creates the pair <paramref name="route"/>, <paramref name="direction"/>.</summary>
    public RouteDirection(string route, string direction)
    {
        Route = route;
        Direction = direction;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Route},{Direction}";
}
