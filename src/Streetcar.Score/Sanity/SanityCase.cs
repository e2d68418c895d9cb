namespace Streetcar.Score.Sanity;

/// <summary>One trip of the book's scoring sanity check, with the words the report shows for it.</summary>
public sealed record SanityCase(string Description, TripDescription Trip);
