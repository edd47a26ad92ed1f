using System.Diagnostics;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
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
        var root = RepoRoot();
        var dir = Path.Combine(root, crateDir);
        var built = BuiltExports(dir);

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
        var dir = Path.Combine(RepoRoot(), crateDir);
        var expectedFile = Path.Combine(dir, "expected-exports.txt");
        if (!File.Exists(expectedFile))
            return; // the demo crate has no list: the parser test above compares it with the build directly
        Assert.Equal(ReadList(expectedFile), BuiltExports(dir));
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

    private static List<string> BuiltExports(string crateDir)
    {
        var targetDir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-oracle", Path.GetFileName(crateDir));
        var cargo = Cargo();
        var start = new ProcessStartInfo(cargo, ["build", "--offline", "--quiet", "--manifest-path", Path.Combine(crateDir, "Cargo.toml"), "--target-dir", targetDir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"cargo build failed for {crateDir}:\n{stderr.Result}");
        var library = Directory.GetFiles(Path.Combine(targetDir, "debug"), "lib*.so").Single();
        using var elf = ELFReader.Load(library);
        var dynsym = (ISymbolTable)elf.GetSection(".dynsym");
        return [.. dynsym.Entries
            .OfType<SymbolEntry<ulong>>()
            .Where(e => e.Type == SymbolType.Function && e.Binding == SymbolBinding.Global && e.PointedSectionIndex != 0)
            .Select(e => e.Name)
            .Where(n => !n.StartsWith("_ZN", StringComparison.Ordinal) && !n.StartsWith("_R", StringComparison.Ordinal) && n is not ("_init" or "_fini" or "rust_eh_personality"))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static string Cargo()
    {
        var home = Environment.GetEnvironmentVariable("CARGO_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");
        var candidate = Path.Combine(home, "bin", "cargo");
        return File.Exists(candidate) ? candidate : "cargo";
    }

    private static List<string> ReadList(string path) =>
        [.. File.ReadAllLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln");
    }
}
