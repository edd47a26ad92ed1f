using HybridLsp.Syntax.Suppressions;

namespace HybridLsp.Tests.Syntax;

/// <summary>The language-neutral `// hybrid-lsp: allow(…)` matcher: plain comment text, any `//` language.</summary>
public sealed class SuppressionCommentTests
{
    [Fact]
    public void Scan_finds_every_code_with_its_span_and_the_line_below_in_c_text()
    {
        const string text = "#include <stdint.h>\r\n  // hybrid-lsp: allow( HL2004 ,HL2005) -- reason\r\n  // more words\r\n  int32_t fm_mul(int32_t a);\r\n";
        var found = SuppressionComments.Scan(text);
        Assert.Equal(["HL2004", "HL2005"], found.Select(s => s.Code));
        Assert.All(found, s => Assert.Equal(s.Code, text.Substring(s.CodeSpan.Start, s.CodeSpan.Length)));
        Assert.All(found, s => Assert.Equal(text.IndexOf("int32_t fm_mul", StringComparison.Ordinal), s.Target));
        Assert.Equal(["HL2004", "HL2005"], SuppressionComments.ReadAbove(text, text.IndexOf("int32_t fm_mul", StringComparison.Ordinal)).ToArray());
    }

    [Theory]
    [InlineData("// hybrid-lsp: allow(HL2004)\n\nfn a() {}", -1)]
    [InlineData("// hybrid-lsp: allow(HL2004)", -1)]
    [InlineData("let s = \"hybrid-lsp: allow(HL2004)\";\nfn a() {}", null)]
    [InlineData("// hybrid-lsp: allow HL2004\nfn a() {}", null)]
    [InlineData("// hybrid-lsp: allow(HL2004\nfn a() {}", null)]
    public void Scan_ignores_text_that_is_no_suppression_and_marks_comments_above_nothing(string text, int? target)
    {
        var found = SuppressionComments.Scan(text);
        if (target is null)
            Assert.Empty(found);
        else
            Assert.Equal(target, Assert.Single(found).Target);
    }

    [Fact]
    public void Scan_is_linear_on_huge_input()
    {
        var text = string.Concat(Enumerable.Repeat("// hybrid-lsp: allow(HL2004)\nfn a() {}\n", 50_000)) + new string('/', 1_000_000);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(50_000, SuppressionComments.Scan(text).Length);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }
}
