namespace HybridLsp.Syntax.Rust;

/// <summary>Kinds of the tokens <see cref="RustLexer"/> produces. Comments and whitespace are not tokens.</summary>
internal enum RustTokenKind : byte
{
    Identifier,
    /// <summary>`r#match`; the name is the text after `r#`.</summary>
    RawIdentifier,
    /// <summary>`'a`, `'static`.</summary>
    Lifetime,
    /// <summary>`'x'`, `b'x'`.</summary>
    Char,
    /// <summary>Any string literal: `"…"`, `r#"…"#`, `b"…"`, `br"…"`, `c"…"`, `cr"…"`.</summary>
    String,
    Integer,
    Float,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    /// <summary>Operators and separators. `&lt;`, `&gt;`, `&amp;` and `|` are always single characters (the parser joins them where it must);
    /// `::`, `->`, `=>`, `..`, `...`, `..=`, `==`, `!=` are one token.</summary>
    Punct,
    /// <summary>A character that starts no token (a lone surrogate, a control character, `$` outside macros is still Punct).</summary>
    Unknown,
}
