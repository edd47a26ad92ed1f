using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

// The engine's view of what `hybrid-lsp build` builds: plain records; the server runs the processes.

public enum BuildSystem { Cargo, CMake }

/// <summary>A C# extern whose library resolves to a module: after a build its entry point must be in the library's export table.</summary>
/// <param name="Path">The C# file.</param>
/// <param name="Span">The method identifier.</param>
/// <param name="Method">The method as declared, with its type ("Native.Add").</param>
public sealed record BoundEntryPoint(string EntryPoint, string Path, TextSpan Span, string Method);

/// <summary>One shared library the workspace builds.</summary>
/// <param name="Name">The crate's package name, or the CMake target.</param>
/// <param name="Directory">The folder the build runs in: the crate's folder, or the top-level CMake project (the one `cmake -S` configures).</param>
/// <param name="ModuleDirectory">The crate's folder, or the folder of the CMakeLists.txt that declares the target.</param>
/// <param name="ManifestPath">Cargo.toml, or the CMakeLists.txt holding the <c>add_library</c>.</param>
/// <param name="LibName">The crate's library name (the cdylib is <c>lib{LibName}.so</c>), or the CMake OUTPUT_NAME.</param>
/// <param name="IsLoadable">A cdylib crate, or a SHARED/MODULE CMake library: something P/Invoke can load.</param>
/// <param name="OutputDirectory">Cargo's target folder (that of the enclosing cargo workspace, if any); for CMake the folder
/// holding the build trees (<see cref="BuildLayout.CMakeBuildDirectory"/>).</param>
/// <param name="Prefix">CMake's PREFIX ("lib" by default); "lib" for crates.</param>
/// <param name="Suffix">CMake's SUFFIX when the project sets one, else null (the platform's own: .so, .dll, .dylib).</param>
public sealed record BuildableModule(
    BuildSystem System, string Name, string Directory, string ModuleDirectory, string ManifestPath, string LibName, bool IsLoadable,
    ImmutableArray<BoundEntryPoint> Bindings, string OutputDirectory, string Prefix = "lib", string? Suffix = null)
{
    /// <summary>The shared library's file name on Linux ("libfastmath.so").</summary>
    public string LinuxFileName => Prefix + LibName + (Suffix ?? ".so");
}

/// <summary>Where builds go: shared by `hybrid-lsp build`, the editor's Build command and the MSBuild block `wire` writes.</summary>
public static class BuildLayout
{
    /// <summary>"release" or "debug": cargo's profile folder and the suffix of the CMake build tree.</summary>
    public static string ProfileName(bool release) => release ? "release" : "debug";

    /// <summary>CMAKE_BUILD_TYPE for the profile.</summary>
    public static string CMakeBuildType(bool release) => release ? "Release" : "Debug";

    /// <summary>The CMake build tree of a project: <c>PROJECT/build/hybrid-lsp-debug</c> or <c>…-release</c>, beside the sources
    /// (a CMakeFiles/ folder inside keeps the indexer out of it; `build/` is what most .gitignore files already list).</summary>
    public static string CMakeBuildDirectory(string projectDirectory, bool release) => projectDirectory.TrimEnd('/') + "/build/hybrid-lsp-" + ProfileName(release);
}

/// <summary>A code lens that builds a module: the server turns it into a <c>hybridLsp.build</c> command for <see cref="Module"/>.</summary>
/// <param name="Module">The build folder (<see cref="BuildableModule.Directory"/>).</param>
public sealed record BuildLens(TextSpan Span, string Title, string Module);
