using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>
/// One top-level function declaration of a file as text: its extent (as a parse reported it) and, when it can be removed
/// without changing what the rest of the file means, the region to blank (the extent through its <c>;</c> or body).
/// </summary>
/// <param name="Extent">The declaration's <see cref="CFunction.FullSpan"/>.</param>
/// <param name="Name">The function's name.</param>
/// <param name="Blank">The declaration's whole text, or null when it is not a self-contained declaration (see <see cref="CDeclarationRegions"/>).</param>
public readonly record struct CDeclarationRegion(TextSpan Extent, string Name, TextSpan? Blank);

/// <summary>
/// The function declarations of one file's text, for <see cref="ClangSplice"/>: which stretches of text are exactly one
/// function declaration each, so that replacing them with spaces leaves a file that means the same minus those functions.
/// A declaration qualifies when it starts a statement (after nothing, <c>;</c>, <c>{</c>, <c>}</c> or a preprocessor
/// line), ends with its own <c>;</c> or body, holds no preprocessor line and defines no type before its body, shares its
/// text with no other declaration (<c>int a(void), b(void);</c> or one macro making two functions do not) and is ASCII
/// (clang's columns are bytes).
/// </summary>
public sealed class CDeclarationRegions
{
    private readonly object _reading = new();
    private List<(TextSpan Extent, string Name)>? _unread;
    private ImmutableArray<CDeclarationRegion> _regions;
    private HashSet<TextSpan>? _extents;
    private Dictionary<TextSpan, bool>? _blankable;

    private CDeclarationRegions(string text, ImmutableArray<CDeclarationRegion> regions)
    {
        Text = text;
        _regions = regions;
    }

    private CDeclarationRegions(string text, List<(TextSpan Extent, string Name)> unread)
    {
        Text = text;
        _unread = unread;
    }

    /// <summary>The text the regions are of.</summary>
    public string Text { get; }

    /// <summary>Every declaration given, once per extent, in text order (the text is read for them when first asked).</summary>
    public ImmutableArray<CDeclarationRegion> Regions
    {
        get
        {
            lock (_reading)
            {
                if (_regions.IsDefault)
                {
                    _regions = [.. Read(Text, CLexer.Tokens(Text), _unread!)];
                    _unread = null;
                }
                return _regions;
            }
        }
    }

    /// <summary>Whether a declaration with this extent was given (without reading the text).</summary>
    public bool Has(TextSpan extent)
    {
        lock (_reading)
        {
            _extents ??= _unread is { } unread ? [.. unread.Select(f => f.Extent)] : [.. _regions.Select(r => r.Extent)];
            return _extents.Contains(extent);
        }
    }

    /// <summary>The extents and names given (without reading the text).</summary>
    public IEnumerable<(TextSpan Extent, string Name)> Functions
    {
        get
        {
            lock (_reading)
                return _unread is { } unread ? [.. unread] : [.. _regions.Select(r => (r.Extent, r.Name))];
        }
    }

    /// <summary>Whether the declaration with this extent is among <see cref="Regions"/> and can be blanked.</summary>
    public bool IsBlankable(TextSpan extent)
    {
        var regions = Regions;
        lock (_reading)
        {
            _blankable ??= regions.ToDictionary(r => r.Extent, r => r.Blank is not null);
            return _blankable.TryGetValue(extent, out var blankable) && blankable;
        }
    }

    /// <summary>
    /// The regions of <paramref name="text"/> for the functions a parse reported in it (their extents and names). The text
    /// is read (lexed) only when <see cref="Regions"/> is first asked for: a parse records these for every file, and most
    /// are never edited (a `check` never asks).
    /// </summary>
    public static CDeclarationRegions Compute(string text, IEnumerable<(TextSpan Extent, string Name)> functions) => new(text, functions.ToList());

    /// <summary>
    /// The regions of <paramref name="newText"/>, an edit of <see cref="Text"/> confined to the whole lines <paramref name="window"/>
    /// (old offsets; every region is before, inside or after it) that made the text <paramref name="delta"/> longer: the
    /// regions before as they are, those after moved, and those of <paramref name="functions"/> (the window's, new offsets)
    /// read from the tokens that start at the last declaration before the window.
    /// </summary>
    internal CDeclarationRegions Edited(string newText, TextSpan window, int delta, IEnumerable<(TextSpan Extent, string Name)> functions)
    {
        var before = Regions.Where(r => r.Extent.Start < window.Start).ToList();
        var lexFrom = before.Count == 0 ? 0 : CLexer.LineStart(newText, before[^1].Extent.Start);
        var inside = Read(newText, CLexer.Tokens(newText, lexFrom, window.End + delta), functions);
        var after = Regions.Where(r => r.Extent.Start >= window.End).Select(r => r with
        {
            Extent = new TextSpan(r.Extent.Start + delta, r.Extent.Length),
            Blank = r.Blank is { } b ? new TextSpan(b.Start + delta, b.Length) : null,
        });
        return new CDeclarationRegions(newText, [.. before, .. inside, .. after]);
    }

    private static List<CDeclarationRegion> Read(string text, List<CToken> tokens, IEnumerable<(TextSpan Extent, string Name)> functions)
    {
        // One extent with two names (a macro making two functions) is no one declaration.
        var distinct = functions.GroupBy(f => f.Extent)
            .Select(g => (g.Key, g.First().Name, Shared: g.Select(f => f.Name).Distinct(StringComparer.Ordinal).Skip(1).Any()))
            .OrderBy(f => f.Key.Start).ThenBy(f => f.Key.End).ToList();
        var blanks = new TextSpan?[distinct.Count];
        for (var i = 0; i < distinct.Count; i++)
            blanks[i] = distinct[i].Shared ? null : BlankOf(text, tokens, distinct[i].Key);
        // Two declarations whose text overlaps (one statement declaring two functions) cannot be removed one at a time.
        for (var i = 0; i + 1 < distinct.Count; i++)
        {
            var end = blanks[i]?.End ?? distinct[i].Key.End;
            var next = blanks[i + 1]?.Start ?? distinct[i + 1].Key.Start;
            if (end > next)
                (blanks[i], blanks[i + 1]) = (null, null);
        }
        return [.. distinct.Select((f, i) => new CDeclarationRegion(f.Key, f.Name, blanks[i]))];
    }

    private static TextSpan? BlankOf(string text, List<CToken> tokens, TextSpan extent)
    {
        var first = CLexer.FirstAtOrAfter(tokens, extent.Start);
        if (first >= tokens.Count || tokens[first].Start != extent.Start)
            return null;
        if (first > 0 && tokens[first - 1].Kind is not (';' or '{' or '}' or CToken.Directive))
            return null;
        var j = first;
        for (; j < tokens.Count && tokens[j].Start < extent.End; j++)
        {
            // A type defined in the declaration (`struct s { … } *make(void);`) would go with it.
            if (tokens[j].Kind is CToken.Directive or '{')
                return null;
        }
        var depth = 0;
        for (; j < tokens.Count; j++)
        {
            var kind = tokens[j].Kind;
            if (kind == CToken.Directive)
                return null;
            if (kind is '(' or '[')
                depth++;
            else if (kind is ')' or ']')
                depth--;
            else if (depth == 0 && kind == ';')
                return Ascii(text, TextSpan.FromBounds(extent.Start, tokens[j].End));
            else if (depth == 0 && kind == '{')
                return CLexer.ClosingBrace(tokens, j, stopAtDirective: true) is var close and >= 0 ? Ascii(text, TextSpan.FromBounds(extent.Start, tokens[close].End)) : null;
            else if (depth == 0 && kind is ',' or '=' or '}')
                return null;
            if (depth < 0)
                return null;
        }
        return null;
    }

    private static TextSpan? Ascii(string text, TextSpan span)
    {
        foreach (var c in text.AsSpan(span.Start, span.Length))
        {
            if (c > 0x7F)
                return null;
        }
        return span;
    }
}

/// <summary>A token of C/C++ text: an identifier or number, a string or character literal, a whole preprocessor line, or one punctuation character (its kind is the character).</summary>
internal readonly record struct CToken(int Start, int End, char Kind)
{
    public const char Word = 'w';
    public const char Literal = '"';
    public const char Directive = 'D';

    public bool IsIdentifier(string text) => Kind == Word && !char.IsAsciiDigit(text[Start]);
}

/// <summary>
/// Just enough of C's lexical rules to find declarations' boundaries: comments are skipped, literals and preprocessor lines
/// are one token each, line splices are whitespace. Never fails: odd text gives odd tokens, which the callers' checks and
/// libclang then refuse.
/// </summary>
internal static class CLexer
{
    public static List<CToken> Tokens(string text) => Tokens(text, 0, text.Length);

    /// <summary>The tokens of text[start, end), where <paramref name="start"/> is the start of a line.</summary>
    public static List<CToken> Tokens(string text, int start, int end)
    {
        var tokens = new List<CToken>(Math.Max(16, (end - start) / 6));
        var i = start;
        var lineStart = true;
        while (i < end)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
                i++;
            }
            else if (c == '\\' && i + 1 < end && (text[i + 1] == '\n' || text[i + 1] == '\r' && i + 2 < end && text[i + 2] == '\n'))
            {
                i += text[i + 1] == '\n' ? 2 : 3;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                i++;
            }
            else if (c == '/' && i + 1 < end && text[i + 1] == '/')
            {
                i = LineEnd(text, i, end);
            }
            else if (c == '/' && i + 1 < end && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 2;
            }
            else if (c == '#' && lineStart)
            {
                var stop = LineEnd(text, i, end);
                tokens.Add(new CToken(i, stop, CToken.Directive));
                i = stop;
            }
            else
            {
                lineStart = false;
                if (c is '"' or '\'')
                {
                    var j = i + 1;
                    while (j < end && text[j] != c && text[j] != '\n')
                        j += text[j] == '\\' && j + 1 < end ? 2 : 1;
                    j = Math.Min(end, j + 1);
                    tokens.Add(new CToken(i, j, CToken.Literal));
                    i = j;
                }
                else if (IsWord(c))
                {
                    var j = i + 1;
                    while (j < end && IsWord(text[j]))
                        j++;
                    tokens.Add(new CToken(i, j, CToken.Word));
                    i = j;
                }
                else
                {
                    tokens.Add(new CToken(i, i + 1, c));
                    i++;
                }
            }
        }
        return tokens;
    }

    /// <summary>The end of the logical line at <paramref name="i"/> (before its newline; a line splice continues it).</summary>
    private static int LineEnd(string text, int i, int end)
    {
        while (i < end)
        {
            var newline = text.IndexOf('\n', i, end - i);
            if (newline < 0)
                return end;
            var before = newline - 1;
            if (before >= i && text[before] == '\r')
                before--;
            if (before < i || text[before] != '\\')
                return newline;
            i = newline + 1;
        }
        return end;
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    public static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', Math.Min(offset, text.Length) - 1) + 1;

    public static bool IsWord(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$' || c > 0x7F;

    /// <summary>
    /// The index of the <c>}</c> that closes the <c>{</c> at <paramref name="open"/>; -1 when the tokens end first, or, with
    /// <paramref name="stopAtDirective"/>, when a preprocessor line comes first.
    /// </summary>
    public static int ClosingBrace(List<CToken> tokens, int open, bool stopAtDirective)
    {
        var depth = 0;
        for (var j = open; j < tokens.Count; j++)
        {
            switch (tokens[j].Kind)
            {
                case CToken.Directive when stopAtDirective:
                    return -1;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return j;
            }
        }
        return -1;
    }

    /// <summary>The index of the first token starting at or after <paramref name="offset"/> (Count when none does).</summary>
    public static int FirstAtOrAfter(List<CToken> tokens, int offset)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (tokens[mid].Start < offset)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
