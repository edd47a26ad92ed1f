using HybridLsp.Server.Handlers;
using HybridLsp.Server.Protocol;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// The LSP methods StreamJsonRpc dispatches: each one wraps its params in a Mediator message and sends it to that
/// method's handler. Methods are invoked in arrival order (see <see cref="LanguageServer"/>); text-sync
/// notifications complete synchronously, so edits apply in order, while queries leave the ordered context at once
/// and run in parallel. Unknown requests get MethodNotFound from StreamJsonRpc; unknown notifications are ignored.
/// </summary>
public sealed class LspTarget(IMediator mediator, ServerState state, ILogger<LspTarget> logger)
{
    public const int ContentModified = -32801;
    public const int ServerNotInitialized = -32002;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public Task<InitializeResult> InitializeAsync(InitializeParams @params, CancellationToken cancellationToken)
        => Run("initialize", null, new InitializeRequest(@params), cancellationToken);

    [JsonRpcMethod("initialized")]
    public Task InitializedAsync() => Notify("initialized", null, new InitializedNotification());

    [JsonRpcMethod("shutdown")]
    public async Task<object?> ShutdownAsync(CancellationToken cancellationToken)
    {
        await Run("shutdown", null, new ShutdownRequest(), cancellationToken).ConfigureAwait(false);
        return null;
    }

    [JsonRpcMethod("exit")]
    public Task ExitAsync() => Notify("exit", null, new ExitNotification());

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public Task DidOpenAsync(DidOpenTextDocumentParams @params)
        => Notify("textDocument/didOpen", @params.TextDocument.Uri, new DidOpenNotification(@params));

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeAsync(DidChangeTextDocumentParams @params)
        => Notify("textDocument/didChange", @params.TextDocument.Uri, new DidChangeNotification(@params));

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public Task DidCloseAsync(DidCloseTextDocumentParams @params)
        => Notify("textDocument/didClose", @params.TextDocument.Uri, new DidCloseNotification(@params));

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public Task DidSaveAsync(DidSaveTextDocumentParams @params)
        => Notify("textDocument/didSave", @params.TextDocument.Uri, new DidSaveNotification(@params));

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeWatchedFilesAsync(DidChangeWatchedFilesParams @params)
        => Notify("workspace/didChangeWatchedFiles", null, new DidChangeWatchedFilesNotification(@params));

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Task<DefinitionResult?> DefinitionAsync(DefinitionParams @params, CancellationToken cancellationToken)
        => Query("textDocument/definition", @params.TextDocument.Uri, new DefinitionRequest(@params), cancellationToken);

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Task<Location[]?> ReferencesAsync(ReferenceParams @params, CancellationToken cancellationToken)
        => Query("textDocument/references", @params.TextDocument.Uri, new ReferencesRequest(@params), cancellationToken);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> HoverAsync(HoverParams @params, CancellationToken cancellationToken)
        => Query("textDocument/hover", @params.TextDocument.Uri, new HoverRequest(@params), cancellationToken);

    [JsonRpcMethod("workspace/symbol", UseSingleObjectParameterDeserialization = true)]
    public Task<SymbolInformation[]> WorkspaceSymbolAsync(WorkspaceSymbolParams @params, CancellationToken cancellationToken)
        => Query("workspace/symbol", null, new WorkspaceSymbolRequest(@params), cancellationToken);

    [JsonRpcMethod("hybridLsp/reindex")]
    public async Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken)
    {
        await TaskScheduler.Default.SwitchTo(alwaysYield: true);
        return await Run("hybridLsp/reindex", null, new ReindexRequest(), cancellationToken).ConfigureAwait(false);
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
            throw;
        }
    }

    /// <summary>
    /// A query: leaves the ordered context so queries run in parallel. Client cancellation becomes RequestCancelled
    /// (StreamJsonRpc); a change applied while it runs cancels it with ContentModified.
    /// </summary>
    private async Task<T> Query<T>(string method, string? uri, IRequest<T> request, CancellationToken cancellationToken)
    {
        if (!state.Initialized)
            throw new LocalRpcException("The server is not initialized") { ErrorCode = ServerNotInitialized };
        var changed = state.ChangeToken;
        await TaskScheduler.Default.SwitchTo(alwaysYield: true);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changed);
        try
        {
            return await mediator.Send(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && changed.IsCancellationRequested)
        {
            throw new LocalRpcException("The document changed while the request ran") { ErrorCode = ContentModified };
        }
        catch (Exception e) when (e is not OperationCanceledException and not LocalRpcException)
        {
            logger.LogError(e, "{Method} failed for {Uri}", method, uri);
            throw;
        }
    }

    /// <summary>A notification: applied synchronously in arrival order; a failure is logged, never sent.</summary>
    private Task Notify(string method, string? uri, IRequest request)
    {
        try
        {
            var pending = mediator.Send(request);
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
