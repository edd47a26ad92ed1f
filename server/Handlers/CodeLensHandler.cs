using System.Text.Json;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record CodeLensRequest(CodeLensParams Params) : IRequest<CodeLens[]?>;

/// <summary>
/// "Build NAME" lenses on Cargo.toml, on a CMakeLists.txt's shared libraries and on the first bound extern of each
/// module in a C# file; each runs `hybridLsp.build` for its module. None in an untrusted workspace (building runs
/// project code), so a lens never offers what the server would refuse.
/// </summary>
internal sealed class CodeLensHandler(ServerState state) : IRequestHandler<CodeLensRequest, CodeLens[]?>
{
    public ValueTask<CodeLens[]?> Handle(CodeLensRequest request, CancellationToken cancellationToken)
    {
        if (!state.WorkspaceTrusted || FromLsp.Path(request.Params.TextDocument.Uri) is not { } path)
            return ValueTask.FromResult<CodeLens[]?>([]);
        var snapshot = state.Snapshot();
        var mapper = snapshot.CreateMapper();
        var lenses = snapshot.Analysis.BuildLenses(path, cancellationToken);
        return ValueTask.FromResult<CodeLens[]?>([.. lenses.Select(l => new CodeLens(
            ToLsp.Range(mapper, path, l.Span),
            new LspCommand(l.Title, "hybridLsp.build", [JsonSerializer.SerializeToElement(new BuildArguments(l.Module), LspJsonContext.Default.BuildArguments)])))]);
    }
}
