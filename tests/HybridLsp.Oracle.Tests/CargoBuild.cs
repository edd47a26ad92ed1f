using System.Diagnostics;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace HybridLsp.Oracle.Tests;

/// <summary>Builds a crate with the machine's cargo and reads the functions its `.so` really exports (ELF .dynsym).</summary>
internal static class CargoBuild
{
    /// <summary>The defined, global function symbols of the built library, without Rust's mangled and runtime symbols.</summary>
    public static List<string> Exports(string crateDir, string targetDir)
    {
        var start = new ProcessStartInfo(Cargo(), ["build", "--offline", "--quiet", "--manifest-path", Path.Combine(crateDir, "Cargo.toml"), "--target-dir", targetDir])
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

    /// <summary>The rustup toolchain's cargo (~/.cargo/bin); Debian's is too old for edition 2024.</summary>
    public static string Cargo()
    {
        var home = Environment.GetEnvironmentVariable("CARGO_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");
        var candidate = Path.Combine(home, "bin", "cargo");
        return File.Exists(candidate) ? candidate : "cargo";
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln");
    }
}
