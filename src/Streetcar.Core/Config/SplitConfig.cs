using System.Text.Json.Serialization;

namespace Streetcar.Core.Config;

/// <summary>
/// How the grid is split. The book's random split (default): test first, then train / valid within the rest. With
/// <see cref="ByTime"/> set, an out-of-time split instead: test is every row from <c>test_from</c> to the grid's last day with a record, train and
/// valid share the rows before it (by <see cref="TrainProportion"/>), and <see cref="TestProportion"/> is unused.
/// </summary>
public sealed record SplitConfig
{
    /// <summary>Share of all rows held out for test (book: 0.2). In (0, 1). Unused with <see cref="ByTime"/>.</summary>
    public double TestProportion { get; init; } = 0.2;

    /// <summary>Share of the remaining rows used for training, the rest validates (book: 0.8). In (0, 1).</summary>
    public double TrainProportion { get; init; } = 0.8;

    /// <summary>
    /// The out-of-time split (<c>split: {by_time: {test_from: 2019-01-01}}</c>); null (default) for the random split.
    /// Left out of the JSON forms when null, so configs without it hash as they always did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ByTimeSplitConfig? ByTime { get; init; }
}
