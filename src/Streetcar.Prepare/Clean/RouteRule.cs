namespace Streetcar.Prepare.Clean;

/// <summary>The book's route rule: the 14 streetcar routes are valid, anything else is "bad route".</summary>
public static class RouteRule
{
    /// <summary>The valid routes, in the book's order.</summary>
    public static IReadOnlyList<string> ValidRoutes { get; } =
        ["501", "502", "503", "504", "505", "506", "509", "510", "511", "512", "301", "304", "306", "310"];

    private static readonly HashSet<string> Valid = new(ValidRoutes, StringComparer.Ordinal);

    /// <summary>The route itself when valid, else <see cref="CleanTokens.BadRoute"/>.</summary>
    public static string Clean(string? route) =>
        route is not null && Valid.Contains(route) ? route : CleanTokens.BadRoute;
}
