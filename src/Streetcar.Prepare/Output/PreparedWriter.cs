using Streetcar.Core.Data;
using Streetcar.Prepare.Encode;

namespace Streetcar.Prepare.Output;

/// <summary>Writes the Prepare output folder (<see cref="PreparedLayout"/>): the three splits, encoders and summary.</summary>
public static class PreparedWriter
{
    /// <summary>Writes <paramref name="splits"/> of <paramref name="grid"/> into <paramref name="folder"/> (created if needed).</summary>
    public static void Write(string folder, PreparedGrid grid, DatasetSplits splits)
    {
        Directory.CreateDirectory(folder);
        EncodedSplitFile.Write(Path.Combine(folder, PreparedLayout.Train), splits.Train);
        EncodedSplitFile.Write(Path.Combine(folder, PreparedLayout.Valid), splits.Valid);
        EncodedSplitFile.Write(Path.Combine(folder, PreparedLayout.Test), splits.Test);
        EncodersFile.Write(Path.Combine(folder, PreparedLayout.Encoders), grid.Encoders);
        var summary = grid.Summary with { Split = splits.Summary };
        File.WriteAllText(Path.Combine(folder, PreparedLayout.Summary), SummaryJson.ToJson(summary));
    }
}
