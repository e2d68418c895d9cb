using Microsoft.ML.Trainers.FastTree;

namespace Streetcar.Boosting;

/// <summary>
/// One regression tree of the ensemble rewritten over the split's codes instead of ML.NET's indicator vector.
/// Every split node tests one column, so for each column and code the set of leaves whose path that code does
/// not contradict is a bit mask; the leaf a row reaches is the one bit left after ANDing its columns' masks.
/// That costs a few loads per column and no branch that depends on the data, where walking the tree costs a
/// mispredicted branch per level. Trees of more than 64 leaves, which a mask cannot hold, are walked node by node
/// over per-node direction tables instead.
/// </summary>
internal sealed class CompiledTree
{
    /// <summary>Most leaves a <see cref="ulong"/> mask holds.</summary>
    private const int MaskLeaves = 64;

    private CompiledTree(double[] leafValues, int[] columns, ulong[][] masks, Node[] nodes, bool empty)
    {
        LeafValues = leafValues;
        Columns = columns;
        Masks = masks;
        Nodes = nodes;
        IsEmpty = empty;
    }

    /// <summary>ML.NET's placeholder for a tree LightGBM did not grow (its first node's left child is node 0,
    /// itself): it adds exactly 0 to the score.</summary>
    public bool IsEmpty { get; }

    /// <summary>Output of each leaf, as ML.NET adds it.</summary>
    public double[] LeafValues { get; }

    /// <summary>The columns some node of the tree tests (the other columns cannot change the leaf).</summary>
    public int[] Columns { get; }

    /// <summary><c>Masks[j][code]</c>: the leaves that code of column <c>Columns[j]</c> leaves possible. Empty
    /// for a tree walked through <see cref="Nodes"/>.</summary>
    public ulong[][] Masks { get; }

    /// <summary>The split nodes, for a tree of more than 64 leaves; empty otherwise.</summary>
    public Node[] Nodes { get; }

    /// <summary>
    /// The tree as ML.NET's <c>InternalRegressionTree.GetLeaf</c> evaluates it on the indicator vector: a categorical
    /// node goes right when any of its slots holds a value above 0, a numerical node goes left when its slot's value
    /// is at most the threshold (an absent slot is 0).
    /// </summary>
    public static CompiledTree From(RegressionTree tree, FeatureSlots slots)
    {
        var leafValues = tree.LeafValues.ToArray();
        if (tree.LeftChild[0] == 0)
        {
            return new CompiledTree(leafValues, [], [], [], empty: true);
        }
        var nodes = new Node[tree.NumberOfNodes];
        for (var n = 0; n < nodes.Length; n++)
        {
            nodes[n] = CompileNode(tree, n, slots);
        }
        if (tree.NumberOfLeaves > MaskLeaves)
        {
            return new CompiledTree(leafValues, [], [], nodes, empty: false);
        }
        var columns = nodes.Select(n => n.Column).Distinct().Order().ToArray();
        var masks = columns.Select(c => LeafMasks(tree, nodes, c, slots.Cardinality(c))).ToArray();
        return new CompiledTree(leafValues, columns, masks, [], empty: false);
    }

    private static Node CompileNode(RegressionTree tree, int n, FeatureSlots slots)
    {
        int column;
        Func<int, bool> right;
        if (tree.CategoricalSplitFlags[n])
        {
            var set = tree.GetCategoricalSplitFeaturesAt(n).ToHashSet();
            var range = tree.GetCategoricalCategoricalSplitFeatureRangeAt(n);
            column = slots.ColumnOf(range.Count > 0 ? range[0] : tree.NumericalSplitFeatureIndexes[n]);
            if (set.Any(s => slots.ColumnOf(s) != column))
            {
                throw new InvalidOperationException($"a categorical split spans more than one column (slots {string.Join(",", set.Order())})");
            }
            right = code => slots.Slot(column, code) is var slot && slot >= 0 && set.Contains(slot);
        }
        else
        {
            var feature = tree.NumericalSplitFeatureIndexes[n];
            var threshold = tree.NumericalSplitThresholds[n];
            column = slots.ColumnOf(feature);
            right = code => !((slots.Slot(column, code) == feature ? 1f : 0f) <= threshold);
        }
        var goesRight = new bool[slots.Cardinality(column)];
        for (var code = 0; code < goesRight.Length; code++)
        {
            goesRight[code] = right(code);
        }
        return new Node(column, goesRight, tree.LeftChild[n], tree.RightChild[n]);
    }

    /// <summary>Per code of <paramref name="column"/>, the leaves no node testing that column rules out.</summary>
    private static ulong[] LeafMasks(RegressionTree tree, Node[] nodes, int column, int cardinality)
    {
        var all = tree.NumberOfLeaves == MaskLeaves ? ulong.MaxValue : (1UL << tree.NumberOfLeaves) - 1;
        var masks = new ulong[cardinality];
        for (var code = 0; code < cardinality; code++)
        {
            var mask = all;
            for (var n = 0; n < nodes.Length; n++)
            {
                if (nodes[n].Column == column)
                {
                    // Taking one branch rules out every leaf under the other.
                    mask &= ~LeavesUnder(nodes[n].GoesRight[code] ? nodes[n].Left : nodes[n].Right, nodes);
                }
            }
            masks[code] = mask;
        }
        return masks;
    }

    /// <summary>The leaves under child reference <paramref name="child"/> (a node index, or ~leaf).</summary>
    private static ulong LeavesUnder(int child, Node[] nodes) =>
        child < 0 ? 1UL << ~child : LeavesUnder(nodes[child].Left, nodes) | LeavesUnder(nodes[child].Right, nodes);

    /// <summary>A split node: the column it tests, which codes go right, and its children (node index or ~leaf).</summary>
    internal sealed record Node(int Column, bool[] GoesRight, int Left, int Right);
}
