namespace Streetcar.Prepare.Encode;

/// <summary>Row counts of the three splits.</summary>
public sealed record SplitSizes(int Train, int Valid, int Test)
{
    /// <summary>
    /// The book's arithmetic: test = ceil(testProportion·n), train = floor(trainProportion·(n − test)), valid = the rest.
    /// Computed in decimal so that e.g. 0.2 × 10 is exactly 2, not 2.0000000000000004.
    /// </summary>
    public static SplitSizes Of(int rows, double testProportion, double trainProportion)
    {
        var test = (int)Math.Ceiling((decimal)testProportion * rows);
        var rest = rows - test;
        var train = (int)Math.Floor((decimal)trainProportion * rest);
        return new SplitSizes(train, rest - train, test);
    }
}
