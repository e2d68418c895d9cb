using YamlDotNet.Core;

namespace Streetcar.Core.Config;

/// <summary>
/// A value the YAML reader refused for its content (not its syntax); its message is the whole problem, and the
/// key is the one written on its line.
/// </summary>
public sealed class ConfigValueException(Mark start, Mark end, string message) : YamlException(start, end, message);
