namespace HybridLsp.Syntax.Text;

/// <summary>A range of UTF-16 code units in a file's text: [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when the offset is inside the span or touches its end (a cursor right after an identifier).</summary>
    public bool ContainsOrTouches(int offset) => offset >= Start && offset <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}
