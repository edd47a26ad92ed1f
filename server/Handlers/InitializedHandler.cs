using HybridLsp.Server.Lsp;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Handlers;

public sealed record InitializedNotification : IRequest;

/// <summary>Starts indexing the workspace root in the background; progress and status go to the client.</summary>
internal sealed class InitializedHandler(WorkspaceIndexer indexer, ILogger<InitializedHandler> logger) : IRequestHandler<InitializedNotification>
{
    public ValueTask<Unit> Handle(InitializedNotification request, CancellationToken cancellationToken)
    {
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
