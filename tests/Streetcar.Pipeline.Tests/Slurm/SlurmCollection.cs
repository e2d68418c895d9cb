namespace Streetcar.Pipeline.Tests.Slurm;

/// <summary>The tests that share one Slurm cluster: they run one after another (the node has the machine's cores).</summary>
[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "slurm";
}
