using System.Collections.Immutable;
using System.Text.Json;
using HybridLsp.Server.Protocol;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// Publishes editor diagnostics for every file that has any and clears files that no longer have any. After a
/// change, publishing is debounced (~10 ms: notifications sent together, like a multi-file rename's, are analysed once;
/// keystrokes are further apart than that anyway) and runs on a snapshot; a newer change cancels stale work. Only files
/// whose published diagnostics (as LSP JSON, positions included) differ from the last ones sent are sent again: in a
/// large workspace an edit changes the diagnostics of a few files, not of the hundreds that have some.
/// </summary>
public sealed class DiagnosticsPublisher(ServerState state, ClientConnection client, ILogger<DiagnosticsPublisher> logger)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(10);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private CancellationTokenSource? _pending;
    // The JSON of the last diagnostics sent, by URI (files with none are absent).
    private Dictionary<string, string> _published = new(StringComparer.Ordinal);
    // Diagnostics owned by commands (a build's compiler messages), by owner, then by URI; merged into each file's list.
    private ImmutableDictionary<string, Dictionary<string, LspDiagnostic[]>> _commandDiagnostics =
        ImmutableDictionary.Create<string, Dictionary<string, LspDiagnostic[]>>(StringComparer.Ordinal);

    /// <summary>
    /// Replaces what <paramref name="owner"/> contributes (absolute paths → LSP diagnostics; empty clears) and publishes
    /// the files whose lists changed.
    /// </summary>
    public Task SetCommandDiagnosticsAsync(string owner, IReadOnlyDictionary<string, LspDiagnostic[]> byPath)
    {
        var byUri = byPath.Where(p => p.Value.Length > 0).ToDictionary(p => DocumentUri.FromPath(p.Key), p => p.Value, StringComparer.Ordinal);
        ImmutableInterlocked.Update(ref _commandDiagnostics, d => byUri.Count == 0 ? d.Remove(owner) : d.SetItem(owner, byUri));
        return StartAsync(TimeSpan.Zero, all: false);
    }

    /// <summary>Schedules a publish of what changed after the debounce delay, cancelling one not yet finished.</summary>
    public void Schedule() => _ = StartAsync(Debounce, all: false);

    /// <summary>Publishes every file now (after indexing or a reindex), cancelling a scheduled publish.</summary>
    public Task PublishNowAsync() => StartAsync(TimeSpan.Zero, all: true);

    private Task StartAsync(TimeSpan delay, bool all)
    {
        CancellationToken token;
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = new CancellationTokenSource();
            token = _pending.Token;
        }
        return RunAsync(delay, all, token);
    }

    private async Task RunAsync(TimeSpan delay, bool publishAll, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            else
                await Task.Yield();
            await _publishLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var snapshot = state.Snapshot();
                var all = snapshot.Analysis.AllDiagnostics(cancellationToken);
                var analysed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                var mapper = snapshot.CreateMapper();
                var batch = new List<PublishDiagnosticsParams>();
                var now = new Dictionary<string, string>(StringComparer.Ordinal);
                var extra = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
                foreach (var owned in _commandDiagnostics.Values)
                {
                    foreach (var (uri, list) in owned)
                    {
                        if (!extra.TryGetValue(uri, out var merged))
                            extra[uri] = merged = [];
                        merged.AddRange(list);
                    }
                }
                var files = all.Where(f => !f.Value.IsDefaultOrEmpty).Select(f => (Uri: DocumentUri.FromPath(f.Key), Lsp: ToLsp.Diagnostics(mapper, f.Value))).ToList();
                var withAnalysis = files.Select(f => f.Uri).ToHashSet(StringComparer.Ordinal);
                files.AddRange(extra.Keys.Where(u => !withAnalysis.Contains(u)).Select(u => (Uri: u, Lsp: Array.Empty<LspDiagnostic>())));
                foreach (var (uri, analysis) in files)
                {
                    var diagnostics = extra.TryGetValue(uri, out var owned) ? [.. analysis, .. owned] : analysis;
                    var p = new PublishDiagnosticsParams(uri, null, diagnostics);
                    var json = JsonSerializer.Serialize(p, LspJsonContext.Default.PublishDiagnosticsParams);
                    now[p.Uri] = json;
                    if (publishAll || !_published.TryGetValue(p.Uri, out var before) || before != json)
                        batch.Add(p);
                }
                foreach (var uri in _published.Keys.Where(u => !now.ContainsKey(u)))
                    batch.Add(new PublishDiagnosticsParams(uri, null, []));
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var p in batch)
                    await client.NotifyAsync("textDocument/publishDiagnostics", p).ConfigureAwait(false);
                _published = now;
                logger.LogDebug("Published diagnostics for {FileCount} files ({Unchanged} unchanged not sent): analysis {AnalysisMs:0.0} ms, publishing {PublishMs:0.0} ms",
                    batch.Count, now.Count - batch.Count(b => b.Diagnostics.Length > 0), analysed.TotalMilliseconds,
                    (System.Diagnostics.Stopwatch.GetElapsedTime(started) - analysed).TotalMilliseconds);
            }
            finally
            {
                _publishLock.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer change superseded this publish.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Publishing diagnostics failed");
        }
    }
}
