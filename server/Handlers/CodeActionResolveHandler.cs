using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace HybridLsp.Server.Handlers;

public sealed record CodeActionResolveRequest(CodeActionResolveParams Action) : IRequest<LspCodeAction>;

/// <summary>
/// `codeAction/resolve`: recomputes the action named by its data (document, range, title, kind) on the current snapshot
/// and returns it with its edit. Stateless: nothing is cached between the two requests. When the document changed since
/// (another version) or the action no longer applies, the answer is ContentModified and the client applies nothing.
/// </summary>
internal sealed class CodeActionResolveHandler(ServerState state) : IRequestHandler<CodeActionResolveRequest, LspCodeAction>
{
    public ValueTask<LspCodeAction> Handle(CodeActionResolveRequest request, CancellationToken cancellationToken)
    {
        // Every action this server sends either has its edit or carries data: one without data was not sent lazily.
        if (request.Action.Data is not { } data)
            throw new LocalRpcException("codeAction/resolve: the code action carries no data") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
        var snapshot = state.Snapshot();
        var path = FromLsp.Path(data.Uri);
        int? version = path is not null && snapshot.Versions.TryGetValue(path, out var v) ? v : null;
        if (version != data.Version)
            throw Stale("the document changed since the code action was offered");
        var actions = CodeActionHandler.Compute(snapshot, state.RootPath, state.WorkspaceTrusted, new TextDocumentIdentifier(data.Uri), data.Range, [data.Kind], cancellationToken);
        var match = actions?.FirstOrDefault(a => a.Title == data.Title && a.Kind == data.Kind)
            ?? throw Stale("the code action no longer applies");
        var resolved = ToLsp.CodeActions(snapshot, [match], snapshot.DocumentChangesSupport)[0];
        return ValueTask.FromResult(resolved with { Data = data });
    }

    private static LocalRpcException Stale(string why) => new($"codeAction/resolve: {why}") { ErrorCode = LspTarget.ContentModified };
}
