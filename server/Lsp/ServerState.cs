using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// The server's mutable state: the analysis host, what the client negotiated, open documents and the files read
/// from disk. Text-sync notifications mutate it in order; queries take a <see cref="ServerSnapshot"/>.
/// </summary>
public sealed class ServerState
{
    private readonly object _gate = new();
    private readonly HashSet<string> _openDocuments = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, int> _versions = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
    private HashSet<string> _diskFiles = new(StringComparer.Ordinal);
    private CancellationTokenSource _changeCts = new();
    private AnalysisHost _host = new(new AnalysisOptions("/"));

    public string? RootPath { get; private set; }
    public PositionEncoding Encoding { get; private set; } = PositionEncoding.Utf16;
    public bool LinkSupport { get; private set; }
    public bool WorkDoneProgressSupport { get; private set; }
    public bool WorkspaceTrusted { get; private set; }
    public bool ShutdownRequested { get; set; }
    public bool Initialized { get; private set; }
    /// <summary>The client applies `documentChanges` in a WorkspaceEdit (workspace.workspaceEdit.documentChanges).</summary>
    public bool DocumentChangesSupport { get; set; }

    /// <summary>The client applies `create` resource operations in `documentChanges` (needed for actions that create a file).</summary>
    public bool CreateFileSupport { get; set; }

    /// <summary>The client resolves a code action's `edit` lazily (textDocument.codeAction.resolveSupport.properties has "edit").</summary>
    public bool CodeActionResolveSupport { get; set; }
    public bool CodeActionDisabledSupport { get; set; }

    private readonly TaskCompletionSource _indexed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _indexingStarted;

    /// <summary>
    /// Completes when the first walk of the workspace has been applied (or failed): queries wait for it. Before the
    /// client's `initialized` starts that walk there is nothing to wait for.
    /// </summary>
    public Task Indexed => _indexingStarted ? _indexed.Task : Task.CompletedTask;

    public void MarkIndexingStarted() => _indexingStarted = true;

    public void MarkIndexed() => _indexed.TrySetResult();

    public void Initialize(string? rootPath, PositionEncoding encoding, bool linkSupport, bool workDoneProgress, bool trusted)
    {
        lock (_gate)
        {
            RootPath = rootPath;
            Encoding = encoding;
            LinkSupport = linkSupport;
            WorkDoneProgressSupport = workDoneProgress;
            WorkspaceTrusted = trusted;
            _host = new AnalysisHost(new AnalysisOptions(rootPath ?? "/", Clang: Workspace.ClangSettings.Resolve()));
            Initialized = true;
        }
    }

    public ServerSnapshot Snapshot()
    {
        lock (_gate)
            return new ServerSnapshot(_host.Snapshot(), Encoding, LinkSupport) { Versions = _versions, DocumentChangesSupport = DocumentChangesSupport, CreateFileSupport = CreateFileSupport, CodeActionResolveSupport = CodeActionResolveSupport, CodeActionDisabledSupport = CodeActionDisabledSupport };
    }

    /// <summary>Cancelled when the next change is applied: queries on an older snapshot become ContentModified.</summary>
    public CancellationToken ChangeToken
    {
        get
        {
            lock (_gate)
                return _changeCts.Token;
        }
    }

    public bool IsOpen(string path)
    {
        lock (_gate)
            return _openDocuments.Contains(path);
    }

    /// <summary>Applies an editor buffer change (open/change); the buffer is authoritative until close.</summary>
    public void ApplyBuffer(string path, string text, int? version = null)
    {
        lock (_gate)
        {
            _openDocuments.Add(path);
            _versions = version is { } v ? _versions.SetItem(path, v) : _versions.Remove(path);
            Apply(WorkspaceChange.Of(new FileChange(path, text, IsOpen: true)));
        }
    }

    /// <summary>Closes a buffer and applies what is on disk now (a removal when the file is gone).</summary>
    public void CloseBuffer(string path, FileChange diskState)
    {
        lock (_gate)
        {
            _openDocuments.Remove(path);
            _versions = _versions.Remove(path);
            TrackDisk(diskState);
            Apply(WorkspaceChange.Of(diskState));
        }
    }

    /// <summary>Applies file states read from disk; open buffers win over disk content.</summary>
    public void ApplyDisk(IEnumerable<FileChange> changes)
    {
        lock (_gate)
        {
            var kept = changes.Where(c => !_openDocuments.Contains(c.Path)).ToImmutableArray();
            foreach (var c in kept)
                TrackDisk(c);
            Apply(new WorkspaceChange(kept));
        }
    }

    /// <summary>Replaces every disk file by a fresh walk: files no longer found are removed.</summary>
    public void ReplaceDisk(WorkspaceChange walk)
    {
        lock (_gate)
        {
            var seen = new HashSet<string>(walk.Files.Select(f => f.Path), StringComparer.Ordinal);
            var removed = _diskFiles.Where(p => !seen.Contains(p) && !_openDocuments.Contains(p)).Select(FileChange.Removed);
            var kept = walk.Files.Where(c => !_openDocuments.Contains(c.Path));
            var all = kept.Concat(removed).ToImmutableArray();
            _diskFiles = new HashSet<string>(seen.Where(p => !_openDocuments.Contains(p)), StringComparer.Ordinal);
            Apply(new WorkspaceChange(all));
        }
    }

    /// <summary>The disk files at a path: the file itself, or every file under it when it was a folder.</summary>
    public List<string> DiskFilesAt(string path)
    {
        lock (_gate)
        {
            var prefix = path.TrimEnd('/') + "/";
            return _diskFiles.Where(p => p == path || p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    private void TrackDisk(FileChange change)
    {
        if (change.IsRemoved)
            _diskFiles.Remove(change.Path);
        else
            _diskFiles.Add(change.Path);
    }

    private void Apply(WorkspaceChange change)
    {
        // A file whose state did not change (a reindex, a save without edits) neither invalidates running queries
        // nor costs a re-extraction.
        var current = _host.Snapshot();
        var effective = change.Files.Where(f => f.IsRemoved ? current.GetText(f.Path) is not null || current.IsKnown(f.Path)
            : f.Text is null || f.Text != current.GetText(f.Path) || f.IsOpen != current.IsOpen(f.Path)).ToImmutableArray();
        if (effective.IsEmpty)
            return;
        change = new WorkspaceChange(effective);
        _host.ApplyChange(change);
        var old = _changeCts;
        _changeCts = new CancellationTokenSource();
        old.Cancel();
    }
}
