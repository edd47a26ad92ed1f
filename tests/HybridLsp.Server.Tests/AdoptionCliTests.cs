using System.Text.Json;
using NJsonSchema;

namespace HybridLsp.Server.Tests;

/// <summary>
/// `check` in CI on an existing repository: baselines (written, read, stale entries, moved lines), `--fail-on` and `[rules]`
/// severities, the compact format, and SARIF validated against the OASIS SARIF 2.1.0 schema.
/// </summary>
public sealed class AdoptionCliTests
{
    private const string Manifest = """
        [package]
        name = "mathcore"
        version = "0.1.0"
        edition = "2021"
        [lib]
        crate-type = ["cdylib"]
        """;

    private const string Lib = """
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_scale(v: f64, factor: i32) -> f64 { v * factor as f64 }
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_count() -> u32 { 0 }
        """;

    /// <summary>Two findings: HL1005 on mc_is_ready, HL1004 (warning) on mc_count.</summary>
    private const string Native = """
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore")] static extern double mc_scale(double v, int factor);
            [DllImport("mathcore")] static extern bool mc_is_ready();
            [DllImport("mathcore")] static extern int mc_count();
        }
        """;

    private static TempDirectory Workspace(string native = Native, string? toml = null)
    {
        var dir = new TempDirectory();
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        dir.Write("app/Native.cs", native);
        dir.Write("native/mathcore/Cargo.toml", Manifest);
        dir.Write("native/mathcore/src/lib.rs", Lib);
        if (toml is not null)
            dir.Write("hybrid-lsp.toml", toml);
        return dir;
    }

    [Fact]
    public async Task A_baseline_written_then_read_reports_nothing()
    {
        using var dir = Workspace();
        var baseline = Path.Combine(dir.Path, "hybrid-lsp.baseline.json");
        var write = await ServerProcess.RunAsync("check", dir.Path, "--write-baseline", baseline);
        Assert.Equal(0, write.ExitCode);
        Assert.Contains("wrote 2 findings", write.Stderr);

        using (var json = JsonDocument.Parse(File.ReadAllText(baseline)))
        {
            Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
            var keys = json.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("code").GetString()} {f.GetProperty("file").GetString()} {f.GetProperty("symbol").GetString()} {f.GetProperty("count").GetInt32()}").ToList();
            Assert.Equal(["HL1004 app/Native.cs mc_count 1", "HL1005 app/Native.cs mc_is_ready 1"], keys);
        }

        var read = await ServerProcess.RunAsync("check", dir.Path, "--baseline", baseline, "--fail-on", "warning");
        Assert.Equal(0, read.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 infos in 4 files", read.Stdout.Trim());
        Assert.Contains("accepts 2 findings: 2 still occur, 0 no longer occur", read.Stderr);
    }

    [Fact]
    public async Task Breaking_one_binding_reports_exactly_that_finding_even_after_lines_move()
    {
        using var dir = Workspace();
        var baseline = Path.Combine(dir.Path, "baseline.json");
        Assert.Equal(0, (await ServerProcess.RunAsync("check", dir.Path, "--write-baseline", baseline)).ExitCode);

        // Unrelated lines above every declaration move the baselined findings; mc_scale's factor becomes a long.
        dir.Write("app/Native.cs", "// A header comment\n// added later\n\n" + Native.Replace("int factor", "long factor", StringComparison.Ordinal)
            .Replace("static class Native\n{", "static class Native\n{\n    const int Unrelated = 1;\n", StringComparison.Ordinal));
        var result = await ServerProcess.RunAsync("check", dir.Path, "--baseline", baseline, "--format", "compact");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("app/Native.cs:10:69: error HL1003 parameter 'factor' of 'mc_scale': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed)", line);
    }

    [Fact]
    public async Task Fixed_findings_are_counted_as_no_longer_occurring()
    {
        using var dir = Workspace();
        var baseline = Path.Combine(dir.Path, "baseline.json");
        Assert.Equal(0, (await ServerProcess.RunAsync("check", dir.Path, "--write-baseline", baseline)).ExitCode);
        dir.Write("app/Native.cs", Native.Replace("static extern int mc_count", "static extern uint mc_count", StringComparison.Ordinal));
        var result = await ServerProcess.RunAsync("check", dir.Path, "--baseline", baseline, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 still occur, 1 no longer occur", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("baseline").GetProperty("stale").GetInt32());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{ \"version\": 2, \"findings\": [] }")]
    [InlineData("{ \"version\": 1, \"findings\": [ { \"code\": \"HL1005\" } ] }")]
    public async Task An_invalid_or_missing_baseline_exits_2(string text)
    {
        using var dir = Workspace();
        var path = dir.Write("baseline.json", text);
        var invalid = await ServerProcess.RunAsync("check", dir.Path, "--baseline", path);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("is invalid", invalid.Stderr);
        var missing = await ServerProcess.RunAsync("check", dir.Path, "--baseline", Path.Combine(dir.Path, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("file not found", missing.Stderr);
    }

    [Fact]
    public async Task Baseline_named_in_the_configuration_turns_its_findings_into_hints()
    {
        using var dir = Workspace(toml: "baseline = \"ci/baseline.json\"\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "ci"));
        var baseline = Path.Combine(dir.Path, "ci", "baseline.json");
        Assert.Equal(0, (await ServerProcess.RunAsync("check", dir.Path, "--write-baseline", baseline)).ExitCode);
        var result = await ServerProcess.RunAsync("check", dir.Path, "--fail-on", "warning");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("app/Native.cs:6:43: hint HL1005: 'mc_is_ready' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (baselined)", result.Stdout);
        Assert.EndsWith("0 errors, 0 warnings, 0 infos in 5 files", result.Stdout.Trim());

        File.Delete(baseline);
        var missing = await ServerProcess.RunAsync("check", dir.Path);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error HL0004: baseline file", missing.Stdout);
    }

    [Fact]
    public async Task Fail_on_and_rule_severities_decide_the_exit_code()
    {
        using (var dir = Workspace(Native.Replace("static extern bool mc_is_ready", "[return: MarshalAs(UnmanagedType.U1)] static extern bool mc_is_ready", StringComparison.Ordinal)))
        {
            // Only the HL1004 warning is left: the default --fail-on error passes, --fail-on warning fails.
            Assert.Equal(0, (await ServerProcess.RunAsync("check", dir.Path)).ExitCode);
            Assert.Equal(1, (await ServerProcess.RunAsync("check", dir.Path, "--fail-on", "warning")).ExitCode);
            dir.Write("hybrid-lsp.toml", "[rules]\nHL1004 = \"error\"\n");
            Assert.Equal(1, (await ServerProcess.RunAsync("check", dir.Path)).ExitCode);
            dir.Write("hybrid-lsp.toml", "[rules]\nHL1004 = \"off\"\n");
            var off = await ServerProcess.RunAsync("check", dir.Path, "--fail-on", "warning");
            Assert.Equal(0, off.ExitCode);
            Assert.Equal("0 errors, 0 warnings, 0 infos in 5 files", off.Stdout.Trim());
        }
    }

    [Fact]
    public async Task Compact_format_is_one_line_per_finding_and_nothing_else()
    {
        using var dir = Workspace();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--format", "compact");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "app/Native.cs:6:43: error HL1005 'mc_is_ready' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL\n"
            + "app/Native.cs:7:43: warning HL1004 return type of 'mc_count': C# 'int' is signed but Rust 'u32' is unsigned (4 bytes)\n",
            result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sarif_validates_against_the_sarif_2_1_0_schema_and_has_stable_fingerprints()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Data", "sarif-schema-2.1.0.json"));
        using var dir = Workspace(toml: "baseline = \"baseline.json\"\n");
        dir.Write("baseline.json", "{ \"version\": 1, \"findings\": [ { \"code\": \"HL1004\", \"file\": \"app/Native.cs\", \"symbol\": \"mc_count\" } ] }");
        var first = await ServerProcess.RunAsync("check", dir.Path, "--format", "sarif");
        Assert.Equal(1, first.ExitCode);
        var errors = schema.Validate(first.Stdout);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")));

        using var json = JsonDocument.Parse(first.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "HL0005" && r.GetProperty("name").GetString() == "unused-suppression");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["HL1005:error:new", "HL1004:none:unchanged"],
            results.Select(r => $"{r.GetProperty("ruleId").GetString()}:{r.GetProperty("level").GetString()}:{r.GetProperty("baselineState").GetString()}"));
        var fingerprints = Fingerprints(first.Stdout);
        Assert.Equal(2, fingerprints.Distinct().Count());

        // Moving every line keeps the fingerprints: they hold code, file and symbol, no line numbers.
        dir.Write("app/Native.cs", "// moved\n\n\n" + Native);
        var moved = await ServerProcess.RunAsync("check", dir.Path, "--format", "sarif");
        Assert.Equal(fingerprints, Fingerprints(moved.Stdout));
    }

    [Fact]
    public async Task Sarif_of_the_demo_validates_against_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Data", "sarif-schema-2.1.0.json"));
        var result = await ServerProcess.RunAsync("check", DemoRoot(), "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        var errors = schema.Validate(result.Stdout);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(8, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Fix_applies_certain_fixes_writes_the_files_and_checks_again()
    {
        using var dir = Workspace();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--fix", "--fail-on", "warning");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("fixed 2 findings in 1 file", result.Stderr);
        Assert.Equal("0 errors, 0 warnings, 0 infos in 4 files", result.Stdout.Trim());
        var text = File.ReadAllText(Path.Combine(dir.Path, "app", "Native.cs"));
        Assert.Contains("static extern uint mc_count();", text);
        Assert.Contains("MarshalAs(UnmanagedType.U1)", text);
    }

    private static List<string> Fingerprints(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return [.. json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("hybridLspKey/v1").GetString()!)];
    }

    private static string DemoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln"), "examples", "hybrid-demo");
    }
}
