using System.Diagnostics;
using HybridLsp.Syntax.Binary;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The engine's ELF export reader on real shared libraries equals what binutils' <c>nm -D --defined-only</c> lists (names
/// without their @version) and, for functions, what ELFSharp reads: the demo's CMake C library, the C++ fixture (mangled
/// names), and the machine's own libc, libm and libstdc++ (thousands of versioned symbols, IFUNCs, weak and data symbols).
/// </summary>
public sealed class ExportTableOracleTests(CMakeBuildFixture build) : IClassFixture<CMakeBuildFixture>
{
    public static TheoryData<string> SystemLibraries() => new(new[]
    {
        "/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libz.so.1",
    }.Where(File.Exists));

    [Theory]
    [MemberData(nameof(SystemLibraries))]
    public void System_library_exports_equal_nm(string library) => AssertEqualsNm(library);

    [Fact]
    public void Demo_c_library_exports_equal_nm_and_elfsharp()
    {
        var library = Path.Combine(build.ImageopsBuild, "libimageops.so");
        AssertEqualsNm(library);
        var table = ExportTableReader.Read(File.ReadAllBytes(library));
        Assert.Superset(NativeBuild.ExportedSymbols(library).ToHashSet(), table.Symbols.ToHashSet());
    }

    [Fact]
    public void Cxx_fixture_exports_equal_nm_including_mangled_names()
    {
        var library = Directory.EnumerateFiles(build.CxxBuild, "*.so", SearchOption.AllDirectories).Single();
        AssertEqualsNm(library);
        Assert.Contains(ExportTableReader.Read(File.ReadAllBytes(library)).Symbols, s => s.StartsWith("_Z", StringComparison.Ordinal));
    }

    private static void AssertEqualsNm(string library)
    {
        var table = ExportTableReader.Read(File.ReadAllBytes(library));
        Assert.Null(table.Error);
        Assert.Equal(BinaryFormat.Elf, table.Format);
        Assert.Equal(Nm(library), table.Symbols.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every defined dynamic symbol nm lists, without the "@VERSION"/"@@VERSION" suffix it prints.</summary>
    private static List<string> Nm(string library)
    {
        var start = new ProcessStartInfo("nm", ["-D", "--defined-only", library]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3)
            .Select(parts => parts[2].Split('@')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
