using System.Text.Json.Nodes;
using Streetcar.Core.Cache;
using Streetcar.Core.Hashing;

namespace Streetcar.Core.Tests.Cache;

public class CacheKeyBuilderTests
{
    private static readonly string DataHash = ContentHash.OfText("workbook");
    private static readonly CacheKey Prepared = CacheKeyBuilder.For("prepare", 1).Param("seed", 1).Build();

    private static CacheKeyBuilder Baseline() =>
        CacheKeyBuilder.For("train", 2)
            .Param("epochs", 10)
            .Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 })
            .Input("prepared", Prepared)
            .Input("workbook", DataHash);

    [Fact]
    public void Build_ReorderedParamsAndInputs_SameKey()
    {
        var reordered = CacheKeyBuilder.For("train", 2)
            .Input("workbook", DataHash.ToUpperInvariant())
            .Param("optimizer", JsonNode.Parse("""{ "lr": 1.0e-3, "name": "adam" }"""))
            .Input("prepared", Prepared)
            .Param("epochs", 10.0);
        Assert.Equal(Baseline().Build(), reordered.Build());
    }

    [Fact]
    public void Build_IsStableAcrossMachines()
    {
        // Pinned: the key depends only on the canonical document, never on culture, platform or run.
        var builder = CacheKeyBuilder.For("train", 1).Param("epochs", 10).Param("lr", 0.001);
        Assert.Equal("""{"inputs":{},"params":{"epochs":10,"lr":0.001},"schema":1,"stage":"train","version":1}""", builder.Document());
        Assert.Equal(ContentHash.OfText(builder.Document()), builder.Build().Hash);
    }

    public static TheoryData<string, Func<CacheKeyBuilder>> Changes() => new()
    {
        { "param value", () => Baseline().Param("dropout", 0.1) },
        { "nested param", () => CacheKeyBuilder.For("train", 2).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.002 }).Input("prepared", Prepared).Input("workbook", DataHash) },
        { "version", () => CacheKeyBuilder.For("train", 3).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 }).Input("prepared", Prepared).Input("workbook", DataHash) },
        { "stage", () => CacheKeyBuilder.For("evaluate", 2).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 }).Input("prepared", Prepared).Input("workbook", DataHash) },
        { "input key", () => CacheKeyBuilder.For("train", 2).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 }).Input("prepared", CacheKeyBuilder.For("prepare", 1).Param("seed", 2).Build()).Input("workbook", DataHash) },
        { "input hash", () => CacheKeyBuilder.For("train", 2).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 }).Input("prepared", Prepared).Input("workbook", ContentHash.OfText("other")) },
        { "input name", () => CacheKeyBuilder.For("train", 2).Param("epochs", 10).Param("optimizer", new Dictionary<string, object?> { ["name"] = "adam", ["lr"] = 0.001 }).Input("prepared", Prepared).Input("workbook2", DataHash) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Build_AnyChange_DifferentKey(string what, Func<CacheKeyBuilder> changed) =>
        Assert.True(Baseline().Build() != changed().Build(), $"changing the {what} must change the key");

    [Fact]
    public void Build_ParamMovedToInput_DifferentKey() =>
        Assert.NotEqual(CacheKeyBuilder.For("s", 1).Param("x", DataHash).Build(), CacheKeyBuilder.For("s", 1).Input("x", DataHash).Build());

    [Fact]
    public void Param_Duplicate_Rejected() =>
        Assert.Throws<ArgumentException>(() => CacheKeyBuilder.For("train", 1).Param("a", 1).Param("a", 1));

    [Fact]
    public void Input_NotAHash_Rejected() =>
        Assert.Throws<ArgumentException>(() => CacheKeyBuilder.For("train", 1).Input("data", "abc"));

    [Fact]
    public void For_BadStageName_Rejected() =>
        Assert.Throws<ArgumentException>(() => CacheKeyBuilder.For("../x", 1));

    [Fact]
    public void Key_ShortFormAndParse_RoundTrip()
    {
        var key = Baseline().Build();
        Assert.Equal(12, key.Short.Length);
        Assert.Equal($"train/{key.Short}", key.ToString());
        Assert.Equal(key, CacheKey.Parse(key.ToFullString()));
    }

    [Fact]
    public void Info_RecordsInputsAndParams()
    {
        var info = Baseline().Info("exp-a", "baseline");
        Assert.Equal("exp-a", info.Config);
        Assert.Equal("key:" + Prepared.ToFullString(), info.Inputs["prepared"]);
        Assert.Equal("""{"epochs":10,"optimizer":{"lr":0.001,"name":"adam"}}""", info.Params);
    }
}
