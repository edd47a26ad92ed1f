using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridLsp.Server.Protocol;

// textDocument/codeAction and WorkspaceEdit (LSP 3.17), only what the server uses.

/// <summary>The client's diagnostics are not read (the engine knows its findings), so they stay raw JSON.</summary>
public sealed record CodeActionContext(JsonElement? Diagnostics = null, string[]? Only = null, int? TriggerKind = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

public sealed record LspTextEdit(Range Range, string NewText);

/// <summary>`version` is `integer | null` and always written: null means the file is not open (as on disk).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

/// <summary>An entry of `documentChanges`: a text edit or a resource operation (written without a type discriminator).</summary>
[JsonDerivedType(typeof(TextDocumentEdit))]
[JsonDerivedType(typeof(CreateFile))]
public abstract record DocumentChange;

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, LspTextEdit[] Edits) : DocumentChange;

/// <summary>The `create` resource operation; the server never overwrites (`overwrite: false, ignoreIfExists: false` fails on an existing file).</summary>
public sealed record CreateFile(string Uri, CreateFileOptions Options) : DocumentChange
{
    public string Kind => "create";
}

public sealed record CreateFileOptions(bool Overwrite, bool IgnoreIfExists);

/// <summary>`documentChanges` (versioned) when the client supports it, else `changes` keyed by URI.</summary>
public sealed record WorkspaceEdit(Dictionary<string, LspTextEdit[]>? Changes = null, DocumentChange[]? DocumentChanges = null);

/// <summary>A code action; <see cref="Edit"/> is null (and <see cref="Data"/> set) when the client resolves edits lazily with `codeAction/resolve`.</summary>
public sealed record LspCodeAction(string Title, string Kind, LspDiagnostic[]? Diagnostics = null, bool? IsPreferred = null, WorkspaceEdit? Edit = null, CodeActionData? Data = null)
{
    /// <summary>Set when the action cannot be applied now (LSP 3.16 `disabled`): the client shows it greyed out with the reason.</summary>
    public CodeActionDisabled? Disabled { get; init; }
}

/// <summary>`CodeAction.disabled`: why the action cannot be applied, for the user.</summary>
public sealed record CodeActionDisabled(string Reason);

/// <summary>
/// What `codeAction/resolve` needs to recompute an action on the current snapshot (stateless): the request's document
/// and range, the document version they refer to, and the action's title and kind.
/// </summary>
/// <summary>
/// The params of `codeAction/resolve`: the action as the client got it. Only <see cref="Data"/> is read; the rest stays raw
/// JSON so an action round-trips whatever the client adds or drops (diagnostics without optional fields, an edit).
/// </summary>
public sealed record CodeActionResolveParams(string Title, string? Kind = null, JsonElement? Diagnostics = null, bool? IsPreferred = null, JsonElement? Edit = null, CodeActionData? Data = null);

public sealed record CodeActionData(string Uri, Range Range, string Title, string Kind, int? Version = null);

public sealed record WorkspaceClientCapabilities(WorkspaceEditClientCapabilities? WorkspaceEdit = null);

public sealed record WorkspaceEditClientCapabilities(bool? DocumentChanges = null, string[]? ResourceOperations = null);
