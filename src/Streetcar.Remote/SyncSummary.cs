namespace Streetcar.Remote;

/// <summary>What a push or pull did: entries moved, already there, skipped as damaged, and their bytes.</summary>
public sealed record SyncSummary(int Moved, int Present, int Damaged, long Bytes, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;
}
