using System.Globalization;
using System.Text;
using Streetcar.Core.Errors;
using Streetcar.Score.Batch;

namespace Streetcar.Score.Tests.Batch;

[Collection(TinyModelCollection.Name)]
public sealed class BatchScorerTests(TinyModel tiny) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ScoreFile_StreamsInChunks_AppendsColumns_KeepsRows_ProbabilitiesAsSingleScoring()
    {
        using var scorer = Scorer.Load(tiny.Folder);
        var trips = Enumerable.Range(0, 25).Select(r => TripData.Decode(tiny.Test, r, scorer.Model.Encoders)).ToArray();
        var csv = new StringBuilder("id,route,direction,datetime\n");
        for (var i = 0; i < trips.Length; i++)
        {
            var t = trips[i];
            csv.Append(CultureInfo.InvariantCulture, $"{i},{t.Route},{t.Direction},{t.Date:yyyy-MM-dd}T{t.Hour:00}:{i % 60:00}\n");
        }
        File.WriteAllText(_temp.Sub("in.csv"), csv.ToString());

        var result = BatchScorer.ScoreFile(scorer, _temp.Sub("in.csv"), _temp.Sub("out.csv"), chunkRows: 7);

        Assert.Equal(25, result.Rows);
        Assert.Equal(4, result.Chunks);
        var input = File.ReadAllLines(_temp.Sub("in.csv"));
        var output = File.ReadAllLines(_temp.Sub("out.csv"));
        Assert.Equal(input.Length, output.Length);
        Assert.Equal("id,route,direction,datetime,delay_probability,predicted_delay", output[0]);
        for (var i = 0; i < trips.Length; i++)
        {
            Assert.StartsWith(input[i + 1] + ",", output[i + 1]);
            var fields = output[i + 1].Split(',');
            var expected = scorer.Score(trips[i]);
            Assert.Equal(expected.Probability, float.Parse(fields[4], CultureInfo.InvariantCulture));
            Assert.Equal(expected.PredictedDelay ? "1" : "0", fields[5]);
        }
        Assert.Equal(output.Skip(1).Count(l => l.EndsWith(",1", StringComparison.Ordinal)), result.PredictedDelays);
        Assert.False(File.Exists(_temp.Sub("out.csv.partial")));
    }

    [Theory]
    [InlineData("missing/out.csv", "does not exist")]
    [InlineData("folder", "is a folder")]
    [InlineData("file.txt/out.csv", "does not exist")]
    public void ScoreFile_OutputThatCannotBeWritten_IsOnePipelineErrorNamingIt_BeforeAnyRowIsScored(string output, string problem)
    {
        using var scorer = Scorer.Load(tiny.Folder);
        File.WriteAllText(_temp.Sub("in.csv"), "route,direction,datetime\n501,e,2019-06-14T08:30\n");
        Directory.CreateDirectory(_temp.Sub("folder"));
        File.WriteAllText(_temp.Sub("file.txt"), "a file, not a folder\n");

        var error = Assert.Throws<PipelineException>(() => BatchScorer.ScoreFile(scorer, _temp.Sub("in.csv"), _temp.Sub(output)));

        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith($"--output {_temp.Sub(output)}: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void ScoreFile_RowWithAZone_IsADataErrorWithItsLine_AndNoOutputAppears()
    {
        using var scorer = Scorer.Load(tiny.Folder);
        File.WriteAllText(_temp.Sub("in.csv"), "route,direction,datetime\n501,e,2019-06-14T08:30\n501,e,2019-06-14T08:30Z\n");

        var error = Assert.Throws<DataException>(() => BatchScorer.ScoreFile(scorer, _temp.Sub("in.csv"), _temp.Sub("out.csv")));

        Assert.StartsWith($"{_temp.Sub("in.csv")} line 3: ", error.Message);
        Assert.Contains("time zone (Z)", error.Message);
        Assert.False(File.Exists(_temp.Sub("out.csv")));
        Assert.False(File.Exists(_temp.Sub("out.csv.partial")));
    }

    [Fact]
    public void Score_DateAndHourColumns_QuotedFields_AnyOrder()
    {
        using var scorer = Scorer.Load(tiny.Folder);
        const string csv = "Hour,Date,Direction,Route,comment\n8,2019-06-14,e,501,\"rush, east\"\n\n23,2019-06-16,n,511,quiet\n";
        var output = new StringWriter();

        var result = BatchScorer.Score(scorer, new StringReader(csv), output, "trips.csv");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, result.Rows);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("8,2019-06-14,e,501,\"rush, east\",", lines[1]);
        var expected = scorer.Score(new TripDescription("501", "e", new DateOnly(2019, 6, 14), 8)).Probability;
        Assert.Equal(expected.ToString("R", CultureInfo.InvariantCulture), lines[1].Split(',')[^2]);
    }

    [Fact]
    public void Score_UnseenYearsMapped_CountedInNotes()
    {
        using var scorer = Scorer.Load(tiny.Folder, UnseenYearPolicy.LatestKnown);
        const string csv = "route,direction,datetime\n501,e,2020-01-02T08:00\n501,e,2020-03-02T08:00\n501,e,2019-03-02T08:00\n";

        var result = BatchScorer.Score(scorer, new StringReader(csv), new StringWriter(), "trips.csv");

        var note = Assert.Single(result.Notes);
        Assert.Equal(2, note.Value);
        Assert.Contains("2020", note.Key);
    }

    [Theory]
    [InlineData("", "trips.csv line 1: expected a header")]
    [InlineData("route,direction,when\n501,e,x\n", "trips.csv line 1: header [route,direction,when] lacks columns")]
    [InlineData("route,direction,date\n501,e,2019-06-14\n", "trips.csv line 1: header [route,direction,date] lacks columns")]
    [InlineData("route,direction,datetime,delay_probability\n", "trips.csv line 1: already has a 'delay_probability' column")]
    [InlineData("route,direction,datetime\n501,e,2019-06-14T08:00\n501,e\n", "trips.csv line 3: expected 3 fields as in the header, found 2")]
    [InlineData("route,direction,datetime\n501,e,\"2019-06-14T08:00\n", "trips.csv line 2: expected 3 fields as in the header, found an unclosed quote")]
    [InlineData("route,direction,datetime\n501,e,2019-06-14T08:00\n\n999,e,2019-06-14T08:00\n", "trips.csv line 4: unknown route '999'; valid values: 301, 501, 511")]
    [InlineData("route,direction,datetime\n501,e,yesterday\n", "trips.csv line 2: 'yesterday' is not a date and time")]
    [InlineData("route,direction,date,hour\n501,e,2019-06-14,25\n", "trips.csv line 2: '25' is not an hour")]
    [InlineData("route,direction,datetime\n501,e,2021-06-14T08:00\n", "trips.csv line 2: unknown year '2021'")]
    public void Score_BadHeaderOrRow_DataErrorWithLineNumber(string csv, string message)
    {
        using var scorer = Scorer.Load(tiny.Folder);
        var error = Assert.Throws<DataException>(() => BatchScorer.Score(scorer, new StringReader(csv), new StringWriter(), "trips.csv"));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void ScoreFile_BadRow_LeavesNoOutput()
    {
        using var scorer = Scorer.Load(tiny.Folder);
        File.WriteAllText(_temp.Sub("in.csv"), "route,direction,datetime\n501,e,2019-06-14T08:00\n999,e,2019-06-14T08:00\n");

        Assert.Throws<DataException>(() => BatchScorer.ScoreFile(scorer, _temp.Sub("in.csv"), _temp.Sub("out.csv"), chunkRows: 1));

        Assert.Empty(Directory.GetFiles(_temp.Path, "out.csv*"));
    }
}
