namespace Streetcar.Train.Model;

/// <summary>Two formulations of the same function (proved equal by test).</summary>
public enum ModelForm
{
    /// <summary>The book's layout: one embedding and one batch norm per column.</summary>
    PerColumn,

    /// <summary>One embedding table with per-column offsets and one batch norm over the 70 features: fewer ops.</summary>
    Fused,
}
