using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Xunit.Abstractions;
using static Streetcar.Cli.Tests.Remote.RemoteScenarios;

namespace Streetcar.Cli.Tests.Remote;

/// <summary>
/// Issue 22's cases for a remote in a plain folder (given directly as --remote PATH): share, verify on arrival,
/// race two publishers, refuse to overwrite, and ignore what a killed publisher left behind.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class DirectoryRemoteTests(ReferenceRun reference, ITestOutputHelper output) : IDisposable
{
    private readonly string _remote = NewRemote();

    [Fact]
    public void GivenAPushedCache_WhenAFreshWorkspaceRunsWithTheRemote_ThenItTrainsNothingAndTheResultsAreByteIdentical()
    {
        using var source = reference.WarmCopy();

        var push = source.Run("cache", "push", "--remote", _remote);
        output.WriteLine(push.Output);

        AssertOk(push);
        Assert.Equal(reference.Entries, Entries(_remote));
        Assert.Empty(Directory.EnumerateDirectories(_remote, ".push-*", SearchOption.AllDirectories));
        using var fresh = Fresh(null);
        AssertPipelineIsANoOp(reference, fresh, _remote);
    }

    [Fact]
    public void GivenAnEmptyRemote_WhenThePipelineRunsWithIt_ThenWhatItBuiltIsPushedAfterSuccess()
    {
        using var workspace = Fresh(null);

        var run = workspace.Run("run", "--data-source", workspace.DataSource, "--remote", _remote);

        AssertOk(run);
        Assert.Contains("pull 0 entries", run.Output, StringComparison.Ordinal);
        Assert.Contains($"push {reference.Entries.Count} entries", run.Output, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, Entries(_remote));
        reference.AssertSameResults(workspace);
    }

    [Fact]
    public void GivenTheExperimentsToPull_WhenPulled_ThenOnlyTheirEntriesArrive()
    {
        using var source = reference.WarmCopy();
        AssertOk(source.Run("cache", "push", "--remote", _remote));
        using var fresh = Fresh(null);
        AssertOk(fresh.Run("fetch", "--data-source", fresh.DataSource));

        var pull = fresh.Run("cache", "pull", "--remote", _remote, "-e", "a");

        AssertOk(pull);
        var entries = fresh.CacheEntries();
        Assert.Contains(EvaluateEntryOfA(reference), entries);
        // b (two repeats, its own trajectory) is not needed by a: its evaluations stay on the remote.
        Assert.Equal(1, entries.Count(e => e.StartsWith("evaluate/", StringComparison.Ordinal)));
        Assert.True(entries.Count < reference.Entries.Count, string.Join(", ", entries));
        // b's entries come with the pipeline verb's own pull, and nothing is trained.
        var run = fresh.Run("evaluate", "--remote", _remote);
        AssertOk(run);
        Assert.DoesNotContain("training up to", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADamagedFile_WhenPulled_ThenOneWarningNamesTheEntryAndItIsNotInstalled()
    {
        using var source = reference.WarmCopy();
        AssertOk(source.Run("cache", "push", "--remote", _remote));
        var damaged = EvaluateEntryOfA(reference);
        var (relative, bytes) = FirstJson(Path.Combine(_remote, damaged));
        bytes[0] ^= 0x20;
        File.WriteAllBytes(Path.Combine(_remote, damaged, relative), bytes);

        using var fresh = Fresh(null);
        var pull = fresh.Run("cache", "pull", "--remote", _remote);

        AssertOk(pull);
        var warning = Assert.Single(pull.Warnings);
        output.WriteLine(warning);
        Assert.Contains(CacheKey.Parse(damaged).ToString(), warning, StringComparison.Ordinal);
        Assert.Contains("skipped, not installed", warning, StringComparison.Ordinal);
        Assert.Equal(reference.Entries.Where(e => e != damaged), fresh.CacheEntries());
        Assert.Empty(fresh.WorkFolders());
    }

    [Fact]
    public void GivenTwoPushersOfTheSameKeys_WhenTheyRace_ThenBothSucceedAndEveryRemoteEntryIsWhole()
    {
        using var first = reference.WarmCopy();
        using var second = reference.WarmCopy();

        CliResult? a = null, b = null;
        Parallel.Invoke(() => a = first.Run("cache", "push", "--remote", _remote), () => b = second.Run("cache", "push", "--remote", _remote));

        AssertOk(a!);
        AssertOk(b!);
        var published = (a!.Output + b!.Output).Split('\n').Count(l => l.StartsWith("push: ", StringComparison.Ordinal) && !l.Contains("already exists", StringComparison.Ordinal));
        Assert.Equal(reference.Entries.Count, published);
        Assert.Empty(Directory.EnumerateDirectories(_remote, ".push-*", SearchOption.AllDirectories));
        using var fresh = Fresh(null);
        var pull = fresh.Run("cache", "pull", "--remote", _remote);
        AssertOk(pull);
        Assert.Empty(pull.Warnings);
        Assert.Equal(reference.Entries, fresh.CacheEntries());
    }

    [Fact]
    public void GivenAPublisherWithOtherBytesForAKey_WhenItPushes_ThenOneErrorNamesTheKeyAndNothingIsOverwritten()
    {
        using var first = reference.WarmCopy();
        using var second = reference.WarmCopy();
        var contested = EvaluateEntryOfA(reference);
        Diverge(second.PathOf("data/cache/" + contested));
        AssertOk(first.Run("cache", "push", "--remote", _remote));
        var before = File.ReadAllText(Path.Combine(_remote, contested, "manifest.json"));

        var push = second.Run("cache", "push", "--remote", _remote);

        Assert.Equal(ExitCodes.Pipeline, push.ExitCode);
        var error = Assert.Single(push.ErrorLines);
        output.WriteLine(error);
        Assert.Contains(contested, error, StringComparison.Ordinal);
        Assert.Contains("nothing was overwritten", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_remote, contested, "manifest.json")));
    }

    [Fact]
    public void GivenWhatAKilledPublisherLeft_WhenPulled_ThenItIsNoEntryAndTheRestArrives()
    {
        using var source = reference.WarmCopy();
        AssertOk(source.Run("cache", "push", "--remote", _remote));
        // A publisher killed before its rename leaves a .push-* folder (files, maybe a manifest) and no entry.
        var entry = EvaluateEntryOfA(reference);
        var stage = Path.Combine(_remote, "evaluate");
        var hash = Path.GetFileName(entry);
        Directory.Move(Path.Combine(_remote, entry), Path.Combine(stage, $".push-{hash}-otherhost-4242-1"));

        using var fresh = Fresh(null);
        var pull = fresh.Run("cache", "pull", "--remote", _remote);

        AssertOk(pull);
        Assert.Empty(pull.Warnings);
        Assert.Equal(reference.Entries.Where(e => e != entry), fresh.CacheEntries());
        // The next push publishes the entry under its own name; the leftover is never read.
        AssertOk(source.Run("cache", "push", "--remote", _remote));
        Assert.Equal(reference.Entries, Entries(_remote));
    }

    public void Dispose() => Directory.Delete(_remote, recursive: true);

    private static string[] Entries(string remote) =>
        Directory.EnumerateDirectories(remote)
            .SelectMany(stage => Directory.EnumerateDirectories(stage)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .Select(d => $"{Path.GetFileName(stage)}/{Path.GetFileName(d)}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string NewRemote()
    {
        var path = Path.Combine(Path.GetTempPath(), "streetcar-remote-tests", Path.GetRandomFileName());
        Directory.CreateDirectory(path);
        return path;
    }
}
