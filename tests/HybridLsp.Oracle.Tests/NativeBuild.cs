using System.Diagnostics;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// Builds a CMake project for real (configure with a File API query and compile_commands.json, then build) and reads
/// what the built shared library exports. Reusable by any oracle test that compares extracted exports with the truth.
/// </summary>
public static class NativeBuild
{
    /// <summary>
    /// Configures <paramref name="sourceDir"/> into <paramref name="buildDir"/> (CMAKE_EXPORT_COMPILE_COMMANDS=ON, a codemodel-v2
    /// File API query) and builds it. Fails the test with cmake's output when either step fails. No CMAKE_BUILD_TYPE: the
    /// default configuration is what static discovery describes (a build type adds flags such as -DNDEBUG of its own).
    /// </summary>
    /// <param name="cacheArguments">Further `-D` cache settings for the configure (what only the build tree knows).</param>
    public static void CMake(string sourceDir, string buildDir, params string[] cacheArguments)
    {
        var query = Path.Combine(buildDir, ".cmake", "api", "v1", "query");
        Directory.CreateDirectory(query);
        File.WriteAllText(Path.Combine(query, "codemodel-v2"), "");
        Run("cmake", ["-S", sourceDir, "-B", buildDir, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", .. cacheArguments]);
        Run("cmake", ["--build", buildDir]);
    }

    /// <summary>
    /// The functions a shared library really exports: its ELF .dynsym entries that are defined (not undefined imports),
    /// global or weak, and functions. Names as the linker sees them (C++ names mangled), sorted, without _init/_fini.
    /// </summary>
    public static List<string> ExportedSymbols(string libraryPath)
    {
        using var elf = ELFReader.Load(libraryPath);
        var dynsym = (ISymbolTable)elf.GetSection(".dynsym");
        return [.. dynsym.Entries
            .OfType<SymbolEntry<ulong>>()
            .Where(e => e.Type == SymbolType.Function && e.Binding is SymbolBinding.Global or SymbolBinding.Weak && e.PointedSectionIndex != 0)
            .Select(e => e.Name)
            .Where(n => n is not ("_init" or "_fini"))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>What `nm -D --defined-only` lists as text-section functions (T/W), for cross-checking <see cref="ExportedSymbols"/>.</summary>
    public static List<string> NmDefinedFunctions(string libraryPath)
    {
        var output = Run("nm", ["-D", "--defined-only", libraryPath]);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3 && parts[1] is "T" or "W")
            .Select(parts => parts[2])
            .Where(n => n is not ("_init" or "_fini"))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The texts of the files under a folder whose names match, keyed by absolute '/'-separated path (build output skipped).</summary>
    public static Dictionary<string, string> ReadFiles(string folder, Func<string, bool> include)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (include(Path.GetFileName(file)))
                result[file.Replace('\\', '/')] = File.ReadAllText(file);
        }
        return result;
    }

    /// <summary>Every file path under a folder, '/'-separated.</summary>
    public static List<string> ListFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => f.Replace('\\', '/'))];

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"'{program}' could not be started ({e.Message}); the oracle tests need cmake, g++ and binutils (apt-get install cmake g++ binutils)");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed:\n{stdout}\n{stderr.Result}");
            return stdout;
        }
    }
}
