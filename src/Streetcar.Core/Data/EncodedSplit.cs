namespace Streetcar.Core.Data;

/// <summary>
/// One split (train, valid or test) of the prepared dataset: label-encoded feature columns and a 0/1 target.
/// <c>Codes[c][r]</c> is the code of column <c>Columns[c]</c> in row <c>r</c>.
/// </summary>
public sealed record EncodedSplit(string Name, IReadOnlyList<string> Columns, int[][] Codes, byte[] Labels)
{
    /// <summary>Number of rows.</summary>
    public int Rows => Labels.Length;

    /// <summary>Number of rows whose label is 1.</summary>
    public int Positives => Labels.Count(l => l == 1);
}
