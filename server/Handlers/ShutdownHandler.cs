using HybridLsp.Server.Lsp;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record ShutdownRequest : IRequest;

internal sealed class ShutdownHandler(ServerState state) : IRequestHandler<ShutdownRequest>
{
    public ValueTask<Unit> Handle(ShutdownRequest request, CancellationToken cancellationToken)
    {
        state.ShutdownRequested = true;
        return Unit.ValueTask;
    }
}
