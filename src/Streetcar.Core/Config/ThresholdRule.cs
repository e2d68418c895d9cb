using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>
/// A decision-threshold rule: a fixed number or a choice made on the validation split's labels and scores
/// (Streetcar.Evaluate's <c>ThresholdSelection.Choose</c>). Part of Evaluate's cache key (through <see cref="ToString"/>), not
/// training's: changing it re-evaluates without retraining.
/// </summary>
/// <param name="Choice">The kind of rule.</param>
/// <param name="Value">The threshold of <see cref="ThresholdChoice.Fixed"/>, the target recall of
/// <see cref="ThresholdChoice.TargetRecall"/>; null for the others.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(ThresholdRuleJsonConverter))]
public sealed record ThresholdRule(ThresholdChoice Choice, double? Value = null)
{
    /// <summary>YAML/JSON key naming the rule.</summary>
    public const string ChooseKey = "choose";

    /// <summary>YAML/JSON key of the rule's number (target recall).</summary>
    public const string ValueKey = "value";

    /// <summary>Predict a delay when P(delay) ≥ <paramref name="threshold"/>.</summary>
    public static ThresholdRule Fixed(double threshold) => new(ThresholdChoice.Fixed, threshold);

    /// <summary>The highest threshold whose validation recall is at least <paramref name="recall"/>.</summary>
    public static ThresholdRule TargetRecall(double recall) => new(ThresholdChoice.TargetRecall, recall);

    /// <summary>The threshold of the best validation F1.</summary>
    public static ThresholdRule MaxF1 { get; } = new(ThresholdChoice.MaxF1);

    /// <summary>The threshold of the best validation Youden's J.</summary>
    public static ThresholdRule Youden { get; } = new(ThresholdChoice.Youden);

    /// <summary>The config names of the rules, in <see cref="ThresholdChoice"/> order (what <c>choose:</c> accepts).</summary>
    public static IReadOnlyList<string> Names { get; } = ["fixed", "target_recall", "max_f1", "youden"];

    /// <summary>The config name of <see cref="Choice"/> (<c>target_recall</c>, …).</summary>
    public string Name => Names[(int)Choice];

    /// <summary>Out-of-range values as (key relative to <c>threshold</c>, problem); empty when valid.</summary>
    public IReadOnlyList<(string Key, string Problem)> Problems()
    {
        var v = Value;
        return Choice switch
        {
            ThresholdChoice.Fixed when v is not (> 0 and < 1) => [("", $"must be in (0, 1), got {Show(v)}")],
            ThresholdChoice.TargetRecall when v is not (> 0 and <= 1) => [("value", $"target recall must be in (0, 1], got {Show(v)}")],
            ThresholdChoice.MaxF1 or ThresholdChoice.Youden when v is not null => [("value", $"'{Name}' takes no value, got {Show(v)}")],
            ThresholdChoice.Fixed or ThresholdChoice.TargetRecall or ThresholdChoice.MaxF1 or ThresholdChoice.Youden => [],
            _ => [("choose", $"'{Choice}' is not allowed; allowed: {string.Join(" | ", Names.Skip(1))}")],
        };
    }

    /// <summary>Throws a <see cref="ConfigException"/> naming <paramref name="file"/> and the bad key under <paramref name="key"/>.</summary>
    public void Validate(string file, string key = "threshold")
    {
        if (Problems() is [var (sub, problem), ..])
        {
            throw new ConfigException(file, sub.Length == 0 ? key : $"{key}.{sub}", problem);
        }
    }

    /// <summary>Canonical text: <c>0.5</c>, <c>target_recall 0.85</c>, <c>max_f1</c>, <c>youden</c>.</summary>
    public override string ToString() => Choice switch
    {
        ThresholdChoice.Fixed => Show(Value),
        ThresholdChoice.TargetRecall => $"{Name} {Show(Value)}",
        _ => Name,
    };

    private static string Show(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "nothing";
}
