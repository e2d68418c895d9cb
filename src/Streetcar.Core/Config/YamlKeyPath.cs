using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Streetcar.Core.Config;

/// <summary>
/// The dotted key (<c>early_stopping.mode</c>) of the value at a position of a YAML text, so that an error the
/// reader raises at a value names the key as the validator does, whatever mapping it is nested in.
/// </summary>
public static class YamlKeyPath
{
    /// <summary>The dotted key whose key or value starts at <paramref name="at"/>, or null (syntax error, no match).</summary>
    public static string? At(string yaml, Mark at)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return null;
        }
        return stream.Documents.Count == 0 ? null : Find(stream.Documents[0].RootNode, "", at);
    }

    private static string? Find(YamlNode node, string prefix, Mark at)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var dotted = prefix + (key as YamlScalarNode)?.Value;
                    if (Same(key.Start, at) || Same(value.Start, at))
                    {
                        return dotted;
                    }
                    if (Find(value, dotted + ".", at) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case YamlSequenceNode sequence:
                // An item of a list is reported as the list's key (hidden_layers, route_directions).
                foreach (var item in sequence.Children)
                {
                    if (Same(item.Start, at))
                    {
                        return prefix.TrimEnd('.');
                    }
                    if (Find(item, prefix, at) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Same(Mark a, Mark b) => a.Line == b.Line && a.Column == b.Column;
}
