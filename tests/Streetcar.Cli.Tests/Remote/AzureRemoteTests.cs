using System.Text.Json.Nodes;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Streetcar.Remote;
using Streetcar.Remote.Stores;
using Xunit.Abstractions;
using static Streetcar.Cli.Tests.Remote.RemoteScenarios;

namespace Streetcar.Cli.Tests.Remote;

/// <summary>
/// Issue 22 against Microsoft's Azurite emulator: share the slice's cache through a container, verify on arrival,
/// race two publishers, kill the emulator mid-push, and fail in one line on a wrong key, a missing container or
/// an unreachable endpoint with the local cache untouched.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class AzureRemoteTests(ReferenceRun reference, ITestOutputHelper output)
{
    [Fact]
    public void GivenAPushedCache_WhenAFreshWorkspaceRunsWithTheRemote_ThenItTrainsNothingAndTheResultsAreByteIdentical()
    {
        var container = Azurite.Shared.NewContainer("share");
        var yaml = Azurite.Shared.RemotesYaml("team", container.Name);
        using var source = reference.WarmCopy();
        source.Write("remotes.yml", yaml);

        var push = source.Run("cache", "push");
        output.WriteLine(push.Output);

        AssertOk(push);
        Assert.Contains($"push {reference.Entries.Count} entries", push.Output, StringComparison.Ordinal);
        Assert.Equal(reference.Entries.Count, container.GetBlobs().Count(b => b.Name.EndsWith("/manifest.json", StringComparison.Ordinal)));
        using var fresh = Fresh(yaml);
        AssertPipelineIsANoOp(reference, fresh, "team");
        // A second push finds everything there and agrees with it.
        var again = source.Run("cache", "push");
        AssertOk(again);
        Assert.Contains($"push 0 entries", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADamagedBlob_WhenPulled_ThenOneWarningNamesTheEntryAndItIsNotInstalled()
    {
        var container = Azurite.Shared.NewContainer("damaged");
        var yaml = Azurite.Shared.RemotesYaml("team", container.Name);
        using var source = reference.WarmCopy();
        source.Write("remotes.yml", yaml);
        AssertOk(source.Run("cache", "push"));
        var damaged = EvaluateEntryOfA(reference);
        var (relative, bytes) = FirstJson(source.PathOf("data/cache/" + damaged));
        var manifest = JsonNode.Parse(container.GetBlobClient($"{damaged}/manifest.json").DownloadContent().Value.Content.ToString())!;
        var sha = manifest["files"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == relative)!["sha256"]!.GetValue<string>();
        bytes[0] ^= 0x20; // same size, other content
        container.GetBlobClient("objects/" + sha).Upload(BinaryData.FromBytes(bytes), overwrite: true);

        using var fresh = Fresh(yaml);
        var pull = fresh.Run("cache", "pull");

        AssertOk(pull);
        var warning = Assert.Single(pull.Warnings);
        output.WriteLine(warning);
        Assert.Contains(CacheKey.Parse(damaged).ToString(), warning, StringComparison.Ordinal);
        Assert.Contains("damaged", warning, StringComparison.Ordinal);
        Assert.Contains("skipped, not installed", warning, StringComparison.Ordinal);
        Assert.Equal(reference.Entries.Where(e => e != damaged), fresh.CacheEntries());
        Assert.Empty(fresh.WorkFolders());
    }

    [Fact]
    public void GivenTwoPushersOfTheSameKeys_WhenTheyRace_ThenBothSucceedAndEveryRemoteEntryIsWhole()
    {
        var container = Azurite.Shared.NewContainer("race");
        var yaml = Azurite.Shared.RemotesYaml("team", container.Name);
        using var first = reference.WarmCopy();
        using var second = reference.WarmCopy();
        first.Write("remotes.yml", yaml);
        second.Write("remotes.yml", yaml);

        CliResult? a = null, b = null;
        Parallel.Invoke(() => a = first.Run("cache", "push"), () => b = second.Run("cache", "push"));

        AssertOk(a!);
        AssertOk(b!);
        output.WriteLine(a!.Output + b!.Output);
        // Every key was published once: by one pusher, and the other found it there (listed, or at its commit).
        var published = (a.Output + b.Output).Split('\n').Count(l => l.StartsWith("push: ", StringComparison.Ordinal) && !l.Contains("already exists", StringComparison.Ordinal));
        Assert.Equal(reference.Entries.Count, published);
        using var fresh = Fresh(yaml);
        var pull = fresh.Run("cache", "pull");
        AssertOk(pull);
        Assert.Empty(pull.Warnings);
        Assert.Equal(reference.Entries, fresh.CacheEntries());
    }

    [Fact]
    public void GivenAPublisherWithOtherBytesForAKey_WhenItPushes_ThenOneErrorNamesTheKeyAndNothingIsOverwritten()
    {
        var container = Azurite.Shared.NewContainer("disagree");
        var yaml = Azurite.Shared.RemotesYaml("team", container.Name);
        using var first = reference.WarmCopy();
        using var second = reference.WarmCopy();
        first.Write("remotes.yml", yaml);
        second.Write("remotes.yml", yaml);
        var contested = EvaluateEntryOfA(reference);
        Diverge(second.PathOf("data/cache/" + contested));
        AssertOk(first.Run("cache", "push"));
        var before = container.GetBlobClient($"{contested}/manifest.json").DownloadContent().Value.Content.ToString();

        var push = second.Run("cache", "push");

        Assert.Equal(ExitCodes.Pipeline, push.ExitCode);
        var error = Assert.Single(push.ErrorLines);
        output.WriteLine(error);
        Assert.Contains(contested, error, StringComparison.Ordinal);
        Assert.Contains("nothing was overwritten", error, StringComparison.Ordinal);
        Assert.Equal(before, container.GetBlobClient($"{contested}/manifest.json").DownloadContent().Value.Content.ToString());
        using var fresh = Fresh(yaml);
        AssertOk(fresh.Run("cache", "pull"));
        var (relative, bytes) = FirstJson(first.PathOf("data/cache/" + contested));
        Assert.Equal(bytes, File.ReadAllBytes(fresh.PathOf($"data/cache/{contested}/{relative}")));
    }

    [Fact]
    public void GivenTheEmulatorKilledMidPush_WhenItIsBack_ThenTheInterruptedEntryHasNoManifestAndTheOthersAreWhole()
    {
        var location = Path.Combine(Path.GetTempPath(), "streetcar-azurite-" + Path.GetRandomFileName());
        Directory.CreateDirectory(location);
        using var azurite = Azurite.Start(location);
        try
        {
            var container = azurite.NewContainer("killed");
            using var source = reference.WarmCopy();
            var cache = new StageCache(source.Cache);
            var store = AzureConnection.Open(azurite.ContainerUrl(container.Name), azurite.ConnectionVariable, Environment.GetEnvironmentVariable);
            var pushed = new List<string>();
            var killed = false;
            var sync = new RemoteSync(cache, store, line => pushed.Add(line), _ => { })
            {
                FileSent = _ =>
                {
                    if (pushed.Count == 2 && !killed)
                    {
                        // Two entries committed; one file of the third is up. Azurite saves its metadata every 5 s (8 s leaves room on a loaded machine):
                        // wait for that save, so what survives the kill is what had been committed.
                        Thread.Sleep(TimeSpan.FromSeconds(8));
                        killed = true;
                        azurite.Kill();
                    }
                },
            };

            var failure = Assert.Throws<PipelineException>(() => sync.Push(RemoteSelection.All));

            output.WriteLine(failure.Message);
            Assert.True(killed);
            Assert.Contains("cannot reach the endpoint", failure.Message, StringComparison.Ordinal);
            azurite.Restart();
            var committed = pushed.Select(line => line.Split(' ')[1]).ToArray();
            var onRemote = store.Entries().Select(k => k.ToString()).ToArray();
            Assert.Equal(committed.Order(StringComparer.Ordinal), onRemote.Order(StringComparer.Ordinal));
            var interrupted = cache.EntryKeys().First(k => !committed.Contains(k.ToString()));
            Assert.Null(store.ReadManifest(interrupted));

            var yaml = azurite.RemotesYaml("team", container.Name);
            using var fresh = Fresh(yaml);
            var pull = fresh.Run("cache", "pull");
            AssertOk(pull);
            Assert.Empty(pull.Warnings);
            Assert.Equal(committed.Length, fresh.CacheEntries().Count);
            // The push resumes where it stopped.
            source.Write("remotes.yml", yaml);
            AssertOk(source.Run("cache", "push"));
            Assert.Equal(reference.Entries.Count, store.Entries().Count);
        }
        finally
        {
            azurite.Kill();
            Directory.Delete(location, recursive: true);
        }
    }

    public static TheoryData<string> Failures() => ["wrong key", "missing container", "unreachable endpoint"];

    [Theory]
    [MemberData(nameof(Failures))]
    public void GivenARemoteThatFails_WhenPulledIntoAWarmCache_ThenOneLineExit2AndTheLocalCacheUntouched(string failure)
    {
        using var workspace = reference.WarmCopy();
        var container = Azurite.Shared.NewContainer("fails");
        workspace.Write("remotes.yml", failure switch
        {
            "wrong key" => Azurite.Shared.RemotesYaml("team", container.Name, wrongKey: true),
            "missing container" => Azurite.Shared.RemotesYaml("team", "no-such-container"),
            _ => "remotes:\n  team:\n    kind: azure\n    url: http://127.0.0.1:1/devstoreaccount1/cache\n",
        });
        var before = Snapshot(workspace);

        foreach (var verb in new[] { "pull", "push" })
        {
            var result = workspace.Run("cache", verb, "--remote", "team");

            Assert.Equal(ExitCodes.Pipeline, result.ExitCode);
            output.WriteLine(Assert.Single(result.ErrorLines));
            Assert.DoesNotContain(Azurite.Key, result.Error, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(workspace));
        }
    }

    [Fact]
    public void GivenASasInTheUrl_WhenTheEndpointFails_ThenTheErrorLineHoldsNoSecret()
    {
        using var workspace = reference.WarmCopy();

        var result = workspace.Run("cache", "pull", "--remote", "http://127.0.0.1:1/devstoreaccount1/cache?sv=2025-11-05&sig=TOPSECRETSIGNATURE");

        Assert.Equal(ExitCodes.Pipeline, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        output.WriteLine(error);
        Assert.Contains("remote http://127.0.0.1:1/devstoreaccount1/cache:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRETSIGNATURE", result.Error + result.Output, StringComparison.Ordinal);
    }

    /// <summary>Every file of the cache with its bytes' hash.</summary>
    private static SortedDictionary<string, string> Snapshot(TestWorkspace workspace) =>
        new(Directory.EnumerateFiles(workspace.Cache, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(workspace.Cache, f), Core.Hashing.ContentHash.OfFile), StringComparer.Ordinal);

}
