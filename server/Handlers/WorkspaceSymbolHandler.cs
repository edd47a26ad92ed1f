using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record WorkspaceSymbolRequest(WorkspaceSymbolParams Params) : IRequest<SymbolInformation[]>;

internal sealed class WorkspaceSymbolHandler(ServerState state) : IRequestHandler<WorkspaceSymbolRequest, SymbolInformation[]>
{
    public ValueTask<SymbolInformation[]> Handle(WorkspaceSymbolRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        var symbols = snapshot.Analysis.WorkspaceSymbols(request.Params.Query, cancellationToken);
        return ValueTask.FromResult(ToLsp.Symbols(snapshot, symbols));
    }
}
