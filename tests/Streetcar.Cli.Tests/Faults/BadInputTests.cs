using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issues 7 and 15: every bad input gives one clear error line (its key words), the exit code of the documented
/// table, no stack trace, leaves no cache entry, work folder or partial output behind, and leaves results/ as it was.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class BadInputTests(ITestOutputHelper output, ReferenceRun reference)
{
    /// <summary>Bad inputs before issue 15, how many it asked for on top of them, and the size issue 23 asked for.</summary>
    private const int Issue7Cases = 29;
    private const int MoreAskedFor = 25;
    private const int Issue23Expected = 170;

    public static TheoryData<string> Cases() => [.. BadInputs.All().Select(c => c.Name)];

    [Fact]
    public void TheCatalogue_HasAtLeastTheCasesIssues15And23AskedFor_AllDistinct_EachWithADocumentedExitCode()
    {
        var cases = BadInputs.All().ToArray();
        output.WriteLine($"{cases.Length} bad inputs");

        Assert.True(cases.Length >= Issue7Cases + MoreAskedFor, $"{cases.Length} bad inputs");
        Assert.True(cases.Length >= Issue23Expected, $"{cases.Length} bad inputs, issue 23 asked for {Issue23Expected}");
        Assert.Equal(cases.Length, cases.Select(c => c.Name).Distinct().Count());
        Assert.All(cases, c => Assert.Contains(c.ExitCode, ExitCodes.Table.Select(row => row.Code).Where(code => code is not (ExitCodes.Success or ExitCodes.Internal))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenABadInput_WhenTheCliRuns_ThenOneClearLineTheDocumentedExitCodeAndNothingWritten(string name)
    {
        var bad = BadInputs.All().Single(c => c.Name == name);
        using var workspace = TestWorkspace.Create();
        workspace.Write("results/report.md", "the committed report\n");
        workspace.Write("results/plots/a-loss.svg", "<svg/>\n");
        if (bad.Args?.Any(a => a.Contains("{model-copy}", StringComparison.Ordinal)) == true)
        {
            CopyFolder(ModelFolder(), workspace.PathOf("model"));
        }
        bad.Break(workspace);
        try
        {
            Check(bad, workspace);
        }
        finally
        {
            bad.Undo?.Invoke(workspace);
        }
    }

    private void Check(BadInputCase bad, TestWorkspace workspace)
    {
        var resultsBefore = workspace.ResultFiles();
        var args = bad.Args?.Select(a => a
            .Replace("{model-copy}", workspace.PathOf("model"), StringComparison.Ordinal)
            .Replace("{root}", workspace.Root, StringComparison.Ordinal)
            .Replace("{model}", ModelFolder(), StringComparison.Ordinal)).ToArray();
        var result = workspace.Run(args ?? ["run", "--data-source", workspace.DataSource]);

        var message = Assert.Single(result.ErrorLines);
        output.WriteLine($"exit {result.ExitCode}: {message}");
        Assert.True(bad.ExitCode == result.ExitCode, $"expected exit {bad.ExitCode}\n{result}");
        Assert.All(bad.KeyWords, word => Assert.True(message.Contains(word, StringComparison.Ordinal), $"'{word}' not in: {message}\n{result}"));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "scored.csv", SearchOption.AllDirectories));
        Assert.Equal(resultsBefore, workspace.ResultFiles());
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>A trained model folder of the reference run (read only).</summary>
    private string ModelFolder() =>
        Directory.EnumerateDirectories(Path.Combine(reference.Workspace.Cache, "train"))
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .First();
}
