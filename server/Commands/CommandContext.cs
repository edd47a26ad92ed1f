using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace HybridLsp.Server.Commands;

/// <summary>
/// What a running <see cref="IServerCommand"/> gets: its arguments, the snapshot it started on, the client, `$/progress`
/// for this command, `workspace/applyEdit`, and command-owned diagnostics.
/// </summary>
public sealed class CommandContext
{
    private readonly ClientConnection _client;
    private readonly DiagnosticsPublisher _publisher;
    private readonly JsonElement? _clientToken;
    private readonly bool _canCreateToken;
    private readonly Func<JsonElement, IDisposable> _registerCancel;
    private JsonElement? _token;
    private IDisposable? _cancelRegistration;
    private static int s_tokens;

    internal CommandContext(
        string command, ImmutableArray<JsonElement> arguments, ServerSnapshot snapshot, string? root, ClientConnection client,
        DiagnosticsPublisher publisher, ILogger logger, JsonElement? clientToken, bool canCreateToken, Func<JsonElement, IDisposable> registerCancel,
        bool trusted = false)
    {
        Trusted = trusted;
        Command = command;
        Arguments = arguments;
        Snapshot = snapshot;
        Root = root;
        _client = client;
        _publisher = publisher;
        Logger = logger;
        _clientToken = clientToken is { ValueKind: JsonValueKind.String or JsonValueKind.Number } t ? t : null;
        _canCreateToken = canCreateToken;
        _registerCancel = registerCancel;
    }

    public string Command { get; }

    /// <summary>The request's `arguments` (empty when it sent none).</summary>
    public ImmutableArray<JsonElement> Arguments { get; }

    /// <summary>The analysis and client capabilities as the command started.</summary>
    public ServerSnapshot Snapshot { get; }

    /// <summary>The workspace root folder (normalised, `/`-separated); null when the client gave none.</summary>
    public string? Root { get; }

    public ClientConnection Client => _client;

    /// <summary>The workspace was trusted when the command started (DESIGN §7): a command that needs no trust may still do more with it.</summary>
    public bool Trusted { get; }

    public ILogger Logger { get; }

    /// <summary>Argument <paramref name="index"/> read with the protocol's JSON contract; missing or of the wrong shape is InvalidParams.</summary>
    public T Argument<T>(int index, JsonTypeInfo<T> info)
    {
        if (index >= Arguments.Length)
            throw InvalidParams($"{Command} needs argument {index + 1}");
        try
        {
            return Arguments[index].Deserialize(info) ?? throw new JsonException("the argument is null");
        }
        catch (JsonException e)
        {
            throw InvalidParams($"{Command} argument {index + 1}: {e.Message}");
        }
    }

    /// <summary>An InvalidParams (-32602) error for arguments that are readable but make no sense.</summary>
    public static LocalRpcException InvalidParams(string message) => new(message) { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };

    /// <summary>
    /// Starts `$/progress` for this command: on the request's workDoneToken when the client sent one, else on a token
    /// the server creates (when the client supports it), else nothing is reported. With <paramref name="cancellable"/>,
    /// `window/workDoneProgress/cancel` on the token cancels the command.
    /// </summary>
    public async Task BeginProgressAsync(string title, bool cancellable, string? message = null)
    {
        if (_token is not null)
            return;
        if (_clientToken is { } given)
            _token = given;
        else if (_canCreateToken)
        {
            var created = JsonSerializer.SerializeToElement($"hybridLsp/command/{Interlocked.Increment(ref s_tokens)}", Protocol.LspJsonContext.Default.String);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (await _client.RequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(created.GetString()!), timeout.Token).ConfigureAwait(false))
                _token = created;
        }
        if (_token is not { } token)
            return;
        if (cancellable)
            _cancelRegistration = _registerCancel(token);
        await _client.NotifyAsync("$/progress", new ClientTokenProgressParams(token, new WorkDoneProgress("begin", Title: title, Message: message, Cancellable: cancellable))).ConfigureAwait(false);
    }

    public Task ReportProgressAsync(string message, int? percentage = null)
        => _token is { } token
            ? _client.NotifyAsync("$/progress", new ClientTokenProgressParams(token, new WorkDoneProgress("report", Message: message, Percentage: percentage)))
            : Task.CompletedTask;

    public async Task EndProgressAsync(string message)
    {
        if (_token is not { } token)
            return;
        _cancelRegistration?.Dispose();
        _cancelRegistration = null;
        _token = null;
        await _client.NotifyAsync("$/progress", new ClientTokenProgressParams(token, new WorkDoneProgress("end", Message: message))).ConfigureAwait(false);
    }

    /// <summary>Ends progress if the command did not (it failed or was cancelled).</summary>
    internal Task EndIfStartedAsync(string message) => _token is null ? Task.CompletedTask : EndProgressAsync(message);

    /// <summary>
    /// Sends `workspace/applyEdit` with <paramref name="edits"/> made against <see cref="Snapshot"/>, converted like code
    /// actions (versioned `documentChanges` and file creation when the client supports them). True when the client applied it.
    /// </summary>
    public async Task<bool> ApplyEditAsync(string label, ImmutableArray<FileEdit> edits, CancellationToken cancellationToken)
    {
        if (edits.IsDefaultOrEmpty)
            return false;
        if (edits.Any(e => e.Creates) && !Snapshot.CreateFileSupport)
            throw new LocalRpcException($"{label}: the edit creates a file, and the client does not support creating files in a workspace edit") { ErrorCode = LspTarget.RequestFailedCode };
        var edit = ToLsp.WorkspaceEdit(Snapshot, Snapshot.CreateMapper(), edits, Snapshot.DocumentChangesSupport);
        var result = await _client.RequestAsync("workspace/applyEdit", new ApplyWorkspaceEditParams(label, edit), LspJsonContext.Default.ApplyWorkspaceEditResult, cancellationToken).ConfigureAwait(false);
        if (result is { Applied: false })
            Logger.LogInformation("{Command}: the client did not apply '{Label}': {Reason}", Command, label, result.FailureReason ?? "no reason given");
        return result?.Applied == true;
    }

    /// <summary>
    /// Replaces the diagnostics this command owns under <paramref name="owner"/> (e.g. compiler messages of a build) with
    /// <paramref name="byPath"/> (absolute paths); they are published together with the analysis diagnostics of each file.
    /// An empty map clears them.
    /// </summary>
    public Task PublishCommandDiagnosticsAsync(string owner, IReadOnlyDictionary<string, LspDiagnostic[]> byPath)
        => _publisher.SetCommandDiagnosticsAsync(owner, byPath);
}
