using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>A --jobs value that is not a whole number of at least 1 is a usage error, and nothing runs.</summary>
[Collection(SliceCollection.Name)]
public sealed class JobsOptionTests
{
    [Theory]
    [InlineData("train", "0")]
    [InlineData("train", "-1")]
    [InlineData("evaluate", "abc")]
    [InlineData("run", "0")]
    [InlineData("evaluate", "2.5")]
    public void GivenABadJobsValue_WhenTheVerbRuns_ThenOneErrorLineExit64AndNothingWritten(string verb, string jobs)
    {
        using var workspace = TestWorkspace.Create();

        var result = workspace.Run(verb, "--jobs", jobs);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--jobs", line, StringComparison.Ordinal);
        Assert.Empty(workspace.CacheEntries());
        Assert.False(File.Exists(workspace.Report));
    }
}
