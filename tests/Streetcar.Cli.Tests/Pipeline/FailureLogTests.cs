using Streetcar.Cli.Pipeline;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Tests.Pipeline;

public sealed class FailureLogTests
{
    [Fact]
    public void GivenARecordedFailure_WhenAskedForTheSameTrainKey_ThenItIsKnown_AndForAnotherKeyItIsNot()
    {
        var root = Directory.CreateTempSubdirectory("failures").FullName;
        try
        {
            var log = new FailureLog(new Workspace(root));
            var key = new CacheKey("train", new string('a', 64));
            var changed = new CacheKey("train", new string('b', 64));

            log.Record("exp9", "train: training diverged:\nNaN in epoch 3", key);

            Assert.Equal("train: training diverged: NaN in epoch 3", log.Read("exp9"));
            Assert.Equal("train: training diverged: NaN in epoch 3", log.FailedWith("exp9", key));
            Assert.Null(log.FailedWith("exp9", changed));
            log.Clear("exp9");
            Assert.Null(log.Read("exp9"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void GivenAConfigFailure_WithoutAKey_ThenItIsReportedButNeverMatchesAKey()
    {
        var root = Directory.CreateTempSubdirectory("failures").FullName;
        try
        {
            var log = new FailureLog(new Workspace(root));

            log.Record("exp9", "config: bad");

            Assert.Equal("config: bad", log.Read("exp9"));
            Assert.Null(log.FailedWith("exp9", new CacheKey("train", new string('a', 64))));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
