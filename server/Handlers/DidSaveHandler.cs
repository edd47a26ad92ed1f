using Mediator;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Handlers;

public sealed record DidSaveNotification(DidSaveTextDocumentParams Params) : IRequest;

/// <summary>Nothing to do: the open buffer already holds the saved text (save is advertised without text).</summary>
internal sealed class DidSaveHandler : IRequestHandler<DidSaveNotification>
{
    public ValueTask<Unit> Handle(DidSaveNotification request, CancellationToken cancellationToken) => Unit.ValueTask;
}
