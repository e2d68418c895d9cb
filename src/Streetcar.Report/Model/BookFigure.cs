namespace Streetcar.Report.Model;

/// <summary>
/// A figure of the book (Deep Learning with Structured Data, Mark Ryan, Manning 2020, ch. 6) as this repository
/// records it, and where it records it. Never invented: a figure the repository does not hold has <see cref="Book"/>
/// null and is printed "not recorded".
/// </summary>
/// <param name="What">The figure.</param>
/// <param name="Book">The book's value, or null when the repository does not record it.</param>
/// <param name="Source">Where in this repository the book's value is recorded (or why it is missing).</param>
/// <param name="Ours">This run's value, from the data summary or the experiments.</param>
public sealed record BookFigure(string What, string? Book, string Source, string Ours);
