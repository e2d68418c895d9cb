namespace Streetcar.Prepare.Fetch;

/// <summary>The raw files in manifest order.</summary>
public sealed record FetchResult(IReadOnlyList<FetchedFile> Files)
{
    /// <summary>Paths of the files, in manifest order (the input of <see cref="PrepareStage.BuildGrid"/>).</summary>
    public IReadOnlyList<string> Paths => Files.Select(f => f.Path).ToArray();

    /// <summary>True when any file is a new vintage accepted on purpose.</summary>
    public bool NewVintageAccepted => Files.Any(f => f.IsNewVintage);
}
