using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The C/C++ exports the engine finds (CMake discovery + libclang + the export rules) equal the exported symbols of the
/// library that real `cmake --build` produces: the demo's C library and the C++ fixture with a mangled function.
/// </summary>
public sealed class CExportOracleTests(CMakeBuildFixture build) : IClassFixture<CMakeBuildFixture>
{
    private static NativeModuleInfo Index(string sourceDir, string libName)
    {
        var host = new AnalysisHost(new AnalysisOptions(sourceDir, TargetOverride: ["linux-x64"]));
        var files = NativeBuild.ListFiles(sourceDir).Where(AnalysisHost.IsWorkspaceFile)
            .Select(path => new FileChange(path, File.ReadAllText(path))).ToList();
        host.ApplyChange(new WorkspaceChange([.. files]));
        var module = Assert.Single(host.Snapshot().NativeModules("linux-x64", CancellationToken.None), m => m.LibName == libName);
        Assert.True(module.ExportsComplete, $"{libName}: libclang could not read every translation unit");
        return module;
    }

    [Fact]
    public void Demo_c_library_exports_found_equal_its_dynsym()
    {
        var module = Index(build.ImageopsSource, "imageops");
        var real = NativeBuild.ExportedSymbols(Path.Combine(build.ImageopsBuild, "libimageops.so"));
        Assert.Equal(real.Order(StringComparer.Ordinal), module.Exports.Select(e => e.Symbol).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cxx_fixture_exports_found_equal_its_dynsym_including_the_mangled_name()
    {
        var built = Directory.EnumerateFiles(build.CxxBuild, "*.so", SearchOption.AllDirectories).Single();
        var module = Index(build.CxxSource, Path.GetFileNameWithoutExtension(built)[3..]);
        var real = NativeBuild.ExportedSymbols(built);
        Assert.Contains(real, s => s.StartsWith("_Z", StringComparison.Ordinal));
        Assert.Equal(real.Order(StringComparer.Ordinal), module.Exports.Select(e => e.Symbol).Order(StringComparer.Ordinal));
    }
}
