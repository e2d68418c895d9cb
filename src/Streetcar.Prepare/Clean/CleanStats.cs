namespace Streetcar.Prepare.Clean;

/// <summary>
/// The figures of the cleaning step. Bad counts are taken on all raw rows after every rule has run and before
/// removal (as the book prints them), so a row can count under several of them.
/// </summary>
public sealed record CleanStats(
    int RawRows,
    IReadOnlyDictionary<int, int> RawRowsByYear,
    int BadRoute,
    int BadDirection,
    int BadVehicle,
    DistinctCount Route,
    DistinctCount Vehicle,
    DistinctCount Direction,
    DistinctCount Location,
    bool BadRowsDropped,
    int RowsAfterRemoval,
    IReadOnlyDictionary<int, int> RowsAfterRemovalByYear);
