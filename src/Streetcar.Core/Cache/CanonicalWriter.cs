using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Streetcar.Core.Cache;

/// <summary>Writes the canonical JSON described on <see cref="Canonical"/>.</summary>
internal sealed class CanonicalWriter
{
    /// <summary>Doubles with magnitude below this are exact integers and are written without a fraction.</summary>
    private const double ExactIntegerLimit = 9007199254740992d;

    private static readonly JsonSerializerOptions RecordOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly StringBuilder _out = new();
    private readonly bool _indented;
    private int _depth;

    private CanonicalWriter(bool indented) => _indented = indented;

    public static string Write(object? value, bool indented)
    {
        var writer = new CanonicalWriter(indented);
        writer.Value(value);
        return writer._out.ToString();
    }

    private void Value(object? value)
    {
        switch (value)
        {
            case null: _out.Append("null"); break;
            case string s: String(s); break;
            case char c: String(c.ToString()); break;
            case bool b: _out.Append(b ? "true" : "false"); break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or Int128 or UInt128 or BigInteger:
                _out.Append(Integer(BigInteger.Parse(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture)));
                break;
            case double d: _out.Append(Double(d)); break;
            case float f: _out.Append(Double(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))); break;
            case Half h: _out.Append(Double((double)h)); break;
            case decimal m: _out.Append(Double((double)m)); break;
            case JsonElement e: Element(e); break;
            case JsonNode n: Element(JsonSerializer.SerializeToElement(n)); break;
            case IReadOnlyDictionary<string, object?> map: Object(map.Select(kv => (kv.Key, kv.Value))); break;
            case IDictionary map: Object(Entries(map)); break;
            case IEnumerable items: Array(items.Cast<object?>()); break;
            default: Element(JsonSerializer.SerializeToElement(value, value.GetType(), RecordOptions)); break;
        }
    }

    private static IEnumerable<(string, object?)> Entries(IDictionary map)
    {
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"Canonical JSON needs string dictionary keys, got {entry.Key.GetType().Name}.");
            }
            yield return (key, entry.Value);
        }
    }

    private void Element(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object: Object(e.EnumerateObject().Select(p => (p.Name, (object?)p.Value))); break;
            case JsonValueKind.Array: Array(e.EnumerateArray().Select(x => (object?)x)); break;
            case JsonValueKind.String: String(e.GetString()!); break;
            case JsonValueKind.Number: _out.Append(NumberToken(e.GetRawText())); break;
            case JsonValueKind.True: _out.Append("true"); break;
            case JsonValueKind.False: _out.Append("false"); break;
            default: _out.Append("null"); break;
        }
    }

    private void Object(IEnumerable<(string Key, object? Value)> entries)
    {
        var sorted = entries.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException($"Canonical JSON cannot hold the duplicate key '{sorted[i].Key}'.");
            }
        }
        Container('{', '}', sorted, entry =>
        {
            String(entry.Key);
            _out.Append(_indented ? ": " : ":");
            Value(entry.Value);
        });
    }

    private void Array(IEnumerable<object?> items) => Container('[', ']', items.ToList(), Value);

    private void Container<T>(char open, char close, IReadOnlyList<T> items, Action<T> writeItem)
    {
        _out.Append(open);
        _depth++;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(',');
            }
            NewLine();
            writeItem(items[i]);
        }
        _depth--;
        if (items.Count > 0)
        {
            NewLine();
        }
        _out.Append(close);
    }

    private void NewLine()
    {
        if (_indented)
        {
            _out.Append('\n').Append(' ', 2 * _depth);
        }
    }

    private void String(string s)
    {
        _out.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                _out.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                throw new ArgumentException("Canonical JSON cannot hold a string with an unpaired surrogate.");
            }
            switch (c)
            {
                case '"': _out.Append("\\\""); break;
                case '\\': _out.Append("\\\\"); break;
                case '\b': _out.Append("\\b"); break;
                case '\f': _out.Append("\\f"); break;
                case '\n': _out.Append("\\n"); break;
                case '\r': _out.Append("\\r"); break;
                case '\t': _out.Append("\\t"); break;
                case < ' ': _out.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: _out.Append(c); break;
            }
        }
        _out.Append('"');
    }

    /// <summary>A JSON number token: integer syntax stays exact, anything else is read as a double.</summary>
    private static string NumberToken(string raw) =>
        raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            ? Integer(BigInteger.Parse(raw, CultureInfo.InvariantCulture))
            : Double(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static string Integer(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Double(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException($"Canonical JSON cannot hold the non-finite number {d.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (d == Math.Floor(d) && Math.Abs(d) < ExactIntegerLimit)
        {
            // Also turns -0.0 into 0: equal values, one text.
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
