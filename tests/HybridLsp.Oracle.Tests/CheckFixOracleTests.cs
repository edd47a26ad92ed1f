using HybridLsp.Ide;
using HybridLsp.Server.Cli;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// `hybrid-lsp check --fix` on a copy of the demo repository with extra native-side breakage (a bound function without
/// `#[no_mangle]`, a crate that builds only an rlib): afterwards `check` reports no fixable finding, only the findings no
/// fix is certain for remain, and `cargo build` of the crate still succeeds and exports the fixed function.
/// </summary>
public sealed class CheckFixOracleTests
{
    [Fact]
    public void Check_fix_leaves_no_fixable_finding_and_the_crate_still_builds()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-checkfix", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        CopyTree(Path.Combine(CargoBuild.RepoRoot(), "examples", "hybrid-demo"), dir);

        var manifest = Path.Combine(dir, "native", "fastmath", "Cargo.toml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("crate-type = [\"cdylib\"]", "crate-type = [\"rlib\"]", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(dir, "native", "fastmath", "src", "lib.rs"), "\n/// Sums two numbers; bound by C# but not exported yet.\npub fn fm_sum_hidden(a: i32, b: i32) -> i32 {\n    a.wrapping_add(b)\n}\n");
        File.WriteAllText(Path.Combine(dir, "app", "Hidden.cs"), """
            using System.Runtime.InteropServices;

            namespace DemoApp;

            internal static class HiddenBindings
            {
                [DllImport("fastmath")]
                internal static extern int fm_sum_hidden(int a, int b);
            }

            """);

        var before = Analyze(dir).CheckDiagnostics(CancellationToken.None);
        // The demo's C library adds HL1003, HL1005 (both certain to fix on the C# side) and HL2001 of its own (app/BrokenImageOpsBindings.cs).
        Assert.Equal(["HL0002", "HL1001", "HL1002", "HL1003", "HL1003", "HL1005", "HL1005", "HL1009", "HL2001", "HL2001"], before.Where(d => d.Severity != Severity.Hint).Select(d => d.Code).Order(StringComparer.Ordinal));

        using var stdout = new MemoryStream();
        var exit = CheckCommand.Run(new CheckOptions(dir, "text", null, null, "error", Fix: true), stdout, CancellationToken.None);
        Assert.Equal(1, exit);

        var after = Analyze(dir).CheckDiagnostics(CancellationToken.None);
        Assert.Empty(after.Where(d => d.HasFix));
        // The C function hidden by the library's visibility preset got the library's export macro (the C side's HL2001 fix).
        Assert.Equal(["HL1002"], after.Where(d => d.Severity != Severity.Hint).Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(after, d => d.Code == "HL2001" && d.Path.EndsWith("BrokenImageOpsBindings.cs", StringComparison.Ordinal));
        Assert.Contains("IMAGEOPS_API size_t io_row_bytes(const io_image *image);", File.ReadAllText(Path.Combine(dir, "native", "imageops", "src", "imageops_internal.h")), StringComparison.Ordinal);
        NativeBuild.CMake(Path.Combine(dir, "native", "imageops").Replace('\\', '/'), Path.Combine(dir, "build-imageops").Replace('\\', '/'));
        Assert.Contains("io_row_bytes", NativeBuild.ExportedSymbols(Path.Combine(dir, "build-imageops", "libimageops.so")));
        var fixedC = File.ReadAllText(Path.Combine(dir, "app", "BrokenImageOpsBindings.cs"));
        Assert.Contains("[return: MarshalAs(UnmanagedType.U1)]", fixedC, StringComparison.Ordinal);
        Assert.Contains("static extern nuint io_buffer_size", fixedC, StringComparison.Ordinal);
        var report = System.Text.Encoding.UTF8.GetString(stdout.ToArray());
        Assert.Contains("1 errors, 0 warnings, 0 infos", report);
        // HL1009: the struct Rust reads 12 bytes of got Rust's third field, with its exact C# type and Rust's name.
        Assert.Contains("    public float Y;\n    public float z;\n}", File.ReadAllText(Path.Combine(dir, "app", "BrokenBindings.cs")).ReplaceLineEndings("\n"), StringComparison.Ordinal);

        Assert.Contains("crate-type = [\"cdylib\", \"rlib\"]", File.ReadAllText(manifest));
        var exports = CargoBuild.Exports(Path.Combine(dir, "native", "fastmath"), Path.Combine(dir, "target-oracle"));
        Assert.Contains("fm_sum_hidden", exports);
        Assert.Contains("fm_dot", exports);
    }

    private static Analysis Analyze(string root)
    {
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceLoader(NullLogger.Instance).Load(root));
        return host.Snapshot();
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "target"))
                continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
