namespace Streetcar.Boosting;

/// <summary>File names inside a saved boosting model folder.</summary>
public static class BoostingModelFolderLayout
{
    /// <summary>The fitted ML.NET pipeline (key-to-indicator columns, concatenation, LightGBM), as ML.NET's zip,
    /// its entries' timestamps fixed so that the bytes depend on the model alone.</summary>
    public const string Model = "model.zip";

    /// <summary>The encoders from Prepare, as given: they fix each column's codes and key count.</summary>
    public const string Encoders = "encoders.json";

    /// <summary><see cref="GradientBoostingOptions"/> as JSON.</summary>
    public const string Options = "options.json";

    /// <summary><see cref="BoostingInfo"/> as JSON.</summary>
    public const string Info = "info.json";
}
