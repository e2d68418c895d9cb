namespace Streetcar.Boosting;

/// <summary>File names inside a saved boosting model folder.</summary>
public static class BoostingModelFolderLayout
{
    /// <summary>The fitted ML.NET pipeline (key-to-indicator columns, concatenation, LightGBM), as ML.NET's zip,
    /// its entries' timestamps fixed so that the bytes depend on the model alone.</summary>
    public const string Model = "model.zip";

    /// <summary>The encoders from Prepare, as given: they fix each column's codes and key count.</summary>
    public const string Encoders = "encoders.json";

    /// <summary><see cref="Core.Config.GradientBoostingOptions"/> as JSON.</summary>
    public const string Options = "options.json";

    /// <summary><see cref="BoostingInfo"/> as JSON.</summary>
    public const string Info = "info.json";

    /// <summary>
    /// The model-kind marker: a file holding <see cref="KindText"/>, so a loader given any model folder knows which
    /// kind it is (a network's folder has no marker: it predates the kinds).
    /// </summary>
    public const string Kind = "model-kind.txt";

    /// <summary>Content of <see cref="Kind"/>: the config's <c>model: gradient_boosting</c>.</summary>
    public static string KindText { get; } = Core.Config.ConfigEnum.Name(Core.Config.ModelKind.GradientBoosting);

    /// <summary>Whether <paramref name="folder"/> is a boosting model folder (its <see cref="Kind"/> marker says so).</summary>
    public static bool IsBoosting(string folder)
    {
        var marker = Path.Combine(folder, Kind);
        // A marker that is not a small regular file is not one this program wrote: not a boosting folder.
        return Core.Files.FileProbe.Target(marker) is { Kind: Core.Files.FileKind.Regular, Size: < 1024 } && File.ReadAllText(marker).Trim() == KindText;
    }
}
