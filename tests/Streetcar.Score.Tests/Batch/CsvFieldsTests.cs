using Streetcar.Score.Batch;

namespace Streetcar.Score.Tests.Batch;

public sealed class CsvFieldsTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("a,,", new[] { "a", "", "" })]
    [InlineData("\"a,b\",\"say \"\"hi\"\"\"", new[] { "a,b", "say \"hi\"" })]
    public void Split_PlainAndQuotedFields(string line, string[] fields)
    {
        Assert.Equal(fields, CsvFields.Split(line));
    }

    [Fact]
    public void Split_UnclosedQuote_IsNull()
    {
        Assert.Null(CsvFields.Split("a,\"b"));
    }
}
