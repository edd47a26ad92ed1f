using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record HoverRequest(HoverParams Params) : IRequest<Hover?>;

internal sealed class HoverHandler(ServerState state) : IRequestHandler<HoverRequest, Hover?>
{
    public ValueTask<Hover?> Handle(HoverRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        if (FromLsp.FilePosition(snapshot, request.Params.TextDocument, request.Params.Position) is not { } position)
            return ValueTask.FromResult<Hover?>(null);
        var hover = snapshot.Analysis.Hover(position, cancellationToken);
        return ValueTask.FromResult(ToLsp.Hover(snapshot, position.Path, hover));
    }
}
