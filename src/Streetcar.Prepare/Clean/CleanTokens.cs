namespace Streetcar.Prepare.Clean;

/// <summary>The book's replacement tokens for missing and invalid values.</summary>
public static class CleanTokens
{
    /// <summary>Fills an empty categorical cell.</summary>
    public const string Missing = "missing";

    /// <summary>Replaces a route outside the valid list.</summary>
    public const string BadRoute = "bad route";

    /// <summary>Replaces a direction that does not normalise to e, w, n, s or b.</summary>
    public const string BadDirection = "bad direction";

    /// <summary>Replaces a vehicle that is missing, not a number or not a known streetcar or bus.</summary>
    public const string BadVehicle = "bad vehicle";
}
