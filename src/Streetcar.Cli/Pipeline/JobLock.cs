using System.Globalization;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The cache lock of a job process (`streetcar exec`): one started by a run works under that run's lock (the run
/// names itself in <see cref="ParentVariable"/> and holds the lock until its jobs end); any other takes the lock itself.
/// </summary>
public static class JobLock
{
    /// <summary>Environment variable: the pid of the run that started this job process.</summary>
    public const string ParentVariable = "STREETCAR_PARENT_RUN";

    /// <summary>The variables a run gives its job processes.</summary>
    public static IReadOnlyDictionary<string, string> Environment() =>
        new Dictionary<string, string> { [ParentVariable] = System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture) };

    public static IDisposable Acquire(PipelineContext ctx) => HeldByParent(ctx.Cache.Root) ? new Nothing() : ctx.Lock();

    private static bool HeldByParent(string cacheRoot)
    {
        var parent = System.Environment.GetEnvironmentVariable(ParentVariable);
        var owner = Path.Combine(cacheRoot, RunLock.OwnerFileName);
        try
        {
            return parent is not null && File.Exists(owner) && File.ReadAllText(owner).Trim() == parent;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
