using System.CommandLine;
using System.Globalization;
using Streetcar.Cli.Output;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Commands;

/// <summary><c>streetcar cache list|remove|clear|push|pull</c>: look into, tidy and share the stage cache.</summary>
public static class CacheCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("cache", "Lists, removes, clears, pushes or pulls stage cache entries (data/cache/).");

        var list = new Command("list", "Lists every entry: stage, key, size, the config it belongs to, and whether it is valid.");
        list.SetAction(result =>
        {
            var cache = Open(result, console);
            var entries = cache.List();
            console.Info($"{"stage",-10} {"key",-12} {"size",12}  config");
            foreach (var e in entries)
            {
                var size = e.SizeBytes.ToString("N0", CultureInfo.InvariantCulture);
                var state = e.Valid ? "" : $"  INVALID: {e.Problem}";
                console.Info($"{e.Key.Stage,-10} {e.Key.Short,-12} {size,12}  {e.Config}{(e.Description is null ? "" : $" ({e.Description})")}{state}");
            }
            console.Info($"{entries.Count} entries, {entries.Sum(e => e.SizeBytes).ToString("N0", CultureInfo.InvariantCulture)} bytes in {cache.Root}");
            return 0;
        });
        command.Add(list);

        var keyArgument = new Argument<string[]>("key") { Description = "Key, key prefix or stage/key as `cache list` shows it.", Arity = ArgumentArity.OneOrMore };
        var remove = new Command("remove", "Removes the entries whose key starts with KEY.") { keyArgument };
        remove.SetAction(result =>
        {
            var cache = Open(result, console);
            // Every key is checked before anything is removed: a typo in the second key must not cost the first's entries.
            var keys = new List<CacheKey>();
            foreach (var text in result.GetValue(keyArgument) ?? [])
            {
                if (text.Split('/')[^1].Length < 4)
                {
                    throw new PipelineException($"cache remove '{text}': give at least 4 characters of the key (see `streetcar cache list`)", ExitCodes.Usage);
                }
                var found = cache.Find(text);
                if (found.Count == 0)
                {
                    // Like an unknown experiment name: the command line names something that is not there.
                    throw new PipelineException($"cache remove '{text}': no cache entry's key starts with it; nothing removed (see `streetcar cache list`)", ExitCodes.Usage);
                }
                keys.AddRange(found);
            }
            var removed = keys.Distinct().Count(cache.Remove);
            console.Info($"removed {removed} entries");
            return 0;
        });
        command.Add(remove);

        var clear = new Command("clear", "Removes every entry and stale temporary folder.");
        clear.SetAction(result =>
        {
            var cache = Open(result, console);
            var kept = cache.Clear(); // refuses while a run is building in the cache
            // The runs' ledgers, job files and logs, and the report's memo, describe entries that are gone now.
            foreach (var folder in new[] { Pipeline.PipelineEngine.RunsFolder, Pipeline.ReportGap.MemoFolder })
            {
                var path = Path.Combine(cache.Root, folder);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                    kept = kept.Where(k => k != folder).ToList();
                }
            }
            // A cleared cache retries everything, the experiments that failed before included.
            new Pipeline.FailureLog(CommonOptions.LocateWorkspace(result)).ClearAll();
            var left = kept.Count == 0 ? "" : $"; left {kept.Count} entries it did not make: {string.Join(", ", kept)}";
            console.Info($"cleared {cache.Root}{left}");
            return 0;
        });
        command.Add(clear);
        command.Add(CacheSync.Push(console));
        command.Add(CacheSync.Pull(console));
        return command;
    }

    private static StageCache Open(ParseResult result, CliConsole console) =>
        new(CommonOptions.LocateWorkspace(result).Cache, console.Warn);
}
