using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The exports the engine's own Rust parser finds equal the dynamic symbols of the library `cargo build` really produces
/// (read from the ELF .dynsym with ELFSharp), for the demo crate and the oracle crates under tests/crates.
/// </summary>
public sealed class CargoOracleTests
{
    public static TheoryData<string> Crates => new() { "examples/hybrid-demo/native/fastmath", "tests/crates/modtree", "tests/crates/attrs", "tests/crates/edition2024", "tests/crates/macros" };

    [Theory]
    [MemberData(nameof(Crates))]
    public void Parser_exports_equal_the_built_library_exports(string crateDir)
    {
        var root = CargoBuild.RepoRoot();
        var dir = Path.Combine(root, crateDir);
        var built = CargoBuild.Exports(dir, Path.Combine(Path.GetTempPath(), "hybrid-lsp-oracle", Path.GetFileName(dir)));

        var module = EngineModule(dir);
        var found = module.Exports.Where(e => e.Availability == Availability.Yes).Select(e => e.Symbol).Distinct().Order(StringComparer.Ordinal).ToList();
        var macroExports = File.Exists(Path.Combine(dir, "macro-exports.txt")) ? ReadList(Path.Combine(dir, "macro-exports.txt")) : [];
        var expected = built.Except(macroExports).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, found);
        // A crate whose exports come partly from macros must say its list is incomplete, so no rule guesses.
        Assert.Equal(macroExports.Count == 0, module.ExportsComplete);
    }

    [Theory]
    [MemberData(nameof(Crates))]
    public void Checked_in_expectations_match_the_real_build(string crateDir)
    {
        var dir = Path.Combine(CargoBuild.RepoRoot(), crateDir);
        var expectedFile = Path.Combine(dir, "expected-exports.txt");
        if (!File.Exists(expectedFile))
            return; // the demo crate has no list: the parser test above compares it with the build directly
        Assert.Equal(ReadList(expectedFile), CargoBuild.Exports(dir, Path.Combine(Path.GetTempPath(), "hybrid-lsp-oracle", Path.GetFileName(dir))));
    }

    private static NativeModuleInfo EngineModule(string crateDir)
    {
        var root = crateDir.Replace('\\', '/');
        var host = new AnalysisHost(new AnalysisOptions(root));
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => p.Replace('\\', '/'))
            .Where(p => !p[root.Length..].Split('/').Any(AnalysisHost.IsSkippedDirectory) && AnalysisHost.IsWorkspaceFile(p))
            .Select(p => new FileChange(p, File.ReadAllText(p)));
        host.ApplyChange(new WorkspaceChange([.. files]));
        return Assert.Single(host.Snapshot().NativeModules("linux-x64", CancellationToken.None));
    }

    private static List<string> ReadList(string path) =>
        [.. File.ReadAllLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];
}
