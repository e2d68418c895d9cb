namespace Streetcar.Prepare.Clean;

/// <summary>Number of distinct values of a column before and after cleaning (the book's <c>nunique</c> prints).</summary>
public sealed record DistinctCount(int Before, int After);
