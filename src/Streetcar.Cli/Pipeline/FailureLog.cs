namespace Streetcar.Cli.Pipeline;

/// <summary>
/// Errors of failed experiments (data/failures/NAME.txt, gitignored), so that the report can mark them. A failed
/// stage leaves no cache entry; its error lives here until the experiment succeeds.
/// </summary>
public sealed class FailureLog(Workspace workspace)
{
    private string Folder => Path.Combine(workspace.Root, "data", "failures");

    private string FileOf(string experiment) => Path.Combine(Folder, experiment + ".txt");

    public void Record(string experiment, string error)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(FileOf(experiment), error.ReplaceLineEndings(" ").Trim() + "\n");
    }

    public void Clear(string experiment)
    {
        if (File.Exists(FileOf(experiment)))
        {
            File.Delete(FileOf(experiment));
        }
    }

    public string? Read(string experiment) => File.Exists(FileOf(experiment)) ? File.ReadAllText(FileOf(experiment)).Trim() : null;
}
