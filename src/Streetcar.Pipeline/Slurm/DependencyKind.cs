namespace Streetcar.Pipeline.Slurm;

/// <summary>How an array submission waits for an earlier one.</summary>
public enum DependencyKind
{
    /// <summary>Every task waits for every task of the upstream array (<c>afterok:ID</c>).</summary>
    Whole,

    /// <summary>Task k waits for task k of the upstream array only (<c>aftercorr:ID</c>).</summary>
    Corresponding,

    /// <summary>Every task waits for the named upstream tasks (<c>afterok:ID_1:ID_4</c>).</summary>
    Tasks,
}
