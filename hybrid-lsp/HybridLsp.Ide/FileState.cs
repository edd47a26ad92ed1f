using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Ide;

/// <summary>
/// One file of a snapshot and its extracted syntax, computed on first use and shared by every later snapshot in which
/// the file is unchanged: an edit re-extracts that file only.
/// </summary>
internal sealed class FileState(FileChange change)
{
    private readonly object _gate = new();
    private LineIndex? _lineIndex;
    private RustFileSyntax? _rust;
    private (ImmutableArray<string> Symbols, bool CallSites, CsFileSyntax Syntax)? _csharp;
    private bool? _mayDeclareInterop;
    private CargoManifest? _manifest;
    private CsProjectFile? _project;

    public FileChange Change { get; } = change;
    public string Path => Change.Path;
    public string? Text => Change.Text;

    public LineIndex LineIndex
    {
        get
        {
            lock (_gate)
                return _lineIndex ??= LineIndex.Create(Text ?? "");
        }
    }

    public RustFileSyntax Rust(CancellationToken cancellationToken)
    {
        lock (_gate)
            return _rust ??= RustParser.Parse(Text ?? "", cancellationToken);
    }

    /// <summary>The file read as a Cargo.toml; parsed once, so an unchanged manifest is the same object in every snapshot.</summary>
    public CargoManifest CargoManifest()
    {
        lock (_gate)
            return _manifest ??= Syntax.Toml.CargoManifest.Read(Text ?? "");
    }

    /// <summary>The file read as a .csproj; parsed once.</summary>
    public CsProjectFile CsProject()
    {
        lock (_gate)
            return _project ??= CsProjectReader.Read(Text ?? "");
    }

    /// <summary>Whether the C# text may declare anything the model reads (see <see cref="CsPrefilter"/>); computed once.</summary>
    public bool MayDeclareInterop
    {
        get
        {
            lock (_gate)
                return _mayDeclareInterop ??= CsPrefilter.MayDeclareInterop(Text ?? "");
        }
    }

    /// <summary>Whether this C# text may call a method named like one of <paramref name="names"/> (<see cref="CsPrefilter.CallsAny"/>).</summary>
    public bool MayCall(HashSet<string> names) => Text is { } text && CsPrefilter.CallsAny(text, names);

    /// <summary>
    /// C# syntax depends on the preprocessor symbols of the owning project and on whether call sites are collected
    /// (<see cref="AnalysisOptions.CallSites"/>): the cache is keyed by both.
    /// </summary>
    public CsFileSyntax CSharp(ImmutableArray<string> symbols, bool callSites, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Usually the same array (a project's symbols are computed once per snapshot): compared by reference first.
            if (_csharp is { } cached && cached.CallSites == callSites && (cached.Symbols == symbols || cached.Symbols.SequenceEqual(symbols, StringComparer.Ordinal)))
                return cached.Syntax;
            var syntax = CsExtractor.Extract(Text ?? "", new CsExtractOptions(symbols, callSites), cancellationToken);
            _csharp = (symbols, callSites, syntax);
            return syntax;
        }
    }
}
