using System.Text.Json;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.extract` `[{ uri, position, language: "rust"|"cpp", into?, name? }]`: moves the C# method at the position to
/// native code (docs/extract-to-native.md) as one `workspace/applyEdit` — the same edit as the `refactor.extract.native`
/// code action, with the guided flow's choices of crate or library folder and export name. It only edits text (nothing is
/// built or run), so like `hybridLsp.bindAll` it needs no trust; building the result is `hybridLsp.build`'s job.
/// </summary>
internal sealed class ExtractCommand : IServerCommand
{
    public string Name => "hybridLsp.extract";

    public bool RequiresTrust => false;

    public async Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Argument(0, LspJsonContext.Default.ExtractArguments);
        if (args.Language is not (ExtractOptions.Rust or ExtractOptions.Cpp))
            throw CommandContext.InvalidParams($"hybridLsp.extract: language must be \"rust\" or \"cpp\", not \"{args.Language}\"");
        if (FromLsp.FilePosition(context.Snapshot, new TextDocumentIdentifier(args.Uri), args.Position) is not { } position)
            throw CommandContext.InvalidParams($"hybridLsp.extract: '{args.Uri}' at {args.Position.Line}:{args.Position.Character} is not a position in a workspace file");
        var outcome = context.Snapshot.Analysis.ExtractToNative(position.Path, position.Offset, new ExtractOptions(args.Language, args.Into, args.Name), cancellationToken);
        ExtractCommandResult result;
        if (outcome.Action is not { } action)
            result = new ExtractCommandResult(false, null, [], outcome.Error ?? "nothing to extract", [.. outcome.Blockers.Select(b => new ExtractBlockerInfo(b.Line, b.Reason))]);
        else
        {
            var files = action.Edits.Select(e => e.Path).ToArray();
            var outside = action.Edits.FirstOrDefault(e => !Lsp.WorkspaceBoundary.Allows(context.Root, e.Path, e.Creates));
            if (outside is not null)
                result = new ExtractCommandResult(false, action.Title, files, $"Refused: '{outside.Path}' is outside the workspace or would overwrite a file", []);
            else if (await context.ApplyEditAsync(action.Title, action.Edits, cancellationToken).ConfigureAwait(false))
                result = new ExtractCommandResult(true, action.Title, files, action.Title, [], outcome.MethodName, outcome.ModuleDirectory, outcome.ProjectPath);
            else
                result = new ExtractCommandResult(false, action.Title, files, "The client did not apply the edit", []);
        }
        return JsonSerializer.SerializeToElement(result, LspJsonContext.Default.ExtractCommandResult);
    }
}
