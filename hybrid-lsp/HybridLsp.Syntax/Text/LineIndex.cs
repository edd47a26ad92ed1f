namespace HybridLsp.Syntax.Text;

/// <summary>Maps offsets in a text to line/character positions and back. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineIndex(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    public static LineIndex Create(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return new LineIndex(starts.ToArray(), text.Length);
    }

    public int LineCount => _lineStarts.Length;

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
            line = ~line - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>The offset of a position; positions past the end of a line or of the text are clamped.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0)
            return 0;
        if (position.Line >= _lineStarts.Length)
            return _length;
        var start = _lineStarts[position.Line];
        var end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        return Math.Clamp(start + Math.Max(0, position.Character), start, end);
    }

    public (LinePosition Start, LinePosition End) GetRange(TextSpan span) => (GetPosition(span.Start), GetPosition(span.End));
}
