using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>The type given to <c>add_library</c>.</summary>
public enum CMakeLibraryKind
{
    /// <summary><c>SHARED</c>: a shared library P/Invoke can load.</summary>
    Shared,
    /// <summary><c>MODULE</c>: a plugin loaded with dlopen; loadable by P/Invoke as well.</summary>
    Module,
    Static,
    Object,
    Interface,
    /// <summary>No type given and <c>BUILD_SHARED_LIBS</c> not known here: static by default, shared when the user configures it so.</summary>
    Unspecified,
}

/// <summary>The default symbol visibility of a library's compiled code.</summary>
public enum CMakeVisibility
{
    /// <summary>Every non-static function is exported (the compilers' default).</summary>
    Default,
    /// <summary>A hidden preset or <c>-fvisibility=hidden</c>: only functions marked <c>visibility("default")</c> (an export macro) are exported.</summary>
    Hidden,
}

/// <summary>A problem found while reading a CMake list file: a syntax error, a missing subdirectory, a cycle. Errors are data.</summary>
/// <param name="Path">The absolute path of the list file the span is in.</param>
public sealed record CMakeError(string Path, TextSpan Span, string Message);

/// <summary>
/// One library target of a CMake project, as <c>CMakeLists.txt</c> declares it (statically: the default configuration,
/// without running CMake). Every path is absolute and normalised ('/'-separated, no `.` or `..`).
/// </summary>
/// <param name="Name">The target name (<c>add_library(NAME …)</c>).</param>
/// <param name="ListFile">The CMakeLists.txt (or included file) holding the <c>add_library</c>.</param>
/// <param name="NameSpan">The span of the target name in <paramref name="ListFile"/>.</param>
/// <param name="SourceDir">The source directory the target was declared in (CMAKE_CURRENT_SOURCE_DIR there).</param>
/// <param name="OutputName">OUTPUT_NAME (or LIBRARY_OUTPUT_NAME), else the target name: the name a loader matches.</param>
/// <param name="Prefix">PREFIX, else "lib" (the Linux default for shared and module libraries).</param>
/// <param name="Suffix">SUFFIX, else ".so" for shared and module libraries, ".a" for static ones (Linux).</param>
/// <param name="Sources">Source files of the target, including headers listed as sources and sources of linked OBJECT libraries.</param>
/// <param name="PublicIncludeDirectories">PUBLIC and INTERFACE include directories (the library's public headers), including those of linked targets it re-exports.</param>
/// <param name="PrivateIncludeDirectories">Include directories used only to compile the target: PRIVATE ones, directory-level <c>include_directories</c>, and those of privately linked targets.</param>
/// <param name="PublicDefines">PUBLIC and INTERFACE compile definitions ("NAME" or "NAME=VALUE", without -D).</param>
/// <param name="PrivateDefines">PRIVATE and directory-level (<c>add_definitions</c>, <c>add_compile_definitions</c>) definitions.</param>
/// <param name="CompileOptions">Target and directory compile options (not filtered: this is what the project says, not what is passed to a parser).</param>
/// <param name="Languages">"C" and/or "CXX": from the sources' extensions, else the project's languages.</param>
/// <param name="Visibility">Hidden when every language of the target has a hidden visibility preset or <c>-fvisibility=hidden</c> is among its options.</param>
/// <param name="LinkLibraries">Names given to <c>target_link_libraries</c>, in order.</param>
/// <param name="Aliases">Names of <c>add_library(ALIAS … )</c> targets that point at this one.</param>
/// <param name="IsApproximate">Something about this target depended on what static evaluation cannot know (an <c>if()</c> on the platform, an unknown variable, a generator expression): both branches were taken.</param>
public sealed record CMakeLibrary(
    string Name, CMakeLibraryKind Kind, string ListFile, TextSpan NameSpan, string SourceDir,
    string OutputName, string Prefix, string Suffix,
    ImmutableArray<string> Sources,
    ImmutableArray<string> PublicIncludeDirectories, ImmutableArray<string> PrivateIncludeDirectories,
    ImmutableArray<string> PublicDefines, ImmutableArray<string> PrivateDefines,
    ImmutableArray<string> CompileOptions, ImmutableArray<string> Languages,
    CMakeVisibility Visibility, string? CVisibilityPreset, string? CxxVisibilityPreset, bool VisibilityInlinesHidden,
    ImmutableArray<string> LinkLibraries, ImmutableArray<string> Aliases, bool IsApproximate)
{
    /// <summary>A library P/Invoke can load: SHARED or MODULE.</summary>
    public bool IsShared => Kind is CMakeLibraryKind.Shared or CMakeLibraryKind.Module;

    /// <summary>Shared, or without a type so that <c>BUILD_SHARED_LIBS=ON</c> makes it shared.</summary>
    public bool MayBeShared => IsShared || Kind == CMakeLibraryKind.Unspecified;

    /// <summary>The built file's name on Linux: <c>lib&lt;OUTPUT_NAME&gt;.so</c> unless PREFIX/SUFFIX say otherwise.</summary>
    public string OutputFileName => Prefix + OutputName + Suffix;

    /// <summary>Every include directory used to compile the target: public ones first, then private ones.</summary>
    public ImmutableArray<string> IncludeDirectories => [.. PublicIncludeDirectories, .. PrivateIncludeDirectories.Where(d => !PublicIncludeDirectories.Contains(d))];

    /// <summary>Every definition used to compile the target.</summary>
    public ImmutableArray<string> Defines => [.. PublicDefines, .. PrivateDefines.Where(d => !PublicDefines.Contains(d))];
}

/// <summary>What static discovery found in a CMake project: its library targets and every problem, as data.</summary>
/// <param name="SourceDir">The top-level source directory (where the first CMakeLists.txt is).</param>
/// <param name="ProjectName">The first <c>project()</c> name, if any.</param>
/// <param name="Languages">The first <c>project()</c>'s languages ("C", "CXX" by default).</param>
/// <param name="ListFiles">Every list file that was read (CMakeLists.txt files and included .cmake files).</param>
/// <param name="IsApproximate">Some branch or value could not be decided statically (see <see cref="CMakeLibrary.IsApproximate"/>).</param>
public sealed record CMakeProject(
    string SourceDir, string? ProjectName, ImmutableArray<string> Languages,
    ImmutableArray<CMakeLibrary> Libraries, ImmutableArray<string> ListFiles, ImmutableArray<CMakeError> Errors, bool IsApproximate)
{
    /// <summary>The libraries P/Invoke can load (SHARED or MODULE).</summary>
    public ImmutableArray<CMakeLibrary> SharedLibraries => [.. Libraries.Where(l => l.IsShared)];

    /// <summary>The library with this target name or alias, or null.</summary>
    public CMakeLibrary? FindTarget(string name) =>
        Libraries.FirstOrDefault(l => l.Name == name) ?? Libraries.FirstOrDefault(l => l.Aliases.Contains(name));
}

/// <summary>Options for <see cref="CMakeDiscovery.Discover"/>.</summary>
/// <param name="KnownFiles">Every file path of the workspace (absolute), for <c>file(GLOB)</c> and <c>if(EXISTS)</c>; null when unknown (globs are then approximate).</param>
/// <param name="CacheVariables">Variables as a user would pass them with -D (for instance BUILD_SHARED_LIBS=ON).</param>
/// <param name="MaxCommands">A budget of evaluated commands; evaluation stops (with an error) when it is spent, so no input hangs it.</param>
public sealed record CMakeDiscoveryOptions(
    IReadOnlyCollection<string>? KnownFiles = null,
    IReadOnlyDictionary<string, string>? CacheVariables = null,
    int MaxCommands = 200_000)
{
    public static readonly CMakeDiscoveryOptions Default = new();
}
