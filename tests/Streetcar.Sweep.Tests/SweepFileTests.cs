using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Xunit;

namespace Streetcar.Sweep.Tests;

public sealed class SweepFileTests : IDisposable
{
    private readonly SweepFolder _folder = new();

    private const string Net = """
        base: exp7
        repeats: 2
        space:
          learning_rate: {from: 0.001, to: 0.01, steps: 3, log: true}
          hidden_layers: [[64, 32], [128, 64], []]
          batch_size: [500, 1000]
        select: {metric: val_pr_auc, by: mean}
        halving: {min_epochs: 3, eta: 3}
        """;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_grid_has_every_combination_named_in_file_order_the_last_key_fastest()
    {
        var sweep = SweepFileReader.Read(_folder.Write("lr-width", Net));
        var points = SweepPoints.Expand(sweep);
        Assert.Equal(18, points.Count);
        Assert.Equal("lr-width/learning_rate=0.001,hidden_layers=64x32,batch_size=500", points[0].Name);
        Assert.Equal("lr-width/learning_rate=0.001,hidden_layers=64x32,batch_size=1000", points[1].Name);
        Assert.Equal("lr-width/learning_rate=0.001,hidden_layers=128x64,batch_size=500", points[2].Name);
        Assert.Equal("lr-width/learning_rate=0.01,hidden_layers=none,batch_size=1000", points[^1].Name);
        Assert.Equal(["0.001", "0.00316228", "0.01"], sweep.Space[0].Values.Select(v => v.Text));
    }

    [Fact]
    public void Points_resolve_to_the_base_experiment_with_their_values_and_the_sweeps_repeats()
    {
        var sweep = SweepFileReader.Read(_folder.Write("lr-width", Net));
        var resolved = SweepPoints.Resolve(sweep, SweepPoints.Expand(sweep), _folder.Path);
        var last = resolved[^1].Config;
        Assert.Equal(0.01, last.LearningRate);
        Assert.Empty(last.HiddenLayers);
        Assert.Equal(1000, last.BatchSize);
        Assert.Equal(2, last.Repeats);
        Assert.Equal(Activation.Sigmoid, last.OutputActivation); // from exp7, untouched
        Assert.Equal(resolved[^1].Point.Name, last.Name);
    }

    [Fact]
    public void A_random_sweep_draws_distinct_points_the_same_for_the_same_seed_and_others_for_another()
    {
        string Yaml(int seed) => Net.Replace("base: exp7", $"base: exp7\nmethod: random\nsamples: 5\nseed: {seed}");
        var a = SweepPoints.Expand(SweepFileReader.Read(_folder.Write("r", Yaml(7)))).Select(p => p.Name).ToArray();
        var again = SweepPoints.Expand(SweepFileReader.Read(_folder.Write("r", Yaml(7)))).Select(p => p.Name).ToArray();
        var other = SweepPoints.Expand(SweepFileReader.Read(_folder.Write("r", Yaml(8)))).Select(p => p.Name).ToArray();
        Assert.Equal(5, a.Distinct().Count());
        Assert.Equal(a, again);
        Assert.NotEqual(a, other);
        var grid = SweepPoints.Expand(SweepFileReader.Read(_folder.Write("r", Net))).Select(p => p.Name).ToList();
        Assert.All(a, name => Assert.Contains(name, grid));
        Assert.Equal(a.OrderBy(grid.IndexOf), a); // listed in grid order
    }

    [Theory]
    [InlineData("base: exp7\nspace: {}\nselect: {metric: val_pr_auc}", "'space': is empty")]
    [InlineData("base: exp7\nspace: {learning_rat: [0.1]}\nselect: {metric: val_pr_auc}", "x.sweep.yml: point 'x/learning_rat=0.1': 'learning_rat': unknown key")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1, 20]}\nselect: {metric: val_pr_auc}", "x.sweep.yml: point 'x/learning_rate=20': 'learning_rate': must be a number in (0, 10], got 20")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1]}\nselect: {metric: val_pr_auc}\nhalving: {min_epochs: 2, eta: 1}", "'halving.eta': must be an integer in [2, 100], got 1")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1]}\nselect: {metric: val_pr_auc}\nhalving: {min_epochs: 31, eta: 2}", "'halving.min_epochs': 31 is above point 'x/learning_rate=0.1''s epoch budget (30)")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1]}\nselect: {metric: pr_auc}", "'select.metric': 'pr_auc' is not allowed")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1]}\nselect: {metric: loss}", "must be a validation metric")]
    [InlineData("base: exp7\nspace: {seeds.torch: [1, 2]}\nselect: {metric: val_pr_auc}", "'space.seeds.torch': cannot be searched")]
    [InlineData("base: exp7\nspace: {learning_rate: [0.1, 0.1]}\nselect: {metric: val_pr_auc}", "lists the value 0.1 twice")]
    [InlineData("base: exp7\nspace: {batch_size: {from: 1, to: 3, steps: 5}}\nselect: {metric: val_pr_auc}", "gives the whole number 2 twice")]
    [InlineData("base: exp7\nspace: {output_activation: {from: 1, to: 3, steps: 2}}\nselect: {metric: val_pr_auc}", "needs a numeric key")]
    [InlineData("base: exp7\nspaces: {}\nselect: {metric: val_pr_auc}", "'spaces': unknown key")]
    [InlineData("base: nosuch\nspace: {learning_rate: [0.1]}\nselect: {metric: val_pr_auc}", "'base': 'nosuch' is not an experiment")]
    [InlineData("base: gbm\nspace: {gradient_boosting.num_leaves: [15, 31]}\nselect: {metric: val_pr_auc}\nhalving: {min_epochs: 1, eta: 2}", "'halving': needs epochs to halve over")]
    [InlineData("base: exp7\nrepeats: 1\nspace: {learning_rate: [0.1]}\nselect: {metric: val_pr_auc, by: lower_bound}", "lower_bound needs at least 2 repeats")]
    [InlineData("base: exp7\nmethod: random\nsamples: 3\nspace: {learning_rate: [0.1, 0.2]}\nselect: {metric: val_pr_auc}", "asks for 3 points but the space holds 2")]
    public void A_bad_sweep_is_one_config_error_naming_the_key(string yaml, string expected)
    {
        var error = Assert.ThrowsAny<PipelineException>(() =>
        {
            var sweep = SweepFileReader.Read(_folder.Write("x", yaml));
            SweepPoints.Resolve(sweep, SweepPoints.Expand(sweep), _folder.Path);
        });
        Assert.Equal(ExitCodes.Config, error.ExitCode);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void More_than_a_thousand_points_need_a_higher_limit()
    {
        var yaml = "base: exp7\nspace:\n  learning_rate: {from: 0.001, to: 0.1, steps: 40}\n  batch_size: {from: 100, to: 4000, steps: 30}\nselect: {metric: val_pr_auc}";
        var sweep = SweepFileReader.Read(_folder.Write("big", yaml));
        var error = Assert.Throws<ConfigException>(() => SweepPoints.Expand(sweep));
        Assert.Contains("gives 1200 points, more than 1000", error.Message);
        Assert.Equal(1200, SweepPoints.Expand(sweep, maxPoints: 1200).Count);
    }

    [Fact]
    public void A_sweep_named_as_an_experiment_is_refused()
    {
        var sweep = SweepFileReader.Read(_folder.Write("exp7", "base: exp7\nspace: {learning_rate: [0.1]}\nselect: {metric: val_pr_auc}"));
        var error = Assert.Throws<ConfigException>(() => SweepPoints.Resolve(sweep, SweepPoints.Expand(sweep), _folder.Path));
        Assert.Contains("also an experiment", error.Message);
    }

    [Fact]
    public void Sweep_files_are_not_experiments()
    {
        _folder.Write("lr-width", Net);
        Assert.Equal(["exp7", "gbm"], ExperimentConfigLoader.ExperimentFiles(_folder.Path).Select(Path.GetFileNameWithoutExtension));
    }

    [Fact]
    public void The_committed_sweeps_are_valid_and_as_large_as_their_comments_say()
    {
        var repo = RepoExperiments();
        var net = SweepFileReader.Read(System.IO.Path.Combine(repo, "net-tuning.sweep.yml"));
        var netPoints = SweepPoints.Resolve(net, SweepPoints.Expand(net), repo);
        Assert.Equal(18, netPoints.Count);
        Assert.Contains(netPoints, p => p.Point.Name == "net-tuning/learning_rate=0.003,hidden_layers=64x32,batch_size=1000");
        Assert.Equal([(18, 2), (6, 6), (2, 18), (1, 30)], HalvingSchedule.Rounds(18, net.Halving!, 30).Select(r => (r.Points, r.Epochs)));
        var gbm = SweepFileReader.Read(System.IO.Path.Combine(repo, "gbm-tuning.sweep.yml"));
        Assert.Equal(8, SweepPoints.Resolve(gbm, SweepPoints.Expand(gbm), repo).Count);
    }

    private static string RepoExperiments()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(dir, "streetcar-experiments.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir)!;
        }
        return System.IO.Path.Combine(dir, "experiments");
    }
}
