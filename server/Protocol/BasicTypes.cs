using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridLsp.Server.Protocol;

// LSP 3.17 vocabulary, only what the server uses. Grouped by area rather than one type per file:
// these are the wire format's small records, read together with the specification.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record LocationLink(Range? OriginSelectionRange, string TargetUri, Range TargetRange, Range TargetSelectionRange);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version = null);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record MarkupContent(string Kind, string Value);

/// <summary>The result of textDocument/definition: LocationLink[] when the client supports links, else Location[].</summary>
[JsonConverter(typeof(DefinitionResultConverter))]
public sealed record DefinitionResult(LocationLink[]? Links, Location[]? Locations);

internal sealed class DefinitionResultConverter : JsonConverter<DefinitionResult>
{
    public override DefinitionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("DefinitionResult is only sent");

    public override void Write(Utf8JsonWriter writer, DefinitionResult value, JsonSerializerOptions options)
    {
        if (value.Links is { } links)
            JsonSerializer.Serialize(writer, links, options.GetTypeInfo(typeof(LocationLink[])));
        else
            JsonSerializer.Serialize(writer, value.Locations ?? [], options.GetTypeInfo(typeof(Location[])));
    }
}
