using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>One token: a kind and where it is. The text is read from the source on demand.</summary>
internal readonly record struct RustToken(RustTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public bool IsOpen => Kind is RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace;

    public bool IsClose => Kind is RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.CloseBrace;
}
