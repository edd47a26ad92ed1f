using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record DidCloseNotification(DidCloseTextDocumentParams Params) : IRequest;

/// <summary>The buffer is gone: the file reverts to its content on disk.</summary>
internal sealed class DidCloseHandler(WorkspaceIndexer indexer, DiagnosticsPublisher publisher) : IRequestHandler<DidCloseNotification>
{
    public ValueTask<Unit> Handle(DidCloseNotification request, CancellationToken cancellationToken)
    {
        if (FromLsp.Path(request.Params.TextDocument.Uri) is { } path && Ide.AnalysisHost.IsWorkspaceFile(path))
        {
            indexer.RevertToDisk(path);
            publisher.Schedule();
        }
        return Unit.ValueTask;
    }
}
