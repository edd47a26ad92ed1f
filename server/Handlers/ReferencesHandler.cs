using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record ReferencesRequest(ReferenceParams Params) : IRequest<Location[]?>;

internal sealed class ReferencesHandler(ServerState state) : IRequestHandler<ReferencesRequest, Location[]?>
{
    public ValueTask<Location[]?> Handle(ReferencesRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        if (FromLsp.FilePosition(snapshot, request.Params.TextDocument, request.Params.Position) is not { } position)
            return ValueTask.FromResult<Location[]?>(null);
        var references = snapshot.Analysis.References(position, request.Params.Context?.IncludeDeclaration ?? true, cancellationToken);
        return ValueTask.FromResult<Location[]?>(ToLsp.Locations(snapshot, references));
    }
}
