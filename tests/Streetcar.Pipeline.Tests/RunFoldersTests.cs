using Streetcar.Pipeline.Ledger;

namespace Streetcar.Pipeline.Tests;

/// <summary>Issue 18: .runs/ keeps the newest runs' folders, the latest always, and never one of a run still alive.</summary>
public sealed class RunFoldersTests : IDisposable
{
    private readonly string _runs = Directory.CreateTempSubdirectory("streetcar-runs-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    /// <summary>A run folder started at minute <paramref name="minute"/> by pid <paramref name="pid"/>, claimed by this host.</summary>
    private string Run(int minute, int pid)
    {
        var name = $"20261204T10{minute:00}00Z-{pid}";
        RunFolders.Claim(Path.Combine(_runs, name));
        File.WriteAllText(Path.Combine(_runs, name, "ledger.json"), "{}\n");
        return name;
    }

    private string[] Left() => [.. Directory.GetDirectories(_runs).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void GivenMoreRunsThanKept_ThenTheOldestDeadOnesGo_AndTheNewestStay()
    {
        var names = Enumerable.Range(0, 6).Select(m => Run(m, 1000 + m)).ToArray();

        var removed = RunFolders.Prune(_runs, keep: 3, isAlive: _ => false);

        Assert.Equal(names[..3], removed);
        Assert.Equal(names[3..], Left());
        Assert.True(File.Exists(Path.Combine(_runs, names[5], "ledger.json")));
    }

    [Fact]
    public void GivenAnOldRunStillAlive_ThenItsFolderStays()
    {
        var names = Enumerable.Range(0, 5).Select(m => Run(m, 2000 + m)).ToArray();

        var removed = RunFolders.Prune(_runs, keep: 2, isAlive: pid => pid == 2001);

        Assert.Equal([names[0], names[2]], removed);
        Assert.Equal([names[1], names[3], names[4]], Left());
    }

    [Fact]
    public void GivenTheLatestIsAnOldFolder_ThenItStays()
    {
        var names = Enumerable.Range(0, 4).Select(m => Run(m, 3000 + m)).ToArray();
        File.WriteAllText(Path.Combine(_runs, RunLedger.LatestFile), names[0] + "\n");

        RunFolders.Prune(_runs, keep: 1, isAlive: _ => false);

        Assert.Equal([names[0], names[3]], Left());
    }

    [Fact]
    public void GivenAnotherHostsRunOrAFolderThatIsNoRun_ThenItStays()
    {
        var names = Enumerable.Range(0, 3).Select(m => Run(m, 4000 + m)).ToArray();
        File.WriteAllText(Path.Combine(_runs, names[0], RunFolders.HostFile), "another-machine\n");
        Directory.CreateDirectory(Path.Combine(_runs, "notes"));

        var removed = RunFolders.Prune(_runs, keep: 1, isAlive: _ => false);

        Assert.Equal([names[1]], removed);
        Assert.Equal([names[0], names[2], "notes"], Left());
    }

    [Fact]
    public void TheRealProbe_KeepsThisProcessRun_AndRemovesADeadOne()
    {
        var mine = Run(0, Environment.ProcessId);
        // Above Linux's largest pid (2^22): no process has it.
        var dead = Run(1, 1 << 30);
        var newest = Run(2, 1 << 30);

        var removed = RunFolders.Prune(_runs, keep: 1);

        Assert.Equal([dead], removed);
        Assert.Equal([mine, newest], Left());
    }
}
