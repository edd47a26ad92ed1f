using System.Text.Json;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.bindAll` `[{ "library": NAME }]`: binds every export of the library that no C# declaration binds yet, as
/// one `workspace/applyEdit` (the same edit as the "Bind all unbound exports" code action). Edits only workspace text,
/// so it needs no trust.
/// </summary>
internal sealed class BindAllCommand : IServerCommand
{
    public string Name => "hybridLsp.bindAll";

    public bool RequiresTrust => false;

    public async Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var library = context.Argument(0, LspJsonContext.Default.BindAllArguments).Library;
        if (string.IsNullOrWhiteSpace(library))
            throw CommandContext.InvalidParams("hybridLsp.bindAll needs a library name");
        BindAllResult result;
        if (context.Snapshot.Analysis.BindAll(library, cancellationToken) is not { } edit)
            result = new BindAllResult(false, null, $"Nothing to bind for '{library}': it resolves to no crate, every export is bound, or there is no single project to put the declarations in");
        else if (await context.ApplyEditAsync($"Bind all unbound exports of '{library}'", [edit], cancellationToken).ConfigureAwait(false))
            result = new BindAllResult(true, edit.Path, $"Bound the unbound exports of '{library}' in {edit.Path}");
        else
            result = new BindAllResult(false, edit.Path, "The client did not apply the edit");
        return JsonSerializer.SerializeToElement(result, LspJsonContext.Default.BindAllResult);
    }
}
