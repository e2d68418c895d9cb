using Streetcar.Cli.Models.Boosting;
using Streetcar.Cli.Models.Network;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Models;

/// <summary>The registered model kinds, and the stage graph each one gives a run.</summary>
public static class ModelKinds
{
    /// <summary>Every kind, one registration line each (a model folder is claimed by the kind that holds it).</summary>
    public static IReadOnlyList<IModelKind> All { get; } =
    [
        new NetworkKind(),
        new BoostingKind(),
    ];

    private static readonly Dictionary<ModelKind, StageGraph> Graphs = All.ToDictionary(k => k.Kind,
        k => new StageGraph([StageTable.Split, .. k.Stages, StageTable.Evaluate, StageTable.Validate], [StageTable.GridRoot]));

    public static IModelKind Of(ExperimentConfig config) => All.FirstOrDefault(k => k.Kind == config.Model)
        ?? throw new InvalidOperationException($"no model kind '{ConfigEnum.Name(config.Model)}' is registered");

    /// <summary>The stages a run of <paramref name="config"/> goes through: split, its kind's, evaluate.</summary>
    public static StageGraph GraphOf(ExperimentConfig config) => Graphs[Of(config).Kind];

    /// <summary>The graph of every registered kind, in registration order.</summary>
    public static IReadOnlyList<(IModelKind Kind, StageGraph Graph)> AllGraphs => All.Select(k => (k, Graphs[k.Kind])).ToArray();

    /// <summary>The kind of the model folder <paramref name="folder"/>.</summary>
    public static IModelKind OfFolder(string folder) => All.FirstOrDefault(k => k.Holds(folder))
        ?? throw new Core.Errors.PipelineException($"{folder} is not a model folder of any kind");
}
