namespace HybridLsp.Syntax.CSharp;

/// <summary>
/// Roslyn's parser takes time far worse than linear on pathological shapes that no real source has: brackets nested
/// deep (13,000 unclosed "(" took 22 s; 615 nested "a = {b =" allocated 445 MB for 8 KB of text), or thousands of '&lt;' in one statement, where it tries every generic reading
/// (10,000 took 110 s), and — exponential in the depth — parentheses left open at the end of a statement,
/// `f(a= f(a= …;` (20 open took 17 s, 22 took 93 s). Found by the fuzzer (docs/hardening.md). One linear scan refuses such a file before parsing,
/// so a half-typed or generated file can never stall the server; the file is reported unreadable (HL0003).
/// </summary>
internal static class CsNestingGuard
{
    public const int MaxDepth = 512;
    public const int MaxAnglesPerStatement = 500;
    public const int MaxOpenAtStatementEnd = 16;

    /// <summary>Why the text is refused, or null. Strings and comments are not skipped: a file that is only refused because of them is far past any real one.</summary>
    public static string? Problem(string text)
    {
        var depth = 0;
        var angles = 0;
        var open = 0; // '(' and '[' open since the innermost '{'
        var outerOpen = new Stack<int>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    if (++depth > MaxDepth)
                        return $"brackets nested more than {MaxDepth} deep";
                    if (c == '{')
                    {
                        angles = 0;
                        outerOpen.Push(open);
                        open = 0;
                    }
                    else
                    {
                        open++;
                    }
                    break;
                case ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    open = Math.Max(0, open - 1);
                    break;
                case '}':
                    if (open > MaxOpenAtStatementEnd)
                        return $"more than {MaxOpenAtStatementEnd} parentheses left open in one statement";
                    depth = Math.Max(0, depth - 1);
                    angles = 0;
                    open = outerOpen.Count > 0 ? outerOpen.Pop() : 0;
                    break;
                case ';':
                    if (open > MaxOpenAtStatementEnd)
                        return $"more than {MaxOpenAtStatementEnd} parentheses left open in one statement";
                    angles = 0;
                    break;
                case '<':
                    if (++angles > MaxAnglesPerStatement)
                        return $"more than {MaxAnglesPerStatement} '<' in one statement";
                    break;
            }
        }
        return open > MaxOpenAtStatementEnd ? $"more than {MaxOpenAtStatementEnd} parentheses left open in one statement" : null;
    }
}
