using System.Diagnostics;
using HybridLsp.Server.Protocol;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// Walks the workspace root from disk and feeds it to the engine, reporting `$/progress` (when the client
/// supports it) and `hybridLsp/serverStatus`, then publishes diagnostics. One walk at a time.
/// </summary>
public sealed class WorkspaceIndexer(ServerState state, ClientConnection client, DiagnosticsPublisher publisher, ILogger<WorkspaceIndexer> logger)
{
    private readonly SemaphoreSlim _walkLock = new(1, 1);
    private int _progressCounter;

    /// <summary>Indexes the root; returns the number of files read.</summary>
    public async Task<int> IndexAsync(CancellationToken cancellationToken)
    {
        await _walkLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.RootPath is not { } root)
            {
                await SendStatusAsync(indexing: false, files: 0).ConfigureAwait(false);
                return 0;
            }
            var token = $"hybridLsp/index/{Interlocked.Increment(ref _progressCounter)}";
            var progress = false;
            if (state.WorkDoneProgressSupport)
            {
                // A client that never answers must not stall indexing: progress is a nicety.
                using var createTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                createTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                progress = await client.RequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), createTimeout.Token).ConfigureAwait(false);
            }
            await SendStatusAsync(indexing: true, files: 0).ConfigureAwait(false);
            if (progress)
                await client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgress>(token, new WorkDoneProgress("begin", Title: "Indexing", Message: root, Percentage: 0, Cancellable: false))).ConfigureAwait(false);

            var stopwatch = Stopwatch.StartNew();
            logger.LogInformation("C/C++: {Clang}", ClangSettings.Describe(ClangSettings.Resolve()));
            var loader = new WorkspaceLoader(logger);
            var walk = await Task.Run(() => loader.Load(root, cancellationToken, filesFound: count =>
            {
                if (progress)
                    client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgress>(token, new WorkDoneProgress("report", Message: $"Reading {count} files", Percentage: 30))).Wait(cancellationToken);
            }), cancellationToken).ConfigureAwait(false);
            state.ReplaceDisk(walk);
            if (WorkspaceLoader.ReadConfiguredInputs(state.Snapshot().Analysis) is { Files.IsEmpty: false } inputs)
                state.ApplyDisk(inputs.Files);
            if (progress)
                await client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgress>(token, new WorkDoneProgress("report", Message: "Checking bindings", Percentage: 80))).ConfigureAwait(false);
            await publisher.PublishNowAsync().ConfigureAwait(false);
            if (progress)
                await client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgress>(token, new WorkDoneProgress("end", Message: $"{walk.Files.Length} files"))).ConfigureAwait(false);
            logger.LogInformation("Workspace {Root} ready: {FileCount} files in {ElapsedMs} ms", root, walk.Files.Length, stopwatch.ElapsedMilliseconds);
            // Flags from a build tree pass an allow-list (DESIGN §7): what it dropped is logged, never used.
            foreach (var tree in state.Snapshot().Analysis.BuildTreeFlags())
            {
                logger.LogInformation("C/C++ library {Library}: flags of {Sources} sources from {Origin}", tree.Library, tree.Sources, tree.Origin);
                if (!tree.DroppedFlags.IsEmpty)
                    logger.LogInformation("C/C++ library {Library}: build-tree flags dropped by the allow-list: {Dropped}", tree.Library, string.Join(' ', tree.DroppedFlags));
            }
            if (logger.IsEnabled(LogLevel.Debug))
            {
                // Rules stay silent on what they cannot decide; this is where a developer finds out why.
                foreach (var binding in state.Snapshot().Analysis.Bindings(cancellationToken).Where(b => b.UnknownReason is not null))
                    logger.LogDebug("Binding {Name} ({Library}!{EntryPoint}) not checked: {Reason}", binding.Name, binding.Library, binding.EntryPoint, binding.UnknownReason);
            }
            await SendStatusAsync(indexing: false, files: walk.Files.Length).ConfigureAwait(false);
            return walk.Files.Length;
        }
        finally
        {
            state.MarkIndexed();
            _walkLock.Release();
        }
    }

    /// <summary>Closing a buffer reverts the file to what is on disk now.</summary>
    public void RevertToDisk(string path) => state.CloseBuffer(path, WorkspaceLoader.ReadFile(path));

    /// <summary>Re-reads created/changed workspace files and removes deleted files (or everything under a deleted folder).</summary>
    public void ApplyFileEvents(IEnumerable<(string Path, bool Deleted)> events)
    {
        var changes = new List<Ide.FileChange>();
        foreach (var (path, deleted) in events)
        {
            if (deleted)
                changes.AddRange(state.DiskFilesAt(path).Select(Ide.FileChange.Removed));
            else if (Ide.AnalysisHost.IsWorkspaceFile(path) && !IsUnderSkippedDirectory(path))
                changes.Add(WorkspaceLoader.ReadFile(path));
        }
        // The baseline is no workspace file clients watch: re-read it with every batch of file events (one small read).
        changes.AddRange(WorkspaceLoader.ReadConfiguredInputs(state.Snapshot().Analysis).Files);
        state.ApplyDisk(changes);
        if (WorkspaceLoader.ReadConfiguredInputs(state.Snapshot().Analysis) is { Files.IsEmpty: false } inputs && inputs.Files.Any(i => !state.Snapshot().Analysis.IsKnown(i.Path)))
            state.ApplyDisk(inputs.Files);
    }

    private bool IsUnderSkippedDirectory(string path)
    {
        var root = state.RootPath is { } r ? r.TrimEnd('/') + "/" : "";
        var relative = path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path;
        var parts = relative.Split('/');
        return parts[..^1].Any(Ide.AnalysisHost.IsSkippedDirectory);
    }

    private Task SendStatusAsync(bool indexing, int files)
        => client.NotifyAsync("hybridLsp/serverStatus", ToLsp.Status(indexing, state.WorkspaceTrusted, state.Snapshot().Analysis.Status, files));
}
