using System.Collections.Frozen;
using System.Collections.Immutable;

namespace HybridLsp.Syntax.Rust;

/// <summary>
/// Finds the constructs of a function's own body that can panic (HL2005). Token-level and linear: callees are not
/// followed, and a body that mentions `catch_unwind` is taken to contain its panics.
/// </summary>
/// <remarks>
/// `debug_assert!`, `debug_assert_eq!` and `debug_assert_ne!` are deliberately not reported: they are compiled out of
/// release builds, which are what a cdylib ships, and reporting them would push authors to delete useful checks.
/// They do still panic in debug builds; that is the accepted miss.
/// </remarks>
internal static class PanicScanner
{
    /// <summary>Keywords after which `[` starts an array expression or a slice type, never an index.</summary>
    private static readonly FrozenSet<string> s_keywords = FrozenSet.ToFrozenSet(
        ["as", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "fn", "for", "if", "impl", "in", "let", "loop",
         "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "type", "unsafe", "use", "where", "while",
         "async", "await", "yield", "do", "box"],
        StringComparer.Ordinal);

    /// <summary>Scans the tokens strictly between <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static (ImmutableArray<RustPanicSite> Sites, bool UsesCatchUnwind) Scan(TokenBuffer b, int open, int close)
    {
        var sites = ImmutableArray.CreateBuilder<RustPanicSite>();
        for (var i = open + 1; i < close; i++)
        {
            var kind = b.Kind(i);
            if (kind == RustTokenKind.Identifier)
            {
                var word = b.Span(i);
                if (word.SequenceEqual("catch_unwind"))
                    return ([], true);

                if (IsPanicMethod(word) && (b.IsPunct(i - 1, ".") || b.IsPunct(i - 1, "::")) && b.Is(i + 1, RustTokenKind.OpenParen))
                {
                    var end = Math.Min(b.After(i + 1), close) - 1;
                    sites.Add(new RustPanicSite(b.SpanOf(i, end), word.ToString() + "()"));
                    continue;
                }
                if (IsPanicMacro(word) && b.IsPunct(i + 1, "!") && !b.IsPunct(i - 1, ".")
                    && b.Kind(i + 2) is RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace)
                {
                    var end = Math.Min(b.After(i + 2), close) - 1;
                    sites.Add(new RustPanicSite(b.SpanOf(i, end), word.ToString() + "!"));
                    continue;
                }
            }
            else if (kind == RustTokenKind.OpenBracket && IsIndexing(b, i))
            {
                var end = Math.Min(b.After(i), close) - 1;
                // `x[..]` takes the whole slice and cannot panic.
                if (end == i + 2 && b.IsPunct(i + 1, ".."))
                    continue;
                sites.Add(new RustPanicSite(b.SpanOf(i, end), "indexing"));
            }
        }
        return (sites.ToImmutable(), false);
    }

    private static bool IsPanicMethod(ReadOnlySpan<char> word) => word is "unwrap" or "expect" or "unwrap_err" or "expect_err";

    private static bool IsPanicMacro(ReadOnlySpan<char> word) =>
        word is "panic" or "unreachable" or "todo" or "unimplemented" or "assert" or "assert_eq" or "assert_ne";

    /// <summary>`expr[…]`: the `[` follows an identifier that is not a keyword, a `)`, a `]` or a `?`. Not `#[attr]`, not `vec![…]`, not `[1, 2]`.</summary>
    private static bool IsIndexing(TokenBuffer b, int bracket)
    {
        var prev = bracket - 1;
        return b.Kind(prev) switch
        {
            RustTokenKind.Identifier => !s_keywords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(b.Span(prev)),
            RustTokenKind.RawIdentifier => true,
            RustTokenKind.CloseParen or RustTokenKind.CloseBracket => true,
            RustTokenKind.Punct => b.IsPunct(prev, "?"),
            _ => false,
        };
    }
}
