using HybridLsp.Ide;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Lsp;

/// <summary>The negotiated LSP position encoding.</summary>
public enum PositionEncoding { Utf16, Utf8, Utf32 }

/// <summary>
/// Converts engine offsets (UTF-16 code units) to line/character positions counted in the negotiated encoding
/// and back, using one snapshot's texts; caches line indexes per file for one conversion. No LSP types here:
/// <see cref="Protocol.ToLsp"/> and <see cref="Protocol.FromLsp"/> wrap these in protocol records.
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

    public LinePosition ToPosition(string path, int offset)
    {
        if (File(path) is not var (text, index))
            return new LinePosition(0, 0);
        var p = index.GetPosition(offset);
        if (encoding == PositionEncoding.Utf16)
            return p;
        var lineStart = index.GetOffset(new LinePosition(p.Line, 0));
        return new LinePosition(p.Line, CountUnits(text, lineStart, Math.Clamp(offset, lineStart, text.Length)));
    }

    /// <summary>The UTF-16 offset of an LSP position, or null when the file is not in the snapshot.</summary>
    public int? ToOffset(string path, LinePosition position)
    {
        if (File(path) is not var (text, index))
            return null;
        return ToOffset(text, index, position, encoding);
    }

    public static int ToOffset(string text, LineIndex index, LinePosition position, PositionEncoding encoding)
    {
        if (encoding == PositionEncoding.Utf16)
            return index.GetOffset(position);
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
