using HybridLsp.Ide;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Protocol;

/// <summary>The negotiated LSP position encoding.</summary>
public enum PositionEncoding { Utf16, Utf8, Utf32 }

/// <summary>
/// Converts engine offsets (UTF-16 code units) to LSP positions in the negotiated encoding and back,
/// using one snapshot's texts. Caches line indexes per file for the lifetime of one conversion.
/// </summary>
public sealed class PositionMapper(Analysis analysis, PositionEncoding encoding)
{
    private readonly Dictionary<string, (string Text, LineIndex Index)?> _files = new(StringComparer.Ordinal);

    public Analysis Analysis => analysis;

    private (string Text, LineIndex Index)? File(string path)
    {
        if (!_files.TryGetValue(path, out var entry))
        {
            entry = analysis.GetText(path) is { } text ? (text, LineIndex.Create(text)) : null;
            _files[path] = entry;
        }
        return entry;
    }

    public bool HasFile(string path) => File(path) is not null;

    public Position ToPosition(string path, int offset)
    {
        if (File(path) is not var (text, index))
            return new Position(0, 0);
        var p = index.GetPosition(offset);
        if (encoding == PositionEncoding.Utf16)
            return new Position(p.Line, p.Character);
        var lineStart = index.GetOffset(new LinePosition(p.Line, 0));
        return new Position(p.Line, CountUnits(text, lineStart, Math.Clamp(offset, lineStart, text.Length)));
    }

    public Range ToRange(string path, TextSpan span) => new(ToPosition(path, span.Start), ToPosition(path, span.End));

    /// <summary>The UTF-16 offset of an LSP position, or null when the file is not in the snapshot.</summary>
    public int? ToOffset(string path, Position position)
    {
        if (File(path) is not var (text, index))
            return null;
        return ToOffset(text, index, position, encoding);
    }

    public static int ToOffset(string text, LineIndex index, Position position, PositionEncoding encoding)
    {
        if (encoding == PositionEncoding.Utf16)
            return index.GetOffset(new LinePosition(position.Line, position.Character));
        var lineStart = index.GetOffset(new LinePosition(position.Line, 0));
        var lineEnd = index.GetOffset(new LinePosition(position.Line, int.MaxValue / 2));
        var units = 0;
        var i = lineStart;
        while (i < lineEnd && units < position.Character)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < lineEnd && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            units += UnitsOf(text, i, width, encoding);
            i += width;
        }
        return i;
    }

    private int CountUnits(string text, int from, int to)
    {
        var units = 0;
        for (var i = from; i < to;)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < to && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            units += UnitsOf(text, i, width, encoding);
            i += width;
        }
        return units;
    }

    private static int UnitsOf(string text, int i, int width, PositionEncoding encoding)
    {
        if (encoding == PositionEncoding.Utf32)
            return 1;
        if (width == 2)
            return 4;
        return text[i] switch { < '\u0080' => 1, < '\u0800' => 2, _ => 3 };
    }
}
