namespace HybridLsp.Syntax.Rust;

/// <summary>
/// Extracts the items of one Rust source file that the FFI analysis needs. Fault tolerant: any text is accepted,
/// nothing throws except <see cref="OperationCanceledException"/>, and what cannot be read is reported in
/// <see cref="RustFileSyntax.Errors"/> while the rest of the file is still extracted. Linear in the size of the text.
/// </summary>
/// <remarks>
/// Decisions the records leave open, taken here:
/// <list type="bullet">
/// <item><see cref="RustFunction.AbiSpan"/> covers `extern "C"` (keyword and string), or `extern` alone for a bare `extern fn`;
/// a foreign function gets its block's.</item>
/// <item>A function in an `extern` block is <see cref="RustFunction.IsUnsafe"/> unless it is declared `safe` (it is unsafe to call).</item>
/// <item><see cref="RustItem.FullSpan"/> starts at the item's first outer attribute and ends at its `}` or `;`.</item>
/// <item>Inner `#![cfg(…)]` attributes apply to the enclosing module (or the whole file); other inner attributes are skipped.</item>
/// <item>`cfg(true)` / `cfg(false)` become `all()` / `any()`; a malformed predicate is <see cref="RustCfg.Invalid"/>.</item>
/// <item>`cfg_if! { if #[cfg(a)] { … } else { … } }` is expanded: its items are reported with the branch conditions in their cfg.</item>
/// <item>Integer values that do not fit a <see cref="long"/> (a `u64` discriminant above <see cref="long.MaxValue"/>) are null, text kept.</item>
/// <item>`debug_assert!` is not a panic site (see <see cref="PanicScanner"/>); `x[..]` is not either.</item>
/// <item>Inline modules, `extern` blocks and `cfg_if!` branches nest at most 256 deep; deeper ones are one error and skipped.</item>
/// </list>
/// </remarks>
public static class RustParser
{
    public static RustFileSyntax Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var syntax = ItemParser.Parse(text, cancellationToken);
        var suppressions = Suppressions.SuppressionComments.Scan(text);
        return suppressions.IsEmpty ? syntax : syntax with { Suppressions = suppressions };
    }
}
