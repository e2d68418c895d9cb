namespace Streetcar.Core.Data;

/// <summary>The seven categorical features of the book's model, in the model's column order.</summary>
public static class FeatureColumns
{
    public const string Route = "route";
    public const string Direction = "direction";
    public const string Hour = "hour";
    public const string Year = "year";
    public const string Month = "month";
    public const string DayOfMonth = "day_of_month";
    public const string Weekday = "weekday";

    /// <summary>All feature columns, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Route, Direction, Hour, Year, Month, DayOfMonth, Weekday];
}
