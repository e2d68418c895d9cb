namespace Streetcar.Testing;

/// <summary>A fresh folder under the system temp folder, deleted (with what it holds) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "streetcar-tests-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder (nothing is created).</summary>
    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test that deleted the folder itself.
        }
    }
}
