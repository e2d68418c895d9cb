namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>Every test class shares the one <see cref="ReferenceRun"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SliceCollection : ICollectionFixture<ReferenceRun>
{
    public const string Name = "slice";
}
