using System.Text.Json;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.extract` `[{ uri, position, language: "rust"|"cpp", into?, name?, wire? }]`: moves the C# method at the
/// position to native code (docs/extract-to-native.md) as one `workspace/applyEdit` — the same edit as the
/// `refactor.extract.native` code action, with the guided flow's choices of crate or library folder and export name. It
/// only edits text (nothing is built or run), so like `hybridLsp.bindAll` it needs no trust; but the edit also wires the
/// module into the method's project (the MSBuild block of `hybridLsp.wire`) only in a trusted workspace, since that block
/// runs cargo or cmake on every `dotnet build`. Untrusted, the result says the project was not wired and why.
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
        var outcome = context.Snapshot.Analysis.ExtractToNative(position.Path, position.Offset,
            new ExtractOptions(args.Language, args.Into, args.Name) { Wire = args.Wire != false }, cancellationToken);
        ExtractCommandResult result;
        if (outcome.Action is not { } action)
            result = new ExtractCommandResult(false, null, [], outcome.Error ?? "nothing to extract", [.. outcome.Blockers.Select(b => new ExtractBlockerInfo(b.Line, b.Reason))]);
        else
        {
            var (wired, wireNote) = (outcome.Wired, outcome.WireNote);
            if (action.RequiresTrust && !context.Trusted)
            {
                action = action.Untrusted!;
                (wired, wireNote) = (false, $"not wired into dotnet build: {ExtractOptions.UntrustedWireReason}; trust it and run hybridLsp.wire");
            }
            var files = action.Edits.Select(e => e.Path).ToArray();
            var outside = action.Edits.FirstOrDefault(e => !Lsp.WorkspaceBoundary.Allows(context.Root, e.Path, e.Creates));
            if (outside is not null)
                result = new ExtractCommandResult(false, action.Title, files, $"Refused: '{outside.Path}' is outside the workspace or would overwrite a file", []);
            else if (await context.ApplyEditAsync(action.Title, action.Edits, cancellationToken).ConfigureAwait(false))
                result = new ExtractCommandResult(true, action.Title, files, wireNote is null ? action.Title : $"{action.Title}. {Sentence(wireNote)}", [],
                    outcome.MethodName, outcome.ModuleDirectory, outcome.ProjectPath, wired, wireNote);
            else
                result = new ExtractCommandResult(false, action.Title, files, "The client did not apply the edit", []);
        }
        return JsonSerializer.SerializeToElement(result, LspJsonContext.Default.ExtractCommandResult);
    }

    private static string Sentence(string note) => char.ToUpperInvariant(note[0]) + note[1..] + (note.EndsWith('.') ? "" : ".");
}
