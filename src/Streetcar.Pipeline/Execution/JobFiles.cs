using Streetcar.Core.Json;

namespace Streetcar.Pipeline.Execution;

/// <summary>
/// Job files and outcome files as JSON, written whole (a temporary file renamed into place), so a reader on any
/// node sees the old file, the new one, or none, never half of one.
/// </summary>
public static class JobFiles
{
    public static void WriteJob(string path, JobSpec job) => WriteAtomically(path, StableJson.Serialize(job));

    public static JobSpec ReadJob(string path) => StableJson.Read<JobSpec>(path);

    public static void WriteOutcome(string path, JobResult result) => WriteAtomically(path, StableJson.Serialize(result));

    /// <summary>The outcome at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static JobResult? ReadOutcome(string path)
    {
        try
        {
            return File.Exists(path) ? StableJson.Read<JobResult>(path) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
