namespace Streetcar.Core.Cache;

/// <summary>File-system helpers of the cache.</summary>
internal static class FolderOps
{
    /// <summary>Every file below <paramref name="folder"/>, relative, '/'-separated, in ordinal order.</summary>
    public static List<string> RelativeFiles(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Total bytes of the files below <paramref name="folder"/>; 0 when it is gone.</summary>
    public static long Size(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Deletes a folder tree; a folder that is already gone is fine.</summary>
    public static void DeleteTree(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
