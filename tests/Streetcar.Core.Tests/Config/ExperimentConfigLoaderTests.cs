using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Config;

public sealed class ExperimentConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("expcfg").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Base = "epochs: 50\nweighting: none\nearly_stopping:\n  enabled: false\n  monitor: val_loss\n  mode: min\n  patience: 15\n";

    [Fact]
    public void Load_ExperimentOverBase_MergesKeyByKeyIncludingNestedMappings()
    {
        Write("_base.yml", Base + "learning_rate: 0.002\n");
        var path = Write("exp.yml", "base: _base.yml\nepochs: 3\nearly_stopping:\n  enabled: true\n  monitor: val_accuracy\n  mode: max\n");

        var config = ExperimentConfigLoader.Load(path);

        Assert.Equal(3, config.Epochs);
        Assert.Equal(0.002, config.LearningRate);
        Assert.True(config.EarlyStopping.Enabled);
        Assert.Equal(MonitorMetric.ValAccuracy, config.EarlyStopping.Monitor);
        Assert.Equal(MonitorMode.Max, config.EarlyStopping.Mode);
        Assert.Equal(15, config.EarlyStopping.Patience);
        Assert.Equal("exp", config.Name);
        Assert.Null(config.Base);
    }

    [Theory]
    [InlineData("early_stopping:\n", "early_stopping")]
    [InlineData("seeds:\n", "seeds")]
    [InlineData("hidden_layers:\n", "hidden_layers")]
    [InlineData("name:\n", "name")]
    public void Load_KeyWithAnEmptyValue_IsAConfigErrorNamingTheKey(string yaml, string key)
    {
        var path = Write("exp.yml", yaml);

        var error = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));

        Assert.Contains(key, error.Message);
        Assert.Contains("exp.yml", error.Message);
    }

    [Fact]
    public void Load_EmptyFile_GivesBookDefaults()
    {
        var config = ExperimentConfigLoader.Load(Write("e.yml", ""));
        Assert.Equal(new ExperimentConfig { Name = "e", HiddenLayers = config.HiddenLayers }, config);
        Assert.Equal(0.001, config.LearningRate);
        Assert.Equal(1000, config.BatchSize);
        Assert.Equal(Activation.HardSigmoid, config.OutputActivation);
        Assert.Empty(config.HiddenLayers);
    }

    [Fact]
    public void ExperimentFiles_SkipsFilesStartingWithUnderscore()
    {
        Write("_base.yml", Base);
        Write("exp1.yml", "base: _base.yml\n");
        Write("exp0.yml", "base: _base.yml\n");
        var files = ExperimentConfigLoader.ExperimentFiles(_dir).Select(Path.GetFileName);
        Assert.Equal(["exp0.yml", "exp1.yml"], files);
    }

    [Fact]
    public void Load_UnknownKeyInExperiment_NamesFileAndKey()
    {
        Write("_base.yml", Base);
        var path = Write("exp.yml", "base: _base.yml\nlearning_rat: 0.1\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Equal("learning_rat", e.Key);
        Assert.Contains("exp.yml", e.File);
    }

    [Fact]
    public void Load_UnknownNestedKeyInBase_NamesTheBaseFile()
    {
        Write("_base.yml", Base + "seeds:\n  torchh: 1\n");
        var path = Write("exp.yml", "base: _base.yml\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Equal("torchh", e.Key);
        Assert.Contains("_base.yml", e.File);
    }

    [Fact]
    public void Load_WrongType_IsConfigException()
    {
        var path = Write("exp.yml", "epochs: many\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Contains("exp.yml", e.File);
    }

    [Theory]
    [InlineData("learning_rate: 0", "learning_rate", "(0, 10], got 0")]
    [InlineData("learning_rate: -0.1", "learning_rate", "(0, 10], got -0.1")]
    [InlineData("dropout_rate: 1.0", "dropout_rate", "[0, 1)")]
    [InlineData("l2_lambda: -1", "l2_lambda", "[0, 1], got -1")]
    [InlineData("loss: mse", "loss", "binary_crossentropy")]
    [InlineData("output_activation: relu", "output_activation", "hard_sigmoid | sigmoid")]
    [InlineData("batch_size: 0", "batch_size", "an integer in [1, 10000000], got 0")]
    [InlineData("epochs: -5", "epochs", "an integer in [1, 10000], got -5")]
    [InlineData("early_stopping:\n  monitor: val_auc", "early_stopping.monitor", "val_loss | val_accuracy | loss | accuracy")]
    [InlineData("early_stopping:\n  mode: up", "early_stopping.mode", "min | max")]
    [InlineData("early_stopping:\n  patience: 0", "early_stopping.patience", "[1, 10000]")]
    [InlineData("zero_weight: 0", "zero_weight", "(0, 1000]")]
    [InlineData("weighting: inverse", "weighting", "none | balanced")]
    [InlineData("one_weight_offset: 2", "one_weight_offset", "balanced")]
    [InlineData("hidden_layers: [16, 0]", "hidden_layers", "item 1: must be an integer in [1, 4096], got 0")]
    [InlineData("threshold: 1", "threshold", "(0, 1)")]
    [InlineData("seeds:\n  torch: -1", "seeds.torch", "[0, 2147483647]")]
    [InlineData("split:\n  test_proportion: 0", "split.test_proportion", "(0, 1)")]
    [InlineData("split:\n  train_proportion: 1.5", "split.train_proportion", "(0, 1)")]
    [InlineData("threads: 0", "threads", "[1, 64], got 0")]
    [InlineData("model: xgboost", "model", "network | gradient_boosting")]
    [InlineData("threshold:\n  choose: target_recall\n  value: 0", "threshold.value", "(0, 1]")]
    [InlineData("threshold:\n  choose: target_recall", "threshold.value", "(0, 1]")]
    [InlineData("threshold:\n  choose: max_f1\n  value: 0.5", "threshold.value", "takes no value")]
    [InlineData("threshold:\n  choose: best", "threshold.choose", "target_recall | max_f1 | youden")]
    [InlineData("threshold:\n  choose: youden\n  target: 1", "threshold.target", "choose, value")]
    [InlineData("threshold:\n  value: 0.8", "threshold", "target_recall | max_f1 | youden")]
    [InlineData("threshold: high", "threshold", "target_recall | max_f1 | youden")]
    [InlineData("early_stopping:\n  monitor: val_pr_auc\n  mode: min", "early_stopping.mode", "mode: max")]
    [InlineData("early_stopping:\n  monitor: val_weighted_loss\n  mode: max", "early_stopping.mode", "mode: min")]
    [InlineData("gradient_boosting:\n  num_leaves: 1", "gradient_boosting.num_leaves", "[2, 4096], got 1")]
    [InlineData("gradient_boosting:\n  learning_rate: 1.5", "gradient_boosting.learning_rate", "(0, 1]")]
    [InlineData("gradient_boosting:\n  threads: 0", "gradient_boosting.threads", "[1, 64], got 0")]
    [InlineData("gradient_boosting:\n  positive_weighting: double", "gradient_boosting.positive_weighting", "none | balanced")]
    [InlineData("gradient_boosting:\n  leaves: 8", "leaves", "unknown key")]
    public void Load_OutOfRange_NamesKeyAndAllowedValues(string yaml, string key, string allowed)
    {
        Write("_base.yml", Base);
        var path = Write("exp.yml", "base: _base.yml\n" + yaml + "\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Equal(key, e.Key);
        // Values the YAML reader refuses (an enum's text) carry their line and column.
        Assert.Matches(@"exp\.yml(:\d+:\d+)?$", e.File);
        Assert.Contains(allowed, e.Message);
    }

    [Fact]
    public void Load_OutOfRangeValueFromBase_NamesTheBaseFile()
    {
        Write("_base.yml", Base + "batch_size: -1\n");
        var path = Write("exp.yml", "base: _base.yml\nepochs: 2\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Equal("batch_size", e.Key);
        Assert.EndsWith("_base.yml", e.File);
    }

    [Theory]
    [InlineData("threshold: 0.3", "0.3")]
    [InlineData("threshold:\n  choose: target_recall\n  value: 0.85", "target_recall 0.85")]
    [InlineData("threshold: {choose: max_f1}", "max_f1")]
    [InlineData("threshold: {choose: youden}", "youden")]
    public void Load_ThresholdNumberOrRule_ReadsTheRule_AndItsCanonicalFormReadsBack(string yaml, string rule)
    {
        Write("_base.yml", Base + "threshold: {choose: target_recall, value: 0.9}\n");
        var config = ExperimentConfigLoader.Load(Write("exp.yml", "base: _base.yml\n" + yaml + "\n"));

        Assert.Equal(rule, config.Threshold.ToString());
        Assert.Equal(config.Threshold, ExperimentConfigJson.Parse(ExperimentConfigJson.Resolved(config)).Threshold);
    }

    [Fact]
    public void Canonical_OfANetwork_LeavesOutTheBoostingOptions_WhichABoostingExperimentKeeps()
    {
        var network = new ExperimentConfig();
        var boosting = network with { Model = ModelKind.GradientBoosting };

        Assert.Equal(ExperimentConfigJson.Canonical(network),
            ExperimentConfigJson.Canonical(network with { GradientBoosting = new GradientBoostingOptions { NumLeaves = 63 } }));
        Assert.DoesNotContain("gradient_boosting", ExperimentConfigJson.Canonical(network), StringComparison.Ordinal);
        Assert.Contains("\"model\":\"gradient_boosting\"", ExperimentConfigJson.Canonical(boosting), StringComparison.Ordinal);
        Assert.NotEqual(ExperimentConfigJson.Canonical(boosting),
            ExperimentConfigJson.Canonical(boosting with { GradientBoosting = new GradientBoostingOptions { NumLeaves = 63 } }));
    }

    [Fact]
    public void Canonical_OfAFixedThreshold_IsTheBareNumberAsBeforeRulesExisted()
    {
        Assert.Contains("\"threshold\":0.5", ExperimentConfigJson.Canonical(new ExperimentConfig()));
        Assert.Contains("\"threshold\":{\"choose\":\"target_recall\",\"value\":0.85}",
            ExperimentConfigJson.Canonical(new ExperimentConfig { Threshold = ThresholdRule.TargetRecall(0.85) }));
    }

    [Fact]
    public void Load_GradientBoostingSection_OverridesKeyByKey()
    {
        Write("_base.yml", Base + "gradient_boosting:\n  num_leaves: 31\n  iterations: 100\n");
        var config = ExperimentConfigLoader.Load(Write("exp.yml", "base: _base.yml\nmodel: gradient_boosting\ngradient_boosting:\n  iterations: 7\n"));

        Assert.Equal(ModelKind.GradientBoosting, config.Model);
        Assert.Equal(new GradientBoostingOptions { NumLeaves = 31, Iterations = 7 }, config.GradientBoosting);
    }

    [Fact]
    public void Load_MissingBaseFile_NamesBaseKey()
    {
        var path = Write("exp.yml", "base: _nowhere.yml\n");
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));
        Assert.Equal("base", e.Key);
    }

    [Theory]
    [InlineData("epochs: 2\nepochs: 3\n", "epochs")]
    [InlineData("seeds:\n  torch: 1\n  torch: 2\n", "torch")]
    public void Load_DuplicateKey_IsAConfigErrorNamingItsLine(string yaml, string key)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(Write("exp.yml", yaml)));

        Assert.Equal(key, e.Key);
        Assert.Matches(@"exp\.yml:\d+:\d+$", e.File);
        Assert.Contains("duplicate key", e.Message);
    }

    [Theory]
    [InlineData("/etc/hostname", "absolute path")]
    [InlineData("/dev/zero", "absolute path")]
    [InlineData("../outside.yml", "outside the experiments folder")]
    [InlineData("sub/../../outside.yml", "outside the experiments folder")]
    public void Load_BaseOutsideTheExperimentsFolder_IsRefusedUnread(string baseFile, string problem)
    {
        var path = Write("exp.yml", $"base: {baseFile}\n");

        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));

        Assert.Equal("base", e.Key);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Load_BaseInASubfolderOfTheExperimentsFolder_IsAllowed()
    {
        Write("shared/_base.yml", "epochs: 7\n");
        var config = ExperimentConfigLoader.Load(Write("exp.yml", "base: shared/_base.yml\n"));

        Assert.Equal(7, config.Epochs);
    }

    [Fact]
    public void Load_FileAboveTheSizeLimit_IsRefused()
    {
        var path = Write("exp.yml", "description: " + new string('x', (int)ExperimentConfigLoader.MaxFileBytes) + "\n");

        var e = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));

        Assert.Contains($"at most {ExperimentConfigLoader.MaxFileBytes} bytes", e.Message);
    }

    [Fact]
    public void Canonical_IgnoresNameDescriptionAndTensorboard_ButNotTrainingKeys()
    {
        var a = new ExperimentConfig { Name = "a", Description = "x", Tensorboard = true };
        var b = new ExperimentConfig { Name = "b", Description = "y", Tensorboard = false };
        var c = new ExperimentConfig { Name = "a", Epochs = 49 };

        Assert.Equal(ExperimentConfigJson.Canonical(a), ExperimentConfigJson.Canonical(b));
        Assert.NotEqual(ExperimentConfigJson.Canonical(a), ExperimentConfigJson.Canonical(c));
        var canonical = ExperimentConfigJson.Canonical(a);
        Assert.DoesNotContain("tensorboard", canonical);
        Assert.DoesNotContain("name", canonical);
        Assert.StartsWith("{\"batch_size\":1000,\"dropout_rate\":0.0003,\"early_stopping\":{\"enabled\":false,\"mode\":\"min\"", canonical);
    }

    [Fact]
    public void Resolved_RoundTrips()
    {
        var config = new ExperimentConfig { Name = "n", HiddenLayers = [8, 4], Weighting = ClassWeighting.Balanced };
        var back = ExperimentConfigJson.Parse(ExperimentConfigJson.Resolved(config));
        Assert.Equal(ExperimentConfigJson.Canonical(config), ExperimentConfigJson.Canonical(back));
        Assert.Equal("n", back.Name);
    }

    [Fact]
    public void RepositoryExperiments_AllLoadAndFollowTheBookSeries()
    {
        var folder = Path.Combine(RepoPaths.Root, "experiments");
        var all = ExperimentConfigLoader.ExperimentFiles(folder).Select(ExperimentConfigLoader.Load).ToArray();
        // The book's series; exp4 tested out of time (exp6-out-of-time, issue 14); issue 13's attempt to close the gap
        // (exp7) and the boosting baseline (gbm).
        Assert.Equal(["exp0", "exp1", "exp2", "exp3", "exp4", "exp5", "exp6-out-of-time", "exp7", "gbm"], all.Select(c => c.Name));
        Assert.Equal(ModelKind.GradientBoosting, all[8].Model);
        Assert.Equal((31, 100, 1, PositiveWeighting.Balanced),
            (all[8].GradientBoosting.NumLeaves, all[8].GradientBoosting.Iterations, all[8].GradientBoosting.Threads, all[8].GradientBoosting.PositiveWeighting));
        Assert.Equal((MonitorMetric.ValPrAuc, MonitorMode.Max), (all[7].EarlyStopping.Monitor, all[7].EarlyStopping.Mode));
        // exp6-out-of-time is exp4 tested out of time: the same model and training, only the split differs.
        Assert.Equal("2019-01-01", all[6].Split.ByTime?.TestFrom);
        Assert.Equal(ExperimentConfigJson.Canonical(all[4]), ExperimentConfigJson.Canonical(all[6] with { Split = all[4].Split }));
        var configs = all[..6];
        Assert.All(configs, c => Assert.Null(c.Split.ByTime));

        Assert.Equal([1, 10, 50, 50, 50, 50], configs.Select(c => c.Epochs));
        Assert.Equal([ClassWeighting.None, ClassWeighting.None, ClassWeighting.None, ClassWeighting.Balanced, ClassWeighting.Balanced, ClassWeighting.Balanced],
            configs.Select(c => c.Weighting));
        Assert.Equal([false, false, false, false, true, true], configs.Select(c => c.EarlyStopping.Enabled));
        Assert.Equal((MonitorMetric.ValLoss, MonitorMode.Min), (configs[4].EarlyStopping.Monitor, configs[4].EarlyStopping.Mode));
        Assert.Equal((MonitorMetric.ValAccuracy, MonitorMode.Max), (configs[5].EarlyStopping.Monitor, configs[5].EarlyStopping.Mode));
        Assert.All(configs, c => Assert.Equal(0.001, c.LearningRate));
    }

    [Fact]
    public void Load_OutOfTimeSplit_ReadsTheTestPeriod_AndLeavesTheCanonicalFormOfOtherConfigsAlone()
    {
        Write("_base.yml", Base);
        var random = ExperimentConfigLoader.Load(Write("random.yml", "base: _base.yml\n"));
        var byTime = ExperimentConfigLoader.Load(Write("late.yml", "base: _base.yml\nsplit:\n  by_time:\n    test_from: 2019-01-01\n"));

        Assert.Null(random.Split.ByTime);
        Assert.Equal(new DateOnly(2019, 1, 1), byTime.Split.ByTime!.TestFromDate);
        Assert.Equal(0.8, byTime.Split.TrainProportion);
        Assert.DoesNotContain("by_time", ExperimentConfigJson.Canonical(random), StringComparison.Ordinal);
        Assert.Contains("\"by_time\":{\"test_from\":\"2019-01-01\"}", ExperimentConfigJson.Canonical(byTime), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    test_from: 2019-13-01\n")]
    [InlineData("    test_from: soon\n")]
    [InlineData("    {}\n")]
    public void Load_OutOfTimeSplitWithoutADate_IsAConfigErrorNamingTheKey(string yaml)
    {
        var path = Write("late.yml", "split:\n  by_time:\n" + yaml);

        var error = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Load(path));

        Assert.Contains("split.by_time.test_from", error.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }
}
