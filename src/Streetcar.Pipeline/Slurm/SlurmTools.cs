namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// Where the Slurm commands are looked up and what they run with: the process's <c>PATH</c> and environment by
/// default; tests name another search path or point <c>SLURM_CONF</c> at their own cluster.
/// </summary>
/// <param name="SearchPath">Folders searched for <c>sbatch</c>, <c>squeue</c>, <c>scontrol</c> and <c>scancel</c> (a <c>PATH</c> value).</param>
/// <param name="Environment">Variables set for those commands (and so for the jobs, which sbatch exports) beyond the inherited ones.</param>
public sealed record SlurmTools(string SearchPath, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>This process's <c>PATH</c>, nothing added.</summary>
    public static SlurmTools FromProcess() =>
        new(System.Environment.GetEnvironmentVariable("PATH") ?? "", new Dictionary<string, string>());

    /// <summary>The full path of <paramref name="command"/> on <see cref="SearchPath"/>, or null when it is not there.</summary>
    public string? Find(string command) =>
        SearchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(path => File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0));
}
