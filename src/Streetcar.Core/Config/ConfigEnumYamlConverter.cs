using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Streetcar.Core.Config;

/// <summary>
/// Reads every config enum from its <see cref="ConfigEnum"/> text (<c>val_loss</c>), and nothing else: YamlDotNet's
/// own enum parsing would accept <c>ValLoss</c>, <c>VALLOSS</c> or <c>2</c>, which are not what the docs allow.
/// </summary>
public sealed class ConfigEnumYamlConverter : IYamlTypeConverter
{
    /// <inheritdoc/>
    public bool Accepts(Type type) => type.IsEnum;

    /// <inheritdoc/>
    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        return ConfigEnum.TryParse(type, scalar.Value, out var value)
            ? value
            : throw new ConfigValueException(scalar.Start, scalar.End, ConfigEnum.NotAllowed(type, scalar.Value));
    }

    /// <inheritdoc/>
    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(ConfigEnum.Name(type, value!)));
}
