using Streetcar.Report.Plots;

namespace Streetcar.Report.Tests;

public sealed class ExperimentPlotsTests
{
    [Fact]
    public void Write_TwiceFromTheSameData_GivesByteIdenticalSvgs()
    {
        var outcome = SampleReport.Input().Experiments[0];
        var first = Directory.CreateTempSubdirectory("plots-a").FullName;
        var second = Directory.CreateTempSubdirectory("plots-b").FullName;
        try
        {
            var a = ExperimentPlots.Write(outcome, first);
            var b = ExperimentPlots.Write(outcome, second);

            Assert.Equal(3, a.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Assert.Equal(File.ReadAllBytes(a[i]), File.ReadAllBytes(b[i]));
                Assert.Contains("<svg", File.ReadAllText(a[i]));
            }
        }
        finally
        {
            Directory.Delete(first, true);
            Directory.Delete(second, true);
        }
    }

    [Fact]
    public void Write_FailedExperiment_WritesNothing()
    {
        var failed = SampleReport.Input().Experiments[1];
        var dir = Directory.CreateTempSubdirectory("plots-c").FullName;
        try
        {
            Assert.Empty(ExperimentPlots.Write(failed, dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
