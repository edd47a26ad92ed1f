using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Handlers;

public sealed record DidChangeNotification(DidChangeTextDocumentParams Params) : IRequest;

/// <summary>Applies full and incremental changes to the buffer, in order, with the negotiated position encoding.</summary>
internal sealed class DidChangeHandler(ServerState state, DiagnosticsPublisher publisher, ILogger<DidChangeHandler> logger) : IRequestHandler<DidChangeNotification>
{
    public ValueTask<Unit> Handle(DidChangeNotification request, CancellationToken cancellationToken)
    {
        if (FromLsp.Path(request.Params.TextDocument.Uri) is { } path && Ide.AnalysisHost.IsWorkspaceFile(path))
        {
            var snapshot = state.Snapshot();
            var text = FromLsp.ApplyContentChanges(snapshot.Analysis.GetText(path) ?? "", request.Params.ContentChanges, snapshot.Encoding);
            state.ApplyBuffer(path, text, request.Params.TextDocument.Version);
            publisher.Schedule();
            logger.LogDebug("didChange {Path} version {Version} applied", path, request.Params.TextDocument.Version);
        }
        return Unit.ValueTask;
    }
}
