using System.Collections.Frozen;
using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>
/// The item-level parser behind <see cref="RustParser"/>. It reads the items of a file (functions, structs, enums, …)
/// and their signatures, skips bodies by bracket matching, and recovers from anything it cannot read: the unreadable
/// region becomes one <see cref="SyntaxError"/> and parsing resumes at the next token that can start an item at the
/// same depth. Inline modules and `extern` blocks are a stack of contexts, not recursion.
/// </summary>
internal sealed partial class ItemParser
{
    private const int CancellationCheckInterval = 256;

    /// <summary>Words that start an item; the parser resynchronises at them after an error.</summary>
    private static readonly FrozenSet<string> s_itemKeywords = FrozenSet.ToFrozenSet(
        ["fn", "pub", "struct", "enum", "type", "const", "static", "use", "mod", "trait", "impl", "extern", "unsafe", "async", "macro_rules"],
        StringComparer.Ordinal);

    private readonly TokenBuffer _b;
    private readonly CancellationToken _cancellationToken;
    private readonly List<SyntaxError> _errors;
    private readonly List<ParseContext> _contexts = [];

    private readonly ImmutableArray<RustFunction>.Builder _functions = ImmutableArray.CreateBuilder<RustFunction>();
    private readonly ImmutableArray<RustStruct>.Builder _structs = ImmutableArray.CreateBuilder<RustStruct>();
    private readonly ImmutableArray<RustEnum>.Builder _enums = ImmutableArray.CreateBuilder<RustEnum>();
    private readonly ImmutableArray<RustTypeAlias>.Builder _aliases = ImmutableArray.CreateBuilder<RustTypeAlias>();
    private readonly ImmutableArray<RustConst>.Builder _consts = ImmutableArray.CreateBuilder<RustConst>();
    private readonly ImmutableArray<RustModDecl>.Builder _modDecls = ImmutableArray.CreateBuilder<RustModDecl>();
    private readonly ImmutableArray<RustUse>.Builder _uses = ImmutableArray.CreateBuilder<RustUse>();
    private readonly List<RustMacro> _macros = [];

    private int _pos;

    private ItemParser(TokenBuffer buffer, List<SyntaxError> errors, CancellationToken cancellationToken)
    {
        _b = buffer;
        _errors = errors;
        _cancellationToken = cancellationToken;
    }

    private string Text => _b.Text;

    private int Count => _b.Count;

    public static RustFileSyntax Parse(string text, CancellationToken cancellationToken)
    {
        var errors = new List<SyntaxError>();
        var tokens = RustLexer.Tokenize(text, errors, cancellationToken);
        var parser = new ItemParser(new TokenBuffer(text, tokens), errors, cancellationToken);
        parser.ParseFile();
        return parser.Build();
    }

    private RustFileSyntax Build()
    {
        // An invocation of a same-file `macro_rules!` that mentions an export attribute may generate exports.
        var exporting = _macros.Where(m => m.IsDefinition && m.MentionsExport).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var macros = _macros.Select(m => !m.IsDefinition && !m.MentionsExport && exporting.Contains(m.Name) ? m with { MentionsExport = true } : m);
        return new RustFileSyntax(
            _functions.ToImmutable(), _structs.ToImmutable(), _enums.ToImmutable(), _aliases.ToImmutable(), _consts.ToImmutable(),
            _modDecls.ToImmutable(), _uses.ToImmutable(), [.. macros],
            [.. _errors.OrderBy(e => e.Span.Start)]);
    }

    private void ParseFile()
    {
        _contexts.Add(new ParseContext("", null, int.MaxValue, null, null));
        var items = 0;
        while (true)
        {
            if (++items % CancellationCheckInterval == 0)
                _cancellationToken.ThrowIfCancellationRequested();

            var context = _contexts[^1];
            if (_contexts.Count > 1 && _pos >= context.CloseIndex)
            {
                if (context.ResumeAt >= 0)
                    _pos = Math.Max(_pos, context.ResumeAt);
                else if (_pos == context.CloseIndex)
                    _pos++;
                _contexts.RemoveAt(_contexts.Count - 1);
                continue;
            }
            if (_pos >= Count)
                break;

            if (_b.Is(_pos, RustTokenKind.CloseBrace) || _b.Is(_pos, RustTokenKind.CloseParen) || _b.Is(_pos, RustTokenKind.CloseBracket))
            {
                _errors.Add(new SyntaxError(_b.SpanOf(_pos), $"unexpected '{_b.TextOf(_pos)}': no matching opening bracket"));
                _pos++;
                continue;
            }
            if (_b.IsPunct(_pos, ";"))
            {
                _pos++;
                continue;
            }
            if (_b.IsPunct(_pos, "#") && _b.IsPunct(_pos + 1, "!") && _b.Is(_pos + 2, RustTokenKind.OpenBracket))
            {
                ParseInnerAttribute();
                continue;
            }

            var before = _pos;
            ParseItem(context);
            if (_pos <= before)
                _pos = before + 1; // never loop: every item consumes at least one token
        }
    }

    /// <summary>`#![…]`: a `cfg` applies to the enclosing module (or file); everything else is skipped.</summary>
    private void ParseInnerAttribute()
    {
        var open = _pos + 2;
        var attributes = new AttributeInfo();
        ReadAttribute(_pos, open, attributes);
        _pos = _b.After(open);
        if (attributes.Cfg is not null)
        {
            var context = _contexts[^1];
            _contexts[^1] = context with { Cfg = RustCfg.And(context.Cfg, attributes.Cfg) };
        }
    }

    private void ParseItem(ParseContext context)
    {
        var start = _pos;
        var attributes = ParseOuterAttributes(ref _pos, Count);
        if (_pos >= Count)
        {
            if (attributes.FirstToken >= 0 && !attributes.Unclosed)
                _errors.Add(new SyntaxError(_b.SpanOf(start, Count - 1), "expected an item after the attributes, found the end of the file"));
            return;
        }

        var afterAttributes = _pos;
        if (context.ImplDepth > 0 && attributes.NoMangleSpan is null && attributes.ExportName is null)
        {
            // Inside `impl` only exported associated functions matter: a cdylib exports `#[no_mangle]` ones too.
            SkipImplItem();
            return;
        }
        var isPub = ParseVisibility(ref _pos);

        bool isConst = false, isAsync = false, isUnsafe = false, isSafe = false, isExtern = false;
        string? abi = null;
        TextSpan? abiSpan = null;
        while (_pos < Count)
        {
            if (_b.IsWord(_pos, "default") && _b.Is(_pos + 1, RustTokenKind.Identifier))
            {
                _pos++;
            }
            else if (_b.IsWord(_pos, "const") && IsFnQualifierFollower(_pos + 1))
            {
                isConst = true;
                _pos++;
            }
            else if (_b.IsWord(_pos, "async") && IsFnQualifierFollower(_pos + 1))
            {
                isAsync = true;
                _pos++;
            }
            else if (_b.IsWord(_pos, "unsafe"))
            {
                isUnsafe = true;
                _pos++;
            }
            else if (_b.IsWord(_pos, "safe") && (IsFnQualifierFollower(_pos + 1) || _b.IsWord(_pos + 1, "static")))
            {
                isSafe = true;
                _pos++;
            }
            else if (_b.IsWord(_pos, "extern") && !_b.IsWord(_pos + 1, "crate"))
            {
                isExtern = true;
                if (_b.Is(_pos + 1, RustTokenKind.String))
                {
                    abi = RustLiterals.ParseString(_b.Span(_pos + 1));
                    abiSpan = _b.SpanOf(_pos, _pos + 1);
                    _pos += 2;
                }
                else
                {
                    abi = "C";
                    abiSpan = _b.SpanOf(_pos);
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        var common = new ItemHeader(start, afterAttributes, attributes, isPub, context);
        if (_pos >= Count)
        {
            Recover(start, "expected an item, found the end of the file");
            return;
        }

        if (isExtern && _b.Is(_pos, RustTokenKind.OpenBrace))
        {
            OpenForeignBlock(common, abi!, abiSpan);
            return;
        }
        if (_b.IsWord(_pos, "fn"))
        {
            ParseFunction(common, new FnQualifiers(isConst, isAsync, isUnsafe, isSafe, abi, abiSpan));
            return;
        }
        if (isExtern || isConst || isAsync)
        {
            Recover(start, isExtern ? "expected 'fn' or '{' after 'extern'" : "expected 'fn' after the function qualifiers");
            return;
        }

        var word = _b.Kind(_pos) == RustTokenKind.Identifier ? _b.TextOf(_pos) : null;
        switch (word)
        {
            case "struct":
                ParseStruct(common, isUnion: false);
                return;
            case "union" when _b.IsName(_pos + 1):
                ParseStruct(common, isUnion: true);
                return;
            case "enum":
                ParseEnum(common);
                return;
            case "type":
                ParseTypeAlias(common);
                return;
            case "const":
                ParseConst(common);
                return;
            case "use":
                ParseUse(common);
                return;
            case "mod":
                ParseMod(common);
                return;
            case "static":
                SkipToSemicolon(start, "static item");
                return;
            case "extern" when _b.IsWord(_pos + 1, "crate"):
                SkipToSemicolon(start, "'extern crate'");
                return;
            case "impl" when context.ImplDepth == 0:
                OpenImplBlock(common);
                return;
            case "impl" or "trait" or "auto":
            case "macro" when _b.IsName(_pos + 1): // declarative macros 2.0: `macro name(…) { … }`
                SkipBlockItem(start, word);
                return;
            case "macro_rules" when _b.IsPunct(_pos + 1, "!"):
                ParseMacroDefinition(common);
                return;
        }
        if (IsMacroInvocationStart(_pos))
        {
            if (TryOpenCfgIf(common))
                return;

            ParseMacroInvocation(common);
            return;
        }
        Recover(start, "expected an item ('fn', 'struct', 'enum', 'union', 'type', 'const', 'static', 'use', 'mod', 'impl', 'trait' or a macro)");
    }

    private bool IsFnQualifierFollower(int i) =>
        _b.IsWord(i, "fn") || _b.IsWord(i, "unsafe") || _b.IsWord(i, "async") || _b.IsWord(i, "extern") || _b.IsWord(i, "safe") || _b.IsWord(i, "const");

    /// <summary>`pub`, `pub(crate)`, `pub(self)`, `pub(super)`, `pub(in path)`. Any of them makes <see cref="RustItem.IsPub"/> true.</summary>
    private bool ParseVisibility(ref int i)
    {
        if (!_b.IsWord(i, "pub"))
            return false;
        i++;
        if (_b.Is(i, RustTokenKind.OpenParen) && (_b.IsWord(i + 1, "crate") || _b.IsWord(i + 1, "self") || _b.IsWord(i + 1, "super") || _b.IsWord(i + 1, "in")))
            i = _b.After(i);
        return true;
    }

    /// <summary>Whether token <paramref name="i"/> can start an item; used to resynchronise after an error.</summary>
    private bool IsItemStart(int i)
    {
        var kind = _b.Kind(i);
        if (kind == RustTokenKind.Punct)
            return _b.IsPunct(i, "#") && (_b.Is(i + 1, RustTokenKind.OpenBracket) || _b.IsPunct(i + 1, "!"));
        if (kind != RustTokenKind.Identifier)
            return false;
        if (_b.IsWord(i, "union"))
            return _b.IsName(i + 1);
        return s_itemKeywords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_b.Span(i));
    }

    /// <summary>
    /// Reports tokens from <paramref name="errorStart"/> as unreadable and moves to the next token that can start an
    /// item at the same depth (groups are jumped over; a closing bracket of the enclosing block stops the skip; a `;` is consumed).
    /// </summary>
    private void Recover(int errorStart, string message)
    {
        var i = _pos;
        if (i <= errorStart)
            i = _b.Is(errorStart, RustTokenKind.OpenParen) || _b.Is(errorStart, RustTokenKind.OpenBracket) || _b.Is(errorStart, RustTokenKind.OpenBrace)
                ? _b.After(errorStart)
                : errorStart + 1;
        while (i < Count)
        {
            var token = _b.Tokens[i];
            if (token.IsClose || IsItemStart(i))
                break;
            if (_b.IsPunct(i, ";"))
            {
                i++;
                break;
            }
            i = token.IsOpen ? _b.After(i) : i + 1;
        }
        i = Math.Min(i, Count);
        var last = Math.Max(errorStart, i - 1);
        _errors.Add(new SyntaxError(_b.SpanOf(errorStart, Math.Min(last, Count - 1)), message));
        _pos = i;
    }

    /// <summary>Skips an item that ends at a `;` at depth 0 (`static X: T = …;`, `extern crate x;`).</summary>
    private void SkipToSemicolon(int start, string what)
    {
        while (_pos < Count)
        {
            if (_b.IsPunct(_pos, ";"))
            {
                _pos++;
                return;
            }
            var token = _b.Tokens[_pos];
            if (token.IsClose)
                break;
            if (token.IsOpen)
            {
                if (_b.Match(_pos) < 0)
                {
                    ReportUnclosed(_pos, what);
                    _pos = Count;
                    return;
                }
                _pos = _b.After(_pos);
                continue;
            }
            _pos++;
        }
        _errors.Add(new SyntaxError(_b.SpanOf(start, Math.Min(_pos, Count) - 1), $"expected ';' to end the {what}"));
    }

    /// <summary>`impl … { … }`: its items are read as a context in which only exported functions are kept.</summary>
    private void OpenImplBlock(ItemHeader h)
    {
        var start = h.Start;
        while (_pos < Count && !_b.Is(_pos, RustTokenKind.OpenBrace) && !_b.IsPunct(_pos, ";") && !_b.Tokens[_pos].IsClose)
            _pos = _b.Tokens[_pos].IsOpen ? _b.After(_pos) : _pos + 1;
        if (!_b.Is(_pos, RustTokenKind.OpenBrace) || _contexts.Count > MaxContextDepth)
        {
            _pos = start;
            SkipBlockItem(start, "impl");
            return;
        }
        var close = _b.Match(_pos);
        if (close < 0)
            ReportUnclosed(_pos, "'impl' block");
        _contexts.Add(new ParseContext(h.Context.ModulePath, CfgFor(h), close < 0 ? int.MaxValue : close, null, null, ImplDepth: h.Context.ImplDepth + 1));
        _pos++;
    }

    /// <summary>Skips one item of an `impl` block: up to a `;` or past its `{ … }`, stopping at the block's `}`.</summary>
    private void SkipImplItem()
    {
        while (_pos < Count)
        {
            var token = _b.Tokens[_pos];
            if (_b.IsPunct(_pos, ";"))
            {
                _pos++;
                return;
            }
            if (token.IsClose)
                return;
            if (token.Kind == RustTokenKind.OpenBrace)
            {
                _pos = _b.After(_pos);
                return;
            }
            _pos = token.IsOpen ? _b.After(_pos) : _pos + 1;
        }
    }

    /// <summary>Skips an `impl`/`trait` item: everything up to and including its `{ … }` (or a `;`).</summary>
    private void SkipBlockItem(int start, string what)
    {
        while (_pos < Count)
        {
            var token = _b.Tokens[_pos];
            if (_b.IsPunct(_pos, ";"))
            {
                _pos++;
                return;
            }
            if (token.IsClose)
                break;
            if (token.Kind == RustTokenKind.OpenBrace)
            {
                if (_b.Match(_pos) < 0)
                    ReportUnclosed(_pos, $"'{what}' block");
                _pos = _b.After(_pos);
                return;
            }
            _pos = token.IsOpen ? _b.After(_pos) : _pos + 1;
        }
        _errors.Add(new SyntaxError(_b.SpanOf(start, Math.Min(_pos, Count) - 1), $"expected '{{' to open the '{what}' block"));
    }

    private void ReportUnclosed(int open, string what)
    {
        var close = _b.Kind(open) switch
        {
            RustTokenKind.OpenParen => ")",
            RustTokenKind.OpenBracket => "]",
            _ => "}",
        };
        _errors.Add(new SyntaxError(TextSpan.FromBounds(_b.StartOf(open), Text.Length), $"expected '{close}' to close the {what} before the end of the file"));
    }

    /// <summary>Allow comments above the item's attributes, or between its attributes and the item itself.</summary>
    private ImmutableArray<string> AllowedFor(ItemHeader header)
    {
        var above = AllowComments.Read(Text, _b.StartOf(header.Start));
        if (header.AfterAttributes == header.Start)
            return above;
        var between = AllowComments.Read(Text, _b.StartOf(header.AfterAttributes));
        return between.IsEmpty ? above : above.IsEmpty ? between : [.. above, .. between.Where(c => !above.Contains(c))];
    }

    private TextSpan FullSpan(ItemHeader header) => _b.SpanOf(header.Start, Math.Min(_pos, Count) - 1);

    private RustCfg? CfgFor(ItemHeader header) => RustCfg.And(header.Context.Cfg, header.Attributes.Cfg);

    /// <summary>Where an item starts (its first attribute), where the item proper starts, and what applies to it.</summary>
    private readonly record struct ItemHeader(int Start, int AfterAttributes, AttributeInfo Attributes, bool IsPub, ParseContext Context);

    private readonly record struct FnQualifiers(bool IsConst, bool IsAsync, bool IsUnsafe, bool IsSafe, string? Abi, TextSpan? AbiSpan);

    /// <summary>
    /// An open inline module, `extern` block or `cfg_if!` branch; <see cref="CloseIndex"/> is the index of its `}`.
    /// <see cref="ResumeAt"/> is where parsing goes on after it (-1: right after the `}`).
    /// </summary>
    private sealed record ParseContext(string ModulePath, RustCfg? Cfg, int CloseIndex, string? ForeignAbi, TextSpan? ForeignAbiSpan, int ResumeAt = -1, int ImplDepth = 0)
    {
        public bool IsForeign => ForeignAbi is not null;
    }
}
