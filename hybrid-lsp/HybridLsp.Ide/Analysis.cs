using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

/// <summary>
/// An immutable snapshot of the workspace; every query takes a cancellation token. The semantic model is computed once,
/// on the first query that needs it, and shared by all queries on this snapshot.
/// </summary>
public sealed partial class Analysis
{
    private readonly AnalysisOptions _options;
    private readonly ImmutableDictionary<string, FileState> _files;
    private readonly object _stateGate = new();
    private WorkspaceState? _state;
    private TaskCompletionSource<WorkspaceState>? _building;
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<Diagnostic>>> _editorDiagnostics;
    private readonly Lazy<CrossReferences> _xrefs;

    // The newest computed state of an earlier snapshot, for the incremental build of this one; dropped once this one is
    // built so that snapshots never form a chain. Kept when a build is cancelled, for the next attempt.
    private WorkspaceState? _previous;

    // The paths changed since _previous (null: not known); cleared with it.
    private ImmutableHashSet<string>? _changed;

    private Analysis(AnalysisOptions options, ImmutableDictionary<string, FileState> files, WorkspaceState? previous = null, ImmutableHashSet<string>? changed = null)
    {
        _options = options;
        _files = files;
        _previous = previous;
        _changed = previous is null ? null : changed;
        _editorDiagnostics = new Lazy<ImmutableDictionary<string, ImmutableArray<Diagnostic>>>(ComputeEditorDiagnostics, LazyThreadSafetyMode.ExecutionAndPublication);
        _xrefs = new Lazy<CrossReferences>(() => CrossReferences.Build(Model), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal static Analysis Empty(AnalysisOptions options) => new(options, ImmutableDictionary<string, FileState>.Empty.WithComparers(StringComparer.Ordinal));

    internal Analysis With(WorkspaceChange change)
    {
        var files = _files.ToBuilder();
        foreach (var file in change.Files)
        {
            var path = Normalize(file.Path);
            if (file.IsRemoved)
                files.Remove(path);
            else
                files[path] = new FileState(ReferenceEquals(path, file.Path) ? file : file with { Path = path });
        }
        ImmutableHashSet<string> Paths() => change.Files.Select(f => Normalize(f.Path)).ToImmutableHashSet(StringComparer.Ordinal);
        lock (_stateGate)
        {
            // Changed since the state the next build starts from: this change, plus what changed since this snapshot's
            // own starting point when this snapshot was never built (nothing to track when no state was ever built).
            if (_state is { } built)
                return new Analysis(_options, files.ToImmutable(), built, Paths());
            return new Analysis(_options, files.ToImmutable(), _previous, _changed?.Union(Paths()));
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    internal WorkspaceState State => GetState(CancellationToken.None);

    internal SemanticModel Model => State.Model;

    /// <summary>
    /// This snapshot's state, built once and shared by every query. The build runs on the thread and under the token of
    /// the query that started it; when that query is cancelled (a newer change superseded the publish or request it was
    /// for) the build stops instead of finishing work nobody will read, and the next query that still wants this
    /// snapshot starts it again from the same earlier state. Queries waiting on a build can give up on their own token.
    /// </summary>
    internal WorkspaceState GetState(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TaskCompletionSource<WorkspaceState>? running;
            TaskCompletionSource<WorkspaceState>? mine = null;
            WorkspaceState? previous;
            ImmutableHashSet<string>? changed;
            lock (_stateGate)
            {
                if (_state is { } built)
                    return built;
                running = _building;
                if (running is null)
                    _building = mine = new TaskCompletionSource<WorkspaceState>();
                previous = _previous;
                changed = _changed;
            }
            if (mine is not null)
                return BuildState(mine, previous, changed, cancellationToken);
            // Task.Wait is signalled directly by the builder's thread: a waiter needs no thread-pool thread to wake up.
            try
            {
                running!.Task.Wait(cancellationToken);
                return running.Task.Result;
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
                // The query that ran the build was cancelled, this one was not: build under this one's token.
            }
            catch (AggregateException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            }
        }
    }

    private WorkspaceState BuildState(TaskCompletionSource<WorkspaceState> completion, WorkspaceState? previous, ImmutableHashSet<string>? changed, CancellationToken cancellationToken)
    {
        try
        {
            var state = WorkspaceState.Build(_options, _files, previous, changed, cancellationToken);
            lock (_stateGate)
            {
                _state = state;
                _previous = null;
                _changed = null;
                _building = null;
            }
            completion.SetResult(state);
            return state;
        }
        catch (Exception e)
        {
            lock (_stateGate)
                _building = null;
            if (e is OperationCanceledException)
                completion.SetCanceled(CancellationToken.None);
            else
                completion.SetException(e);
            throw;
        }
    }

    public AnalysisOptions Options => _options;

    /// <summary>The paths of every file in the snapshot.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>The text of a file in the snapshot, or null.</summary>
    public string? GetText(string path) => _files.TryGetValue(Normalize(path), out var f) ? f.Text : null;

    /// <summary>Whether the snapshot has the file at all (readable or not).</summary>
    public bool IsKnown(string path) => _files.ContainsKey(Normalize(path));

    public bool IsOpen(string path) => _files.TryGetValue(Normalize(path), out var f) && f.Change.IsOpen;

    public LineIndex? GetLineIndex(string path) => _files.TryGetValue(Normalize(path), out var f) && f.Text is not null ? f.LineIndex : null;

    /// <summary>The names of the targets this snapshot checks (configuration or `--target`).</summary>
    public ImmutableArray<string> TargetNames => [.. State.Config.Targets.Select(t => t.Name)];

    /// <summary>The rule help URI base from hybrid-lsp.toml `[docs] base`; null means the bundled docs.</summary>
    public string? RuleDocsBase => State.Config.DocsBase;

    public IndexStatus Status => State.Status;

    /// <summary>How long each phase of this snapshot's build took, in order: the workspace phases, then the model's and rules'.</summary>
    public ImmutableArray<(string Phase, double Ms)> Timings => [.. State.Times.ToImmutable(), .. Model.Times.ToImmutable()];
}
