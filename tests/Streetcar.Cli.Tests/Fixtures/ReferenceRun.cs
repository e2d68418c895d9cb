namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// One uninterrupted cold run of the slice, made once for the whole test assembly: the results every fault test
/// must reproduce byte for byte, and a warm workspace to copy instead of training again.
/// </summary>
public sealed class ReferenceRun : IDisposable
{
    public ReferenceRun()
    {
        Workspace = TestWorkspace.Create();
        Run = Workspace.RunPipeline();
        if (Run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reference run of the slice failed:\n{Run}");
        }
        Results = Workspace.ResultFiles();
        Entries = Workspace.CacheEntries();
    }

    /// <summary>The workspace of the reference run; copy it (<see cref="TestWorkspace.CopyOf"/>), never change it.</summary>
    public TestWorkspace Workspace { get; }

    public CliResult Run { get; }

    /// <summary>results/ after the reference run: report.md, metrics.json and plots/*.svg.</summary>
    public SortedDictionary<string, string> Results { get; }

    /// <summary>Cache entries after the reference run (grid, split, 2 × train, 2 × evaluate).</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>A copy of the reference workspace, warm cache and results included.</summary>
    public TestWorkspace WarmCopy() => TestWorkspace.CopyOf(Workspace);

    /// <summary>Asserts that <paramref name="workspace"/>'s results/ are byte-identical to the reference run's.</summary>
    public void AssertSameResults(TestWorkspace workspace)
    {
        var actual = workspace.ResultFiles();
        Assert.Equal(Results.Keys, actual.Keys);
        foreach (var (file, text) in Results)
        {
            Assert.True(text == actual[file], $"results/{file} differs from the reference run");
        }
    }

    public void Dispose() => Workspace.Dispose();
}
