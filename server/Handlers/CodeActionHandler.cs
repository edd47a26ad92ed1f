using HybridLsp.Ide.Assists;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record CodeActionRequest(CodeActionParams Params) : IRequest<LspCodeAction[]?>;

/// <summary>
/// Quick fixes, Create native stub and Bind refactorings at a range, and `source.fixAll.hybridLsp` for the file when the
/// client asks for it. An action that creates a file is left out for clients that cannot apply a `create` operation, and
/// any action that would write outside the workspace (on real paths) or create a file over an existing one is never
/// offered, nor one that wires a native build into a project in an untrusted workspace (an extraction is offered there without
/// its wiring: <see cref="CodeAction.Untrusted"/>). Clients that resolve edits lazily get the actions without edits, with the data `codeAction/resolve` needs.
/// </summary>
internal sealed class CodeActionHandler(ServerState state) : IRequestHandler<CodeActionRequest, LspCodeAction[]?>
{
    public ValueTask<LspCodeAction[]?> Handle(CodeActionRequest request, CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        var p = request.Params;
        if (Compute(snapshot, state.RootPath, state.WorkspaceTrusted, p.TextDocument, p.Range, p.Context?.Only, cancellationToken) is not { } actions)
            return ValueTask.FromResult<LspCodeAction[]?>(null);
        var lazy = snapshot.CodeActionResolveSupport
            ? new CodeActionData(p.TextDocument.Uri, p.Range, "", "", FromLsp.Path(p.TextDocument.Uri) is { } path && snapshot.Versions.TryGetValue(path, out var v) ? v : null)
            : null;
        return ValueTask.FromResult<LspCodeAction[]?>(ToLsp.CodeActions(snapshot, actions, snapshot.DocumentChangesSupport, lazy));
    }

    /// <summary>The actions at a range of a document on one snapshot (also what `codeAction/resolve` recomputes); null for an unknown document or range.</summary>
    internal static List<CodeAction>? Compute(ServerSnapshot snapshot, string? rootPath, bool trusted, TextDocumentIdentifier document, Protocol.Range range, string[]? only, CancellationToken cancellationToken)
    {
        if (FromLsp.FileRange(snapshot, document, range) is not { } at)
            return null;
        var actions = new List<CodeAction>();
        if (FromLsp.KindRequested(CodeActionKinds.QuickFix, only) || FromLsp.KindRequested(CodeActionKinds.Refactor, only) || FromLsp.KindRequested(CodeActionKinds.RefactorExtractNative, only))
        {
            actions.AddRange(snapshot.Analysis.CodeActions(at.Path, at.Span, cancellationToken)
                .Select(a => trusted || !a.RequiresTrust ? a : a.Untrusted)
                .OfType<CodeAction>()
                .Where(a => FromLsp.KindRequested(a.Kind, only) && (snapshot.CreateFileSupport || !a.Edits.Any(e => e.Creates))
                    && (a.DisabledReason is null || snapshot.CodeActionDisabledSupport)
                    && a.Edits.All(e => WorkspaceBoundary.Allows(rootPath, e.Path, e.Creates))));
        }
        if (FromLsp.KindRequested(CodeActionKinds.FixAll, only) && snapshot.Analysis.FixAll(at.Path, cancellationToken) is { } fixAll)
            actions.Add(fixAll);
        return actions;
    }
}
