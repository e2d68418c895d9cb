using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Prepare.Config;

namespace Streetcar.Prepare.Tests.Config;

public class PrepareConfigTests
{
    [Fact]
    public void Defaults_AreTheBooks()
    {
        var config = new PrepareConfig().Validate("defaults");

        Assert.Equal((new DateOnly(2014, 1, 1), new DateOnly(2019, 12, 31)), (config.Start, config.End));
        Assert.Equal((ReshapeMode.Book, 0.0, true), (config.Mode, config.DelayThreshold, config.DropBadRows));
        Assert.Equal(56, config.RouteDirections.Count);
        Assert.Equal(2, config.RouteDirections.Count(p => p == new RouteDirection("304", "e")));
    }

    [Fact]
    public void DefaultTable_IsTheBooksCsv()
    {
        var csv = Path.Combine(RepoPaths.DataSource, "book-routedirection.csv");
        var rows = File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0).ToArray();

        Assert.Equal(rows, new PrepareConfig().RouteDirections.Select(p => p.ToString()));
    }

    [Fact]
    public void CommittedYaml_EqualsTheDefaults()
    {
        var path = Path.Combine(RepoPaths.Root, "data", "prepare.yml");

        var config = PrepareStage.ReadConfig(path);

        var defaults = new PrepareConfig();
        Assert.Equal(defaults.RouteDirections, config.RouteDirections);
        Assert.Equal(defaults.VehicleRanges, config.VehicleRanges);
        Assert.Equal(defaults with { RouteDirections = config.RouteDirections, VehicleRanges = config.VehicleRanges }, config);
    }

    [Fact]
    public void Fingerprint_DependsOnValuesOnly()
    {
        var a = PrepareStage.ConfigFingerprint(new PrepareConfig());
        var b = PrepareStage.ConfigFingerprint(PrepareStage.ReadConfig(Path.Combine(RepoPaths.Root, "data", "prepare.yml")));
        var c = PrepareStage.ConfigFingerprint(new PrepareConfig { Mode = ReshapeMode.Slots });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Theory]
    [InlineData("mode: fast", "'mode'", "allowed: book | slots")]
    [InlineData("start_date: 2014-13-01", "'start_date'", "yyyy-MM-dd")]
    [InlineData("end_date: 2013-12-31", "'end_date'", "before start_date")]
    [InlineData("delay_threshold: -1", "'delay_threshold'", "[0, 1440]")]
    [InlineData("route_directions: [{route: '501', direction: x}]", "'route_directions'", "e, w, n, s, b")]
    public void BadValue_NamesFileKeyAndAllowedValues(string yaml, string key, string allowed)
    {
        var error = Assert.Throws<ConfigException>(() => YamlConfigReader.Parse<PrepareConfig>(yaml, "p.yml").Validate("p.yml"));

        // A value the YAML reader refuses (mode's text) also gives its line and column.
        Assert.Matches(@"^p\.yml(:\d+:\d+)?: " + System.Text.RegularExpressions.Regex.Escape(key), error.Message);
        Assert.Contains(allowed, error.Message);
    }

    [Fact]
    public void PrepareYml_CommentAboveMode_ExplainsEveryReshapeMode()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "data", "prepare.yml"));
        var comment = lines[Array.FindIndex(lines, l => l.StartsWith("mode:", StringComparison.Ordinal)) - 1];

        Assert.All(ConfigEnum.Names<ReshapeMode>(), name => Assert.Contains(name + ":", comment));
    }

    [Fact]
    public void Mode_IsWrittenInTheFingerprintAsItsText()
    {
        Assert.Contains("\"mode\":\"book\"", Streetcar.Core.Cache.Canonical.Json(new PrepareConfig()));
        Assert.Contains("\"mode\":\"slots\"", Streetcar.Core.Cache.Canonical.Json(new PrepareConfig { Mode = ReshapeMode.Slots }));
    }

    [Fact]
    public void UnknownKey_IsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => YamlConfigReader.Parse<PrepareConfig>("moed: book", "p.yml"));

        Assert.Equal("moed", error.Key);
    }

    [Theory]
    [InlineData(4600, 4500)]
    [InlineData(-1, 10)]
    public void BadVehicleRange_IsAConfigError(int first, int last)
    {
        var error = Assert.Throws<ConfigException>(() => new PrepareConfig { VehicleRanges = [new(first, last)] }.Validate("p.yml"));

        Assert.Contains("'vehicle_ranges'", error.Message);
    }

    [Fact]
    public void NoVehicleRange_IsAConfigError() =>
        Assert.Throws<ConfigException>(() => new PrepareConfig { VehicleRanges = [] }.Validate("p.yml"));
}
