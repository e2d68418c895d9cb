using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, item 8: a data source from $STREETCAR_DATA_SOURCE that is not a folder is named as the variable, not
/// as --data-source, and a file is "not a folder". Run as a child: the variable is process-wide.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class DataSourceVariableTests
{
    [Theory]
    [InlineData("data/prepare.yml", "not a folder (a file)")]
    [InlineData("no-such-source", "no such folder")]
    public void GivenTheVariableAtSomethingThatIsNotAFolder_WhenFetching_ThenTheErrorNamesTheVariable(string relative, string problem)
    {
        using var workspace = TestWorkspace.Create();
        var value = workspace.PathOf(relative);
        using var child = CliChild.Start(["fetch", "--root", workspace.Root], new Dictionary<string, string> { ["STREETCAR_DATA_SOURCE"] = value });

        var result = child.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == ExitCodes.Data, result.ToString());
        var message = Assert.Single(result.ErrorLines);
        Assert.Contains($"STREETCAR_DATA_SOURCE={value}: {problem}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("--data-source", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("data/raw")));
    }
}
