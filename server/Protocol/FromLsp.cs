using System.Text;
using System.Text.Json;
using HybridLsp.Ide;
using HybridLsp.Server.Lsp;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Protocol;

/// <summary>LSP → engine conversions. With <see cref="ToLsp"/>, the only place LSP types and engine records meet.</summary>
public static class FromLsp
{
    public static string? Path(string? uri) => DocumentUri.ToPath(uri);

    public static LinePosition LinePosition(Position position) => new(position.Line, position.Character);

    public static FilePosition? FilePosition(ServerSnapshot snapshot, TextDocumentIdentifier document, Position position)
    {
        if (Path(document.Uri) is not { } path)
            return null;
        var offset = snapshot.CreateMapper().ToOffset(path, LinePosition(position));
        return offset is { } o ? new FilePosition(path, o) : null;
    }

    /// <summary>A range in the negotiated encoding as an engine span, or null when the file is unknown.</summary>
    public static (string Path, TextSpan Span)? FileRange(ServerSnapshot snapshot, TextDocumentIdentifier document, Range range)
    {
        if (Path(document.Uri) is not { } path)
            return null;
        var mapper = snapshot.CreateMapper();
        if (mapper.ToOffset(path, LinePosition(range.Start)) is not { } start || mapper.ToOffset(path, LinePosition(range.End)) is not { } end)
            return null;
        return (path, TextSpan.FromBounds(start, Math.Max(start, end)));
    }

    /// <summary>Whether a code action kind is asked for by `only` (absent: every kind but source actions).</summary>
    public static bool KindRequested(string kind, string[]? only) =>
        only is null or [] ? !kind.StartsWith("source", StringComparison.Ordinal)
            : only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    /// <summary>UTF-16 unless the client offers only other encodings; then the first one the server knows.</summary>
    public static PositionEncoding NegotiateEncoding(string[]? offered)
    {
        if (offered is null || offered.Length == 0 || offered.Contains("utf-16"))
            return PositionEncoding.Utf16;
        foreach (var e in offered)
        {
            if (e == "utf-8")
                return PositionEncoding.Utf8;
            if (e == "utf-32")
                return PositionEncoding.Utf32;
        }
        return PositionEncoding.Utf16;
    }

    public static bool WorkspaceTrusted(JsonElement? options)
        => options is { ValueKind: JsonValueKind.Object } o
           && o.TryGetProperty("workspaceTrusted", out var t)
           && t.ValueKind == JsonValueKind.True;

    public static string? RootPath(InitializeParams p)
        => Path(p.RootUri) ?? Path(p.WorkspaceFolders is [var first, ..] ? first.Uri : null) ?? (p.RootPath is { } legacy ? DocumentUri.NormalizeDriveLetter(legacy.Replace('\\', '/')) : null);

    /// <summary>Applies full and incremental content changes in order; ranges are in the negotiated encoding.</summary>
    public static string ApplyContentChanges(string text, IEnumerable<TextDocumentContentChangeEvent> changes, PositionEncoding encoding)
    {
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                text = change.Text;
                continue;
            }
            var index = LineIndex.Create(text);
            var start = PositionMapper.ToOffset(text, index, LinePosition(range.Start), encoding);
            var end = Math.Max(start, PositionMapper.ToOffset(text, index, LinePosition(range.End), encoding));
            text = new StringBuilder(text.Length - (end - start) + change.Text.Length)
                .Append(text, 0, start).Append(change.Text).Append(text, end, text.Length - end).ToString();
        }
        return text;
    }

    public static string EncodingName(PositionEncoding encoding) => encoding switch
    {
        PositionEncoding.Utf8 => "utf-8",
        PositionEncoding.Utf32 => "utf-32",
        _ => "utf-16",
    };
}
