namespace Streetcar.Score.Tests;

/// <summary>Tests that share <see cref="TinyModel"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModel>
{
    public const string Name = "tiny model";
}
