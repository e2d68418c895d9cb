using System.Runtime.InteropServices;
using TorchSharp;

namespace Streetcar.Train;

/// <summary>
/// Process-wide libtorch settings that must not vary between runs that should repeat bit for bit: the
/// intra-op thread count, the generator seed and the CPU kernel family (AVX2 and AVX-512 kernels may round
/// differently). TorchSharp has no <c>use_deterministic_algorithms</c>; determinism is proved by test instead.
/// </summary>
public static class TorchRuntime
{
    /// <summary>libtorch reads the kernel family from this variable once, at its first kernel dispatch.</summary>
    public const string CpuCapabilityVariable = "ATEN_CPU_CAPABILITY";

    /// <summary>Kernel family pinned by default: available on every x86-64 machine this project targets.</summary>
    public const string DefaultCpuCapability = "avx2";

    /// <summary>
    /// Sets <see cref="CpuCapabilityVariable"/> in the native environment (unless already set, so a caller's
    /// choice wins). Call it at process start, before any tensor operation: afterwards libtorch has chosen.
    /// .NET's Environment.SetEnvironmentVariable does not reach native code on Linux, hence setenv.
    /// </summary>
    public static void PinCpuCapability(string capability = DefaultCpuCapability)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = setenv(CpuCapabilityVariable, capability, 0);
        }
        else if (Environment.GetEnvironmentVariable(CpuCapabilityVariable) is null)
        {
            Environment.SetEnvironmentVariable(CpuCapabilityVariable, capability);
        }
    }

    /// <summary>The kernel family libtorch sees in its environment, or null when unset (libtorch then picks the best).</summary>
    public static string? CpuCapability() =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
            ? Marshal.PtrToStringUTF8(getenv(CpuCapabilityVariable))
            : Environment.GetEnvironmentVariable(CpuCapabilityVariable);

    /// <summary>
    /// Held while seeding libtorch's process-wide generator and drawing from it (model creation), so that
    /// trainings running in parallel threads each draw exactly the numbers they would draw alone.
    /// </summary>
    public static readonly Lock GeneratorLock = new();

    /// <summary>Pins the thread count and seeds libtorch's global generator.</summary>
    public static void Pin(int threads, long seed)
    {
        torch.set_num_threads(threads);
        torch.random.manual_seed(seed);
    }

    /// <summary>
    /// Makes glibc's malloc return freed blocks of 128 KiB and more to the system at once. By default glibc raises
    /// its mmap threshold after the first large free, so libtorch's per-batch tensors (hundreds of KB each) then
    /// come from heap arenas that fragment and do not shrink: a training through autograd held 1.23 GB of RSS where
    /// 0.66 GB was live (measured on exp7). Call at process start. No-op where mallopt does not exist (not glibc).
    /// </summary>
    /// <remarks>
    /// Since exp7 trains on the managed step (no per-batch tensors), the setting costs no measurable time and still
    /// keeps peaks lower: exp7 alone 640 vs 644 MiB, two exp7 trainings side by side 963 vs 1,022 MiB (2 MiB short
    /// of 1 GiB without it), processor time the same within noise (31 vs 32 s; 65 vs 65 s).
    /// </remarks>
    public static void PinAllocator()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        const int trimThreshold = -1, mmapThreshold = -3, bytes = 128 * 1024;
        try
        {
            _ = mallopt(mmapThreshold, bytes);
            _ = mallopt(trimThreshold, bytes);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): its allocator has no such threshold to pin.
        }
    }

    [DllImport("libc")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr getenv(string name);
}
