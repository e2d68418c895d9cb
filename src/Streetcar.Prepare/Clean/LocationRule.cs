using System.Text.RegularExpressions;

namespace Streetcar.Prepare.Clean;

/// <summary>
/// The book's location normalisation: lower-case, then its substitutions as regular expressions applied in order
/// (so '.' matches any character, as in the book: "yard." also eats the space after "yard"), then an "A and B"
/// intersection is put in ordinal order of A and B.
/// <para>
/// pandas' <c>Series.replace(dict, regex=True)</c>, which the book calls, decides which rows each pattern touches
/// <em>before</em> any substitution ("figure out our mask a-priori"): a pattern is applied to the current text only
/// when it matched the lower-cased original. So "russell carhouse and queen" becomes "russell yard and queen", and
/// the later "yard." pattern, which did not match the original, does not eat its space. This is what reproduces the
/// book's distinct-location count (10,862; plain sequential substitution gives 10,856).
/// </para>
/// </summary>
public static class LocationRule
{
    /// <summary>The substitutions (pattern → replacement), in the order they are applied.</summary>
    public static IReadOnlyList<(string Pattern, string Replacement)> Substitutions { get; } =
    [
        ("broadviewstation", "broadview station"),
        (" at ", " and "),
        (" stn", " station"),
        (" ave.", ""),
        ("/", " and "),
        ("roncy", "roncesvalles"),
        ("carhouse", "yard"),
        ("yard.", "yard"),
        ("st. clair", "st clair"),
        ("ronc. ", "roncesvalles "),
        ("long branch", "longbranch"),
        ("garage", "yard"),
        ("barns", "yard"),
        (" & ", " and "),
    ];

    private static readonly (Regex Regex, string Replacement)[] Compiled =
        Substitutions.Select(s => (new Regex(s.Pattern, RegexOptions.CultureInvariant), s.Replacement)).ToArray();

    private const string Conjunction = " and ";

    /// <summary>The normalised location.</summary>
    public static string Clean(string location)
    {
        var original = location.ToLowerInvariant();
        var text = original;
        foreach (var (regex, replacement) in Compiled)
        {
            if (regex.IsMatch(original))
            {
                text = regex.Replace(text, replacement);
            }
        }
        return OrderIntersection(text);
    }

    /// <summary>
    /// "B and A" → "A and B" when B sorts after A (ordinal); only the first " and " splits, and only when there is
    /// text on both sides (the book's <c>order_location</c>).
    /// </summary>
    public static string OrderIntersection(string text)
    {
        var at = text.IndexOf(Conjunction, StringComparison.Ordinal);
        if (at <= 0 || text.Length <= at + Conjunction.Length)
        {
            return text;
        }
        var first = text[..at];
        var second = text[(at + Conjunction.Length)..];
        return string.CompareOrdinal(first, second) <= 0 ? first + Conjunction + second : second + Conjunction + first;
    }
}
