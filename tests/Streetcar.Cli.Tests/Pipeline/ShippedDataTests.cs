using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// Issue 24: without a named source, fetch copies the pinned files shipped in data/ttc/ (no network, no folder
/// outside the checkout), still checked against their pins.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ShippedDataTests
{
    [Fact]
    public void Fetch_WithoutASource_CopiesTheShippedWorkbook_AndChecksItsPin()
    {
        using var workspace = TestWorkspace.Create();
        Directory.CreateDirectory(workspace.PathOf("data/ttc"));
        File.Copy(Path.Combine(workspace.DataSource, SliceFiles.Workbook), workspace.PathOf($"data/ttc/{SliceFiles.Workbook}"));

        var result = WithoutDataSourceVariable(() => workspace.Run("fetch"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{SliceFiles.Workbook}: copied", result.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(workspace.PathOf($"data/ttc/{SliceFiles.Workbook}")), File.ReadAllBytes(workspace.PathOf($"data/raw/{SliceFiles.Workbook}")));
    }

    [Fact]
    public void AShippedWorkbookThatIsNotThePinnedOne_IsRefused_NotUsed()
    {
        using var workspace = TestWorkspace.Create();
        Directory.CreateDirectory(workspace.PathOf("data/ttc"));
        File.WriteAllText(workspace.PathOf($"data/ttc/{SliceFiles.Workbook}"), "not the pinned workbook");

        var result = WithoutDataSourceVariable(() => workspace.Run("prepare"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("SHA-256 mismatch", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(workspace.CacheEntries());
    }

    // The in-process CLI reads STREETCAR_DATA_SOURCE; these tests are about the default without it.
    private static CliResult WithoutDataSourceVariable(Func<CliResult> run)
    {
        var saved = Environment.GetEnvironmentVariable("STREETCAR_DATA_SOURCE");
        Environment.SetEnvironmentVariable("STREETCAR_DATA_SOURCE", null);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("STREETCAR_DATA_SOURCE", saved);
        }
    }
}
