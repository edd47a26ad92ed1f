using System.Collections.Concurrent;
using System.Text.Json;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// The work-done progress tokens of running cancellable work: `window/workDoneProgress/cancel` finds the work by its
/// token and cancels it. Tokens are integers or strings; they are compared by their JSON text.
/// </summary>
public sealed class ProgressTokens
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="token"/> cancel <paramref name="source"/> until the result is disposed.</summary>
    public IDisposable Register(JsonElement token, CancellationTokenSource source)
    {
        var key = token.GetRawText();
        _running[key] = source;
        return new Registration(this, key, source);
    }

    /// <summary>Cancels the work registered under <paramref name="token"/>; false when none is running.</summary>
    public bool Cancel(JsonElement token)
    {
        if (!_running.TryGetValue(token.GetRawText(), out var source))
            return false;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The work ended while the client asked.
        }
        return true;
    }

    private sealed class Registration(ProgressTokens owner, string key, CancellationTokenSource source) : IDisposable
    {
        public void Dispose() => owner._running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, source));
    }
}
