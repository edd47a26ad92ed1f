using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>What the outer attributes of one item (or field, or variant) say that the FFI analysis needs.</summary>
internal sealed class AttributeInfo
{
    /// <summary>The first token of the first attribute, -1 when the item has none.</summary>
    public int FirstToken { get; set; } = -1;

    /// <summary>An attribute's `[` was never closed (already reported).</summary>
    public bool Unclosed { get; set; }

    public TextSpan? NoMangleSpan { get; set; }

    public string? ExportName { get; set; }

    public TextSpan? ExportNameSpan { get; set; }

    /// <summary>All `#[cfg]`s of the item, AND-combined.</summary>
    public RustCfg? Cfg { get; set; }

    public string? Path { get; set; }

    /// <summary>
    /// The predicate of `#[cfg_attr(pred, no_mangle)]` / `cfg_attr(pred, export_name = …)`: the function is exported only
    /// where it holds. Such a function is reported with this predicate in its cfg (where it is not exported it is mangled,
    /// which for binding resolution is the same as absent).
    /// </summary>
    public RustCfg? ExportCfg { get; set; }

    public bool ReprC { get; set; }

    public bool ReprTransparent { get; set; }

    public string? ReprInt { get; set; }

    public int? ReprPacked { get; set; }

    public int? ReprAlign { get; set; }

    public RustRepr Repr => !ReprC && !ReprTransparent && ReprInt is null && ReprPacked is null && ReprAlign is null
        ? RustRepr.None
        : new RustRepr(ReprC, ReprTransparent, ReprInt, ReprPacked, ReprAlign);
}
