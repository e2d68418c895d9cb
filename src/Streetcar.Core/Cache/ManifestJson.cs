using System.Text;
using System.Text.Json;

namespace Streetcar.Core.Cache;

/// <summary>Reads and writes <c>manifest.json</c> as deterministic, indented canonical JSON.</summary>
internal static class ManifestJson
{
    public static void Write(string path, CacheManifest manifest)
    {
        var document = new Dictionary<string, object?>
        {
            ["files"] = manifest.Files.Select(f => new Dictionary<string, object?>
            {
                ["path"] = f.Path,
                ["sha256"] = f.Sha256,
                ["size"] = f.Size,
            }).ToList(),
            ["info"] = new Dictionary<string, object?>
            {
                ["config"] = manifest.Info.Config,
                ["description"] = manifest.Info.Description,
                ["inputs"] = manifest.Info.Inputs.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
                ["params"] = manifest.Info.Params is null ? null : JsonSerializer.Deserialize<JsonElement>(manifest.Info.Params),
            },
            ["key"] = manifest.Key,
            ["schema"] = CacheManifest.Schema,
            ["stage"] = manifest.Stage,
        };
        var bytes = Encoding.UTF8.GetBytes(Canonical.Json(document, indented: true) + "\n");
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        // The manifest is the commit record: make it durable before the entry is moved into place.
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Parses a manifest; any deviation from the layout is a <see cref="FormatException"/>.</summary>
    public static CacheManifest Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Parses a manifest's bytes (e.g. one downloaded from a remote); any deviation is a <see cref="FormatException"/>.</summary>
    public static CacheManifest Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (Int(root, "schema") != CacheManifest.Schema)
            {
                throw new FormatException($"schema {Int(root, "schema")} is not {CacheManifest.Schema}");
            }
            var info = Get(root, "info");
            var paramsElement = Get(info, "params");
            return new CacheManifest(
                Str(root, "stage"),
                Str(root, "key"),
                new CacheEntryInfo(Str(info, "config"), OptStr(info, "description"))
                {
                    Inputs = Get(info, "inputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                    Params = paramsElement.ValueKind == JsonValueKind.Null ? null : Canonical.Json(paramsElement),
                },
                Get(root, "files").EnumerateArray()
                    .Select(f => new CacheFile(Str(f, "path"), Get(f, "size").GetInt64(), Str(f, "sha256")))
                    .ToList());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static JsonElement Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value : throw new FormatException($"'{name}' is missing");

    private static string Str(JsonElement e, string name) =>
        Get(e, name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static string? OptStr(JsonElement e, string name) => Get(e, name).GetString();

    private static int Int(JsonElement e, string name) => Get(e, name).GetInt32();
}
