using System.Text;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>
/// The tokens of one file with their bracket pairs, computed once in linear time without recursion, so that skipping a
/// body or a group is a table lookup and 100,000 nested braces cost no stack.
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>How far down the open-bracket stack a mismatched closer looks for its partner.</summary>
    private const int MismatchSearchDepth = 16;

    private readonly int[] _match;

    public TokenBuffer(string text, RustToken[] tokens)
    {
        Text = text;
        Tokens = tokens;
        _match = new int[tokens.Length];
        Array.Fill(_match, -1);
        var stack = new List<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.IsOpen)
            {
                stack.Add(i);
                continue;
            }
            if (!t.IsClose || stack.Count == 0)
                continue;
            // A closer pairs with the nearest opener of its kind; openers above it stay unmatched (rustc's recovery
            // is similar). A closer with no opener of its kind nearby is stray and stays unmatched.
            var limit = Math.Max(0, stack.Count - MismatchSearchDepth);
            for (var s = stack.Count - 1; s >= limit; s--)
            {
                if (Pairs(tokens[stack[s]].Kind, t.Kind))
                {
                    _match[stack[s]] = i;
                    _match[i] = stack[s];
                    stack.RemoveRange(s, stack.Count - s);
                    break;
                }
            }
        }
    }

    public string Text { get; }

    public RustToken[] Tokens { get; }

    public int Count => Tokens.Length;

    /// <summary>For an opening bracket, the index of its closer; for a closer, its opener; -1 when unmatched or not a bracket.</summary>
    public int Match(int index) => index >= 0 && index < _match.Length ? _match[index] : -1;

    /// <summary>The index just after the group opened at <paramref name="open"/>, or <see cref="Count"/> when it is never closed.</summary>
    public int After(int open) => Match(open) is var m and >= 0 ? m + 1 : Count;

    public RustTokenKind Kind(int i) => i >= 0 && i < Tokens.Length ? Tokens[i].Kind : RustTokenKind.Unknown;

    public bool Is(int i, RustTokenKind kind) => i >= 0 && i < Tokens.Length && Tokens[i].Kind == kind;

    public ReadOnlySpan<char> Span(int i) => i >= 0 && i < Tokens.Length ? Text.AsSpan(Tokens[i].Start, Tokens[i].Length) : [];

    public string TextOf(int i) => Span(i).ToString();

    /// <summary>The offset where token <paramref name="i"/> starts, or the end of the text past the last token.</summary>
    public int StartOf(int i) => i < Tokens.Length ? Tokens[i].Start : Text.Length;

    public int EndOf(int i) => i < 0 ? 0 : i < Tokens.Length ? Tokens[i].End : Text.Length;

    public TextSpan SpanOf(int i) => i < Tokens.Length ? Tokens[i].Span : new TextSpan(Text.Length, 0);

    /// <summary>From the start of token <paramref name="first"/> to the end of token <paramref name="last"/> (empty when last &lt; first).</summary>
    public TextSpan SpanOf(int first, int last) => last < first ? new TextSpan(StartOf(first), 0) : TextSpan.FromBounds(StartOf(first), EndOf(last));

    public bool IsPunct(int i, string punct) => Is(i, RustTokenKind.Punct) && Span(i).SequenceEqual(punct);

    /// <summary>An identifier or keyword spelled <paramref name="word"/> (not a raw identifier: `r#fn` is not the keyword `fn`).</summary>
    public bool IsWord(int i, string word) => Is(i, RustTokenKind.Identifier) && Span(i).SequenceEqual(word);

    public bool IsName(int i) => Kind(i) is RustTokenKind.Identifier or RustTokenKind.RawIdentifier;

    /// <summary>The name of an identifier token without the `r#` of a raw identifier.</summary>
    public string NameOf(int i) => Kind(i) == RustTokenKind.RawIdentifier ? Span(i)[2..].ToString() : TextOf(i);

    /// <summary>Tokens first..last as text, with one space wherever the source had whitespace or comments between two tokens.</summary>
    public string Normalized(int first, int last)
    {
        last = Math.Min(last, Tokens.Length - 1);
        if (last < first)
            return "";
        if (first == last)
            return TextOf(first);
        var sb = new StringBuilder();
        for (var k = first; k <= last; k++)
        {
            if (k > first && Tokens[k].Start > Tokens[k - 1].End)
                sb.Append(' ');
            sb.Append(Span(k));
        }
        return sb.ToString();
    }

    private static bool Pairs(RustTokenKind open, RustTokenKind close) =>
        (open, close) is (RustTokenKind.OpenParen, RustTokenKind.CloseParen)
            or (RustTokenKind.OpenBracket, RustTokenKind.CloseBracket)
            or (RustTokenKind.OpenBrace, RustTokenKind.CloseBrace);
}
