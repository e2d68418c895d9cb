using System.Text.RegularExpressions;
using Streetcar.Cli.Output;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests;

/// <summary>The exit codes are documented once: README.md and --help show exactly <see cref="ExitCodes.Table"/>.</summary>
public sealed class ExitCodesTests
{
    [Fact]
    public void Readme_ExitCodeTable_IsExactlyTheCodeTable()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var start = Array.IndexOf(readme, "| Code | Meaning |");
        Assert.True(start >= 0, "README.md has no '| Code | Meaning |' table");

        var rows = readme.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).ToArray();

        Assert.Equal(ExitCodes.Table.Select(r => $"| {r.Code} | {r.Meaning} |"), rows);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("train", "--help")]
    [InlineData("cache", "remove", "--help")] // its key argument is required, yet --help answers
    [InlineData("score", "--help")]
    public void Help_EndsWithTheExitCodeTable(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, CliApp.Run(args, new CliConsole(output, error)));

        var text = output.ToString();
        Assert.Contains("Exit codes:", text);
        Assert.All(ExitCodes.Table, row => Assert.Matches($@"\n\s*{row.Code}\s+{Regex.Escape(row.Meaning)}\n", text));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void PipelineExceptionKinds_CarryTheTablesCodes()
    {
        Assert.Equal(ExitCodes.Pipeline, new PipelineException("x").ExitCode);
        Assert.Equal(ExitCodes.Config, new ConfigException("f", "k", "p").ExitCode);
        Assert.Equal(ExitCodes.Data, new DataException("x").ExitCode);
        Assert.Equal((ExitCodes.Internal, ExitCodes.Usage), (CliApp.InternalError, CliApp.UsageError));
    }
}
