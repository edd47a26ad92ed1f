using HybridLsp.Semantics.Config;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

/// <summary>`[libraries.NAME]` for C and C++ libraries: headers, include, defines, cmake, cmake-target; paths stay in the workspace.</summary>
public sealed class ConfigLibraryTests
{
    [Fact]
    public void C_library_keys_are_read_relative_to_the_file()
    {
        var config = ConfigReader.Read("/ws/hybrid-lsp.toml", """
            [libraries.git2]
            headers = "vendor/libgit2/include"
            include = ["vendor/libgit2/include", "./vendor/extra/"]
            defines = ["GIT_DEPRECATE_HARD", "FEATURE_X=1"]
            language = "c"

            [libraries.imageops]
            cmake = "native/imageops"
            cmake-target = "imageops_shared"
            """);
        Assert.Empty(config.Problems);
        var git2 = config.Libraries["git2"];
        Assert.Equal(["/ws/vendor/libgit2/include"], git2.Headers.ToArray());
        Assert.Equal(["/ws/vendor/libgit2/include", "/ws/vendor/extra"], git2.Include.ToArray());
        Assert.Equal(["GIT_DEPRECATE_HARD", "FEATURE_X=1"], git2.Defines.ToArray());
        Assert.Equal("c", git2.Language);
        Assert.False(git2.IsCmake);
        var imageops = config.Libraries["imageops"];
        Assert.Equal("/ws/native/imageops", imageops.Cmake);
        Assert.Equal("imageops_shared", imageops.CmakeTarget);
        Assert.True(imageops.IsCmake);
    }

    [Fact]
    public void Workspace_root_can_be_above_the_configuration_file()
    {
        var config = ConfigReader.Read("/ws/config/hybrid-lsp.toml", "[libraries.x]\nheaders = [\"../sdk/include\"]", workspaceRoot: "/ws");
        Assert.Empty(config.Problems);
        Assert.Equal(["/ws/sdk/include"], config.Libraries["x"].Headers.ToArray());
        var outside = ConfigReader.Read("/ws/config/hybrid-lsp.toml", "[libraries.x]\nheaders = [\"../../etc\"]", workspaceRoot: "/ws");
        Assert.Equal("'libraries.x.headers' must stay inside the workspace, but '../../etc' leads outside '/ws'", Assert.Single(outside.Problems).Message);
    }

    [Fact]
    public void Absolute_and_escaping_paths_and_mixed_sources_are_config_errors() => CheckDiagnostics("""
        //- /hybrid-lsp.toml
        [libraries.sdk]
        headers = ["include", "/usr/include/zlib.h", "../../outside"]
                            //^^^^^^^^^^^^^^^^^^^^^ error HL0004: 'libraries.sdk.headers' must be a path relative to the configuration file, found the absolute path '/usr/include/zlib.h'
                                                   //^^^^^^^^^^^^^^^ error HL0004: 'libraries.sdk.headers' must stay inside the workspace, but '../../outside' leads outside '/'
        include = "C:/sdk/include"
                //^^^^^^^^^^^^^^^^ error HL0004: 'libraries.sdk.include' must be a path relative to the configuration file, found the absolute path 'C:/sdk/include'
          cmake-dir = "x"
        //^^^^^^^^^ warning HL0004: unknown key 'cmake-dir' in [libraries.sdk]
          [libraries.both]
         //^^^^^^^^^^^^^^ error HL0004: [libraries.both] must name exactly one of 'headers', 'crate' or 'cmake'/'cmake-target'
        cmake = "native/both"
        crate = "native/both"
        [libraries.native]
        cmake = 42
              //^^ error HL0004: 'libraries.native.cmake' must be a string, found an integer
        """);
}
