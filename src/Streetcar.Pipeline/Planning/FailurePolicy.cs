using Streetcar.Core.Errors;

namespace Streetcar.Pipeline.Planning;

/// <summary>
/// The one failure policy of a run. Either way a failed job skips only its dependents and the other experiments
/// complete and are cached (a failure belongs to its experiments); the policy decides what the run then says.
/// </summary>
public enum FailurePolicy
{
    /// <summary>The run fails: exit 3 when every failure is a config error, else 2.</summary>
    Fail,

    /// <summary>The failures are printed and recorded and the run exits 0, for a build that runs the report next (which marks them).</summary>
    KeepGoing,
}

/// <summary>What <see cref="FailurePolicy"/> makes of a run's failures.</summary>
public static class FailurePolicies
{
    /// <summary>The run's exit code given the exit codes of its failed experiments.</summary>
    public static int ExitCode(this FailurePolicy policy, IReadOnlyCollection<int> failures) =>
        failures.Count == 0 || policy == FailurePolicy.KeepGoing ? ExitCodes.Success
        : failures.All(c => c == ExitCodes.Config) ? ExitCodes.Config : ExitCodes.Pipeline;
}
