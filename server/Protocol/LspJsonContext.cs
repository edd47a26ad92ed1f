using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridLsp.Server.Protocol;

/// <summary>
/// Source-generated JSON metadata for every protocol type (trimming/AOT-friendly). Wrong shapes fail here:
/// nullable annotations and constructor parameters without defaults are enforced, so a missing `textDocument`
/// or a null `uri` is InvalidParams rather than a null inside a handler.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DefinitionParams))]
[JsonSerializable(typeof(DefinitionResult))]
[JsonSerializable(typeof(LocationLink[]))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(LspCodeAction[]))]
[JsonSerializable(typeof(LspCodeAction))]
[JsonSerializable(typeof(CodeActionResolveParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(SymbolInformation[]))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams<WorkDoneProgress>))]
[JsonSerializable(typeof(ServerStatusParams))]
[JsonSerializable(typeof(ReindexResult))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(WorkDoneProgressCancelParams))]
[JsonSerializable(typeof(ClientTokenProgressParams))]
[JsonSerializable(typeof(BindAllResult))]
[JsonSerializable(typeof(BindAllArguments))]
[JsonSerializable(typeof(BuildArguments))]
[JsonSerializable(typeof(BuildCommandResult))]
[JsonSerializable(typeof(WireArguments))]
[JsonSerializable(typeof(WireCommandResult))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(CodeLens[]))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(BenchmarkArguments))]
[JsonSerializable(typeof(BenchmarkReportParams))]
[JsonSerializable(typeof(BenchmarkCommandResult))]
[JsonSerializable(typeof(ExtractArguments))]
[JsonSerializable(typeof(ExtractCommandResult))]
[JsonSerializable(typeof(string))]
public sealed partial class LspJsonContext : JsonSerializerContext;
