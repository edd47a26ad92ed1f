using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

/// <summary>`baseline =` and `[rules]` in hybrid-lsp.toml change the editor and `check` alike.</summary>
public sealed class BaselineAndSeverityTests
{
    private const string Bindings = """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern bool mc_is_ready();
            [DllImport("mathcore")] static extern int mc_count();
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_count() -> u32 { 0 }

        """;

    [Fact]
    public void Configured_baseline_turns_its_findings_into_hints() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        baseline = "ci/hybrid-lsp.baseline.json"
        //- /ci/hybrid-lsp.baseline.json
        { "version": 1, "findings": [ { "code": "HL1005", "file": "app/Native.cs", "symbol": "mc_is_ready", "count": 1 } ] }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern bool mc_is_ready();
                                                //^^^^ hint HL1005: 'mc_is_ready' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (baselined) (fix)
            [DllImport("mathcore")] static extern bool mc_is_done();
                                                //^^^^ error HL1005: 'mc_is_done' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_is_done() -> bool { true }
        """);

    [Fact]
    public void Baseline_count_accepts_that_many_findings_of_a_key() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        baseline = "baseline.json"
        //- /baseline.json
        { "version": 1, "findings": [ { "code": "HL1003", "file": "app/Native.cs", "symbol": "mc_mix", "count": 1 } ] }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_mix(long a, long b);
                                                            //^^^^ hint HL1003: parameter 'a' of 'mc_mix': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (baselined) (fix)
                                                                    //^^^^ error HL1003: parameter 'b' of 'mc_mix': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_mix(a: i32, b: i32) {}
        """);

    [Theory]
    [InlineData("", "not found")]
    [InlineData("{ \"version\": 1 }", "is invalid: expected a \"findings\" array")]
    [InlineData("[1, 2", "is invalid: not valid JSON")]
    public void Missing_or_invalid_baseline_is_a_config_error(string baseline, string problem)
    {
        var files = Crates.MathCore + "//- /hybrid-lsp.toml\nbaseline = \"b.json\"\n" + (baseline.Length > 0 ? "//- /b.json\n" + baseline + "\n" : "") + Bindings;
        var rendered = CheckEditorAgreesWithCheck(files);
        Assert.Contains(rendered, r => r.Contains("error HL0004: baseline file '/b.json' " + problem, StringComparison.Ordinal));
        Assert.Contains(rendered, r => r.Contains("error HL1005", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_severities_and_off_apply_to_the_editor_and_check_alike()
    {
        var rendered = CheckEditorAgreesWithCheck(Crates.MathCore + """
            //- /hybrid-lsp.toml
            [rules]
            HL1005 = "off"
            HL1004 = "error"
            """ + "\n" + Bindings);
        var only = Assert.Single(rendered);
        Assert.Contains("error HL1004: return type of 'mc_count'", only);
    }

    [Fact]
    public void Baselined_findings_agree_between_editor_and_check() => Assert.Equal(2, CheckEditorAgreesWithCheck(Crates.MathCore + """
        //- /hybrid-lsp.toml
        baseline = "b.json"
        //- /b.json
        { "version": 1, "findings": [ { "code": "HL1004", "file": "app/Native.cs", "symbol": "mc_count" } ] }
        """ + "\n" + Bindings).Count);
}
