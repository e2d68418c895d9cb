using System.Globalization;
using System.Text;

namespace Streetcar.Core.Cache;

/// <summary>
/// What an entry lock file says about its holder: the host and process that hold it, the process's start time
/// (so a process id reused by an unrelated process is not mistaken for the holder), a token naming this one
/// holding, and a heartbeat counter the holder advances while it lives (<see cref="EntryLock"/>).
/// </summary>
/// <param name="Host">Machine name of the holder.</param>
/// <param name="Pid">Process id of the holder, meaningful on <see cref="Host"/> only.</param>
/// <param name="StartTicks">UTC ticks of the holder process's start, or 0 when unknown.</param>
/// <param name="Token">Unique among holdings: host, pid, start and a per-process counter.</param>
/// <param name="Beat">Heartbeat counter; another host judges the holder alive by seeing it change.</param>
internal sealed record LockOwner(string Host, int Pid, long StartTicks, string Token, long Beat)
{
    /// <summary>Digits of the heartbeat: fixed, so that a beat rewrites the same bytes in place.</summary>
    private const int BeatDigits = 12;

    /// <summary>The file's text; the beat comes last so <see cref="BeatOffset"/> locates it.</summary>
    public string Format() => Prefix() + Digits(Beat) + "\n";

    /// <summary>Byte offset of the heartbeat digits in <see cref="Format"/>'s text.</summary>
    public int BeatOffset => Encoding.UTF8.GetByteCount(Prefix());

    /// <summary>The digits of heartbeat <paramref name="beat"/>, as written at <see cref="BeatOffset"/>.</summary>
    public static byte[] BeatBytes(long beat) => Encoding.UTF8.GetBytes(Digits(beat));

    /// <summary>"pid 123 on host" for messages.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid} on {Host}");

    /// <summary>Parses a lock file's text; null when it is not (yet) a whole lock file.</summary>
    public static LockOwner? Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                fields[line[..space]] = line[(space + 1)..];
            }
        }
        return fields.TryGetValue("host", out var host) && host.Length > 0
            && fields.TryGetValue("pid", out var pidText) && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && fields.TryGetValue("started", out var startText) && long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && fields.TryGetValue("token", out var token) && token.Length > 0
            && fields.TryGetValue("beat", out var beatText) && beatText.Length == BeatDigits
            && long.TryParse(beatText, NumberStyles.None, CultureInfo.InvariantCulture, out var beat)
            ? new LockOwner(host, pid, start, token, beat)
            : null;
    }

    private string Prefix() => string.Create(CultureInfo.InvariantCulture,
        $"host {Host}\npid {Pid}\nstarted {StartTicks}\ntoken {Token}\nbeat ");

    private static string Digits(long beat) => (beat % 1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture);
}
