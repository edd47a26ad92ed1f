namespace HybridLsp.Oracle.Tests;

/// <summary>Builds the demo's C library and the C++ fixture library once for all CMake oracle tests, in a temp folder.</summary>
public sealed class CMakeBuildFixture : IDisposable
{
    public CMakeBuildFixture()
    {
        Root = CargoBuild.RepoRoot().Replace('\\', '/');
        ImageopsSource = Root + "/examples/hybrid-demo/native/imageops";
        CxxSource = Root + "/tests/HybridLsp.Oracle.Tests/Fixtures/cxxsurface";
        Temp = Path.Combine(Path.GetTempPath(), "hl-cmake-oracle-" + Guid.NewGuid().ToString("N")).Replace('\\', '/');
        ImageopsBuild = Temp + "/imageops";
        CxxBuild = Temp + "/cxxsurface";
        NativeBuild.CMake(ImageopsSource, ImageopsBuild);
        NativeBuild.CMake(CxxSource, CxxBuild);
    }

    public string Root { get; }
    public string Temp { get; }
    public string ImageopsSource { get; }
    public string ImageopsBuild { get; }
    public string CxxSource { get; }
    public string CxxBuild { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
