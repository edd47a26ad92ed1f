using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record ReindexRequest : IRequest<ReindexResult>;

/// <summary>`hybridLsp/reindex`: re-walk the root from disk and republish (LSP-EXTENSIONS.md).</summary>
internal sealed class ReindexHandler(WorkspaceIndexer indexer) : IRequestHandler<ReindexRequest, ReindexResult>
{
    public async ValueTask<ReindexResult> Handle(ReindexRequest request, CancellationToken cancellationToken)
        => new(await indexer.IndexAsync(cancellationToken).ConfigureAwait(false));
}
