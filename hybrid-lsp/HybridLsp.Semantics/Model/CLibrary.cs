using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.CMake;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Model;

/// <summary>Why a C/C++ function with the bound name is not in the library's export table.</summary>
public enum CHiddenReason { None, Static, HiddenVisibility, NoDllExport, CxxMangled, NotDefined }

/// <summary>
/// A function of a C/C++ library on one target: its declaration in a header (what C# binds against) and its definition
/// in a source file, and whether the built library exports it, and under which symbol.
/// </summary>
/// <param name="Declaration">The declaration whose signature counts: the header declaration, else the definition.</param>
/// <param name="Definition">The definition in one of the library's sources, when it was seen.</param>
/// <param name="Hidden">Why it is not exported; <see cref="CHiddenReason.None"/> when it is.</param>
public sealed record CLibraryFunction(CFunction Declaration, CFunction? Definition, CHiddenReason Hidden)
{
    public string Name => Declaration.Name;

    /// <summary>The symbol a P/Invoke EntryPoint must name (the C name, or the C++ mangled name).</summary>
    public string EntryPoint => Declaration.EntryPoint;

    public bool IsExported => Hidden == CHiddenReason.None;

    /// <summary>Where to go first: the definition when there is one, else the declaration.</summary>
    public CFunction Primary => Definition ?? Declaration;
}

/// <summary>A C/C++ file that could only be partly understood (HL0003): clang's first error in it.</summary>
public sealed record CParseProblem(string Path, TextSpan Span, string Message);

/// <summary>
/// Everything a library declares and exports on one target, from the translation units parsed for it. The dictionaries
/// are read-only views of tables built once per target (never changed afterwards): a header edit of a large library
/// builds thousands of entries per target, which immutable trees made a large part of the edit's time.
/// </summary>
public sealed class CLibraryTarget
{
    internal CLibraryTarget(TargetPlatform target, bool parsed, string? unavailableReason,
        IReadOnlyDictionary<string, CLibraryFunction> exports, IReadOnlyDictionary<string, ImmutableArray<CLibraryFunction>> byName,
        IReadOnlyDictionary<string, CRecord> records, IReadOnlyDictionary<string, CEnum> enums, bool incomplete)
    {
        Target = target;
        Parsed = parsed;
        UnavailableReason = unavailableReason;
        ExportsBySymbol = exports;
        FunctionsByName = byName;
        Records = records;
        Enums = enums;
        Incomplete = incomplete;
    }

    public TargetPlatform Target { get; }

    /// <summary>False when libclang was unavailable or every translation unit failed: nothing is known on this target.</summary>
    public bool Parsed { get; }

    public string? UnavailableReason { get; }

    /// <summary>Exported functions by the symbol P/Invoke looks up.</summary>
    public IReadOnlyDictionary<string, CLibraryFunction> ExportsBySymbol { get; }

    /// <summary>Every function of the library by its plain name (exported or not), for HL2001/HL2003.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<CLibraryFunction>> FunctionsByName { get; }

    public IReadOnlyDictionary<string, CRecord> Records { get; }

    public IReadOnlyDictionary<string, CEnum> Enums { get; }

    /// <summary>Some translation unit had errors or timed out: a function not found may still exist.</summary>
    public bool Incomplete { get; }

    /// <summary>
    /// This target's types mapped into the ABI model for <paramref name="platform"/>, one mapper per platform so that the
    /// records every binding passes are mapped once (the rules run in parallel: callers lock the mapper while they use it).
    /// </summary>
    internal Abi.CAbiMapper Mapper(TargetPlatform platform) =>
        _mappers.GetOrAdd(platform, p => new Abi.CAbiMapper(Records.GetValueOrDefault, Enums.GetValueOrDefault, p));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<TargetPlatform, Abi.CAbiMapper> _mappers = new();
}

/// <summary>
/// A C or C++ shared library of the workspace — a CMake `add_library(… SHARED …)` target, or a folder of headers that
/// hybrid-lsp.toml names for a library this repository does not build — with what it exports on every configured target.
/// </summary>
public sealed class CLibrary
{
    internal CLibrary(string name, string loaderName, string directory, CMakeLibrary? cmake, LibraryConfig? config, bool headersOnly,
        ImmutableArray<string> headers, ImmutableArray<string> sources, bool isCxx)
    {
        Name = name;
        LoaderName = loaderName;
        Directory = directory;
        CMake = cmake;
        Config = config;
        HeadersOnly = headersOnly;
        Headers = headers;
        Sources = sources;
        IsCxx = isCxx;
    }

    /// <summary>The CMake target name, or the `[libraries]` key.</summary>
    public string Name { get; }

    /// <summary>The name the .NET loader matches (`OUTPUT_NAME`, without `lib` and `.so`).</summary>
    public string LoaderName { get; }

    public string Directory { get; }

    public CMakeLibrary? CMake { get; }

    public LibraryConfig? Config { get; }

    /// <summary>A vendored SDK known only by its headers: every declared function counts as exported; HL2004 stays silent.</summary>
    public bool HeadersOnly { get; }

    public ImmutableArray<string> Headers { get; }

    public ImmutableArray<string> Sources { get; }

    public bool IsCxx { get; }

    public string Language => IsCxx ? "C++" : "C";

    public ImmutableDictionary<TargetPlatform, CLibraryTarget> Targets { get; internal set; } = ImmutableDictionary<TargetPlatform, CLibraryTarget>.Empty;

    public ImmutableArray<CParseProblem> Problems { get; internal set; } = [];

    /// <summary>The flags of a build tree (compile_commands.json or the CMake File API) used for the library's sources; null: static CMake evaluation only.</summary>
    public CMakeBuildFlags? BuildFlags { get; internal set; }

    /// <summary>Every file the library's translation units read from the workspace (an edit in one of them re-checks it).</summary>
    public ImmutableArray<string> Files { get; internal set; } = [];

    /// <summary>
    /// The library's own files: its headers and sources (where a `// hybrid-lsp: allow(…)` comment above a declaration
    /// can silence a finding on its native side).
    /// </summary>
    public IEnumerable<string> OwnFiles => Headers.Concat(Sources);

    /// <summary>Every function declaration and definition of the library in <paramref name="path"/>, on any parsed target, by span.</summary>
    public IEnumerable<CFunction> FunctionsIn(string path) => Targets.Values
        .SelectMany(t => t.FunctionsByName.Values.SelectMany(list => list))
        .SelectMany(f => f.Definition is { } d ? new[] { f.Declaration, d } : [f.Declaration])
        .Where(f => f.FullSpan.File == path)
        .DistinctBy(f => (f.FullSpan.Span.Start, f.FullSpan.Span.Length));

    public override string ToString() => Name;
}
