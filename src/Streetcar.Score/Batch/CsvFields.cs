using System.Text;

namespace Streetcar.Score.Batch;

/// <summary>Splits one CSV line into fields: comma-separated, fields optionally in double quotes ("" is a quote).</summary>
public static class CsvFields
{
    /// <summary>The fields of <paramref name="line"/>, or null when a quoted field is not closed.</summary>
    public static string[]? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append(ch);
            }
        }
        if (quoted)
        {
            return null;
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
