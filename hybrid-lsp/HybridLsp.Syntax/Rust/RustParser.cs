namespace HybridLsp.Syntax.Rust;

/// <summary>
/// Extracts the items of one Rust source file that the FFI analysis needs. Fault tolerant: any text is accepted,
/// nothing throws except <see cref="OperationCanceledException"/>, and what cannot be read is reported in
/// <see cref="RustFileSyntax.Errors"/> while the rest of the file is still extracted. Linear in the size of the text.
/// </summary>
public static class RustParser
{
    public static RustFileSyntax Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ItemParser.Parse(text, cancellationToken);
    }
}
