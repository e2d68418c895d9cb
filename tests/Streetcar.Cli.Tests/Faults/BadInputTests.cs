using Streetcar.Cli.Tests.Fixtures;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 7: every bad input gives one clear message (its key words), a non-zero exit code, no stack trace, and
/// leaves no cache entry and no work folder behind.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class BadInputTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => [.. BadInputs.All().Select(c => c.Name)];

    [Fact]
    public void TheCatalogue_HasAtLeastTwentyDistinctBadInputs()
    {
        var names = BadInputs.All().Select(c => c.Name).ToArray();

        Assert.True(names.Length >= 20, $"{names.Length} bad inputs");
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenABadInput_WhenTheCliRuns_ThenOneClearMessageANonZeroExitAndNoCacheEntry(string name)
    {
        var bad = BadInputs.All().Single(c => c.Name == name);
        using var workspace = TestWorkspace.Create();
        bad.Break(workspace);

        var result = workspace.Run(bad.Args ?? ["run", "--data-source", workspace.DataSource]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.True(result.ExitCode != CliApp.InternalError, result.ToString());
        var message = Assert.Single(result.ErrorLines);
        output.WriteLine($"exit {result.ExitCode}: {message}");
        Assert.All(bad.KeyWords, word => Assert.True(message.Contains(word, StringComparison.Ordinal), $"'{word}' not in: {message}\n{result}"));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
        Assert.False(File.Exists(workspace.Report));
    }
}
