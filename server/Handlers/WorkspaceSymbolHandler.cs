using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record WorkspaceSymbolRequest(WorkspaceSymbolParams Params) : IRequest<SymbolInformation[]>;

internal sealed class WorkspaceSymbolHandler(ServerState state) : IRequestHandler<WorkspaceSymbolRequest, SymbolInformation[]>
{
    public async ValueTask<SymbolInformation[]> Handle(WorkspaceSymbolRequest request, CancellationToken cancellationToken)
    {
        await TestHooks.RunAsync(request.Params.Query, cancellationToken).ConfigureAwait(false);
        var snapshot = state.Snapshot();
        var symbols = snapshot.Analysis.WorkspaceSymbols(request.Params.Query, cancellationToken);
        return ToLsp.Symbols(snapshot, symbols);
    }
}
