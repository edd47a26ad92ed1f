using HybridLsp.Ide;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Demo;

/// <summary>The demo in examples/hybrid-demo reports exactly its deliberate bugs and nothing else.</summary>
public sealed class DemoTests
{
    internal static string DemoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "examples", "hybrid-demo")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("examples/hybrid-demo"), "examples", "hybrid-demo").Replace('\\', '/');
    }

    internal static Analysis LoadDemo(bool callSites = true)
    {
        var root = DemoRoot();
        var host = new AnalysisHost(new AnalysisOptions(root) { CallSites = callSites });
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => p.Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(AnalysisHost.IsSkippedDirectory) && AnalysisHost.IsWorkspaceFile(p))
            .Select(p => new FileChange(p, File.ReadAllText(p)));
        host.ApplyChange(new WorkspaceChange([.. files]));
        return host.Snapshot();
    }

    [Fact]
    public void Demo_reports_exactly_its_deliberate_bugs()
    {
        var analysis = LoadDemo();
        var root = DemoRoot();
        var actual = analysis.CheckDiagnostics(CancellationToken.None).Select(d =>
        {
            var p = analysis.GetLineIndex(d.Path)!.GetPosition(d.Span.Start);
            return $"{d.Path[(root.Length + 1)..]}:{p.Line + 1}:{p.Character + 1}: {SeverityText(d.Severity)} {d.Code}: {d.Message}";
        });
        var expected =
            """
            app/BrokenBindings.cs:24:19: error HL1005: 'fm_is_even' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL
            app/BrokenBindings.cs:28:49: error HL1003: parameter 'factor' of 'fm_scale': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed)
            app/BrokenBindings.cs:31:41: error HL1001: library 'fastmath' (crate 'fastmath') exports no function 'fm_dot_product'; did you mean 'fm_dot'
            app/BrokenBindings.cs:36:31: error HL1002: 'fm_clamp' declares 2 parameters but Rust 'fm_clamp' takes 3
            app/BrokenBindings.cs:45:17: error HL1009: C# struct 'Vec2Legacy' (8 bytes) lacks field 'z' ('f32' at offset 8) of Rust 'Vec3' (12 bytes)
            app/BrokenImageOpsBindings.cs:23:19: error HL1005: 'io_is_valid' returns a 1-byte C 'bool'; C# 'bool' marshals as a 4-byte BOOL
            app/BrokenImageOpsBindings.cs:27:19: error HL1003: return type of 'io_buffer_size': C# 'int' (4 bytes, signed) vs C 'size_t' (8 bytes, unsigned)
            app/BrokenImageOpsBindings.cs:31:25: error HL2001: C function 'io_row_bytes' exists in library 'imageops' but is not exported: its visibility is hidden (a hidden visibility preset or -fvisibility=hidden, and no visibility("default") export macro on it)
            """.ReplaceLineEndings("\n");
        var got = string.Join("\n", actual);
        if (got != expected)
            throw new Xunit.Sdk.XunitException($"--- expected:\n{expected}\n--- actual:\n{got}");
    }
}
