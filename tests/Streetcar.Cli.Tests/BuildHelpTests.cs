using System.Text.RegularExpressions;

namespace Streetcar.Cli.Tests;

/// <summary><c>./build.sh --help</c> lists every option the build reads (build/tasks-help.cake, BuildOptions).</summary>
public sealed class BuildHelpTests
{
    [Fact]
    public void EveryOptionTheBuildReads_IsInTheHelpTable()
    {
        var build = Path.Combine(RepoPaths.Root, "build");
        var help = File.ReadAllText(Path.Combine(build, "tasks-help.cake"));
        var read = Directory.GetFiles(build, "*.cake")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\b(?:Has)?Argument(?:<\w+>)?\(""([a-z-]+)""").Select(m => m.Groups[1].Value))
            .Where(name => name != "target")
            .Distinct()
            .ToArray();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Matches($@"\(""--{Regex.Escape(name)}\b", help));
    }

    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void Bootstrapper_TurnsHelpIntoTheHelpTarget(string script)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, script));

        Assert.Contains("--help", text);
        Assert.Contains("--target=Help", text);
    }
}
