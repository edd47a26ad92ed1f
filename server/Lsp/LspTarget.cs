using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HybridLsp.Server.Handlers;
using HybridLsp.Server.Protocol;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// The LSP methods StreamJsonRpc dispatches: each one wraps its params in a Mediator message and sends it to that
/// method's handler. Methods are invoked in arrival order (see <see cref="LanguageServer"/>); text-sync
/// notifications complete synchronously, so edits apply in order, while queries leave the ordered context at once
/// and run in parallel. Unknown requests get MethodNotFound from StreamJsonRpc; unknown notifications are ignored.
/// </summary>
public sealed class LspTarget(IMediator mediator, ServerState state, ProgressTokens progressTokens, ILogger<LspTarget> logger)
{
    public const int ContentModified = -32801;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailedCode = -32803;

    /// <summary>LSP 3.17 RequestFailed: the message only; the stack trace stays in the log.</summary>
    private static LocalRpcException RequestFailed(string method, Exception e)
        => new($"{method} failed: {e.Message}") { ErrorCode = RequestFailedCode };

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public Task<InitializeResult> InitializeAsync(JsonElement @params, CancellationToken cancellationToken)
    {
        // A second initialize would replace the analysis host and forget every open document.
        if (state.Initialized)
            throw new LocalRpcException("The server is already initialized") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
        return Run("initialize", null, new InitializeRequest(Parse(@params, LspJsonContext.Default.InitializeParams)), cancellationToken);
    }

    [JsonRpcMethod("initialized")]
    public Task InitializedAsync() => Notify("initialized", null, () => new InitializedNotification());

    [JsonRpcMethod("shutdown")]
    public async Task<object?> ShutdownAsync(CancellationToken cancellationToken)
    {
        EnsureServing();
        await Run("shutdown", null, new ShutdownRequest(), cancellationToken).ConfigureAwait(false);
        return null;
    }

    [JsonRpcMethod("exit")]
    public Task ExitAsync() => Notify("exit", null, () => new ExitNotification());

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public Task DidOpenAsync(JsonElement @params)
        => Notify("textDocument/didOpen", @params, LspJsonContext.Default.DidOpenTextDocumentParams, p => p.TextDocument.Uri, p => new DidOpenNotification(p));

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeAsync(JsonElement @params)
        => Notify("textDocument/didChange", @params, LspJsonContext.Default.DidChangeTextDocumentParams, p => p.TextDocument.Uri, p => new DidChangeNotification(p));

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public Task DidCloseAsync(JsonElement @params)
        => Notify("textDocument/didClose", @params, LspJsonContext.Default.DidCloseTextDocumentParams, p => p.TextDocument.Uri, p => new DidCloseNotification(p));

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public Task DidSaveAsync(JsonElement @params)
        => Notify("textDocument/didSave", @params, LspJsonContext.Default.DidSaveTextDocumentParams, p => p.TextDocument.Uri, p => new DidSaveNotification(p));

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeWatchedFilesAsync(JsonElement @params)
        => Notify("workspace/didChangeWatchedFiles", @params, LspJsonContext.Default.DidChangeWatchedFilesParams, _ => null, p => new DidChangeWatchedFilesNotification(p));

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Task<DefinitionResult?> DefinitionAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("textDocument/definition", @params, LspJsonContext.Default.DefinitionParams, p => p.TextDocument.Uri, p => new DefinitionRequest(p), cancellationToken);

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Task<Location[]?> ReferencesAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("textDocument/references", @params, LspJsonContext.Default.ReferenceParams, p => p.TextDocument.Uri, p => new ReferencesRequest(p), cancellationToken);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> HoverAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("textDocument/hover", @params, LspJsonContext.Default.HoverParams, p => p.TextDocument.Uri, p => new HoverRequest(p), cancellationToken);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public Task<LspCodeAction[]?> CodeActionAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("textDocument/codeAction", @params, LspJsonContext.Default.CodeActionParams, p => p.TextDocument.Uri, p => new CodeActionRequest(p), cancellationToken);

    [JsonRpcMethod("codeAction/resolve", UseSingleObjectParameterDeserialization = true)]
    public Task<LspCodeAction> CodeActionResolveAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("codeAction/resolve", @params, LspJsonContext.Default.CodeActionResolveParams, p => p.Data?.Uri, p => new CodeActionResolveRequest(p), cancellationToken);

    [JsonRpcMethod("workspace/symbol", UseSingleObjectParameterDeserialization = true)]
    public Task<SymbolInformation[]> WorkspaceSymbolAsync(JsonElement @params, CancellationToken cancellationToken)
        => Query("workspace/symbol", @params, LspJsonContext.Default.WorkspaceSymbolParams, _ => null, p => new WorkspaceSymbolRequest(p), cancellationToken);

    [JsonRpcMethod("hybridLsp/reindex")]
    public async Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken)
    {
        EnsureServing();
        await TaskScheduler.Default.SwitchTo(alwaysYield: true);
        return await Run("hybridLsp/reindex", null, new ReindexRequest(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A command runs outside the ordered context (it may take minutes: a build), on the indexed workspace; edits made
    /// while it runs do not cancel it. The client's `$/cancelRequest` or `window/workDoneProgress/cancel` does.
    /// </summary>
    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement?> ExecuteCommandAsync(JsonElement @params, CancellationToken cancellationToken)
    {
        EnsureServing();
        var p = Parse(@params, LspJsonContext.Default.ExecuteCommandParams);
        await TaskScheduler.Default.SwitchTo(alwaysYield: true);
        await state.Indexed.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Run("workspace/executeCommand", p.Command, new ExecuteCommandRequest(p), cancellationToken).ConfigureAwait(false);
    }

    [JsonRpcMethod("window/workDoneProgress/cancel", UseSingleObjectParameterDeserialization = true)]
    public void WorkDoneProgressCancel(JsonElement @params)
    {
        if (@params.ValueKind == JsonValueKind.Object && @params.TryGetProperty("token", out var token) && progressTokens.Cancel(token))
            logger.LogInformation("Progress {Token} cancelled by the client", token.GetRawText());
        else
            logger.LogDebug("window/workDoneProgress/cancel for no running work: {Params}", @params.GetRawText());
    }

    /// <summary>Requests other than initialize and exit: ServerNotInitialized before initialize, InvalidRequest after shutdown.</summary>
    private void EnsureServing()
    {
        if (!state.Initialized)
            throw new LocalRpcException("The server is not initialized") { ErrorCode = ServerNotInitialized };
        if (state.ShutdownRequested)
            throw new LocalRpcException("The server is shutting down") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
    }

    /// <summary>Reads params with the protocol's JSON contract; a wrong shape is InvalidParams.</summary>
    private static T Parse<T>(JsonElement json, JsonTypeInfo<T> info)
    {
        try
        {
            return json.Deserialize(info) ?? throw new JsonException("params are null");
        }
        catch (JsonException e)
        {
            if (LoneSurrogates.Repair(json.GetRawText()) is { } repaired)
            {
                try
                {
                    return JsonSerializer.Deserialize(repaired, info) ?? throw new JsonException("params are null");
                }
                catch (JsonException)
                {
                    // Not (only) a surrogate problem: the original error explains it.
                }
            }
            throw new LocalRpcException("Invalid params: " + e.Message) { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        }
    }

    /// <summary>A state-changing request: runs in arrival order.</summary>
    private async Task<T> Run<T>(string method, string? uri, IRequest<T> request, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not LocalRpcException)
        {
            logger.LogError(e, "{Method} failed for {Uri}", method, uri);
            throw RequestFailed(method, e);
        }
    }

    /// <summary>
    /// A query: leaves the ordered context so queries run in parallel. Client cancellation becomes RequestCancelled
    /// (StreamJsonRpc); a change applied while it runs cancels it with ContentModified.
    /// </summary>
    private async Task<T> Query<TParams, T>(
        string method, JsonElement json, JsonTypeInfo<TParams> info, Func<TParams, string?> uriOf, Func<TParams, IRequest<T>> create,
        CancellationToken cancellationToken)
    {
        EnsureServing();
        var @params = Parse(json, info);
        var uri = uriOf(@params);
        var request = create(@params);
        var indexed = state.Indexed;
        var changed = state.ChangeToken;
        await TaskScheduler.Default.SwitchTo(alwaysYield: true);
        if (!indexed.IsCompleted)
        {
            // A query sent right after `initialized` answers on the indexed workspace, not on an empty one.
            await indexed.WaitAsync(cancellationToken).ConfigureAwait(false);
            changed = state.ChangeToken;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changed);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await mediator.Send(request, linked.Token).ConfigureAwait(false);
            logger.LogInformation("{Method} {Uri} answered in {ElapsedMs:0.0} ms", method, uri, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && changed.IsCancellationRequested)
        {
            throw new LocalRpcException("The document changed while the request ran") { ErrorCode = ContentModified };
        }
        catch (Exception e) when (e is not OperationCanceledException and not LocalRpcException)
        {
            // The params say which document and position (or query) failed: enough to reproduce it from the log.
            var shown = json.GetRawText();
            logger.LogError(e, "{Method} failed for {Uri} with params {Params}", method, uri, shown.Length > 300 ? shown[..300] + "…" : shown);
            throw RequestFailed(method, e);
        }
    }

    private Task Notify<TParams>(string method, JsonElement json, JsonTypeInfo<TParams> info, Func<TParams, string?> uriOf, Func<TParams, IRequest> create)
    {
        TParams @params;
        try
        {
            @params = Parse(json, info);
        }
        catch (LocalRpcException e)
        {
            logger.LogWarning("{Method} ignored: {Reason}", method, e.Message);
            return Task.CompletedTask;
        }
        return Notify(method, uriOf(@params), () => create(@params));
    }

    /// <summary>A notification: applied synchronously in arrival order; a failure is logged, never sent.</summary>
    private Task Notify(string method, string? uri, Func<IRequest> create)
    {
        if (!state.Initialized && method != "exit")
        {
            // LSP 3.17: notifications before initialize are dropped (only exit is honoured).
            logger.LogWarning("{Method} before initialize ignored", method);
            return Task.CompletedTask;
        }
        try
        {
            var pending = mediator.Send(create());
            return pending.IsCompletedSuccessfully ? Task.CompletedTask : Await(pending.AsTask());
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Method} failed for {Uri}", method, uri);
            return Task.CompletedTask;
        }

        async Task Await(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Method} failed for {Uri}", method, uri);
            }
        }
    }
}
