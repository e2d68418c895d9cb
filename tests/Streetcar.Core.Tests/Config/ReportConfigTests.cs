using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Config;

public sealed class ReportConfigTests : IDisposable
{
    private static readonly string[] Series = ["exp0", "exp1", "exp2", "exp3"];
    private readonly string _folder = Directory.CreateTempSubdirectory("report-config").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void NoFile_ComparesEachExperimentWithThePreviousOne()
    {
        var config = ReportConfig.Load(_folder, Series);

        Assert.Equal([("exp0", "exp1"), ("exp1", "exp2"), ("exp2", "exp3")], config.Pairs(Series));
    }

    [Fact]
    public void CompareWith_ReplacesTheBaselineOfTheExperimentsItNames_AndCanGiveTheFirstOneABaseline()
    {
        Write("compare_with:\n  exp3: exp0\n  exp0: exp2\n");

        var config = ReportConfig.Load(_folder, Series);

        Assert.Equal([("exp2", "exp0"), ("exp0", "exp1"), ("exp1", "exp2"), ("exp0", "exp3")], config.Pairs(Series));
    }

    [Fact]
    public void Pairs_LeaveOutAPairWhoseBaselineIsNotInTheSeries()
    {
        Write("compare_with:\n  exp3: exp0\n");

        var pairs = ReportConfig.Load(_folder, Series).Pairs(["exp2", "exp3"]);

        Assert.Empty(pairs);
    }

    [Theory]
    [InlineData("compare_with:\n  exp3: exp7\n", "'compare_with.exp3': unknown experiment 'exp7'; allowed: one of exp0, exp1, exp2, exp3")]
    [InlineData("compare_with:\n  exp9: exp0\n", "'compare_with.exp9': unknown experiment 'exp9'")]
    [InlineData("compare_with:\n  exp1: exp1\n", "'compare_with.exp1': an experiment cannot be compared with itself")]
    [InlineData("compare:\n  exp1: exp0\n", "'compare': unknown key")]
    public void BadFile_IsAConfigErrorNamingTheFileAndTheKey(string yaml, string expected)
    {
        Write(yaml);

        var error = Assert.Throws<ConfigException>(() => ReportConfig.Load(_folder, Series));

        Assert.Equal(ExitCodes.Config, error.ExitCode);
        Assert.Contains(ReportConfig.FileName, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void RepositoryReportConfig_Loads_AndComparesTheBookSeriesStepByStep()
    {
        var folder = Path.Combine(RepoPaths.Root, "experiments");
        var names = ExperimentConfigLoader.ExperimentFiles(folder).Select(Path.GetFileNameWithoutExtension).ToArray()!;

        var pairs = ReportConfig.Load(folder, names!).Pairs(names!);

        // The book's series, step by step; experiments added after it (exp6 on) pair on from exp5.
        Assert.Equal([("exp0", "exp1"), ("exp1", "exp2"), ("exp2", "exp3"), ("exp3", "exp4"), ("exp4", "exp5")], pairs.Take(5));
    }

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_folder, ReportConfig.FileName), yaml);
}
