using HybridLsp.Ide.Assists;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record CodeActionRequest(CodeActionParams Params) : IRequest<LspCodeAction[]?>;

/// <summary>
/// Quick fixes and Bind refactorings at a range, and `source.fixAll.hybridLsp` for the file when the client asks for it.
/// An action that creates a file is left out for clients that cannot apply a `create` operation, and any action that
/// would write outside the workspace (on real paths) or create a file over an existing one is never offered.
/// </summary>
internal sealed class CodeActionHandler(ServerState state) : IRequestHandler<CodeActionRequest, LspCodeAction[]?>
{
    public ValueTask<LspCodeAction[]?> Handle(CodeActionRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        if (FromLsp.FileRange(snapshot, request.Params.TextDocument, request.Params.Range) is not { } at)
            return ValueTask.FromResult<LspCodeAction[]?>(null);
        var only = request.Params.Context?.Only;
        var actions = new List<CodeAction>();
        if (FromLsp.KindRequested(CodeActionKinds.QuickFix, only) || FromLsp.KindRequested(CodeActionKinds.Refactor, only))
        {
            actions.AddRange(snapshot.Analysis.CodeActions(at.Path, at.Span, cancellationToken)
                .Where(a => FromLsp.KindRequested(a.Kind, only) && (snapshot.CreateFileSupport || !a.Edits.Any(e => e.Creates))
                    && a.Edits.All(e => WorkspaceBoundary.Allows(state.RootPath, e.Path, e.Creates))));
        }
        if (FromLsp.KindRequested(CodeActionKinds.FixAll, only) && snapshot.Analysis.FixAll(at.Path, cancellationToken) is { } fixAll)
            actions.Add(fixAll);
        return ValueTask.FromResult<LspCodeAction[]?>(ToLsp.CodeActions(snapshot, actions, snapshot.DocumentChangesSupport));
    }
}
