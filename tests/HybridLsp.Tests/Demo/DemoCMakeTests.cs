using HybridLsp.Ide;
using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Demo;

/// <summary>The demo's CMake C library (native/imageops): what static discovery finds, and how its C# bindings resolve today.</summary>
public sealed class DemoCMakeTests
{
    [Fact]
    public void Demo_cmake_library_is_discovered_without_running_cmake()
    {
        var dir = DemoTests.DemoRoot() + "/native/imageops";
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => f.Replace('\\', '/')).ToList();
        var project = CMakeDiscovery.Discover(dir,
            files.Where(f => f.EndsWith("/CMakeLists.txt", StringComparison.Ordinal)).ToDictionary(f => f, File.ReadAllText),
            new CMakeDiscoveryOptions(KnownFiles: files));
        Assert.Empty(project.Errors);
        var lib = Assert.Single(project.SharedLibraries);
        Assert.Equal("imageops", lib.Name);
        Assert.Equal("libimageops.so", lib.OutputFileName);
        Assert.Equal([dir + "/src/imageops.c", dir + "/src/checksum.c"], lib.Sources.ToArray());
        Assert.Equal([dir + "/include"], lib.PublicIncludeDirectories.ToArray());
        Assert.Equal([dir + "/include", dir + "/src"], lib.IncludeDirectories.ToArray());
        Assert.Equal(["IMAGEOPS_BUILDING", "imageops_EXPORTS"], lib.PrivateDefines.ToArray());
        Assert.Equal(CMakeVisibility.Hidden, lib.Visibility);
        Assert.Equal(["C"], lib.Languages.ToArray());
    }

    [Fact]
    public void Demo_bindings_to_the_c_library_resolve_to_its_exports_except_the_hidden_one()
    {
        var bindings = DemoTests.LoadDemo().Bindings(CancellationToken.None).Where(b => b.Library == "imageops").ToList();
        Assert.Equal(10, bindings.Count);
        Assert.Equal(["io_row_bytes"], bindings.Where(b => b.Resolution != BindingResolution.Resolved).Select(b => b.EntryPoint));
        Assert.All(bindings.Where(b => b.Resolution == BindingResolution.Resolved), b =>
        {
            Assert.Equal(HybridLsp.Syntax.SourceLanguage.C, b.Native!.Language);
            Assert.StartsWith(DemoTests.DemoRoot() + "/native/imageops/", b.Native.Path, StringComparison.Ordinal);
        });
    }
}
