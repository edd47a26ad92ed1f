using HybridLsp.Server.Protocol;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// Publishes editor diagnostics for every file that has any and clears files that no longer have any. After a
/// change, publishing is debounced (~50 ms) and runs on a snapshot; a newer change cancels stale work.
/// </summary>
public sealed class DiagnosticsPublisher(ServerState state, ClientConnection client, ILogger<DiagnosticsPublisher> logger)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private CancellationTokenSource? _pending;
    private HashSet<string> _published = new(StringComparer.Ordinal);

    /// <summary>Schedules a publish after the debounce delay, cancelling one not yet finished.</summary>
    public void Schedule() => _ = StartAsync(Debounce);

    /// <summary>Publishes now (after indexing), cancelling a scheduled publish.</summary>
    public Task PublishNowAsync() => StartAsync(TimeSpan.Zero);

    private Task StartAsync(TimeSpan delay)
    {
        CancellationToken token;
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = new CancellationTokenSource();
            token = _pending.Token;
        }
        return RunAsync(delay, token);
    }

    private async Task RunAsync(TimeSpan delay, CancellationToken cancellationToken)
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
                var snapshot = state.Snapshot();
                var all = snapshot.Analysis.AllDiagnostics(cancellationToken);
                var mapper = snapshot.CreateMapper();
                var batch = new List<PublishDiagnosticsParams>();
                foreach (var (path, diagnostics) in all)
                {
                    if (diagnostics.IsDefaultOrEmpty)
                        continue;
                    batch.Add(new PublishDiagnosticsParams(DocumentUri.FromPath(path), null, ToLsp.Diagnostics(mapper, diagnostics)));
                }
                var now = new HashSet<string>(batch.Select(b => b.Uri), StringComparer.Ordinal);
                foreach (var uri in _published.Where(u => !now.Contains(u)))
                    batch.Add(new PublishDiagnosticsParams(uri, null, []));
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var p in batch)
                    await client.NotifyAsync("textDocument/publishDiagnostics", p).ConfigureAwait(false);
                _published = now;
                logger.LogDebug("Published diagnostics for {FileCount} files", batch.Count);
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
