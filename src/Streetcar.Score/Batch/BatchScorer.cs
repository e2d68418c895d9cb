using System.Globalization;
using System.Text;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;

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
    /// Scores the file <paramref name="inputPath"/> into <paramref name="outputPath"/> through <see cref="OutputFile"/>
    /// (which must not be <paramref name="inputPath"/> nor any of <paramref name="otherInputs"/>):
    /// the output appears only when every row scored, whole, and is never the input itself, a link, a FIFO or a
    /// device. An output that cannot be written is a <see cref="PipelineException"/> naming it, found before any row
    /// is scored; an input that is not a regular file is a <see cref="DataException"/>.
    /// </summary>
    public static BatchResult ScoreFile(Scorer scorer, string inputPath, string outputPath, IReadOnlyCollection<string>? otherInputs = null, int chunkRows = DefaultChunkRows)
    {
        using var input = OpenInput(inputPath);
        using var output = OutputFile.Create(outputPath, "--output", [inputPath, .. otherInputs ?? []]);
        BatchResult result;
        using (var writer = new StreamWriter(output.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        using (var reader = new StreamReader(input))
        {
            result = Score(scorer, reader, writer, inputPath, chunkRows);
        }
        output.Commit();
        return result;
    }

    /// <summary>Refuses before the output is touched anything <see cref="ScoreFile"/> would refuse about its paths.</summary>
    /// <remarks><paramref name="otherInputs"/>: files besides the CSV the output must not be (the model's).</remarks>
    public static void CheckPaths(string inputPath, string outputPath, IReadOnlyCollection<string>? otherInputs = null)
    {
        InputFile.EnsureRegular(inputPath, problem => InputProblem(inputPath, problem));
        OutputFile.Check(outputPath, "--output", [inputPath, .. otherInputs ?? []]);
    }

    private static FileStream OpenInput(string path) => InputFile.OpenRegular(path, problem => InputProblem(path, problem));

    private static DataException InputProblem(string path, string problem) =>
        new($"{path}: {(problem.StartsWith("is a folder", StringComparison.Ordinal) ? "is a folder, not a CSV file" : problem == "not found" ? "no such file" : problem)}");

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
