namespace HybridLsp.Ide;

/// <summary>
/// The mutable entry point of the engine: the host feeds file changes in order and takes immutable snapshots.
/// Thread-safe: changes are serialised; snapshots can be queried concurrently while newer changes arrive.
/// </summary>
public sealed class AnalysisHost
{
    private readonly object _gate = new();
    private readonly AnalysisOptions _options;
    private Analysis _current;

    public AnalysisHost(AnalysisOptions options)
    {
        _options = options with { CParser = options.CParser ?? new Semantics.Model.CParseService(options.Clang ?? Syntax.C.ClangOptions.Default) };
        _current = Analysis.Empty(_options);
    }

    public AnalysisOptions Options => _options;

    /// <summary>Whether the host should read this file into the workspace (by name only; no IO).</summary>
    public static bool IsWorkspaceFile(string path) => WorkspaceFiles.IsInteresting(path);

    /// <summary>Whether a directory is never descended into (bin, obj, target, node_modules, .git …).</summary>
    public static bool IsSkippedDirectory(string name) => WorkspaceFiles.IsSkippedDirectory(name);

    public void ApplyChange(WorkspaceChange change)
    {
        lock (_gate)
        {
            _current = _current.With(change);
        }
    }

    public Analysis Snapshot()
    {
        lock (_gate)
        {
            return _current;
        }
    }
}
