using System.Diagnostics.CodeAnalysis;
using StreamJsonRpc;

namespace HybridLsp.Server.Lsp;

/// <summary>Messages from the server to the client. Sending never throws: a lost client is not the caller's problem.</summary>
public sealed class ClientConnection
{
    private JsonRpc? _rpc;

    internal void Attach(JsonRpc rpc) => _rpc = rpc;

    public bool IsConnected => _rpc is { IsDisposed: false };

    public async Task NotifyAsync<T>(string method, T parameters)
    {
        if (_rpc is not { IsDisposed: false } rpc)
            return;
        try
        {
            await Notify(rpc, method, parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException or IOException)
        {
            // The client is gone; the server will exit when the stream ends.
        }
    }

    /// <summary>Sends a request and reports whether the client answered without an error.</summary>
    public async Task<bool> RequestAsync<T>(string method, T parameters, CancellationToken cancellationToken)
    {
        if (_rpc is not { IsDisposed: false } rpc)
            return false;
        try
        {
            await Invoke(rpc, method, parameters, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends a request and reads its result; null when the client is gone, answered with an error, or sent another shape.</summary>
    public async Task<TResult?> RequestAsync<TParams, TResult>(string method, TParams parameters, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
        where TResult : class
    {
        if (_rpc is not { IsDisposed: false } rpc)
            return null;
        try
        {
            var result = await Invoke(rpc, method, parameters, cancellationToken).ConfigureAwait(false);
            return result is { ValueKind: System.Text.Json.JsonValueKind.Object } json ? System.Text.Json.JsonSerializer.Deserialize(json, resultInfo) : null;
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // The parameters are protocol types of LspJsonContext, which the formatter (LanguageServer.CreateFormatter) serializes
    // whole through its source-generated resolver, never by reflecting over them as named arguments. The protocol tests
    // run against the native (ahead-of-time compiled) server as well.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Protocol types are source-generated (LspJsonContext).")]
    private static Task Notify(JsonRpc rpc, string method, object? parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Protocol types are source-generated (LspJsonContext).")]
    private static Task<System.Text.Json.JsonElement?> Invoke(JsonRpc rpc, string method, object? parameters, CancellationToken cancellationToken)
        => rpc.InvokeWithParameterObjectAsync<System.Text.Json.JsonElement?>(method, parameters, cancellationToken);
}
