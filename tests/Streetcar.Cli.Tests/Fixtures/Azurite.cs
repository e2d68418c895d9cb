using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// Microsoft's Azurite blob emulator (npm <c>azurite@3.35.0</c>; later versions need Node 21), installed into
/// tools/azurite/ when missing and started on 127.0.0.1 on a free port; stopped by its process id. If the install
/// or the start fails the test fails with the reason: these tests never skip.
/// </summary>
public sealed class Azurite : IDisposable
{
    /// <summary>The emulator's well-known development account (public, for tests only).</summary>
    public const string Account = "devstoreaccount1";
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Pinned: 3.35.0 is the last release that runs on Node 20.</summary>
    public const string Package = "azurite@3.35.0";

    private static readonly Lock InstallLock = new();
    private static readonly Lazy<Azurite> SharedInstance = new(() =>
    {
        var shared = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.Dispose();
        return shared;
    });

    private Process _process;
    private readonly string? _location;

    private Azurite(Process process, int port, string? location)
    {
        _process = process;
        Port = port;
        _location = location;
        // The CLI reads credentials from the environment; each emulator gets its own variables, set once, never changed.
        Environment.SetEnvironmentVariable(ConnectionVariable, ConnectionString(Key));
        Environment.SetEnvironmentVariable(WrongKeyVariable, ConnectionString(Convert.ToBase64String(new byte[64])));
    }

    /// <summary>One emulator for the whole test run (in memory), started on first use.</summary>
    public static Azurite Shared => SharedInstance.Value;

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Environment variable holding this emulator's connection string (name it in remotes.yml).</summary>
    public string ConnectionVariable => $"STREETCAR_TEST_AZURITE_{Port}";

    /// <summary>Environment variable holding a connection string with the wrong account key.</summary>
    public string WrongKeyVariable => $"STREETCAR_TEST_AZURITE_WRONG_{Port}";

    public string ContainerUrl(string container) => $"http://127.0.0.1:{Port}/{Account}/{container}";

    /// <summary>A new, empty container with a unique name.</summary>
    public BlobContainerClient NewContainer(string prefix)
    {
        var container = Container($"{prefix}-{Interlocked.Increment(ref _containers)}");
        container.Create();
        return container;
    }

    private static int _containers;

    public BlobContainerClient Container(string name) =>
        new(new Uri(ContainerUrl(name)), new StorageSharedKeyCredential(Account, Key), new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05));

    /// <summary>remotes.yml text naming <paramref name="container"/> of this emulator as the remote <paramref name="name"/>.</summary>
    public string RemotesYaml(string name, string container, bool wrongKey = false) =>
        $"default: {name}\nremotes:\n  {name}:\n    kind: azure\n    url: {ContainerUrl(container)}\n    connection_string_variable: {(wrongKey ? WrongKeyVariable : ConnectionVariable)}\n";

    /// <summary>Starts an emulator: in memory, or persisting to <paramref name="location"/> (to survive a kill), on <paramref name="port"/> or a free one.</summary>
    public static Azurite Start(string? location = null, int? port = null)
    {
        var main = Install();
        var chosen = port ?? FreePort();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disableTelemetry", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }
        if (location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node for Azurite");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Listening(chosen))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
                lock (log)
                {
                    throw new InvalidOperationException($"Azurite did not start on port {chosen}:\n{log}");
                }
            }
            Thread.Sleep(100);
        }
        return new Azurite(process, chosen, location);
    }

    /// <summary>Kills the emulator at once (SIGKILL, by process id): nothing gets to flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    /// <summary>Starts it again on the same port and location (after <see cref="Kill"/>).</summary>
    public void Restart()
    {
        Kill();
        var again = Start(_location, Port);
        _process.Dispose();
        _process = again._process;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The emulator's entry point under tools/azurite/, running <c>npm install</c> first when it is missing.</summary>
    private static string Install()
    {
        var folder = Path.Combine(RepoPaths.Root, "tools", "azurite");
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        lock (InstallLock)
        {
            if (File.Exists(main))
            {
                return main;
            }
            Directory.CreateDirectory(folder);
            var info = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--prefix", folder, Package })
            {
                info.ArgumentList.Add(arg);
            }
            using var npm = Process.Start(info) ?? throw new InvalidOperationException("could not start npm to install Azurite");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEnd();
            npm.WaitForExit();
            if (npm.ExitCode != 0 || !File.Exists(main))
            {
                throw new InvalidOperationException($"npm install {Package} into {folder} failed (exit {npm.ExitCode}):\n{output.Result}\n{error}");
            }
            return main;
        }
    }

    private string ConnectionString(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
