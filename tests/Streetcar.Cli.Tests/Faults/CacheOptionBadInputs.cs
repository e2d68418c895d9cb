using Streetcar.Core.Errors;
using Streetcar.Testing;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 18: a stage cache named with --cache (or STREETCAR_CACHE) that cannot be one: missing, a file, or
/// read-only. One line naming the folder, exit 2, nothing built anywhere.
/// </summary>
public static class CacheOptionBadInputs
{
    public static IEnumerable<BadInputCase> All() =>
    [
        new("--cache at a missing folder: run", ExitCodes.Pipeline, _ => { }, ["run", "--cache", "{root}/no-such-cache"], "--cache", "no-such-cache", "no such folder"),
        new("--cache at a missing folder: report", ExitCodes.Pipeline, _ => { }, ["report", "--cache", "{root}/no-such-cache"], "--cache", "no such folder"),
        new("--cache at a missing folder: cache list", ExitCodes.Pipeline, _ => { }, ["cache", "list", "--cache", "{root}/no-such-cache"], "--cache", "no such folder"),
        new("--cache at a file: train", ExitCodes.Pipeline, _ => { }, ["train", "--cache", "{root}/data/prepare.yml"], "--cache", "prepare.yml", "not a folder (a file)"),
        new("--cache on a read-only file system: train", ExitCodes.Pipeline, w => SpecialFiles.SmallDisk(w.PathOf("ro"), options: "ro"),
            ["train", "--cache", "{root}/ro"], "--cache", "/ro", "cannot write to the folder", "Read-only file system")
        {
            Undo = w => SpecialFiles.Unmount(w.PathOf("ro")),
        },
        new("--cache at an immutable folder: cache clear", ExitCodes.Pipeline, w =>
        {
            Directory.CreateDirectory(w.PathOf("locked"));
            SpecialFiles.Immutable(w.PathOf("locked"), on: true);
        }, ["cache", "clear", "--cache", "{root}/locked"], "--cache", "locked", "cannot write to the folder")
        {
            Undo = w => SpecialFiles.Immutable(w.PathOf("locked"), on: false),
        },
    ];
}
