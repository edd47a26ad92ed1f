using System.Text.Json.Nodes;

namespace HybridLsp.Benchmarks.Scale;

/// <summary>
/// The client's view of the server's diagnostics: the latest <c>publishDiagnostics</c> per URI and the latest
/// <c>hybridLsp/serverStatus</c>, with waits on a condition over them. Fed from <see cref="LspConnection.OnNotification"/>.
/// </summary>
internal sealed class DiagnosticsTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonArray> _byUri = new(StringComparer.Ordinal);
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];

    /// <summary>True once a serverStatus with <c>indexing: false</c> arrived after one with <c>indexing: true</c>.</summary>
    public bool IndexingDone { get; private set; }

    private bool _indexingSeen;

    public void OnNotification(string method, JsonNode? parameters)
    {
        lock (_gate)
        {
            if (method == "textDocument/publishDiagnostics" && parameters?["uri"]?.GetValue<string>() is { } uri)
                _byUri[uri] = parameters["diagnostics"] as JsonArray ?? [];
            else if (method == "hybridLsp/serverStatus")
            {
                var indexing = parameters?["indexing"]?.GetValue<bool>() ?? false;
                if (indexing)
                    _indexingSeen = true;
                else if (_indexingSeen)
                    IndexingDone = true;
            }
            else
                return;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The latest diagnostics of a URI as JSON text ("[]" when none were published).</summary>
    public string Signature(string uri)
    {
        lock (_gate)
            return _byUri.TryGetValue(uri, out var list) ? list.ToJsonString() : "[]";
    }

    /// <summary>A copy of the latest diagnostics of every URI that has any.</summary>
    public Dictionary<string, JsonArray> Snapshot()
    {
        lock (_gate)
            return _byUri.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (JsonArray)p.Value.DeepClone(), StringComparer.Ordinal);
    }

    public bool HasPublished(string uri)
    {
        lock (_gate)
            return _byUri.ContainsKey(uri);
    }

    /// <summary>Waits until the condition holds (checked now and after every notification); false on timeout.</summary>
    public async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (condition())
                return true;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
        }
        var finished = await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished == done.Task)
            return true;
        lock (_gate)
            _waiters.RemoveAll(w => w.Done == done);
        return false;
    }
}
