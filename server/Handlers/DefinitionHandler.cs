using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record DefinitionRequest(DefinitionParams Params) : IRequest<DefinitionResult?>;

internal sealed class DefinitionHandler(ServerState state) : IRequestHandler<DefinitionRequest, DefinitionResult?>
{
    public ValueTask<DefinitionResult?> Handle(DefinitionRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        if (FromLsp.FilePosition(snapshot, request.Params.TextDocument, request.Params.Position) is not { } position)
            return ValueTask.FromResult<DefinitionResult?>(null);
        var result = snapshot.Analysis.GotoDefinition(position, cancellationToken);
        return ValueTask.FromResult(ToLsp.Definition(snapshot, position.Path, result));
    }
}
