using Streetcar.Cli;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;
using Streetcar.Core.Json;
using Streetcar.Evaluate;

namespace Streetcar.Score.Tests.Cli;

/// <summary>
/// A throw-away checkout: this repository's experiments and data config, and the real pinned workbooks linked into data/raw/
/// (the Train keys only hash them), with an empty stage cache.
/// </summary>
internal sealed class TestWorkspace : IDisposable
{
    private readonly TempFolder _temp = new();

    public TestWorkspace()
    {
        var repo = RepoPaths.Root;
        File.WriteAllText(Path.Combine(Root, "streetcar-experiments.sln"), "");
        CopyFolder(Path.Combine(repo, "experiments"), Path.Combine(Root, "experiments"));
        Directory.CreateDirectory(Path.Combine(Root, "data", "raw"));
        foreach (var file in new[] { "prepare.yml", "workbooks.sha256" })
        {
            File.Copy(Path.Combine(repo, "data", file), Path.Combine(Root, "data", file));
        }
        // The real pinned workbooks (linked, not copied): every verb checks data/raw against its pins before use.
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "data", "workbooks.sha256")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var name = line.Split("  ")[1];
            File.CreateSymbolicLink(Path.Combine(Root, "data", "raw", name), Path.Combine(RepoPaths.DataSource, name));
        }
    }

    public string Root => _temp.Path;

    /// <summary>
    /// Puts <paramref name="modelFolder"/> into the cache as the trained model of every repeat of
    /// <paramref name="experiment"/>, each with an evaluation whose validation ROC AUC grows with the repeat
    /// number (all the serving rule reads); returns the key of the repeat that serves.
    /// </summary>
    public CacheKey CacheModel(string experiment, string modelFolder)
    {
        var ctx = PipelineContext.Open(new Workspace(Root), new CliConsole(TextWriter.Null, TextWriter.Null), force: false);
        var loaded = PipelineRun.Start(ctx, [experiment]).Experiments.Single();
        foreach (var run in loaded.Runs)
        {
            ctx.Cache.GetOrCreate(run.TrainKey, new CacheEntryInfo(run.Label), folder => CopyFolder(modelFolder, folder));
            var metrics = new EvaluationResult(experiment, "final", null!, 0, 0) { ValidRocAuc = 0.5 + (run.Repeat / 100.0) };
            ctx.Cache.GetOrCreate(run.EvaluateKey, new CacheEntryInfo(run.Label), folder => StableJson.Write(Path.Combine(folder, EvaluateStep.MetricsFile), metrics));
        }
        return ServingRepeat.Of(ctx, loaded)!.Value.Model.Key;
    }

    public void Dispose() => _temp.Dispose();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
