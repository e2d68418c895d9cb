using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Config;

public sealed class ConfigEnumTests
{
    [Fact]
    public void Names_AreTheSnakeCaseTextsTheConfigFilesUse()
    {
        Assert.Equal(["val_loss", "val_accuracy", "loss", "accuracy", "val_roc_auc", "val_pr_auc", "val_weighted_loss"], ConfigEnum.Names<MonitorMetric>());
        Assert.Equal(["network", "gradient_boosting"], ConfigEnum.Names<ModelKind>());
        Assert.Equal(["none", "balanced"], ConfigEnum.Names<PositiveWeighting>());
        Assert.Equal(ThresholdRule.Names, ConfigEnum.Names<ThresholdChoice>());
        Assert.Equal(["min", "max"], ConfigEnum.Names<MonitorMode>());
        Assert.Equal(["none", "balanced"], ConfigEnum.Names<ClassWeighting>());
        Assert.Equal(["hard_sigmoid", "sigmoid"], ConfigEnum.Names<Activation>());
        Assert.Equal(["binary_crossentropy"], ConfigEnum.Names<LossFunction>());
    }

    [Fact]
    public void EveryEnumKey_ReadsBackFromItsName_AndCanonicalWritesTheSameName()
    {
        foreach (var (key, type) in EnumKeys())
        {
            foreach (var name in ConfigEnum.Names(type))
            {
                Assert.True(ConfigEnum.TryParse(type, name, out var value), $"{key}: {name}");
                Assert.Equal(JsonSerializer.Serialize(name), Canonical.Json(value));
            }
        }
    }

    [Theory]
    [InlineData("early_stopping:\n  monitor: ValLoss\n", "early_stopping.monitor")]
    [InlineData("early_stopping:\n  monitor: VAL_LOSS\n", "early_stopping.monitor")]
    [InlineData("early_stopping:\n  mode: 1\n", "early_stopping.mode")]
    [InlineData("weighting: Balanced\n", "weighting")]
    [InlineData("output_activation: 0\n", "output_activation")]
    public void OtherSpellingsAndNumbers_AreRefused_NamingTheDottedKeyAndTheAllowedTexts(string yaml, string key)
    {
        var e = Assert.Throws<ConfigException>(() => YamlConfigReader.Parse<ExperimentConfig>(yaml, "exp.yml"));

        Assert.Equal(key, e.Key);
        Assert.StartsWith("exp.yml:", e.File);
        Assert.Contains("allowed: ", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void BaseYml_CommentOfEveryEnumKey_ListsExactlyTheEnumsNames()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "experiments", "_base.yml"));
        foreach (var (key, type) in EnumKeys())
        {
            var leaf = key.Split('.')[^1];
            var line = lines.Single(l => Regex.IsMatch(l, $@"^\s*{leaf}:"));
            var comment = Regex.Match(line, @"#\s*(.*)$");
            Assert.True(comment.Success, $"_base.yml: '{key}' has no comment listing its allowed values");
            Assert.StartsWith(ConfigEnum.Allowed(type), comment.Groups[1].Value);
        }
    }

    /// <summary>Every enum-typed key of the experiment config, dotted, found by reflection.</summary>
    private static IEnumerable<(string Key, Type Type)> EnumKeys()
    {
        var keys = new List<(string, Type)>();
        Collect(typeof(ExperimentConfig), "", keys);
        Assert.Equal(7, keys.Count);
        return keys;
    }

    private static void Collect(Type record, string prefix, List<(string, Type)> keys)
    {
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (property.PropertyType.IsEnum)
            {
                keys.Add((key, property.PropertyType));
            }
            // A threshold rule is a number or {choose: ...}, read by its own converter (ThresholdRuleYamlConverterTests).
            else if (property.PropertyType.Namespace == typeof(ExperimentConfig).Namespace && property.PropertyType.IsClass
                && property.PropertyType != typeof(ThresholdRule))
            {
                Collect(property.PropertyType, key + ".", keys);
            }
        }
    }
}
