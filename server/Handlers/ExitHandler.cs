using HybridLsp.Server.Lsp;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record ExitNotification : IRequest;

/// <summary>Exit code 0 after shutdown, 1 otherwise (LSP 3.17).</summary>
internal sealed class ExitHandler(ServerState state, ServerLifetime lifetime) : IRequestHandler<ExitNotification>
{
    public ValueTask<Unit> Handle(ExitNotification request, CancellationToken cancellationToken)
    {
        lifetime.Exit(state.ShutdownRequested ? 0 : 1);
        return Unit.ValueTask;
    }
}
