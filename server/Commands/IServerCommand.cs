using System.Text.Json;

namespace HybridLsp.Server.Commands;

/// <summary>
/// One `workspace/executeCommand` command. Register it in <see cref="Lsp.LanguageServer"/> with
/// <c>services.AddSingleton&lt;IServerCommand, TheCommand&gt;()</c>; the server advertises every registered name in
/// `executeCommandProvider.commands` (LSP-EXTENSIONS.md lists them with their arguments).
/// </summary>
public interface IServerCommand
{
    /// <summary>The command id, e.g. <c>hybridLsp.build</c>.</summary>
    string Name { get; }

    /// <summary>Refused in an untrusted workspace (DESIGN §7): builds, benchmarks, anything that runs project code.</summary>
    bool RequiresTrust { get; }

    /// <summary>Runs the command; the result is the response's JSON (null for none). Cancellation becomes RequestCancelled.</summary>
    Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
