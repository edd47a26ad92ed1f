using System.Diagnostics;
using HybridLsp.Semantics.Config;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>Regression tests for what the fuzzers and the trust review found (docs/hardening.md).</summary>
public sealed class FuzzFindingTests
{
    [Theory]
    [InlineData(22, "(")]
    [InlineData(300, "((")]
    public void Pathological_csharp_is_refused_fast_with_an_error(int repeat, string kind)
    {
        var text = kind == "("
            ? "class C { void M() { var x = " + string.Concat(Enumerable.Repeat("f(a= ", repeat)) + "1; } }"
            : "class C { int x = " + new string('(', repeat * 2) + "1; }";
        var stopwatch = Stopwatch.StartNew();
        var result = CsExtractor.Extract(text, CsExtractOptions.Default);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The file was not read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_angle_brackets_are_refused()
    {
        var text = "namespace N;\ninte" + string.Concat(Enumerable.Repeat("<a>", 10_000));
        var result = CsExtractor.Extract(text, CsExtractOptions.Default);
        Assert.Equal("The file was not read: more than 500 '<' in one statement", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Ordinary_nesting_is_still_read()
    {
        var text = "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int f(int a); void M() { var x = g(h(i(j(k(1))))); } }";
        var result = CsExtractor.Extract(text, CsExtractOptions.Default);
        Assert.Empty(result.Errors);
        Assert.Single(result.Externs);
    }

    [Theory]
    [InlineData("crate = \"../outside\"", "'libraries.m.crate' must stay inside the workspace, but '../outside' leads outside '/ws'")]
    [InlineData("crate = \"/etc\"", "'libraries.m.crate' must be a path relative to the configuration file, found the absolute path '/etc'")]
    [InlineData("crate = \"C:\\\\x\"", "'libraries.m.crate' must be a path relative to the configuration file, found the absolute path 'C:\\x'")]
    [InlineData("crate = \"a/../../b\"", "'libraries.m.crate' must stay inside the workspace, but 'a/../../b' leads outside '/ws'")]
    [InlineData("crate = \"a\\u0000b\"", "'libraries.m.crate' must be a path relative to the configuration file; it contains a control character")]
    [InlineData("headers = [\"ok.h\", \"../../x.h\"]", "'libraries.m.headers' must stay inside the workspace, but '../../x.h' leads outside '/ws'")]
    [InlineData("headers = [\"ok.h\"]\ninclude = [\"/usr/include\"]", "'libraries.m.include' must be a path relative to the configuration file, found the absolute path '/usr/include'")]
    public void Config_paths_that_leave_the_workspace_are_HL0004_and_dropped(string line, string message)
    {
        var config = ConfigReader.Read("/ws/hybrid-lsp.toml", "[libraries.m]\n" + line + "\n");
        var problem = Assert.Single(config.Problems);
        Assert.Equal(message, problem.Message);
        Assert.False(problem.IsUnknownKey);
        var library = config.Libraries["m"];
        Assert.Null(library.Crate);
        Assert.DoesNotContain(library.Headers.Concat(library.Include), p => !p.StartsWith("/ws/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crate = \"native/core\"", "/ws/native/core")]
    [InlineData("crate = \"./a/../native\"", "/ws/native")]
    public void Config_paths_inside_the_workspace_are_kept(string line, string expected)
        => Assert.Equal(expected, ConfigReader.Read("/ws/hybrid-lsp.toml", "[libraries.m]\n" + line + "\n").Libraries["m"].Crate);
}
