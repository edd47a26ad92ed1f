using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustLexerTests
{
    private static List<(RustTokenKind Kind, string Text)> Lex(string text, List<SyntaxError>? errors = null)
    {
        var tokens = RustLexer.Tokenize(text, errors ?? [], CancellationToken.None);
        return tokens.Select(t => (t.Kind, text.Substring(t.Start, t.Length))).ToList();
    }

    [Fact]
    public void Lifetimes_versus_char_literals()
    {
        Assert.Equal(
            [(RustTokenKind.Lifetime, "'a"), (RustTokenKind.Char, "'a'"), (RustTokenKind.Char, "'\\''"), (RustTokenKind.Char, "'\\u{1F600}'"),
             (RustTokenKind.Lifetime, "'static"), (RustTokenKind.Char, "b'x'"), (RustTokenKind.Char, "'\uD83D\uDE00'")],
            Lex("'a 'a' '\\'' '\\u{1F600}' 'static b'x' '\uD83D\uDE00'"));
    }

    [Fact]
    public void String_forms()
    {
        const string src = "\"a\\\"b\" r\"x\" r##\"a \"# inside\"## r###\"x\"##y\"### b\"bytes\" br#\"raw\"# c\"cstr\" cr\"x\"";
        Assert.All(Lex(src), t => Assert.Equal(RustTokenKind.String, t.Kind));
        Assert.Equal(["\"a\\\"b\"", "r\"x\"", "r##\"a \"# inside\"##", "r###\"x\"##y\"###", "b\"bytes\"", "br#\"raw\"#", "c\"cstr\"", "cr\"x\""], Lex(src).Select(t => t.Text));
    }

    [Fact]
    public void Raw_identifiers()
    {
        Assert.Equal([(RustTokenKind.RawIdentifier, "r#fn"), (RustTokenKind.Identifier, "r"), (RustTokenKind.Identifier, "rb")], Lex("r#fn r rb"));
    }

    [Fact]
    public void Nested_block_and_doc_comments_are_skipped()
    {
        Assert.Equal(["a", "b", "c"], Lex("a /* x /* y */ z */ b /// doc\n//! inner\n/** d */ c").Select(t => t.Text));
    }

    [Fact]
    public void Numbers_with_suffixes()
    {
        Assert.Equal(
            [(RustTokenKind.Integer, "1u8"), (RustTokenKind.Integer, "0x10_i32"), (RustTokenKind.Float, "1.5e3"), (RustTokenKind.Float, "2f32"),
             (RustTokenKind.Integer, "0b1010"), (RustTokenKind.Integer, "1"), (RustTokenKind.Punct, ".."), (RustTokenKind.Integer, "2")],
            Lex("1u8 0x10_i32 1.5e3 2f32 0b1010 1..2"));
    }

    [Fact]
    public void Tuple_field_access_is_not_a_float()
    {
        // Like rustc's lexer, `t.0.1` lexes `0.1` as one float; item parsing never needs tuple field access.
        Assert.Equal(RustTokenKind.Integer, Lex("x.0.foo()")[2].Kind);
    }

    [Fact]
    public void Punctuation_joins()
    {
        Assert.Equal(["::", "->", "=>", "...", "..=", "..", "==", "!=", ">", ">", "&", "&", "#", "!", "["], Lex(":: -> => ... ..= .. == != >> && #![").Select(t => t.Text));
    }

    [Fact]
    public void Unterminated_literals_report_errors_and_end()
    {
        var errors = new List<SyntaxError>();
        var tokens = Lex("\"abc", errors);
        Assert.Single(tokens);
        Assert.Single(errors);
        errors.Clear();
        Lex("/* never", errors);
        Assert.Single(errors);
    }

    [Fact]
    public void Shebang_is_skipped_but_inner_attribute_is_not()
    {
        Assert.Equal(["fn"], Lex("#!/usr/bin/env run\nfn").Select(t => t.Text));
        Assert.Equal("#", Lex("#![x]")[0].Text);
    }
}
