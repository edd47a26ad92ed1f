using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record DidOpenNotification(DidOpenTextDocumentParams Params) : IRequest;

internal sealed class DidOpenHandler(ServerState state, DiagnosticsPublisher publisher) : IRequestHandler<DidOpenNotification>
{
    public ValueTask<Unit> Handle(DidOpenNotification request, CancellationToken cancellationToken)
    {
        if (FromLsp.Path(request.Params.TextDocument.Uri) is { } path && Ide.AnalysisHost.IsWorkspaceFile(path))
        {
            state.ApplyBuffer(path, request.Params.TextDocument.Text, request.Params.TextDocument.Version);
            publisher.Schedule();
        }
        return Unit.ValueTask;
    }
}
