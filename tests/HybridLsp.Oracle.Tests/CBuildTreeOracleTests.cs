using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// A real `cmake -S -B` configure (compile_commands.json and a File API codemodel query) whose cache sets a define no
/// CMakeLists.txt mentions: the exports the engine finds with the build tree equal the built library's .dynsym, and
/// differ from what static evaluation alone finds. Each build-tree reader decides on its own.
/// </summary>
public sealed class CBuildTreeOracleTests : IDisposable
{
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "hl-buildtree-oracle-" + Guid.NewGuid().ToString("N")).Replace('\\', '/');

    public CBuildTreeOracleTests()
    {
        Directory.CreateDirectory(_workspace + "/include");
        Directory.CreateDirectory(_workspace + "/src");
        File.WriteAllText(_workspace + "/CMakeLists.txt", """
            cmake_minimum_required(VERSION 3.16)
            project(featured C)
            add_library(featured SHARED src/featured.c)
            target_include_directories(featured PUBLIC include)
            set_target_properties(featured PROPERTIES C_VISIBILITY_PRESET hidden)
            """);
        File.WriteAllText(_workspace + "/include/featured.h", """
            #pragma once
            #define FT_API __attribute__((visibility("default")))
            FT_API int ft_base(int x);
            #ifdef FT_EXTRA
            FT_API int ft_extra(int x);
            #endif
            """);
        File.WriteAllText(_workspace + "/src/featured.c", """
            #include "featured.h"
            int ft_base(int x) { return x; }
            #ifdef FT_EXTRA
            int ft_extra(int x) { return x + 1; }
            #endif
            int ft_internal(int x) { return x * 2; }
            """);
        // Only the build tree knows FT_EXTRA: it is in the cache, not in any CMakeLists.txt.
        NativeBuild.CMake(_workspace, _workspace + "/build", "-DCMAKE_C_FLAGS=-DFT_EXTRA");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The workspace as the server reads it (its walk skips CMakeFiles/), less the files <paramref name="drop"/> names.</summary>
    private List<string> Exports(Func<string, bool> drop)
    {
        var host = new AnalysisHost(new AnalysisOptions(_workspace, TargetOverride: ["linux-x64"]));
        var files = NativeBuild.ListFiles(_workspace)
            .Where(p => AnalysisHost.IsWorkspaceFile(p) && !p.Contains("/CMakeFiles/", StringComparison.Ordinal) && !drop(p))
            .Select(p => new FileChange(p, File.ReadAllText(p))).ToList();
        host.ApplyChange(new WorkspaceChange([.. files]));
        var module = Assert.Single(host.Snapshot().NativeModules("linux-x64", CancellationToken.None), m => m.LibName == "featured");
        Assert.True(module.ExportsComplete);
        return [.. module.Exports.Select(e => e.Symbol).Order(StringComparer.Ordinal)];
    }

    private static bool IsReply(string path) => path.Contains("/.cmake/api/v1/reply/", StringComparison.Ordinal);

    private static bool IsCompileCommands(string path) => path.EndsWith("/compile_commands.json", StringComparison.Ordinal);

    [Fact]
    public void The_build_trees_define_changes_the_exports_as_in_the_real_library()
    {
        var real = NativeBuild.ExportedSymbols(_workspace + "/build/libfeatured.so");
        Assert.Equal(["ft_base", "ft_extra"], real);
        Assert.Equal(real, Exports(_ => false));
        Assert.Equal(real, Exports(IsReply));               // compile_commands.json alone
        Assert.Equal(real, Exports(IsCompileCommands));     // the File API reply alone
        Assert.Equal(["ft_base"], Exports(p => IsReply(p) || IsCompileCommands(p)));   // static evaluation alone
    }

    [Fact]
    public void The_real_build_trees_flags_pass_the_allow_list()
    {
        var host = new AnalysisHost(new AnalysisOptions(_workspace, TargetOverride: ["linux-x64"]));
        host.ApplyChange(new WorkspaceChange([.. NativeBuild.ListFiles(_workspace)
            .Where(p => AnalysisHost.IsWorkspaceFile(p) && !p.Contains("/CMakeFiles/", StringComparison.Ordinal))
            .Select(p => new FileChange(p, File.ReadAllText(p)))]));
        var tree = Assert.Single(host.Snapshot().BuildTreeFlags());
        Assert.Equal("featured", tree.Library);
        Assert.Equal(_workspace + "/build/.cmake/api/v1/reply", tree.Origin);
        Assert.Equal(1, tree.Sources);
        Assert.Contains("-fPIC", tree.DroppedFlags);
    }
}
