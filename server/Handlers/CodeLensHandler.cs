using System.Text.Json;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;

namespace HybridLsp.Server.Handlers;

public sealed record CodeLensRequest(CodeLensParams Params) : IRequest<CodeLens[]?>;

/// <summary>
/// "Build NAME" lenses on Cargo.toml, on a CMakeLists.txt's shared libraries and on the first bound extern of each
/// module in a C# file; each runs `hybridLsp.build` for its module. "Benchmark" lenses on a method with a managed twin
/// `NameManaged` (what extraction leaves) and on bound externs run `hybridLsp.benchmark` there. None in an untrusted
/// workspace (building and benchmarking run project code), so a lens never offers what the server would refuse.
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
        var benchmarks = snapshot.Analysis.BenchmarkLenses(path, cancellationToken);
        return ValueTask.FromResult<CodeLens[]?>([
            .. lenses.Select(l => new CodeLens(
                ToLsp.Range(mapper, path, l.Span),
                new LspCommand(l.Title, "hybridLsp.build", [JsonSerializer.SerializeToElement(new BuildArguments(l.Module), LspJsonContext.Default.BuildArguments)]))),
            .. benchmarks.Select(Benchmark),
        ]);

        // The lens runs the command exactly as the editor's "Benchmark" command does: on the method name's position.
        CodeLens Benchmark(Ide.Benchmarks.BenchmarkLens lens)
        {
            var range = ToLsp.Range(mapper, path, lens.Span);
            var arguments = new BenchmarkArguments(request.Params.TextDocument.Uri, range.Start);
            return new CodeLens(range, new LspCommand(lens.Title, "hybridLsp.benchmark", [JsonSerializer.SerializeToElement(arguments, LspJsonContext.Default.BenchmarkArguments)]));
        }
    }
}
