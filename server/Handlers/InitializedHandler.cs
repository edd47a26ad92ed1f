using HybridLsp.Server.Lsp;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Handlers;

public sealed record InitializedNotification : IRequest;

/// <summary>Starts indexing the workspace root in the background; progress and status go to the client.</summary>
internal sealed class InitializedHandler(WorkspaceIndexer indexer, ServerState state, ILogger<InitializedHandler> logger) : IRequestHandler<InitializedNotification>
{
    private int _received;

    public ValueTask<Unit> Handle(InitializedNotification request, CancellationToken cancellationToken)
    {
        // The client sends `initialized` once; a repeated one must not start a second walk of the workspace.
        if (Interlocked.Exchange(ref _received, 1) == 1)
        {
            logger.LogWarning("Ignoring a repeated 'initialized' notification");
            return Unit.ValueTask;
        }
        state.MarkIndexingStarted();
        _ = Task.Run(async () =>
        {
            try
            {
                await indexer.IndexAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Indexing the workspace failed");
            }
        }, CancellationToken.None);
        return Unit.ValueTask;
    }
}
