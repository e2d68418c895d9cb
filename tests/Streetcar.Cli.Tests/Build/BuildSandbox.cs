using System.Diagnostics;
using System.Text;
using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Build;

/// <summary>
/// A copy of the repository's build (build.sh, build/, the solution, src/ and tests/ sources, no bin/ or obj/) with
/// the small slice as its experiments and data, the 2014 workbook shipped in its data/ttc/, and a git repository of
/// its own, so that any Cake target, Clean and ClearCache included, can run for real without touching the checkout.
/// Deleted on dispose.
/// </summary>
public sealed class BuildSandbox : IDisposable
{
    // Build inputs a target may read; everything else of the checkout stays out (results/, data/, bin/, obj/).
    private static readonly string[] Files =
        ["build.sh", "build.ps1", "cake.config", "streetcar-experiments.sln", "Directory.Build.props", "Directory.Build.targets",
         "Directory.Packages.props", "BannedSymbols.txt", ".editorconfig", ".gitignore"];

    private static readonly string[] Folders = ["build", ".config", "src", "tests"];

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "bin", "obj", "TestResults", "tools" };

    private BuildSandbox(string root) => Root = root;

    public string Root { get; }

    public static BuildSandbox Create()
    {
        var sandbox = new BuildSandbox(Path.Combine(Path.GetTempPath(), "streetcar-build-sandbox", Path.GetRandomFileName()));
        Directory.CreateDirectory(sandbox.Root);
        foreach (var file in Files.Where(f => File.Exists(Path.Combine(RepoPaths.Root, f))))
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(sandbox.Root, file));
        }
        foreach (var folder in Folders)
        {
            CopySources(Path.Combine(RepoPaths.Root, folder), Path.Combine(sandbox.Root, folder));
        }
        // build/cake.config is a link to the root file (Cake 7 reads it from the script's folder); keep it one.
        var linked = Path.Combine(sandbox.Root, "build", "cake.config");
        File.Delete(linked);
        File.CreateSymbolicLink(linked, "../cake.config");

        sandbox.Write("data/workbooks.sha256", SliceFiles.ManifestLine() + "\n");
        sandbox.Write("data/prepare.yml", SliceFiles.PrepareYaml);
        sandbox.Write("experiments/_base.yml", SliceFiles.BaseYaml());
        sandbox.Write("experiments/a.yml", SliceFiles.ExperimentA);
        sandbox.Write("experiments/b.yml", SliceFiles.ExperimentB);
        Directory.CreateDirectory(Path.Combine(sandbox.Root, "data", "ttc"));
        File.Copy(Path.Combine(RepoPaths.DataSource, SliceFiles.Workbook), Path.Combine(sandbox.Root, "data", "ttc", SliceFiles.Workbook));
        sandbox.Git("init", "-q");
        sandbox.Commit("the sandbox");
        return sandbox;
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Commits everything (results/ included), so that Compare and Reproduce have a HEAD to compare with.</summary>
    public void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>The output of <c>git status --porcelain</c>: empty when the working tree equals HEAD.</summary>
    public string Status() => Git("status", "--porcelain").Output.Trim();

    /// <summary><c>./build.sh</c> with <paramref name="args"/>; both streams collected.</summary>
    public ProcessResult Build(params string[] args) => Run(Root, Path.Combine(Root, "build.sh"), args, TimeSpan.FromMinutes(10));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ProcessResult Git(params string[] args)
    {
        var result = Run(Root, "git", args, TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"git {string.Join(' ', args)} failed\n{result}");
    }

    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/>, killed after <paramref name="timeout"/>.</summary>
    public static ProcessResult Run(string folder, string program, string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The sandbox reads its own shipped data, whatever the test run was pointed at.
        info.Environment.Remove("STREETCAR_DATA_SOURCE");
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(-1, output.ToString(), error + $"\n(killed after {timeout})");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.Append(line).Append('\n');
            }
        }
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.EnumerateDirectories(from).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            CopySources(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

/// <summary>A finished process: its exit code and both streams.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
