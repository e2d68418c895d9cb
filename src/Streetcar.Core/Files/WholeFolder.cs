using System.Globalization;

namespace Streetcar.Core.Files;

/// <summary>
/// Replaces a folder's contents as a whole: the new tree is built complete in a sibling staging folder
/// (<c>.&lt;name&gt;-staging-&lt;pid&gt;</c>, next to the folder, never inside it), entries of the old folder the
/// builder does not own are carried over into it (hard links, else copies), and then the two are swapped.
/// </summary>
/// <remarks>
/// <para><b>Linux:</b> the swap is one <c>renameat2(RENAME_EXCHANGE)</c>: whatever kills the process, even SIGKILL, the
/// folder's name holds the whole old tree or the whole new one. The old tree, now under the staging name, is deleted;
/// a kill before that leaves it there, and the next <see cref="Replace"/> or <see cref="Recover"/> sweeps it.</para>
/// <para><b>Elsewhere</b> (or a file system without the exchange): two renames, the folder to
/// <c>.&lt;name&gt;-old-&lt;pid&gt;</c> and the staging folder into its place. A kill between them leaves no folder
/// and the old tree aside; <see cref="Recover"/> puts the old tree back, so a reader that recovers first still sees
/// entirely old or entirely new content.</para>
/// <para>Callers serialise replacements of one folder (the pipeline's results lock, PipelineContext.LockResults): every staging or old folder found
/// is a leftover of a killed run.</para>
/// </remarks>
public static class WholeFolder
{
    /// <summary>
    /// Replaces <paramref name="target"/> (created if absent) by what <paramref name="build"/> writes into an empty
    /// staging folder, plus the entries of the old <paramref name="target"/> that the build did not write and that
    /// <paramref name="dropped"/> does not name (the builder's own leftovers, which are not kept).
    /// </summary>
    public static void Replace(string target, Func<string, bool> dropped, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(build);
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{target} has no parent folder", nameof(target));
        Recover(target);
        var staging = Path.Combine(parent, StagingPrefix(target) + Pid);
        Directory.CreateDirectory(staging);
        try
        {
            build(staging);
            CarryOver(target, staging, dropped);
            Install(staging, target, parent);
        }
        finally
        {
            // The old tree after the swap, or an unfinished new one after a failure.
            DeleteTree(staging);
        }
    }

    /// <summary>
    /// Sweeps what a killed <see cref="Replace"/> of <paramref name="target"/> left next to it: staging folders are
    /// deleted; an old tree moved aside is put back when <paramref name="target"/> is missing, else deleted.
    /// </summary>
    public static void Recover(string target)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent))
        {
            return;
        }
        var olds = Directory.EnumerateDirectories(parent, OldPrefix(target) + "*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(target) && !File.Exists(target) && olds.Count > 0)
        {
            Directory.Move(olds[^1], target);
            olds.RemoveAt(olds.Count - 1);
        }
        foreach (var leftover in Directory.EnumerateDirectories(parent, StagingPrefix(target) + "*").Concat(olds).ToList())
        {
            DeleteTree(leftover);
        }
    }

    /// <summary>Name prefix of the staging folders of <paramref name="target"/> (<c>.results-staging-</c>).</summary>
    public static string StagingPrefix(string target) => $".{Path.GetFileName(Path.TrimEndingDirectorySeparator(target))}-staging-";

    /// <summary>Name prefix of an old tree moved aside by the fallback swap (<c>.results-old-</c>).</summary>
    public static string OldPrefix(string target) => $".{Path.GetFileName(Path.TrimEndingDirectorySeparator(target))}-old-";

    private static string Pid => Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private static void Install(string staging, string target, string parent)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target); // one rename(2): the name appears with the whole tree
            return;
        }
        if (LinuxFiles.TryExchange(staging, target))
        {
            return;
        }
        var old = Path.Combine(parent, OldPrefix(target) + Pid);
        Directory.Move(target, old);
        Directory.Move(staging, target);
        DeleteTree(old);
    }

    private static void CarryOver(string target, string staging, Func<string, bool> dropped)
    {
        if (!Directory.Exists(target))
        {
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(target).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            var into = Path.Combine(staging, name);
            if (!dropped(name) && !Path.Exists(into))
            {
                CopyEntry(entry, into);
            }
        }
    }

    private static void CopyEntry(string from, string to)
    {
        var info = new FileInfo(from);
        if (info.LinkTarget is { } link)
        {
            File.CreateSymbolicLink(to, link); // the link itself, never what it points at
        }
        else if (Directory.Exists(from))
        {
            Directory.CreateDirectory(to);
            foreach (var entry in Directory.EnumerateFileSystemEntries(from))
            {
                CopyEntry(entry, Path.Combine(to, Path.GetFileName(entry)));
            }
        }
        else if (!LinuxFiles.TryHardLink(from, to))
        {
            File.Copy(from, to);
        }
    }

    private static void DeleteTree(string folder)
    {
        try
        {
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                File.Delete(folder);
                return;
            }
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
