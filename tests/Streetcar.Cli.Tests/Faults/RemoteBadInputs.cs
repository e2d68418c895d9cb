using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 22's bad inputs: remotes.yml and --remote. Each is one line, its exit code, and the local cache
/// untouched (<see cref="BadInputTests"/> checks that no entry or work folder appears). The Azure cases run
/// against the shared Azurite emulator.
/// </summary>
public static class RemoteBadInputs
{
    private static readonly string[] Pull = ["cache", "pull", "--remote", "team"];

    public static IEnumerable<BadInputCase> All() =>
    [
        new("remote: unknown name on cache pull", ExitCodes.Usage, _ => { }, ["cache", "pull", "--remote", "nope"], "--remote nope", "unknown remote", "known in remotes.yml: (none)"),
        new("remote: unknown name on train", ExitCodes.Usage, w => w.Write("remotes.yml", "remotes:\n  team:\n    kind: directory\n    path: shared\n"), ["train", "--remote", "nope"], "--remote nope", "known in remotes.yml: team"),
        new("remote: cache pull without a remote", ExitCodes.Usage, _ => { }, ["cache", "pull"], "no remote given", "remotes.yml"),
        Config("remotes.yml: unknown key", "remotes:\n  team:\n    kind: azure\n    uri: https://a.blob.core.windows.net/c\n", "remotes.yml", "'uri'", "unknown key"),
        Config("remotes.yml: unknown kind", "remotes:\n  team:\n    kind: s3\n    url: https://bucket.s3.amazonaws.com/c\n", "remotes.yml", "'remotes.team.kind'", "'s3' is not allowed", "azure | directory"),
        Config("remotes.yml: duplicate key", "remotes:\n  team:\n    kind: directory\n    path: a\n    path: b\n", "remotes.yml", "'path'", "duplicate key"),
        Config("remotes.yml: remotes not a mapping", "remotes: [team]\n", "remotes.yml", "remotes"),
        Config("remotes.yml: default names no remote", "default: other\nremotes:\n  team:\n    kind: directory\n    path: shared\n", "remotes.yml", "'default'", "'other'", "allowed: team"),
        Config("remotes.yml: azure without url", "remotes:\n  team:\n    kind: azure\n", "remotes.yml", "'remotes.team.url'", "container URL"),
        Config("remotes.yml: directory without path", "remotes:\n  team:\n    kind: directory\n", "remotes.yml", "'remotes.team.path'", "needs path"),
        new("remote: folder that does not exist", ExitCodes.Pipeline, _ => { }, ["cache", "push", "--remote", "/nonexistent/streetcar-remote"], "/nonexistent/streetcar-remote", "no such folder"),
        new("remote: unreachable endpoint", ExitCodes.Pipeline, _ => { }, ["cache", "pull", "--remote", "http://127.0.0.1:1/devstoreaccount1/cache"], "remote http://127.0.0.1:1/devstoreaccount1/cache", "cannot reach the endpoint"),
        new("remote: missing container", ExitCodes.Pipeline, w => w.Write("remotes.yml", Azurite.Shared.RemotesYaml("team", "no-such-container")), Pull, "no-such-container", "the container does not exist"),
        new("remote: wrong account key", ExitCodes.Pipeline, w => w.Write("remotes.yml", Azurite.Shared.RemotesYaml("team", ExistingContainer(), wrongKey: true)),
            Pull, "the credentials were refused", "403"),
        new("remote: connection variable not set", ExitCodes.Pipeline, w => w.Write("remotes.yml",
            "remotes:\n  team:\n    kind: azure\n    url: https://a.blob.core.windows.net/c\n    connection_string_variable: STREETCAR_TEST_NEVER_SET\n"), Pull, "STREETCAR_TEST_NEVER_SET", "is not set"),
    ];

    /// <summary>A container that exists, so that only the key is wrong.</summary>
    private static string ExistingContainer() => Azurite.Shared.NewContainer("keyed").Name;

    private static BadInputCase Config(string name, string yaml, params string[] keyWords) =>
        new(name, ExitCodes.Config, w => w.Write("remotes.yml", yaml), ["cache", "pull"], keyWords);
}
