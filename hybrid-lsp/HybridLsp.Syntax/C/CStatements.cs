namespace HybridLsp.Syntax.C;

/// <summary>What a top-level statement is to <see cref="CStatements"/>.</summary>
internal enum CStatementKind
{
    /// <summary>A declaration or definition: ends with its <c>;</c>, or a function's body.</summary>
    Declaration,
    /// <summary>A preprocessor line.</summary>
    Directive,
    /// <summary><c>extern "C" {</c> or <c>namespace n {</c>: what follows is at the top level again.</summary>
    ContainerOpen,
    /// <summary>A <c>}</c> where a statement would start: the end of an <c>extern "C"</c> block or a namespace.</summary>
    ContainerClose,
}

/// <summary>
/// Splits tokens (<see cref="CLexer"/>) into top-level statements from a place where one starts, for <see cref="ClangSplice"/>:
/// a declaration ends at its <c>;</c> outside brackets, or after a function's body. The split is never finer than C's (a
/// boundary it reports is one), but it can be coarser: a body it does not recognise (<c>auto f() -&gt; int {</c>) runs on
/// to the next <c>;</c>, which only makes the caller take more text.
/// </summary>
internal static class CStatements
{
    /// <summary>
    /// The statement that starts at <paramref name="first"/>: the index after its last token and what it is; -1 as the index
    /// when the tokens end first (an unterminated statement) or a bracket closes that it did not open.
    /// </summary>
    public static (int Next, CStatementKind Kind) At(string text, List<CToken> tokens, int first)
    {
        switch (tokens[first].Kind)
        {
            case CToken.Directive:
                return (first + 1, CStatementKind.Directive);
            case '}':
                return (first + 1, CStatementKind.ContainerClose);
        }
        var depth = 0;
        for (var j = first; j < tokens.Count; j++)
        {
            switch (tokens[j].Kind)
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth < 0)
                        return (-1, default);
                    break;
                case ';' when depth == 0:
                    return (j + 1, CStatementKind.Declaration);
                case '{' when depth == 0:
                    if (IsContainer(text, tokens, first, j))
                        return (j + 1, CStatementKind.ContainerOpen);
                    if (IsBody(text, tokens, first, j))
                        return CLexer.ClosingBrace(tokens, j, stopAtDirective: false) is var close and >= 0 ? (close + 1, CStatementKind.Declaration) : (-1, default);
                    depth++;
                    break;
                case '{':
                    depth++;
                    break;
            }
        }
        return (-1, default);
    }

    /// <summary>
    /// Whether tokens[from, to) are whole statements, none of them opening or closing a container (the text's top level is
    /// the same before and after them).
    /// </summary>
    public static bool AreWhole(string text, List<CToken> tokens, int from, int to)
    {
        for (var i = from; i < to;)
        {
            var (next, kind) = At(text, tokens, i);
            if (next < 0 || next > to || kind is CStatementKind.ContainerOpen or CStatementKind.ContainerClose)
                return false;
            i = next;
        }
        return true;
    }

    // `extern "C" {`, `namespace n {`, `inline namespace n {`, `namespace a::b {`, `namespace {`.
    private static bool IsContainer(string text, List<CToken> tokens, int first, int brace)
    {
        if (Is(text, tokens[first], "extern"))
            return brace == first + 2 && tokens[first + 1].Kind == CToken.Literal;
        var at = Is(text, tokens[first], "inline") && first + 1 < brace ? first + 1 : first;
        if (!Is(text, tokens[at], "namespace"))
            return false;
        for (var j = at + 1; j < brace; j++)
        {
            if (tokens[j].Kind is not (CToken.Word or ':'))
                return false;
        }
        return true;
    }

    // A function's body: the `{` right after a parameter list, that is a `)` whose `(` follows a name other than an attribute's.
    private static bool IsBody(string text, List<CToken> tokens, int first, int brace)
    {
        if (brace - 1 <= first || tokens[brace - 1].Kind != ')')
            return false;
        var depth = 0;
        for (var j = brace - 1; j > first; j--)
        {
            if (tokens[j].Kind == ')')
                depth++;
            else if (tokens[j].Kind == '(' && --depth == 0)
                return tokens[j - 1].Kind == CToken.Word && !IsAttributeWord(text, tokens[j - 1]);
        }
        return false;
    }

    /// <summary>Words that take a parenthesised argument without being a declarator's name.</summary>
    public static bool IsAttributeWord(string text, CToken token) =>
        text.AsSpan(token.Start, token.End - token.Start) is "__attribute__" or "__attribute" or "__declspec" or "alignas" or "_Alignas" or "__asm__"
            or "__asm" or "asm" or "sizeof" or "_Alignof" or "alignof" or "__alignof__" or "typeof" or "__typeof__" or "__typeof" or "decltype"
            or "_Atomic" or "noexcept" or "throw" or "__pragma" or "_Pragma";

    public static bool Is(string text, CToken token, string word) =>
        token.Kind == CToken.Word && text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(word);
}
