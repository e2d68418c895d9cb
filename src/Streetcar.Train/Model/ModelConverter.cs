using static TorchSharp.torch;

namespace Streetcar.Train.Model;

/// <summary>Copies weights and batch-norm statistics between the two formulations.</summary>
public static class ModelConverter
{
    /// <summary>A fused model computing the same function as <paramref name="source"/>.</summary>
    public static FusedModel ToFused(PerColumnModel source)
    {
        var target = new FusedModel(source.Architecture.WithForm(ModelForm.Fused));
        var dim = source.Architecture.EmbeddingDim;
        using (no_grad())
        {
            for (var c = 0; c < source.Architecture.Columns.Count; c++)
            {
                var rows = source.Architecture.Cardinalities[c];
                target.Embedding.weight!.narrow(0, target.Offsets[c], rows).copy_(source.EmbeddingOf(c).weight!);
                var norm = source.NormOf(c);
                target.Norm.Weight.narrow(0, c * dim, dim).copy_(norm.Weight);
                target.Norm.Bias.narrow(0, c * dim, dim).copy_(norm.Bias);
                target.Norm.RunningMean.narrow(0, c * dim, dim).copy_(norm.RunningMean);
                target.Norm.RunningVar.narrow(0, c * dim, dim).copy_(norm.RunningVar);
            }
            CopyHead(source.Head, target.Head);
        }
        target.train(source.training);
        return target;
    }

    private static void CopyHead(DenseHead from, DenseHead to)
    {
        var source = from.state_dict();
        foreach (var (name, tensor) in to.state_dict())
        {
            tensor.copy_(source[name]);
        }
    }
}
