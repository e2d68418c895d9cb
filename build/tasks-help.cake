// ./build.sh --help (build.sh and build.ps1 turn it into --target=Help): the project's own targets and the options
// each one takes. Cake's own --help only describes Cake. Loaded by build.cake.

/// <summary>
/// Every option of this build, once, with the tasks that read it themselves. A target takes the options of every
/// task it runs, its dependencies included, so that list is computed from the task graph, not written twice.
/// </summary>
public static class BuildOptions
{
    public static readonly (string Option, string Meaning, string[] ReadBy)[] All =
    {
        ("--data-source=DIR", "copy the raw workbooks from DIR (default: $STREETCAR_DATA_SOURCE, else the pinned files shipped in data/ttc/)", new[] { "FetchData", "Prepare", "Bench" }),
        ("--accept-new-vintage", "accept workbooks whose SHA-256 differs from data/workbooks.sha256 (recorded in the data summary)", new[] { "FetchData", "Prepare" }),
        ("--experiment=NAME[,NAME]", "only these experiments (default: every experiments/*.yml)", new[] { "Train", "Evaluate", "Score" }),
        ("--sweep=NAME[,NAME]", "only these sweeps (default: every experiments/*.sweep.yml)", new[] { "Sweep" }),
        ("--force", "rebuild stages even when the cache has them", new[] { "Prepare", "Train", "Evaluate" }),
        ("--jobs=N", "run up to N jobs (trajectories, evaluations) side by side (default: the machine's core count)", new[] { "Train", "Evaluate", "Sweep" }),
        ("--executor=NAME", "where the jobs run: local (threads of one process, the default), process (each job a child process), slurm (sbatch jobs)", new[] { "Train", "Evaluate", "Sweep" }),
        ("--repeats=N", "N repeats of every experiment instead of the configured count, for a quick look (the report says so)", new[] { "Train", "Evaluate", "Report" }),
        ("--remote=R", "share the stage cache through R (a remotes.yml name, a folder, or an Azure container URL): pull what the experiments need, push what was built", new[] { "FetchData", "Prepare", "Train", "Evaluate", "Report" }),
        ("--cli-args=\"...\"", "arguments passed as they are to `streetcar score` or the benchmark", new[] { "Score", "Bench" }),
        ("--base=REV", "git revision whose committed results to compare with (default: HEAD)", new[] { "Compare" }),
        ("--head=REV", "git revision compared with --base instead of the working tree", new[] { "Compare" }),
        ("--cache[=DIR]", "with DIR: the stage cache folder every verb uses, e.g. on a shared file system (default: $STREETCAR_CACHE, else data/cache/); alone: Clean also deletes data/cache/", new[] { "Clean", "FetchData", "Prepare", "Train", "Evaluate", "Report", "Score" }),
        ("--configuration=NAME", "build configuration (default: Release)", new[] { "Build", "BuildCli", "Test" }),
    };
}

/// <summary>The names of <paramref name="task"/> and every task it depends on, transitively.</summary>
IEnumerable<string> TaskClosure(string task)
{
    var byName = Tasks.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    var stack = new Stack<string>(new[] { task });
    while (stack.Count > 0)
    {
        var name = stack.Pop();
        if (seen.Add(name) && byName.TryGetValue(name, out var info))
        {
            foreach (var dependency in info.Dependencies)
            {
                stack.Push(dependency.Name);
            }
        }
    }
    return seen;
}

Task("Help")
    .Description("Prints the project's targets and the options each takes (./build.sh --help).")
    .Does(() =>
{
    var lines = new List<string>
    {
        "Usage: ./build.sh [--target=NAME] [OPTION...]   (./build.ps1 on Windows; default target: Default)",
        "",
        "Targets, and the options each takes (through the tasks it runs):",
    };
    var width = Tasks.Max(t => t.Name.Length) + 2;
    foreach (var task in Tasks.Where(t => t.Name != "Help").OrderBy(t => t.Name, StringComparer.Ordinal))
    {
        lines.Add($"  {task.Name.PadRight(width)}{task.Description}");
        var closure = TaskClosure(task.Name).ToList();
        var options = BuildOptions.All.Where(o => o.ReadBy.Any(r => closure.Contains(r, StringComparer.OrdinalIgnoreCase))).Select(o => o.Option).ToArray();
        if (options.Length > 0)
        {
            lines.Add($"  {new string(' ', width)}options: {string.Join(" ", options)}");
        }
    }
    lines.Add("");
    lines.Add("Options:");
    var optionWidth = BuildOptions.All.Max(o => o.Option.Length) + 2;
    foreach (var (option, meaning, _) in BuildOptions.All)
    {
        lines.Add($"  {option.PadRight(optionWidth)}{meaning}");
    }
    lines.Add("");
    lines.Add("Cake's own: --tree (the task graph), --description (every target), --dryrun, --verbosity=LEVEL.");
    lines.Add("The CLI the targets call: dotnet src/Streetcar.Cli/bin/Release/net10.0/streetcar.dll --help (with its exit codes).");
    // Plain stdout: build.sh runs Help with --verbosity=quiet, which hides Cake's task banners around it.
    Console.WriteLine(string.Join(Environment.NewLine, lines));
});
