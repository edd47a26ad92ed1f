using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record DidChangeWatchedFilesNotification(DidChangeWatchedFilesParams Params) : IRequest;

internal sealed class DidChangeWatchedFilesHandler(WorkspaceIndexer indexer, DiagnosticsPublisher publisher) : IRequestHandler<DidChangeWatchedFilesNotification>
{
    public ValueTask<Unit> Handle(DidChangeWatchedFilesNotification request, CancellationToken cancellationToken)
    {
        var events = request.Params.Changes
            .Select(c => (Path: FromLsp.Path(c.Uri), Deleted: c.Type == FileChangeType.Deleted))
            .Where(e => e.Path is not null)
            .Select(e => (e.Path!, e.Deleted));
        indexer.ApplyFileEvents(events);
        publisher.Schedule();
        return Unit.ValueTask;
    }
}
