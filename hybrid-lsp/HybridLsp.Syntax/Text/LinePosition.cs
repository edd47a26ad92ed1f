namespace HybridLsp.Syntax.Text;

/// <summary>A 0-based line and a 0-based character counted in UTF-16 code units, as in LSP.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
}
