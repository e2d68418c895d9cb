using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Streetcar.Testing;

/// <summary>
/// A real one-node Slurm cluster for tests: its own munged, slurmctld and slurmd (<c>-N localhost</c>) on free
/// loopback ports, configured in a temp folder, installed with apt first when <c>sbatch</c> is missing and we are
/// root. Nothing here starts by itself on these machines (no systemd), so the fixture starts the daemons in the
/// foreground as its children and stops them by pid on dispose. When anything cannot start, the constructor
/// throws with the reason and every test using the fixture fails: a missing cluster is never a silent skip.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    /// <summary>The partition every job may use (the only one).</summary>
    public const string Partition = "debug";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Two fixtures of one test run must not run apt at once (dpkg's lock).</summary>
    private static readonly Lock InstallLock = new();
    private readonly TempFolder _folder = new("streetcar-slurm-");
    private readonly List<Process> _daemons = [];

    public SlurmCluster()
    {
        try
        {
            lock (InstallLock)
            {
                EnsureInstalled();
            }
            // munged refuses a socket folder that not everyone may traverse.
            SetMode(_folder.Path, "755");
            StartMunge();
            WriteConfig();
            _daemons.Add(StartDaemon("slurmctld", "/usr/sbin/slurmctld", "-D", "-f", ConfigPath));
            _daemons.Add(StartDaemon("slurmd", "/usr/sbin/slurmd", "-D", "-f", ConfigPath, "-N", "localhost"));
            WaitUntilIdle();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>This cluster's slurm.conf.</summary>
    public string ConfigPath => _folder.Sub("slurm.conf");

    /// <summary>What a Slurm command needs to talk to this cluster (and what sbatch passes on to the jobs).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigPath };

    /// <summary>The folder holding its config, state and logs.</summary>
    public string Folder => _folder.Path;

    /// <summary>Runs a Slurm command (<c>squeue</c>, <c>scontrol</c>, …) against this cluster; returns its stdout.</summary>
    public string Command(string program, params string[] arguments)
    {
        var (exit, output) = Run(program, arguments, Environment);
        return exit == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {exit}: {output}");
    }

    public void Dispose()
    {
        // slurmd first (it ends its job steps), then the controller, then munged.
        foreach (var daemon in Enumerable.Reverse(_daemons))
        {
            Stop(daemon);
        }
        _daemons.Clear();
        _folder.Dispose();
    }

    private static void EnsureInstalled()
    {
        if (File.Exists("/usr/bin/sbatch") && File.Exists("/usr/sbin/slurmctld") && File.Exists("/usr/sbin/munged"))
        {
            return;
        }
        if (GetEffectiveUserId() != 0)
        {
            throw new InvalidOperationException("Slurm is not installed and the tests are not root: run `apt-get install -y --no-install-recommends slurm-wlm munge` (as .ci/run does)");
        }
        var (exit, output) = Run("apt-get", ["install", "-y", "--no-install-recommends", "slurm-wlm", "munge"],
            new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }, TimeSpan.FromMinutes(5));
        if (exit != 0)
        {
            throw new InvalidOperationException($"apt-get install slurm-wlm munge failed (exit {exit}): {Tail(output)}");
        }
    }

    private void StartMunge()
    {
        if (GetEffectiveUserId() != 0)
        {
            throw new InvalidOperationException("the Slurm test cluster needs root (slurmd runs jobs as their user)");
        }
        // Our own munged on our own socket and a copy of the key, so that other clusters on this machine are untouched.
        var key = _folder.Sub("munge.key");
        File.Copy("/etc/munge/munge.key", key);
        SetMode(key, "400");
        Directory.CreateDirectory(_folder.Sub("munge"));
        SetMode(_folder.Sub("munge"), "755");
        _daemons.Add(StartDaemon("munged", "/usr/sbin/munged", "--foreground", $"--socket={MungeSocket}", $"--key-file={key}",
            $"--log-file={_folder.Sub("munged.log")}", $"--pid-file={_folder.Sub("munged.pid")}", $"--seed-file={_folder.Sub("munged.seed")}"));
        WaitFor("munged", () => File.Exists(MungeSocket), "munged.out");
    }

    private string MungeSocket => _folder.Sub("munge/munge.socket");

    private void WriteConfig()
    {
        Directory.CreateDirectory(_folder.Sub("state"));
        Directory.CreateDirectory(_folder.Sub("spool"));
        var cpus = System.Environment.ProcessorCount;
        File.WriteAllText(ConfigPath, $"""
            ClusterName=streetcar{FreePort()}
            SlurmctldHost=localhost(127.0.0.1)
            SlurmctldPort={FreePort()}
            SlurmdPort={FreePort()}
            SlurmUser=root
            AuthType=auth/munge
            AuthInfo=socket={MungeSocket}
            CredType=cred/munge
            StateSaveLocation={_folder.Sub("state")}
            SlurmdSpoolDir={_folder.Sub("spool")}
            SlurmctldPidFile={_folder.Sub("slurmctld.pid")}
            SlurmdPidFile={_folder.Sub("slurmd.pid")}
            SlurmctldLogFile={_folder.Sub("slurmctld.log")}
            SlurmdLogFile={_folder.Sub("slurmd.log")}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            SchedulerType=sched/backfill
            SlurmdParameters=config_overrides
            ReturnToService=2
            MpiDefault=none
            MailProg=/bin/true
            NodeName=localhost NodeAddr=127.0.0.1 CPUs={cpus} Sockets=1 CoresPerSocket={cpus} ThreadsPerCore=1 RealMemory=4096 State=UNKNOWN
            PartitionName={Partition} Nodes=ALL Default=YES MaxTime=INFINITE State=UP

            """);
    }

    private void WaitUntilIdle() =>
        WaitFor("the node", () => Run("sinfo", ["--noheader", "--format=%T"], Environment) is (0, var state) && state.Trim() == "idle", "slurmctld.log", "slurmd.log");

    private void WaitFor(string what, Func<bool> ready, params string[] logs)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (_daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"Slurm test cluster: {dead.StartInfo.ArgumentList[1]} exited {dead.ExitCode} while waiting for {what}: {Logs(logs)}");
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Slurm test cluster: {what} not ready after {StartTimeout.TotalSeconds:0} s: {Logs(logs)}");
            }
            Thread.Sleep(100);
        }
    }

    private string Logs(string[] names) => string.Join(" | ", names.Append("slurmctld.out").Append("slurmd.out").Distinct()
        .Where(n => File.Exists(_folder.Sub(n)))
        .Select(n => $"{n}: {Tail(File.ReadAllText(_folder.Sub(n)))}"));

    /// <summary>Starts <paramref name="program"/> in the foreground through <c>sh -c exec</c>, so its pid is the daemon's and its output goes to NAME.out.</summary>
    private Process StartDaemon(string name, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" \"$@\" >{_folder.Sub(name + ".out")} 2>&1");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SLURM_CONF"] = ConfigPath;
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
    }

    private static void Stop(Process daemon)
    {
        if (!daemon.HasExited)
        {
            _ = Kill(daemon.Id, 15);
            if (!daemon.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                daemon.Kill();
                daemon.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        daemon.Dispose();
    }

    private static (int Exit, string Output) Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} timed out");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static void SetMode(string path, string octal)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Slurm runs on Linux");
        }
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(octal, 8));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static string Tail(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
