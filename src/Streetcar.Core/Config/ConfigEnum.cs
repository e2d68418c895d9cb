using System.Text.Json;

namespace Streetcar.Core.Config;

/// <summary>
/// The one rule that turns a config enum into the text written in YAML, JSON and cache keys: the snake_case of
/// the member's name (<c>ValLoss</c> is <c>val_loss</c>), the form <see cref="Cache.Canonical"/> and
/// <see cref="Json.StableJson"/> already write enums in. An enum's members are therefore the only list of a key's
/// allowed values: error messages, docs and the comments of <c>experiments/_base.yml</c> are produced from, or
/// tested against, <see cref="Names{T}"/>.
/// </summary>
public static class ConfigEnum
{
    /// <summary>The text form of <paramref name="value"/>, e.g. <c>val_loss</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Name(typeof(T), value);

    /// <summary>The allowed texts of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => Names(typeof(T));

    /// <summary>The allowed texts of the enum <paramref name="type"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type type) =>
        Enum.GetValues(type).Cast<object>().Select(v => Name(type, v)).ToArray();

    /// <summary>The allowed texts joined as the docs write them: <c>min | max</c>.</summary>
    public static string Allowed(Type type) => string.Join(" | ", Names(type));

    /// <summary>The message for a value that is not one of <paramref name="type"/>'s texts.</summary>
    public static string NotAllowed(Type type, string value) => $"'{value}' is not allowed; allowed: {Allowed(type)}";

    /// <summary>Parses the exact (case-sensitive) text form; numbers and other spellings are refused.</summary>
    public static bool TryParse(Type type, string text, out object value)
    {
        foreach (var candidate in Enum.GetValues(type))
        {
            if (Name(type, candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>The text form of <paramref name="value"/>, a member of the enum <paramref name="type"/>.</summary>
    public static string Name(Type type, object value) =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(Enum.GetName(type, value)
            ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"not a member of {type.Name}"));
}
