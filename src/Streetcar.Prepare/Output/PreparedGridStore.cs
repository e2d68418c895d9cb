using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Output;

/// <summary>
/// Writes and reads a <see cref="PreparedGrid"/> in a folder: <c>grid.bin</c> (<see cref="EncodedSplitFile"/>),
/// <see cref="PreparedLayout.Encoders"/> and <c>grid-summary.json</c>.
/// </summary>
public static class PreparedGridStore
{
    /// <summary>File name of the encoded unsplit grid.</summary>
    public const string GridFile = "grid.bin";

    /// <summary>File name of the grid's data summary (no split figures yet).</summary>
    public const string SummaryFile = "grid-summary.json";

    /// <summary>Writes <paramref name="grid"/> into <paramref name="folder"/> (created if needed).</summary>
    public static void Write(string folder, PreparedGrid grid)
    {
        Directory.CreateDirectory(folder);
        EncodedSplitFile.Write(Path.Combine(folder, GridFile), grid.Grid);
        EncodersFile.Write(Path.Combine(folder, PreparedLayout.Encoders), grid.Encoders);
        File.WriteAllText(Path.Combine(folder, SummaryFile), SummaryJson.ToJson(grid.Summary));
    }

    /// <summary>Reads the grid written by <see cref="Write"/> from <paramref name="folder"/>.</summary>
    public static PreparedGrid Read(string folder)
    {
        foreach (var name in new[] { GridFile, PreparedLayout.Encoders, SummaryFile })
        {
            if (!File.Exists(Path.Combine(folder, name)))
            {
                throw new DataException($"{folder}: prepared grid incomplete, {name} is missing");
            }
        }
        return new PreparedGrid(
            EncodedSplitFile.Read(Path.Combine(folder, GridFile)),
            EncodersFile.Read(Path.Combine(folder, PreparedLayout.Encoders)),
            SummaryJson.FromJson(File.ReadAllText(Path.Combine(folder, SummaryFile))));
    }
}
