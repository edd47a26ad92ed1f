using System.Collections.Immutable;
using System.Text.Json;
using HybridLsp.Server.Commands;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Mediator;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace HybridLsp.Server.Handlers;

public sealed record ExecuteCommandRequest(ExecuteCommandParams Params) : IRequest<JsonElement?>;

/// <summary>
/// `workspace/executeCommand`: finds the registered <see cref="IServerCommand"/>, refuses commands that need trust in an
/// untrusted workspace, and runs it with its own progress, cancellation and logging.
/// </summary>
internal sealed class ExecuteCommandHandler(
    IEnumerable<IServerCommand> commands, ServerState state, ClientConnection client, DiagnosticsPublisher publisher,
    ProgressTokens progressTokens, ILogger<ExecuteCommandHandler> logger) : IRequestHandler<ExecuteCommandRequest, JsonElement?>
{
    private readonly Dictionary<string, IServerCommand> _byName = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public async ValueTask<JsonElement?> Handle(ExecuteCommandRequest request, CancellationToken cancellationToken)
    {
        var p = request.Params;
        if (!_byName.TryGetValue(p.Command, out var command))
            throw CommandContext.InvalidParams($"Unknown command '{p.Command}'; this server runs: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}");
        if (command.RequiresTrust && !state.WorkspaceTrusted)
        {
            logger.LogWarning("{Command} refused: the workspace is not trusted", p.Command);
            throw new LocalRpcException($"{p.Command} runs project code (builds, benchmarks) and the workspace is not trusted; trust the workspace to use it")
            { ErrorCode = LspTarget.RequestFailedCode };
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new CommandContext(
            p.Command, p.Arguments is null ? [] : [.. p.Arguments], state.Snapshot(), state.RootPath, client, publisher,
            logger, p.WorkDoneToken, state.WorkDoneProgressSupport, token => progressTokens.Register(token, cancel), state.WorkspaceTrusted);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        logger.LogInformation("{Command} started", p.Command);
        try
        {
            var result = await command.ExecuteAsync(context, cancel.Token).ConfigureAwait(false);
            logger.LogInformation("{Command} finished in {ElapsedMs:0} ms", p.Command, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            logger.LogInformation("{Command} cancelled after {ElapsedMs:0} ms", p.Command, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await context.EndIfStartedAsync("Cancelled").ConfigureAwait(false);
            throw new OperationCanceledException($"{p.Command} was cancelled", cancellationToken.IsCancellationRequested ? cancellationToken : cancel.Token);
        }
        catch
        {
            await context.EndIfStartedAsync("Failed").ConfigureAwait(false);
            throw;
        }
    }
}
