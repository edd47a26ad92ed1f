using System.Text.Json;

namespace HybridLsp.Server.Protocol;

// workspace/executeCommand, workspace/applyEdit and command progress (LSP 3.17), only what the server uses.

/// <summary>`workspace/executeCommand` params. <see cref="WorkDoneToken"/> is an integer or a string.</summary>
public sealed record ExecuteCommandParams(string Command, JsonElement[]? Arguments = null, JsonElement? WorkDoneToken = null);

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record ApplyWorkspaceEditParams(string? Label, WorkspaceEdit Edit);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);

/// <summary>`window/workDoneProgress/cancel`: the token is an integer or a string.</summary>
public sealed record WorkDoneProgressCancelParams(JsonElement Token);

/// <summary>`$/progress` for a token the client chose (an integer or a string, sent back as it came).</summary>
public sealed record ClientTokenProgressParams(JsonElement Token, WorkDoneProgress Value);

/// <summary>The result of `hybridLsp.bindAll`.</summary>
public sealed record BindAllResult(bool Applied, string? File, string Message);

/// <summary>The argument of `hybridLsp.bindAll`: the library value as C# declarations name it.</summary>
public sealed record BindAllArguments(string Library);
