using System.Globalization;
using System.Text.Json;
using Streetcar.Cli;
using Streetcar.Cli.Output;

namespace Streetcar.Score.Tests.Cli;

[Collection(TinyModelCollection.Name)]
public sealed class ScoreCommandTests(TinyModel tiny) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _temp.Dispose();

    private int Run(params string[] args) => CliApp.Run(args, new CliConsole(_out, _err));

    [Fact]
    public void Score_Json_ProbabilityClassAndInputsOfTheScorer()
    {
        var code = Run("score", "--model", tiny.Folder, "--route", "501", "--direction", "e", "--at", "2019-06-14T08:30", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(_out.ToString());
        using var scorer = Scorer.Load(tiny.Folder);
        var expected = scorer.Score(new TripDescription("501", "e", new DateOnly(2019, 6, 14), 8));
        Assert.Equal(expected.Probability, json.RootElement.GetProperty("probability").GetSingle());
        Assert.Equal(expected.PredictedDelay, json.RootElement.GetProperty("predicted_delay").GetBoolean());
        Assert.Equal("tiny", json.RootElement.GetProperty("experiment").GetString());
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("code").GetInt32());
        Assert.Equal(expected.Encoded.Codes, inputs);
    }

    [Fact]
    public void Score_ForPeople_DateAndHour_ShowsProbabilityClassAndEncodedInputs()
    {
        var code = Run("score", "--model", tiny.Folder, "--route", "511", "--direction", "n", "--date", "2019-06-16", "--hour", "23");

        Assert.Equal(0, code);
        var text = _out.ToString();
        Assert.Contains("route 511 direction n on 2019-06-16 (Sunday) at 23:00", text);
        Assert.Contains("raw score          ", text);
        Assert.Contains("chance of a delay  not available", text);
        Assert.Contains("threshold 0.3", text);
        Assert.Contains("encoded inputs     route=511→2  direction=n→1  hour=23→", text);
        Assert.Contains("loaded in", text);
    }

    [Fact]
    public void Score_UnknownRoute_ExitCode2_ListsValidRoutes()
    {
        var code = Run("score", "--model", tiny.Folder, "--route", "999", "--direction", "e", "--at", "2019-06-14T08:30");

        Assert.Equal(2, code);
        Assert.Equal("error: unknown route '999'; valid values: 301, 501, 511", _err.ToString().Trim());
    }

    [Fact]
    public void Score_UnseenYear_ErrorByDefault_LatestMapsAndSaysSo()
    {
        Assert.Equal(2, Run("score", "--model", tiny.Folder, "--route", "501", "--direction", "e", "--at", "2020-06-14T08:30"));
        Assert.Contains("unknown year '2020'", _err.ToString());

        Assert.Equal(0, Run("score", "--model", tiny.Folder, "--route", "501", "--direction", "e", "--at", "2020-06-14T08:30", "--unseen-year", "latest"));
        Assert.Contains("note: year 2020 is not one the model was trained on (2018–2019): scored as 2019", _out.ToString());
    }

    [Theory]
    [InlineData("--route", "501", "--direction", "e")]
    [InlineData("--route", "501", "--direction", "e", "--at", "2019-06-14T08:30", "--hour", "8")]
    [InlineData("--input", "trips.csv")]
    public void Score_IncompleteOrConflictingTrip_IsAUsageError(params string[] args)
    {
        Assert.Equal(CliApp.UsageError, Run(["score", "--model", tiny.Folder, .. args]));
        Assert.StartsWith("error: ", _err.ToString());
    }

    [Fact]
    public void Score_Batch_WritesScoredCsv()
    {
        File.WriteAllText(_temp.Sub("trips.csv"), "route,direction,date,hour\n501,e,2019-06-14,8\n511,n,2019-06-16,23\n");

        var code = Run("score", "--model", tiny.Folder, "--input", _temp.Sub("trips.csv"), "--output", _temp.Sub("scored.csv"), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetInt32());
        var lines = File.ReadAllLines(_temp.Sub("scored.csv"));
        Assert.Equal(3, lines.Length);
        Assert.Equal("route,direction,date,hour,delay_probability,predicted_delay", lines[0]);
    }

    [Fact]
    public void Score_BatchOfOneRow_SaysRowInTheSingular()
    {
        File.WriteAllText(_temp.Sub("one.csv"), "route,direction,date,hour\n501,e,2019-06-14,8\n");

        Assert.Equal(0, Run("score", "--model", tiny.Folder, "--input", _temp.Sub("one.csv"), "--output", _temp.Sub("scored.csv")));

        Assert.Contains(": scored 1 row of ", _out.ToString());
    }

    [Theory]
    [InlineData("2019-06-14T08:30Z")]
    [InlineData("2019-06-14T08:30+05:00")]
    public void Score_AtWithAZone_IsAUsageErrorInOneLine(string at)
    {
        Assert.Equal(CliApp.UsageError, Run("score", "--model", tiny.Folder, "--route", "501", "--direction", "e", "--at", at));

        var error = Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --at: '{at}' has a time zone", error);
    }

    [Fact]
    public void Score_Experiment_ModelFromTheStageCache_NeverTrains()
    {
        using var workspace = new TestWorkspace();
        string[] trip = ["--route", "501", "--direction", "e", "--at", "2019-06-14T08:30"];

        var missing = Run(["score", "--root", workspace.Root, "--experiment", "exp3", .. trip]);
        Assert.Equal(2, missing);
        Assert.Contains("exp3 has no trained model in the cache (train/", _err.ToString());
        Assert.Contains("`streetcar train --experiment exp3`", _err.ToString());
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "data", "cache", "train")) && Directory.GetDirectories(Path.Combine(workspace.Root, "data", "cache", "train")).Length > 0);

        // No results/metrics.json yet: the default is exp5.
        var key = workspace.CacheModel("exp5", tiny.Folder);
        var code = Run(["score", "--root", workspace.Root, .. trip]);

        Assert.Equal(0, code);
        Assert.StartsWith("exp5: route 501 direction e", _out.ToString());
        Assert.Contains($"model {key}", _out.ToString());
        // The serving repeat's calibration turns the raw score into the chance of a delay, each labelled.
        var lines = _out.ToString().Split('\n');
        var raw = double.Parse(lines.Single(l => l.StartsWith("  raw score ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
        var chance = lines.Single(l => l.StartsWith("  chance of a delay ", StringComparison.Ordinal));
        Assert.EndsWith(" (the raw score calibrated on validation, prior)", chance);
        var odds = TestWorkspace.OddsFactor * raw / (1 - raw);
        // Within the printed raw score's rounding.
        Assert.Equal(odds / (1 + odds), double.Parse(chance.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void Score_UnknownExperiment_ListsKnownOnes()
    {
        using var workspace = new TestWorkspace();
        Assert.Equal(CliApp.UsageError, Run("score", "--root", workspace.Root, "--experiment", "exp99", "--route", "501", "--direction", "e", "--at", "2019-06-14T08:30"));
        Assert.Contains("unknown experiment exp99; known: exp0", _err.ToString());
    }
}
