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

    // Sorted once per input; keyed by the dictionary it was sorted from, so a `with` copy that replaces it sorts again.
    // (A reference, so threads reading it never see half of a pair.)
    private Tuple<ImmutableDictionary<string, CsSourceFile>, ImmutableArray<CsSourceFile>>? _sortedCSharp;

    /// <summary>
    /// Takes the C# file order over from <paramref name="previous"/> (an earlier snapshot's input) when the paths are the
    /// same — an edit changes files, rarely the list of them — instead of sorting thousands of paths again. Returns this.
    /// </summary>
    public WorkspaceInput WithOrderFrom(WorkspaceInput? previous)
    {
        if (previous?._sortedCSharp is not { } cached || !ReferenceEquals(cached.Item1, previous.CSharpFiles) || cached.Item2.Length != CSharpFiles.Count)
            return this;
        var sorted = new CsSourceFile[cached.Item2.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!CSharpFiles.TryGetValue(cached.Item2[i].Path, out var file))
                return this;
            sorted[i] = file;
        }
        _sortedCSharp = Tuple.Create(CSharpFiles, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(sorted));
        return this;
    }

    /// <summary>The C# files in path order (ordinal), the order bindings and call sites are listed in.</summary>
    public ImmutableArray<CsSourceFile> SortedCSharpFiles
    {
        get
        {
            var cached = _sortedCSharp;
            if (cached is not null && ReferenceEquals(cached.Item1, CSharpFiles))
                return cached.Item2;
            var sorted = CSharpFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
            _sortedCSharp = Tuple.Create(CSharpFiles, sorted);
            return sorted;
        }
    }
}
