using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Semantics.Model;

// The per-file inputs of the semantic model, extracted by the Ide layer (which caches them per file).

public sealed record CsSourceFile(string Path, CsFileSyntax Syntax, string? ProjectPath);

public sealed record RustSourceFile(string Path, RustFileSyntax Syntax);

public sealed record ManifestFile(string Path, CargoManifest Manifest);

public sealed record ProjectFile(string Path, CsProjectFile Project);

/// <summary>A workspace file that was not analysed: binary, unreadable, or over max-file-size.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>Everything the semantic model is computed from: a pure function of these.</summary>
public sealed record WorkspaceInput(
    string RootPath,
    Config.HybridConfig Config,
    ImmutableDictionary<string, CsSourceFile> CSharpFiles,
    ImmutableDictionary<string, RustSourceFile> RustFiles,
    ImmutableDictionary<string, ManifestFile> Manifests,
    ImmutableDictionary<string, ProjectFile> Projects,
    ImmutableArray<SkippedFile> Skipped,
    ImmutableDictionary<string, ImmutableArray<SyntaxError>> ParseErrors)
{
    /// <summary>C/C++ sources and headers (path → text): libclang reads them as unsaved buffers.</summary>
    public ImmutableDictionary<string, string> CFiles { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>CMakeLists.txt and *.cmake files (path → text), read statically.</summary>
    public ImmutableDictionary<string, string> CMakeFiles { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Files CMake wrote into build trees that say how it compiles (path → text): <c>compile_commands.json</c> and the File
    /// API reply (<c>.cmake/api/v1/reply/*.json</c>); their flags replace static CMake evaluation (CLibraryBuilder).
    /// </summary>
    public ImmutableDictionary<string, string> BuildTreeFiles { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The libclang service with its cache across snapshots; null when C/C++ is not analysed.</summary>
    public CParseService? CParser { get; init; }
}
