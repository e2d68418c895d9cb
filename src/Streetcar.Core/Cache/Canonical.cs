using Streetcar.Core.Hashing;

namespace Streetcar.Core.Cache;

/// <summary>
/// Canonical JSON: the one text form of a value that cache keys are hashed from. Object keys are sorted by
/// ordinal (UTF-16) order, numbers are written in invariant culture with doubles in shortest round-trip form
/// (an integral double below 2^53 is written as an integer, so <c>10</c> and <c>10.0</c> agree), strings escape
/// only what JSON requires, and there is no whitespace. Equal values give the same text on any machine.
/// </summary>
/// <remarks>
/// Accepts <c>null</c>, strings, booleans, every CLR number type, <see cref="System.Text.Json.Nodes.JsonNode"/>,
/// <see cref="System.Text.Json.JsonElement"/>, dictionaries with string keys, sequences, and any other object
/// (a config record, an enum), which is first serialized with System.Text.Json using snake_case names and enums
/// as snake_case strings, so a record's canonical JSON reads like its YAML. Integers are kept exact at any size;
/// an integral double of 2^53 or more keeps its double form (<c>1E+20</c>), so it differs from the integer
/// <c>100000000000000000000</c>: write large counts as integers. NaN, infinities, duplicate object
/// keys and malformed UTF-16 are rejected with an <see cref="ArgumentException"/>: they have no canonical form.
/// </remarks>
public static class Canonical
{
    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    public static string Json(object? value) => CanonicalWriter.Write(value, indented: false);

    /// <summary>
    /// The canonical JSON text of <paramref name="value"/>, indented by two spaces when
    /// <paramref name="indented"/> (same key order and number forms; for files people read, not for hashing).
    /// </summary>
    public static string Json(object? value, bool indented) => CanonicalWriter.Write(value, indented);

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="Json(object?)"/>.</summary>
    public static string Hash(object? value) => ContentHash.OfText(Json(value));
}
