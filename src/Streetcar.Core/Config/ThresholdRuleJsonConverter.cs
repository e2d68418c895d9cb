using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streetcar.Core.Config;

/// <summary>
/// JSON form of a <see cref="ThresholdRule"/>, as YAML writes it: a fixed threshold is the bare number (so configs
/// that keep <c>threshold: 0.5</c> keep their canonical form and cache keys), any other rule is
/// <c>{"choose": "target_recall", "value": 0.85}</c> (<c>value</c> only when the rule takes one).
/// </summary>
public sealed class ThresholdRuleJsonConverter : JsonConverter<ThresholdRule>
{
    /// <inheritdoc/>
    public override ThresholdRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ThresholdRule.Fixed(reader.GetDouble());
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("threshold: expected a number or {\"choose\": ...}");
        }
        string? choose = null;
        double? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case ThresholdRule.ChooseKey:
                    choose = reader.GetString();
                    break;
                case ThresholdRule.ValueKey:
                    value = reader.GetDouble();
                    break;
                default:
                    throw new JsonException($"threshold: unknown key '{name}'");
            }
        }
        return choose is not null && ConfigEnum.TryParse(typeof(ThresholdChoice), choose, out var choice)
            ? new ThresholdRule((ThresholdChoice)choice, value)
            : throw new JsonException($"threshold: choose '{choose}' is not a rule");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ThresholdRule value, JsonSerializerOptions options)
    {
        if (value.Choice == ThresholdChoice.Fixed)
        {
            writer.WriteNumberValue(value.Value ?? double.NaN);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString(ThresholdRule.ChooseKey, value.Name);
        if (value.Value is { } v)
        {
            writer.WriteNumber(ThresholdRule.ValueKey, v);
        }
        writer.WriteEndObject();
    }
}
