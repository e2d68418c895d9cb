using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Cache;

/// <summary>
/// The exclusive lock a pipeline run holds on a cache root for its whole duration, so two runs never interleave
/// writes. It is an open <see cref="FileStream"/> on <c>&lt;root&gt;/.lock</c> with <see cref="FileShare.None"/>:
/// on Linux and macOS .NET backs that with an advisory <c>flock(LOCK_EX)</c>, which other processes (and the
/// <c>flock</c> command) respect, and which the kernel drops when the process dies, even by SIGKILL. On Windows
/// it is a sharing-mode lock with the same effect. (Setting DOTNET_SYSTEM_IO_DISABLEFILELOCKING disables it.)
/// The holder's process id is written to <c>&lt;root&gt;/.lock.owner</c> for the waiting message only.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>File name of the lock inside the cache root.</summary>
    public const string FileName = ".lock";

    /// <summary>File name of the best-effort note of the holder's process id.</summary>
    public const string OwnerFileName = ".lock.owner";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;
    private readonly Action _onRelease;

    private RunLock(string path, FileStream stream, Action onRelease)
    {
        Path = path;
        _stream = stream;
        _onRelease = onRelease;
        // A process stopped at once (Environment.Exit) skips Dispose; the owner note must still go with it.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>Absolute path of the lock file.</summary>
    public string Path { get; }

    /// <summary>True until disposed.</summary>
    public bool IsHeld { get; private set; } = true;

    /// <summary>Releases the lock (the lock file stays; deleting it would let two runs lock different files).</summary>
    public void Dispose()
    {
        if (!IsHeld)
        {
            return;
        }
        IsHeld = false;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        // Forget the owner note while still holding the lock, so it never names the next holder wrongly.
        TryDelete(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, OwnerFileName));
        _stream.Dispose();
        _onRelease();
    }

    internal static RunLock Acquire(string root, TimeSpan wait, Action<string> onWaiting, TimeProvider time, Action onRelease)
    {
        Directory.CreateDirectory(root);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, FileName));
        var start = time.GetTimestamp();
        var announced = false;
        while (true)
        {
            var stream = TryOpen(path);
            if (stream is not null)
            {
                TryWriteOwner(root);
                return new RunLock(path, stream, onRelease);
            }
            var waited = time.GetElapsedTime(start);
            if (waited >= wait)
            {
                throw new PipelineException(
                    $"Another pipeline run{Owner(root)} is using the cache at {root} (lock {path}); "
                    + $"gave up after waiting {wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s. "
                    + "Wait for it to finish, or stop it, then run again.");
            }
            if (!announced)
            {
                announced = true;
                onWaiting($"Another pipeline run{Owner(root)} holds {path}; waiting up to "
                    + $"{wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s for it to finish...");
            }
            var remaining = wait - waited;
            Thread.Sleep(remaining < Poll ? remaining : Poll);
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            // A sharing violation: someone else holds it.
            return null;
        }
    }

    private static void TryWriteOwner(string root)
    {
        try
        {
            File.WriteAllText(System.IO.Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only used to name the holder in messages.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, like writing it.
        }
    }

    private static string Owner(string root)
    {
        try
        {
            var text = File.ReadAllText(System.IO.Path.Combine(root, OwnerFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $" (pid {pid})" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
