using HybridLsp.Syntax.CMake;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// Static CMake discovery, the File API reply reader and the compile_commands.json reader, checked against what real
/// cmake configures and builds: the demo's C library (hidden visibility, export macro) and a C++ fixture library.
/// </summary>
public sealed class CMakeOracleTests(CMakeBuildFixture build) : IClassFixture<CMakeBuildFixture>
{
    private static CMakeProject Discover(string sourceDir) =>
        CMakeDiscovery.Discover(sourceDir,
            NativeBuild.ReadFiles(sourceDir, name => name == "CMakeLists.txt" || name.EndsWith(".cmake", StringComparison.Ordinal)),
            new CMakeDiscoveryOptions(KnownFiles: NativeBuild.ListFiles(sourceDir)));

    private CMakeFileApiReply Reply(string buildDir) =>
        CMakeFileApi.Read(buildDir, NativeBuild.ReadFiles(CMakeFileApi.ReplyDirectory(buildDir), _ => true));

    [Fact]
    public void Demo_library_discovery_matches_the_real_build()
    {
        var project = Discover(build.ImageopsSource);
        Assert.Empty(project.Errors);
        Assert.False(project.IsApproximate);
        var lib = Assert.Single(project.SharedLibraries);
        Assert.Equal("imageops", lib.Name);
        Assert.True(File.Exists(Path.Combine(build.ImageopsBuild, lib.OutputFileName)), $"{lib.OutputFileName} was not built");
        Assert.Equal(CMakeVisibility.Hidden, lib.Visibility);
        Assert.Equal(["C"], lib.Languages.ToArray());

        // The File API is CMake's own account of the target: same sources, include directories and definitions.
        var target = Assert.Single(Reply(build.ImageopsBuild).SharedLibraries);
        Assert.Equal(target.NameOnDisk, lib.OutputFileName);
        Assert.Equal(target.Sources.Order(), lib.Sources.Order());
        var group = Assert.Single(target.CompileGroups);
        Assert.Equal(group.Flags.IncludeDirectories.ToArray(), lib.IncludeDirectories.ToArray());
        Assert.Equal(group.Flags.Defines.Order(), lib.Defines.Order());
        Assert.Equal([build.ImageopsSource + "/include"], lib.PublicIncludeDirectories.ToArray());
        Assert.Equal("hidden", group.Flags.Visibility);
    }

    [Fact]
    public void Demo_library_exports_exactly_the_functions_marked_with_its_export_macro()
    {
        var library = Path.Combine(build.ImageopsBuild, "libimageops.so");
        var exports = NativeBuild.ExportedSymbols(library);
        Assert.Equal(["io_buffer_size", "io_checksum", "io_fill", "io_invert", "io_is_valid", "io_stats_compute", "io_version"], exports.ToArray());
        // io_row_bytes is defined but hidden by C_VISIBILITY_PRESET; bytes_per_pixel is static.
        Assert.DoesNotContain("io_row_bytes", exports);
        Assert.Equal(NativeBuild.NmDefinedFunctions(library), exports);
    }

    [Fact]
    public void Cxx_fixture_discovery_follows_subdirectory_option_and_output_name()
    {
        var project = Discover(build.CxxSource);
        Assert.Empty(project.Errors);
        Assert.Equal("cxxsurface", project.ProjectName);
        var lib = Assert.Single(project.SharedLibraries);
        Assert.Equal("cxxsurface", lib.Name);
        Assert.Equal(["cxxsurface::cxxsurface"], lib.Aliases.ToArray());
        Assert.Equal("libcxxsurf.so", lib.OutputFileName);
        Assert.Equal(build.CxxSource + "/src", lib.SourceDir);
        Assert.Equal(CMakeVisibility.Default, lib.Visibility);
        Assert.Equal(["CXX"], lib.Languages.ToArray());

        var target = Assert.Single(Reply(build.CxxBuild).SharedLibraries);
        Assert.Equal(target.NameOnDisk, lib.OutputFileName);
        Assert.Equal([build.CxxBuild + "/src/libcxxsurf.so"], target.Artifacts.ToArray());
        Assert.True(File.Exists(target.Artifacts[0]));
        Assert.Equal(target.Sources.Order(), lib.Sources.Order());
        var group = Assert.Single(target.CompileGroups);
        Assert.Equal(group.Flags.IncludeDirectories.ToArray(), lib.IncludeDirectories.ToArray());
        Assert.Equal(group.Flags.Defines.Order(), lib.Defines.Order());
        Assert.Equal([build.CxxSource + "/include"], lib.PublicIncludeDirectories.ToArray());
        Assert.Equal(["CXXSURFACE_API_VERSION=2"], lib.PublicDefines.ToArray());
    }

    [Fact]
    public void Cxx_fixture_exports_c_names_and_the_mangled_name_but_not_static_or_hidden_functions()
    {
        var library = Assert.Single(Reply(build.CxxBuild).SharedLibraries).Artifacts[0];
        var exports = NativeBuild.ExportedSymbols(library);
        Assert.Equal(["_Z10cs_mangledi", "cs_add", "cs_average", "cs_count_words"], exports.Where(e => e.StartsWith("cs_", StringComparison.Ordinal) || e.StartsWith("_Z10cs_", StringComparison.Ordinal)).ToArray());
        Assert.DoesNotContain(exports, e => e.Contains("cs_static_square", StringComparison.Ordinal) || e.Contains("cs_hidden_helper", StringComparison.Ordinal) || e.Contains("twice", StringComparison.Ordinal));
        Assert.DoesNotContain("cs_mangled", exports);
        Assert.Equal(NativeBuild.NmDefinedFunctions(library), exports);
    }

    [Fact]
    public void Compile_commands_of_the_real_build_pass_the_allow_list_and_agree_with_discovery()
    {
        var path = build.ImageopsBuild + "/compile_commands.json";
        var commands = CompileCommands.Read(path, File.ReadAllText(path));
        Assert.Empty(commands.Errors);
        var lib = Discover(build.ImageopsSource).SharedLibraries.Single();
        Assert.Equal(lib.Sources.Order(), commands.Entries.Select(e => e.File).Order());
        foreach (var entry in commands.Entries)
        {
            Assert.Equal(lib.IncludeDirectories.ToArray(), entry.Flags.IncludeDirectories.ToArray());
            Assert.Equal(lib.Defines.Order(), entry.Flags.Defines.Order());
            Assert.Equal("hidden", entry.Flags.Visibility);
            Assert.Equal("gnu11", entry.Flags.Standard);
            // -fPIC is not on the allow-list: dropped and reported, never passed on.
            Assert.Contains("-fPIC", entry.Flags.Dropped);
            Assert.DoesNotContain(entry.Flags.Arguments, a => a == "-fPIC" || a == "-c" || a == "-o");
        }

        var cxx = CompileCommands.Read(build.CxxBuild + "/compile_commands.json", File.ReadAllText(build.CxxBuild + "/compile_commands.json"));
        Assert.Equal(2, cxx.Entries.Length);
        Assert.All(cxx.Entries, e => Assert.Equal("gnu++17", e.Flags.Standard));
    }

    [Fact]
    public void File_api_reply_lists_every_target_with_its_type()
    {
        var reply = Reply(build.CxxBuild);
        Assert.Empty(reply.Errors);
        Assert.Equal(build.CxxSource, reply.SourceDir);
        Assert.Equal(build.CxxBuild, reply.BuildDir);
        var target = Assert.Single(reply.Targets);
        Assert.Equal("SHARED_LIBRARY", target.Type);
        Assert.Equal(build.CxxSource + "/src", target.SourceDir);
        Assert.Contains("-fPIC", target.DroppedFlags);
    }
}
