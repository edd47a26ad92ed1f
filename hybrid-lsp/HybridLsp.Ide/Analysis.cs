using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

/// <summary>An immutable snapshot of the workspace; every query takes a cancellation token.</summary>
public sealed partial class Analysis
{
    private readonly AnalysisOptions _options;
    private readonly ImmutableDictionary<string, FileChange> _files;

    private Analysis(AnalysisOptions options, ImmutableDictionary<string, FileChange> files)
    {
        _options = options;
        _files = files;
    }

    internal static Analysis Empty(AnalysisOptions options) => new(options, ImmutableDictionary<string, FileChange>.Empty);

    internal Analysis With(WorkspaceChange change)
    {
        var files = _files.ToBuilder();
        foreach (var file in change.Files)
        {
            if (file.IsRemoved)
                files.Remove(file.Path);
            else
                files[file.Path] = file;
        }
        return new Analysis(_options, files.ToImmutable());
    }

    public AnalysisOptions Options => _options;

    /// <summary>The text of a file in the snapshot, or null.</summary>
    public string? GetText(string path) => _files.TryGetValue(path, out var f) ? f.Text : null;

    public LineIndex? GetLineIndex(string path) => GetText(path) is { } text ? LineIndex.Create(text) : null;

    /// <summary>Diagnostics shown in the editor for one file (native-side mirrors included).</summary>
    public ImmutableArray<Diagnostic> Diagnostics(string path, CancellationToken cancellationToken) => [];

    /// <summary>Editor diagnostics of every file that has any, keyed by path.</summary>
    public ImmutableDictionary<string, ImmutableArray<Diagnostic>> AllDiagnostics(CancellationToken cancellationToken) => ImmutableDictionary<string, ImmutableArray<Diagnostic>>.Empty;

    /// <summary>Every finding once (as `check` reports them), sorted by path, position and code.</summary>
    public ImmutableArray<Diagnostic> CheckDiagnostics(CancellationToken cancellationToken) => [];

    public ImmutableArray<BindingInfo> Bindings(CancellationToken cancellationToken) => [];

    public NavigationResult? GotoDefinition(FilePosition position, CancellationToken cancellationToken) => null;

    public ImmutableArray<ReferenceLocation> References(FilePosition position, bool includeDeclaration, CancellationToken cancellationToken) => [];

    public HoverResult? Hover(FilePosition position, CancellationToken cancellationToken) => null;

    public ImmutableArray<WorkspaceSymbol> WorkspaceSymbols(string query, CancellationToken cancellationToken) => [];

    public IndexStatus Status => new(0, 0, 0, 0, 0, 0);

    /// <summary>The names of the targets this snapshot checks (configuration or `--target`).</summary>
    public ImmutableArray<string> TargetNames => ["linux-x64", "win-x64", "osx-arm64"];

    /// <summary>The rule help URI base (configurable); null means the bundled docs.</summary>
    public string? RuleDocsBase => null;
}
