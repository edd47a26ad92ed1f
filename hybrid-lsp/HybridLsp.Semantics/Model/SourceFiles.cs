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

    // Sorted once per input; keyed by the dictionary it was sorted from, so a `with` copy that replaces it sorts again. (A
    // reference, so threads reading it never see half of it.)
    private SortedFiles? _sortedCSharp;

    /// <summary>C# files in path order, and (built on first use, shared while the paths stay the same) each path's position.</summary>
    private sealed class SortedFiles(ImmutableDictionary<string, CsSourceFile> from, ImmutableArray<CsSourceFile> sorted, SortedFiles? samePaths)
    {
        private Dictionary<string, int>? _index = samePaths?._index;

        public ImmutableDictionary<string, CsSourceFile> From { get; } = from;
        public ImmutableArray<CsSourceFile> Sorted { get; } = sorted;

        public Dictionary<string, int> Index
        {
            get
            {
                if (_index is { } index)
                    return index;
                index = new Dictionary<string, int>(Sorted.Length, StringComparer.Ordinal);
                for (var i = 0; i < Sorted.Length; i++)
                    index[Sorted[i].Path] = i;
                return _index = index;
            }
        }
    }

    /// <summary>
    /// Takes the C# file order over from <paramref name="previous"/> (an earlier snapshot's input) when the paths are the
    /// same — an edit changes files, rarely the list of them — instead of sorting thousands of paths again. With
    /// <paramref name="changed"/> (the paths that may differ) only those entries are looked up. Returns this.
    /// </summary>
    public WorkspaceInput WithOrderFrom(WorkspaceInput? previous, IReadOnlySet<string>? changed = null)
    {
        if (previous?._sortedCSharp is not { } cached || !ReferenceEquals(cached.From, previous.CSharpFiles) || cached.Sorted.Length != CSharpFiles.Count)
            return this;
        var sorted = new CsSourceFile[cached.Sorted.Length];
        if (changed is not null && changed.Count < sorted.Length / 8)
        {
            cached.Sorted.CopyTo(sorted);
            var index = cached.Index;
            foreach (var path in changed)
            {
                var isNow = CSharpFiles.TryGetValue(path, out var file);
                if (index.TryGetValue(path, out var at) != isNow)
                    return this;
                if (isNow)
                    sorted[at] = file!;
            }
        }
        else
        {
            for (var i = 0; i < sorted.Length; i++)
            {
                if (!CSharpFiles.TryGetValue(cached.Sorted[i].Path, out var file))
                    return this;
                sorted[i] = file;
            }
        }
        _sortedCSharp = new SortedFiles(CSharpFiles, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(sorted), cached);
        return this;
    }

    /// <summary>The C# files in path order (ordinal), the order bindings and call sites are listed in.</summary>
    public ImmutableArray<CsSourceFile> SortedCSharpFiles
    {
        get
        {
            var cached = _sortedCSharp;
            if (cached is not null && ReferenceEquals(cached.From, CSharpFiles))
                return cached.Sorted;
            var sorted = CSharpFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
            _sortedCSharp = new SortedFiles(CSharpFiles, sorted, null);
            return sorted;
        }
    }
}
