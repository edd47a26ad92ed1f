using System.Text.Json;

namespace HybridLsp.Server.Protocol;

public sealed record InitializeParams(
    int? ProcessId = null,
    string? RootUri = null,
    string? RootPath = null,
    WorkspaceFolder[]? WorkspaceFolders = null,
    ClientCapabilities? Capabilities = null,
    JsonElement? InitializationOptions = null,
    ClientInfo? ClientInfo = null);

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record ClientCapabilities(
    GeneralClientCapabilities? General = null,
    WindowClientCapabilities? Window = null,
    TextDocumentClientCapabilities? TextDocument = null,
    WorkspaceClientCapabilities? Workspace = null);

public sealed record GeneralClientCapabilities(string[]? PositionEncodings = null);

public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null);

public sealed record TextDocumentClientCapabilities(DefinitionClientCapabilities? Definition = null, CodeActionClientCapabilities? CodeAction = null);

/// <summary>`textDocument.codeAction`: only `resolveSupport.properties` is read (does the client resolve `edit` lazily).</summary>
public sealed record CodeActionClientCapabilities(CodeActionResolveSupport? ResolveSupport = null, bool? DisabledSupport = null);

public sealed record CodeActionResolveSupport(string[] Properties);

public sealed record DefinitionClientCapabilities(bool? LinkSupport = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool HoverProvider,
    bool WorkspaceSymbolProvider,
    CodeActionOptions? CodeActionProvider = null,
    ExecuteCommandOptions? ExecuteCommandProvider = null,
    CodeLensOptions? CodeLensProvider = null);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record InitializedParams;

public sealed record SetTraceParams(string Value);

public sealed record LogMessageParams(int Type, string Message);

public sealed record WorkDoneProgressCreateParams(string Token);

public sealed record ProgressParams<T>(string Token, T Value);

/// <summary>One $/progress value; <see cref="Kind"/> is begin, report or end.</summary>
public sealed record WorkDoneProgress(string Kind, string? Title = null, string? Message = null, int? Percentage = null, bool? Cancellable = null);
