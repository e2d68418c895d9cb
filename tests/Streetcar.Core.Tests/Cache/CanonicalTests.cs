using System.Text.Json;
using System.Text.Json.Nodes;
using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

public class CanonicalTests
{
    private enum Monitor
    {
        ValLoss,
    }

    private sealed record Training(int Epochs, double LearningRate, Monitor Monitor, IReadOnlyList<string> Columns);

    [Fact]
    public void Json_SortsKeysAtEveryLevel()
    {
        var a = JsonNode.Parse("""{"b": 1, "a": {"y": [1, {"q": 2, "p": 1}], "x": null}}""");
        Assert.Equal("""{"a":{"x":null,"y":[1,{"p":1,"q":2}]},"b":1}""", Canonical.Json(a));
    }

    [Fact]
    public void Json_EqualNumbersInAnySpelling_OneText()
    {
        var spellings = new object?[] { 10, 10L, 10.0, 10.0f, 10m, JsonNode.Parse("10.0"), JsonNode.Parse("1e1"), JsonDocument.Parse("10").RootElement };
        Assert.All(spellings, s => Assert.Equal("10", Canonical.Json(s)));
    }

    [Fact]
    public void Json_Doubles_ShortestRoundTripInvariant()
    {
        Assert.Equal("0.1", Canonical.Json(0.1));
        Assert.Equal("0.1", Canonical.Json(0.1f));
        Assert.Equal("0.1", Canonical.Json(JsonNode.Parse("0.10")));
        Assert.Equal("1E-05", Canonical.Json(1e-5));
        Assert.Equal("0", Canonical.Json(-0.0));
        Assert.Equal("0.30000000000000004", Canonical.Json(0.1 + 0.2));
    }

    [Fact]
    public void Json_LargeIntegers_StayExact() =>
        Assert.Equal("9007199254740993", Canonical.Json(JsonNode.Parse("9007199254740993")));

    [Fact]
    public void Json_Strings_EscapeOnlyWhatJsonRequires() =>
        Assert.Equal("\"é \\\"q\\\" \\\\ \\n \\u0001 +<>\"", Canonical.Json("é \"q\" \\ \n \u0001 +<>"));

    [Fact]
    public void Json_RecordAndDictionaryAndJson_Agree()
    {
        var record = new Training(5, 0.001, Monitor.ValLoss, ["route", "hour"]);
        var dictionary = new Dictionary<string, object?>
        {
            ["monitor"] = "val_loss",
            ["learning_rate"] = 1e-3,
            ["epochs"] = 5,
            ["columns"] = new[] { "route", "hour" },
        };
        var json = JsonNode.Parse("""{"columns":["route","hour"],"epochs":5.0,"learning_rate":0.0010,"monitor":"val_loss"}""");
        var expected = """{"columns":["route","hour"],"epochs":5,"learning_rate":0.001,"monitor":"val_loss"}""";
        Assert.Equal(expected, Canonical.Json(record));
        Assert.Equal(expected, Canonical.Json(dictionary));
        Assert.Equal(expected, Canonical.Json(json));
    }

    [Fact]
    public void Json_Indented_SameOrderAndValues()
    {
        var text = Canonical.Json(new Dictionary<string, object?> { ["b"] = new[] { 1 }, ["a"] = new Dictionary<string, object?>() }, indented: true);
        Assert.Equal("{\n  \"a\": {},\n  \"b\": [\n    1\n  ]\n}", text);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Json_NonFinite_Rejected(double value) =>
        Assert.Throws<ArgumentException>(() => Canonical.Json(value));

    [Fact]
    public void Json_DuplicateKeys_Rejected() =>
        Assert.Throws<ArgumentException>(() => Canonical.Json(JsonDocument.Parse("""{"a":1,"a":2}""").RootElement));

    [Fact]
    public void Json_NonStringDictionaryKeys_Rejected() =>
        Assert.Throws<ArgumentException>(() => Canonical.Json(new Dictionary<int, int> { [1] = 2 }));
}
