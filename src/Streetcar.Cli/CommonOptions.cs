using System.CommandLine;

namespace Streetcar.Cli;

/// <summary>Options several verbs share.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Root = new("--root")
    {
        Description = "Repository root (default: the nearest folder up from here holding streetcar-experiments.sln).",
        Recursive = true,
    };

    public static readonly Option<string?> DataSource = new("--data-source")
    {
        Description = "Folder to copy the raw workbooks from (default: $STREETCAR_DATA_SOURCE, else download).",
        HelpName = "DIR",
    };

    public static readonly Option<bool> AcceptNewVintage = new("--accept-new-vintage")
    {
        Description = "Accept workbooks whose SHA-256 differs from data/workbooks.sha256, and files for years it does not pin, and record it in the data summary.",
    };

    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Rebuild even when the stage cache has a valid entry.",
    };

    public static readonly Option<string[]> Experiment = new("--experiment", "-e")
    {
        Description = "Experiment name (file in experiments/ without .yml); repeat for several. Default: all.",
        HelpName = "NAME",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The data source: the option, else the environment variable, else none (download).</summary>
    public static string? ResolveDataSource(ParseResult result) =>
        result.GetValue(DataSource) is { Length: > 0 } dir ? dir
        : Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE") is { Length: > 0 } env ? env
        : null;
}
