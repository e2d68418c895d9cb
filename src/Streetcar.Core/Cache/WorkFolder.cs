using System.Collections.Concurrent;
using System.Globalization;

namespace Streetcar.Core.Cache;

/// <summary>
/// Names of the hidden work folders next to the entries of a stage: <c>.tmp-&lt;hash&gt;-&lt;pid&gt;-&lt;n&gt;</c>
/// (a producer writing) and <c>.trash-&lt;hash&gt;-&lt;pid&gt;-&lt;n&gt;</c> (an entry moved aside to be deleted).
/// The owner's process id is part of the name so a later run can tell whether the owner is still alive.
/// </summary>
internal static class WorkFolder
{
    public const string TempPrefix = ".tmp-";
    public const string TrashPrefix = ".trash-";

    /// <summary>Prefix of a resumable work folder, <c>.resume-&lt;hash&gt;</c>: no owner in its name, it outlives its maker.</summary>
    public const string ResumePrefix = ".resume-";

    private static long _counter;

    /// <summary>Work folders of this process still in use, by full path (process-wide: any cache instance).</summary>
    private static readonly ConcurrentDictionary<string, byte> Active = CreateActive();

    private static ConcurrentDictionary<string, byte> CreateActive()
    {
        // A process stopped at once (Environment.Exit after a second Ctrl+C) never reaches the producers' finally
        // blocks: delete its work folders on the way out. Best effort; a later run sweeps what a SIGKILL leaves.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var path in Active.Keys)
            {
                try
                {
                    FolderOps.DeleteTree(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        };
        return new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
    }

    /// <summary>A fresh name in <paramref name="stageFolder"/>, marked active until <see cref="Release"/>.</summary>
    public static string Claim(string stageFolder, string prefix, string hash)
    {
        var n = Interlocked.Increment(ref _counter);
        var path = Path.Combine(stageFolder, $"{prefix}{hash}-{ProcessProbe.CurrentId.ToString(CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}");
        Active[path] = 0;
        return path;
    }

    public static void Release(string path) => Active.TryRemove(path, out _);

    public static bool IsActive(string path) => Active.ContainsKey(path);

    /// <summary>The key hash a work folder name (<see cref="TryParseOwner"/>) is about.</summary>
    public static string HashOf(string name) => name[(name.StartsWith(TempPrefix, StringComparison.Ordinal) ? TempPrefix : TrashPrefix).Length..][..64];

    /// <summary>True for the name of any work folder of the cache (temporary, trash or resumable); <paramref name="hash"/> is its key's.</summary>
    public static bool TryParseHash(string name, out string hash)
    {
        hash = "";
        if (TryParseOwner(name, out _))
        {
            hash = HashOf(name);
            return true;
        }
        if (name.StartsWith(ResumePrefix, StringComparison.Ordinal) && CacheKey.IsHash(name[ResumePrefix.Length..]))
        {
            hash = name[ResumePrefix.Length..];
            return true;
        }
        return false;
    }

    /// <summary>Parses the owner pid from a work folder name; false for anything else.</summary>
    public static bool TryParseOwner(string name, out int pid)
    {
        pid = 0;
        var prefix = name.StartsWith(TempPrefix, StringComparison.Ordinal) ? TempPrefix
            : name.StartsWith(TrashPrefix, StringComparison.Ordinal) ? TrashPrefix
            : null;
        if (prefix is null)
        {
            return false;
        }
        var parts = name[prefix.Length..].Split('-');
        return parts.Length == 3
            && CacheKey.IsHash(parts[0])
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
