using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Config;

public sealed class ExperimentBoundsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bounds").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Keys() => [.. ExperimentBounds.All.Select(b => b.Key)];

    [Fact]
    public void EveryNumericKeyOfTheConfig_HasABound()
    {
        var numeric = new List<string>();
        Collect(typeof(ExperimentConfig), "", numeric);

        Assert.Equal(numeric.Order(), ExperimentBounds.All.Select(b => b.Key).Order());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void BaseYml_StatesEveryBoundInTheCommentOfItsKey(string key)
    {
        var bound = ExperimentBounds.All.Single(b => b.Key == key);

        Assert.Contains(bound.Text, BaseYmlComments()[key]);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void ClosedEnds_AreAccepted_OpenEndsAndBeyond_AreRefusedNamingTheKey(string key)
    {
        var bound = ExperimentBounds.All.Single(b => b.Key == key);
        var step = bound.Integer ? 1 : Math.Max(1e-9, (bound.Max - bound.Min) * 1e-6);

        Assert.Equal(!bound.MinOpen, Accepts(bound, bound.Min));
        Assert.Equal(!bound.MaxOpen, Accepts(bound, bound.Max));
        Assert.False(Accepts(bound, bound.Min - step));
        Assert.False(Accepts(bound, bound.Max + step));
        Assert.True(Accepts(bound, bound.Min + step));
        Assert.True(Accepts(bound, bound.Max - step));
    }

    [Fact]
    public void Text_IsIntervalNotation_AndProblemNamesTheValue()
    {
        Assert.Equal("(0, 10]", ExperimentBounds.LearningRate.Text);
        Assert.Equal("[1, 10000]", ExperimentBounds.Epochs.Text);
        Assert.Equal("must be a number in (0, 10], got 1E+300", ExperimentBounds.LearningRate.Problem(1e300));
        Assert.False(ExperimentBounds.LearningRate.Contains(double.NaN));
    }

    /// <summary>Loads an experiment whose only setting is <paramref name="value"/> for the bound's key.</summary>
    private bool Accepts(NumericBound bound, double value)
    {
        var text = bound.Integer ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        var settings = bound.Key == "one_weight_offset" ? "weighting: balanced\n" : "";
        var yaml = bound.Key switch
        {
            "hidden_layers" => $"hidden_layers: [{text}]\n",
            _ when bound.Key.Contains('.') => $"{bound.Key.Split('.')[0]}:\n  {bound.Key.Split('.')[1]}: {text}\n",
            _ => $"{bound.Key}: {text}\n",
        };
        var path = Path.Combine(_dir, "e.yml");
        File.WriteAllText(path, settings + yaml);
        try
        {
            ExperimentConfigLoader.Load(path);
            return true;
        }
        catch (ConfigException e) when (e.Key == bound.Key)
        {
            return false;
        }
    }

    /// <summary>Dotted key → comment of its line in experiments/_base.yml.</summary>
    private static Dictionary<string, string> BaseYmlComments()
    {
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        var parent = "";
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Root, "experiments", "_base.yml")))
        {
            var match = Regex.Match(line, @"^(\s*)([a-z_0-9]+):[^#]*(?:#\s*(.*))?$");
            if (!match.Success)
            {
                continue;
            }
            var key = match.Groups[1].Length == 0 ? match.Groups[2].Value : $"{parent}.{match.Groups[2].Value}";
            if (match.Groups[1].Length == 0)
            {
                parent = match.Groups[2].Value;
            }
            comments[key] = match.Groups[3].Value;
        }
        return comments;
    }

    private static void Collect(Type record, string prefix, List<string> keys)
    {
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var type = property.PropertyType;
            // A threshold is a number or a rule; its number has the bound.
            if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(int[]) || type == typeof(ThresholdRule))
            {
                keys.Add(key);
            }
            else if (type.Namespace == typeof(ExperimentConfig).Namespace && type.IsClass && type != typeof(string))
            {
                Collect(type, key + ".", keys);
            }
        }
    }
}
