namespace HybridLsp.Server.Protocol;

public sealed record DefinitionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record WorkspaceSymbolParams(string Query);

public sealed record SymbolInformation(string Name, int Kind, Location Location, string? ContainerName);

/// <summary>LSP SymbolKind values the server reports.</summary>
public static class LspSymbolKind
{
    public const int Enum = 10;
    public const int Function = 12;
    public const int Struct = 23;
}
