using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Ingest;

/// <summary>Reads a set of workbooks (in the given order) into one incident table.</summary>
public static class IncidentIngest
{
    /// <summary>
    /// Reads every workbook in <paramref name="paths"/>; the rows come out in path, sheet and row order whatever the
    /// parallelism. An empty list is an error.
    /// </summary>
    public static IngestResult ReadAll(IReadOnlyList<string> paths, IProgress<string>? progress = null)
    {
        if (paths.Count == 0)
        {
            throw new DataException("no workbooks to read (the raw data folder is empty?)");
        }
        var contents = new WorkbookContent[paths.Count];
        var errors = new Exception?[paths.Count];
        // Workbooks are independent; two at a time keeps a 2-core machine busy without oversubscribing it.
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            try
            {
                contents[i] = WorkbookReader.Read(paths[i]);
                progress?.Report($"read {contents[i].File}: {contents[i].Rows.Count} rows");
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        // Report the first failing workbook in path order (not an AggregateException, not whichever thread lost).
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
        var rows = new List<RawIncident>(contents.Sum(c => c.Rows.Count));
        foreach (var content in contents)
        {
            rows.AddRange(content.Rows);
        }
        return new IngestResult(contents, rows);
    }
}
