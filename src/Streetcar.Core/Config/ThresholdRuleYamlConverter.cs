using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Streetcar.Core.Config;

/// <summary>
/// Reads YAML <c>threshold</c>: a number (a fixed threshold, as before rules existed) or a mapping
/// <c>{choose: target_recall, value: 0.85}</c>, <c>{choose: max_f1}</c>, <c>{choose: youden}</c>. Anything else
/// is refused with the allowed forms; ranges are checked by the validator (<see cref="ThresholdRule.Problems"/>).
/// </summary>
public sealed class ThresholdRuleYamlConverter : IYamlTypeConverter
{
    /// <summary>The rules a <c>choose:</c> accepts: every <see cref="ThresholdChoice"/> but the fixed number.</summary>
    public static string Allowed => string.Join(" | ", ConfigEnum.Names<ThresholdChoice>().Where(n => n != ConfigEnum.Name(ThresholdChoice.Fixed)));

    /// <inheritdoc/>
    public bool Accepts(Type type) => type == typeof(ThresholdRule);

    /// <inheritdoc/>
    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
                ? ThresholdRule.Fixed(threshold)
                : throw new ConfigValueException(scalar.Start, scalar.End,
                    $"'{scalar.Value}' is neither a number in (0, 1) nor a rule; write a number or {{choose: {Allowed}}}");
        }
        var start = parser.Consume<MappingStart>();
        ThresholdChoice? choice = null;
        double? value = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var item = parser.Consume<Scalar>();
            switch (key.Value)
            {
                case ThresholdRule.ChooseKey:
                    choice = ConfigEnum.TryParse(typeof(ThresholdChoice), item.Value, out var parsed) && (ThresholdChoice)parsed != ThresholdChoice.Fixed
                        ? (ThresholdChoice)parsed
                        : throw new ConfigValueException(item.Start, item.End, $"'{item.Value}' is not a rule; allowed: {Allowed} (or a number instead of the mapping)");
                    break;
                case ThresholdRule.ValueKey:
                    value = double.TryParse(item.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new ConfigValueException(item.Start, item.End, $"'{item.Value}' is not a number");
                    break;
                default:
                    throw new ConfigValueException(key.Start, key.End, $"unknown key '{key.Value}' in threshold; allowed: {ThresholdRule.ChooseKey}, {ThresholdRule.ValueKey}");
            }
        }
        return choice is { } c
            ? new ThresholdRule(c, value)
            : throw new ConfigValueException(start.Start, start.End, $"a threshold rule needs choose: {Allowed}");
    }

    /// <inheritdoc/>
    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value?.ToString() ?? ""));
}
