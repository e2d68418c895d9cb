using YamlDotNet.RepresentationModel;

namespace Streetcar.Sweep;

/// <summary>One value a swept key takes: the YAML merged into the base experiment, and how a point's name writes it.</summary>
/// <param name="Text">Its form in a point's name: <c>0.003</c>, <c>64x32</c>, <c>none</c> (an empty list), <c>sigmoid</c>.</param>
/// <param name="Node">The YAML value itself.</param>
public sealed record SweepValue(string Text, YamlNode Node);
