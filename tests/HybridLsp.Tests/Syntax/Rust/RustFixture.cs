using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Syntax.Rust;

/// <summary>Helpers for the Rust parser tests: parse, locate substrings, read spans back.</summary>
internal static class RustFixture
{
    public static RustFileSyntax Parse(string text) => RustParser.Parse(text);

    /// <summary>The span of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="needle"/>.</summary>
    public static TextSpan SpanOf(string text, string needle, int occurrence = 0)
    {
        var at = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{needle}' (occurrence {occurrence}) not in fixture");
        }
        return new TextSpan(at, needle.Length);
    }

    public static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    public static RustFunction SingleFunction(string text)
    {
        var file = Parse(text);
        Assert.Empty(file.Errors);
        return Assert.Single(file.Functions);
    }

    public static RustFunction Function(RustFileSyntax file, string name) => Assert.Single(file.Functions, f => f.Name == name);

    /// <summary>A cfg tree as text (`all(unix, not(feature = "x"))`): the records hold ImmutableArrays, whose equality is by reference.</summary>
    public static string Cfg(RustCfg? cfg) => cfg switch
    {
        null => "<none>",
        RustCfg.All all => "all(" + string.Join(", ", all.Items.Select(Cfg)) + ")",
        RustCfg.Any any => "any(" + string.Join(", ", any.Items.Select(Cfg)) + ")",
        RustCfg.Not not => "not(" + Cfg(not.Item) + ")",
        RustCfg.Flag flag => flag.Name,
        RustCfg.KeyValue kv => $"{kv.Key} = \"{kv.Value}\"",
        RustCfg.Invalid invalid => $"invalid({invalid.Text})",
        _ => "?",
    };
}
