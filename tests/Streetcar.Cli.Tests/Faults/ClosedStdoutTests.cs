using System.Diagnostics;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, item 5: a standard output that cannot be written — a pipe whose reader has gone (EPIPE, as in
/// <c>streetcar stages | head -c1</c>), a closed descriptor, a full device — is one error line and exit 2, never a
/// crash (70) nor a silent exit 0 with the output lost. Run through bash, which sets the descriptors up.
/// </summary>
public sealed class ClosedStdoutTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases() => new()
    {
        // The reader closes its end at once, long before the CLI has started: every write meets EPIPE.
        { "stages into a pipe nobody reads", "stages --root {root} | (exec 0<&-; sleep 3)" },
        { "--help into a pipe nobody reads", "--help | (exec 0<&-; sleep 3)" },
        { "stages with stdout closed", "stages --root {root} >&-" },
        { "stages into /dev/full", "stages --root {root} >/dev/full" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAStdoutThatCannotBeWritten_WhenTheCliWrites_ThenOneErrorLineAndExit2(string name, string command)
    {
        using var workspace = TestWorkspace.Create();
        var cli = $"dotnet {Path.Combine(AppContext.BaseDirectory, "streetcar.dll")} {command.Replace("{root}", workspace.Root, StringComparison.Ordinal)}";

        var (exit, error) = Bash($"{cli}; exit ${{PIPESTATUS[0]}}");

        output.WriteLine($"{name}: exit {exit}\n{error}");
        Assert.Equal(ExitCodes.Pipeline, exit);
        var line = Assert.Single(error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("standard output cannot be written", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPipeThatIsRead_WhenTheCliWrites_ThenEverythingArrivesAndExit0()
    {
        using var workspace = TestWorkspace.Create();
        var cli = $"dotnet {Path.Combine(AppContext.BaseDirectory, "streetcar.dll")} stages --root {workspace.Root}";

        var (exit, error) = Bash($"{cli} | grep -c . >&2; exit ${{PIPESTATUS[0]}}");

        Assert.Equal(0, exit);
        Assert.True(int.Parse(error.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 5, error);
    }

    private static (int Exit, string Error) Bash(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the CLI did not finish");
        stdout.Wait();
        return (process.ExitCode, error);
    }
}
