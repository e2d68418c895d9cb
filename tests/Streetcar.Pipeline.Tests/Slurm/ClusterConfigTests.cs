using Streetcar.Core.Errors;
using Streetcar.Pipeline.Slurm;

namespace Streetcar.Pipeline.Tests.Slurm;

public sealed class ClusterConfigTests : IDisposable
{
    private readonly TempFolder _root = new();

    [Fact]
    public void NoFile_IsTheDefaults()
    {
        var config = ClusterConfig.Load(_root.Path);

        Assert.Null(config.Partition);
        Assert.Equal(5, config.PollSeconds);
        Assert.Empty(config.SbatchOptions);
    }

    [Fact]
    public void EveryKey_IsRead_AndOptionsReplaceTheFile()
    {
        Write("partition: gpu\naccount: lab-1\ntime_limit: 1-02:30:00\nmax_cpus_per_task: 8\npoll_seconds: 10\nsbatch_options: [--qos=short, --mem=8G]\n");

        var config = ClusterConfig.Load(_root.Path).With(new SlurmOptions(Partition: "debug", SbatchOptions: ["--exclusive"]));

        Assert.Equal(("debug", "lab-1", "1-02:30:00", 8, 10), (config.Partition, config.Account, config.TimeLimit, config.MaxCpusPerTask!.Value, config.PollSeconds));
        Assert.Equal(["--qos=short", "--mem=8G", "--exclusive"], config.SbatchOptions);
    }

    [Theory]
    [InlineData("partitions: debug\n", "'partitions': unknown key")]
    [InlineData("time_limit: 90 minutes\n", "'time_limit': must be a Slurm time")]
    [InlineData("time_limit: '1:2:3:4'\n", "'time_limit': must be a Slurm time")]
    [InlineData("max_cpus_per_task: 0\n", "'max_cpus_per_task': must be an integer in 1 .. 4096, got 0")]
    [InlineData("max_cpus_per_task: 5000\n", "'max_cpus_per_task': must be an integer in 1 .. 4096, got 5000")]
    [InlineData("max_cpus_per_task: many\n", "'max_cpus_per_task'")]
    [InlineData("poll_seconds: 0\n", "'poll_seconds': must be an integer in 1 .. 300")]
    [InlineData("sbatch_options: [--array=0-3]\n", "'sbatch_options': '--array' is set by the executor")]
    [InlineData("sbatch_options: ['-p debug']\n", "'sbatch_options': each must be one long option")]
    [InlineData("partition: 'a b'\n", "'partition': must be a Slurm partition name")]
    public void BadKeyOrValue_IsAConfigError_NamingTheFileAndTheKey(string yaml, string expected)
    {
        Write(yaml);

        var error = Assert.Throws<ConfigException>(() => ClusterConfig.Load(_root.Path));

        Assert.Equal(ExitCodes.Config, error.ExitCode);
        Assert.StartsWith(Path.Combine(_root.Path, "cluster.yml"), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void BadOption_IsAUsageError_NamingTheOption_BeforeAnythingRuns()
    {
        var error = Assert.Throws<PipelineException>(() => SlurmExecutor.Open(_root.Path, new SlurmOptions(TimeLimit: "soon")));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith("--slurm-time: must be a Slurm time", error.Message);
    }

    [Fact]
    public void BadFile_IsExit3_EvenWithSlurmMissing()
    {
        Write("max_cpus_per_task: -1\n");

        var error = Assert.Throws<ConfigException>(() => SlurmExecutor.Open(_root.Path, SlurmOptions.None, new SlurmTools("", new Dictionary<string, string>())));

        Assert.Equal(ExitCodes.Config, error.ExitCode);
    }

    public void Dispose() => _root.Dispose();

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_root.Path, ClusterConfig.FileName), yaml);
}
