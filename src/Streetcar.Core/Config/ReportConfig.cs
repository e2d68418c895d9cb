using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>
/// <c>experiments/_report.yml</c>, optional: the metric the report's recommendation ranks by, and which experiment
/// each one is compared with in the report's differences section. By default every experiment is compared with the one before it in name order; <see cref="CompareWith"/>
/// replaces that baseline for the experiments it names (candidate → baseline). Only the report reads this file, so
/// it is in no training or evaluation key.
/// </summary>
public sealed record ReportConfig
{
    /// <summary>The file's name inside <c>experiments/</c> (a leading '_' keeps it out of the experiment list).</summary>
    public const string FileName = "_report.yml";

    /// <summary>Test metric the report's recommendation ranks the experiments by (default <c>pr_auc</c>).</summary>
    public PrimaryMetric PrimaryMetric { get; init; } = PrimaryMetric.PrAuc;

    /// <summary>Candidate experiment → the experiment it is compared with instead of its predecessor.</summary>
    public Dictionary<string, string> CompareWith { get; init; } = [];

    /// <summary>
    /// Reads <c>_report.yml</c> from <paramref name="folder"/> (the default when there is none) and checks every name
    /// against <paramref name="experiments"/>, the experiment names of that folder.
    /// </summary>
    /// <exception cref="ConfigException">An unknown key, an unknown experiment, or an experiment compared with itself.</exception>
    public static ReportConfig Load(string folder, IReadOnlyCollection<string> experiments)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new ReportConfig();
        }
        var config = YamlConfigReader.Read<ReportConfig>(path);
        var known = $"one of {string.Join(", ", experiments.Order(StringComparer.Ordinal))}";
        foreach (var (candidate, baseline) in config.CompareWith.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!experiments.Contains(candidate))
            {
                throw new ConfigException(path, $"compare_with.{candidate}", $"unknown experiment '{candidate}'; allowed: {known}");
            }
            if (!experiments.Contains(baseline))
            {
                throw new ConfigException(path, $"compare_with.{candidate}", $"unknown experiment '{baseline}'; allowed: {known}");
            }
            if (baseline == candidate)
            {
                throw new ConfigException(path, $"compare_with.{candidate}", "an experiment cannot be compared with itself");
            }
        }
        return config;
    }

    /// <summary>
    /// The (baseline, candidate) pairs over <paramref name="series"/> (name order): each experiment with the one before
    /// it, or with its <see cref="CompareWith"/> baseline; a pair naming an experiment not in the series is left out
    /// (e.g. a run limited to some experiments).
    /// </summary>
    public IReadOnlyList<(string Baseline, string Candidate)> Pairs(IReadOnlyList<string> series)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < series.Count; i++)
        {
            var baseline = CompareWith.TryGetValue(series[i], out var chosen) ? chosen : i > 0 ? series[i - 1] : null;
            if (baseline is not null && series.Contains(baseline))
            {
                pairs.Add((baseline, series[i]));
            }
        }
        return pairs;
    }
}
