using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Score.Batch;

/// <summary>
/// Scores a CSV of trips as a stream: reads <see cref="DefaultChunkRows"/> rows, scores them in one forward pass,
/// writes them with <c>delay_probability,predicted_delay</c> appended, and goes on, so memory stays flat however
/// long the file. Any bad row stops the run with its line number.
/// </summary>
public static class BatchScorer
{
    /// <summary>Rows per forward pass.</summary>
    public const int DefaultChunkRows = 10_000;

    /// <summary>
    /// Scores the file <paramref name="inputPath"/> into <paramref name="outputPath"/>. The output appears only
    /// when every row scored (it is written beside, then moved into place); an output that cannot be written is
    /// a <see cref="PipelineException"/> naming it, found before any row is scored.
    /// </summary>
    public static BatchResult ScoreFile(Scorer scorer, string inputPath, string outputPath, int chunkRows = DefaultChunkRows)
    {
        if (Directory.Exists(inputPath))
        {
            throw new DataException($"{inputPath}: is a folder, not a CSV file");
        }
        if (!File.Exists(inputPath))
        {
            throw new DataException($"{inputPath}: no such file");
        }
        CheckOutput(outputPath);
        var partial = outputPath + ".partial";
        var written = false;
        try
        {
            BatchResult result;
            using (var reader = OpenInput(inputPath))
            using (var writer = OpenOutput(partial, outputPath))
            {
                result = Score(scorer, reader, writer, inputPath, chunkRows);
            }
            Move(partial, outputPath);
            written = true;
            return result;
        }
        finally
        {
            if (!written)
            {
                DeleteQuietly(partial);
            }
        }
    }

    /// <summary>The output must be a file path in an existing folder, not a folder itself.</summary>
    private static void CheckOutput(string outputPath)
    {
        if (Directory.Exists(outputPath))
        {
            throw new PipelineException($"--output {outputPath}: is a folder; give a file path");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new PipelineException($"--output {outputPath}: folder {folder} does not exist");
        }
    }

    private static StreamReader OpenInput(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{path}: cannot be read ({e.Message})");
        }
    }

    private static StreamWriter OpenOutput(string partial, string outputPath)
    {
        try
        {
            return new StreamWriter(partial) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"--output {outputPath}: cannot be written ({e.Message})");
        }
    }

    private static void Move(string partial, string outputPath)
    {
        try
        {
            File.Move(partial, outputPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"--output {outputPath}: cannot be written ({e.Message})");
        }
    }

    /// <summary>Removes a partial output; a failure here must not hide the error that stopped the run.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be touched: the original error says why.
        }
    }

    /// <summary>Scores the CSV read from <paramref name="input"/> (named <paramref name="source"/> in errors) into <paramref name="output"/>.</summary>
    public static BatchResult Score(Scorer scorer, TextReader input, TextWriter output, string source, int chunkRows = DefaultChunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var headerLine = input.ReadLine();
        var header = TripCsvHeader.Parse(headerLine, source);
        output.Write(headerLine);
        output.WriteLine("," + string.Join(",", TripCsvHeader.AppendedColumns));

        var lines = new List<string>(chunkRows);
        var trips = new List<EncodedTrip>(chunkRows);
        var notes = new Dictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, delays = 0, chunks = 0, lineNumber = 1;
        void Flush()
        {
            if (lines.Count == 0)
            {
                return;
            }
            var probabilities = scorer.Predict(trips);
            for (var i = 0; i < lines.Count; i++)
            {
                var delay = probabilities[i] >= scorer.Threshold;
                delays += delay ? 1 : 0;
                output.Write(lines[i]);
                output.Write(',');
                output.Write(probabilities[i].ToString("R", CultureInfo.InvariantCulture));
                output.WriteLine(delay ? ",1" : ",0");
            }
            rows += lines.Count;
            chunks++;
            lines.Clear();
            trips.Clear();
        }

        for (var line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var encoded = Encode(scorer, header, line, source, lineNumber);
            foreach (var note in encoded.Notes)
            {
                notes[note] = notes.GetValueOrDefault(note) + 1;
            }
            lines.Add(line);
            trips.Add(encoded);
            if (lines.Count == chunkRows)
            {
                Flush();
            }
        }
        Flush();
        return new BatchResult(rows, delays, chunks, notes);
    }

    private static EncodedTrip Encode(Scorer scorer, TripCsvHeader header, string line, string source, int lineNumber)
    {
        var fields = CsvFields.Split(line);
        if (fields is null || fields.Length != header.FieldCount)
        {
            throw new DataException($"{source} line {lineNumber}: expected {header.FieldCount} fields as in the header, found {(fields is null ? "an unclosed quote" : fields.Length.ToString(CultureInfo.InvariantCulture))}");
        }
        try
        {
            return scorer.Encoder.Encode(header.Trip(fields));
        }
        catch (PipelineException e)
        {
            throw new DataException($"{source} line {lineNumber}: {e.Message}");
        }
    }
}
