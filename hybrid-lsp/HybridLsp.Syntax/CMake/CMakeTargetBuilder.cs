using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>Directory-level settings (include_directories, add_definitions, add_compile_options); a subdirectory starts with a copy.</summary>
internal sealed class CMakeDirectoryState(string sourceDir, CMakeDirectoryState? parent)
{
    public string SourceDir { get; } = sourceDir;
    public List<string> IncludeDirectories { get; } = parent is null ? [] : [.. parent.IncludeDirectories];
    public List<string> Defines { get; } = parent is null ? [] : [.. parent.Defines];
    public List<string> CompileOptions { get; } = parent is null ? [] : [.. parent.CompileOptions];
}

/// <summary>A library target while the evaluator runs: mutable, turned into a <see cref="CMakeLibrary"/> at the end.</summary>
internal sealed class CMakeTargetBuilder(string name, CMakeLibraryKind kind, string listFile, TextSpan nameSpan, CMakeDirectoryState directory)
{
    public string Name { get; } = name;
    public CMakeLibraryKind Kind { get; } = kind;
    public string ListFile { get; } = listFile;
    public TextSpan NameSpan { get; } = nameSpan;
    public CMakeDirectoryState Directory { get; } = directory;
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
    public List<string> Sources { get; } = [];
    public List<string> ObjectLibraries { get; } = [];
    public List<string> PublicIncludes { get; } = [];
    public List<string> PrivateIncludes { get; } = [];
    public List<string> PublicDefines { get; } = [];
    public List<string> PrivateDefines { get; } = [];
    public List<string> CompileOptions { get; } = [];
    public List<(string Name, bool Public)> Links { get; } = [];
    public List<string> Aliases { get; } = [];
    /// <summary>CMAKE_C_FLAGS and CMAKE_CXX_FLAGS when the target was created (for -fvisibility=hidden set there).</summary>
    public string LanguageFlags { get; set; } = "";
    public bool IsApproximate { get; set; }
}
