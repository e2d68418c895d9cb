using System.Text.Json;
using Streetcar.Core.Hashing;

namespace Streetcar.Core.Cache;

/// <summary>
/// Builds a <see cref="CacheKey"/> from what a stage's output depends on: its name, a version the stage bumps
/// whenever its code changes what it writes, the resolved parameters it reads, and the keys or content hashes
/// of its inputs. The key is the SHA-256 of the canonical JSON document
/// <c>{"inputs":{...},"params":{...},"schema":1,"stage":...,"version":...}</c> (see <see cref="Canonical"/>),
/// so the order in which parameters and inputs are added, and how the config file was formatted, do not matter.
/// </summary>
/// <example>
/// <code>
/// var key = CacheKeyBuilder.For("train", version: 1)
///     .Param("training", config.Training)
///     .Param("seed", config.Seed)
///     .Input("prepared", preparedEntry.Key)
///     .Build();
/// </code>
/// </example>
public sealed class CacheKeyBuilder
{
    /// <summary>Version of the key encoding itself; changing it deliberately invalidates every entry.</summary>
    public const int Schema = 1;

    private readonly string _stage;
    private readonly int _version;
    private readonly SortedDictionary<string, JsonElement> _params = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _inputs = new(StringComparer.Ordinal);

    private CacheKeyBuilder(string stage, int version)
    {
        if (!CacheKey.IsStage(stage))
        {
            throw new ArgumentException($"Stage name '{stage}' must be lower-case letters, digits, '-' or '_'.", nameof(stage));
        }
        _stage = stage;
        _version = version;
    }

    /// <summary>Starts a key for <paramref name="stage"/> at code version <paramref name="version"/>.</summary>
    public static CacheKeyBuilder For(string stage, int version) => new(stage, version);

    /// <summary>
    /// Adds a parameter the stage reads. The value is captured now, in canonical form: anything
    /// <see cref="Canonical.Json(object?)"/> accepts (a number, a string, a config record, a dictionary, a JsonNode).
    /// </summary>
    public CacheKeyBuilder Param(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var document = JsonDocument.Parse(Canonical.Json(value));
        if (!_params.TryAdd(name, document.RootElement.Clone()))
        {
            throw new ArgumentException($"Parameter '{name}' was already added to the {_stage} key.", nameof(name));
        }
        return this;
    }

    /// <summary>Adds an input produced by another cached stage, identified by that entry's key.</summary>
    public CacheKeyBuilder Input(string name, CacheKey key) => AddInput(name, "key:" + key.ToFullString());

    /// <summary>Adds an input identified by the SHA-256 (64 hex digits) of its content.</summary>
    public CacheKeyBuilder Input(string name, string sha256)
    {
        if (!CacheKey.IsHash(sha256.ToLowerInvariant()))
        {
            throw new ArgumentException($"Input '{name}': '{sha256}' is not a SHA-256 hex digest.", nameof(sha256));
        }
        return AddInput(name, "sha256:" + sha256.ToLowerInvariant());
    }

    /// <summary>Adds an input file, identified by the SHA-256 of its bytes.</summary>
    public CacheKeyBuilder InputFile(string name, string path) => Input(name, ContentHash.OfFile(path));

    /// <summary>The inputs added so far, name → <c>key:stage/hash</c> or <c>sha256:hex</c>, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Inputs => new SortedDictionary<string, string>(_inputs, StringComparer.Ordinal);

    /// <summary>The canonical document the key is the hash of; useful to explain why a key changed.</summary>
    public string Document() => Canonical.Json(new Dictionary<string, object?>
    {
        ["inputs"] = new Dictionary<string, object?>(_inputs.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))),
        ["params"] = new Dictionary<string, object?>(_params.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))),
        ["schema"] = Schema,
        ["stage"] = _stage,
        ["version"] = _version,
    });

    /// <summary>The key: SHA-256 of <see cref="Document"/>.</summary>
    public CacheKey Build() => new(_stage, ContentHash.OfText(Document()));

    /// <summary>
    /// Describes the entry for its manifest: the config it was built for, an optional description, and this
    /// builder's inputs and parameters.
    /// </summary>
    public CacheEntryInfo Info(string config, string? description = null) => new(config, description)
    {
        Inputs = Inputs,
        Params = Canonical.Json(new Dictionary<string, object?>(_params.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)))),
    };

    private CacheKeyBuilder AddInput(string name, string identity)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_inputs.TryAdd(name, identity))
        {
            throw new ArgumentException($"Input '{name}' was already added to the {_stage} key.", nameof(name));
        }
        return this;
    }
}
