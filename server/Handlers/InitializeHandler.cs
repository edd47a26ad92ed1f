using HybridLsp.Server.Cli;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record InitializeRequest(InitializeParams Params) : IRequest<InitializeResult>;

internal sealed class InitializeHandler(ServerState state, IEnumerable<Commands.IServerCommand> commands) : IRequestHandler<InitializeRequest, InitializeResult>
{
    public ValueTask<InitializeResult> Handle(InitializeRequest request, CancellationToken cancellationToken)
    {
        var p = request.Params;
        var encoding = FromLsp.NegotiateEncoding(p.Capabilities?.General?.PositionEncodings);
        state.Initialize(
            FromLsp.RootPath(p),
            encoding,
            linkSupport: p.Capabilities?.TextDocument?.Definition?.LinkSupport == true,
            workDoneProgress: p.Capabilities?.Window?.WorkDoneProgress == true,
            trusted: FromLsp.WorkspaceTrusted(p.InitializationOptions));
        state.DocumentChangesSupport = p.Capabilities?.Workspace?.WorkspaceEdit?.DocumentChanges == true;
        state.CreateFileSupport = state.DocumentChangesSupport && p.Capabilities?.Workspace?.WorkspaceEdit?.ResourceOperations?.Contains("create") == true;
        state.CodeActionResolveSupport = p.Capabilities?.TextDocument?.CodeAction?.ResolveSupport?.Properties?.Contains("edit") == true;
        state.CodeActionDisabledSupport = p.Capabilities?.TextDocument?.CodeAction?.DisabledSupport == true;
        return ValueTask.FromResult(ToLsp.InitializeResult(encoding, ToolVersion.Value, [.. commands.Select(c => c.Name).Order(StringComparer.Ordinal)]));
    }
}
