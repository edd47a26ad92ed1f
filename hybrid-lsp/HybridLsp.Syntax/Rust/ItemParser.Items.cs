using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

// The items: functions, structs, unions, enums, type aliases, consts, uses, modules, extern blocks, macros.
internal sealed partial class ItemParser
{
    private const int MaxUseDepth = 64;

    /// <summary>The deepest nesting of inline modules, extern blocks and cfg_if! branches that is read.</summary>
    private const int MaxContextDepth = 256;

    /// <summary>Skips the `<…>` after an item's name; false, after recovering, when it is never closed.</summary>
    private bool TrySkipItemGenerics(ItemHeader h, out bool hasGenerics)
    {
        hasGenerics = _b.IsPunct(_pos, "<");
        if (!hasGenerics || SkipGenerics(ref _pos))
            return true;
        Recover(h.Start, "expected '>' to close the generic parameters");
        return false;
    }

    private void ParseFunction(ItemHeader h, FnQualifiers q)
    {
        _pos++; // fn
        if (!_b.IsName(_pos))
        {
            Recover(h.Start, "expected a function name after 'fn'");
            return;
        }
        var nameIndex = _pos++;
        if (!TrySkipItemGenerics(h, out var hasGenerics))
            return;
        if (!_b.Is(_pos, RustTokenKind.OpenParen))
        {
            Recover(h.Start, "expected '(' to open the parameter list");
            return;
        }

        var open = _pos;
        var close = _b.Match(open);
        var limit = close >= 0 ? close : ParameterListLimit(open);
        var (parameters, isVariadic) = ParseParameters(open + 1, limit);
        RustType? returnType = null;
        TextSpan? body = null;
        ImmutableArray<RustPanicSite> sites = [];
        var usesCatchUnwind = false;
        if (close < 0)
        {
            // Half-typed `fn f(a: i32, b` : keep what was read, say what is missing, go on after it.
            _errors.Add(new SyntaxError(_b.SpanOf(open, limit - 1), "expected ')' to close the parameter list"));
            _pos = limit;
            AddFunction(h, q, nameIndex, hasGenerics, parameters, isVariadic, _b.SpanOf(open, limit - 1), returnType, body, sites, usesCatchUnwind);
            return;
        }

        _pos = close + 1;
        if (_b.IsPunct(_pos, "->"))
        {
            _pos++;
            returnType = ParseType(ref _pos, Count, 0);
        }
        if (_b.IsWord(_pos, "where"))
            SkipWhereClause(ref _pos);

        string? error = null;
        if (_b.Is(_pos, RustTokenKind.OpenBrace))
        {
            var bodyOpen = _pos;
            var bodyClose = _b.Match(bodyOpen);
            if (bodyClose < 0)
            {
                ReportUnclosed(bodyOpen, "function body");
                bodyClose = Count;
            }
            body = TextSpan.FromBounds(_b.StartOf(bodyOpen), _b.EndOf(bodyClose));
            if (!h.Context.IsForeign)
                (sites, usesCatchUnwind) = PanicScanner.Scan(_b, bodyOpen, bodyClose);
            _pos = Math.Min(bodyClose + 1, Count);
        }
        else if (_b.IsPunct(_pos, ";"))
        {
            _pos++;
        }
        else
        {
            error = "expected '{' or ';' after the function signature";
        }

        AddFunction(h, q, nameIndex, hasGenerics, parameters, isVariadic, _b.SpanOf(open, close), returnType, body, sites, usesCatchUnwind);
        if (error is not null)
            ExpectedAt(_pos, error);
    }

    private void AddFunction(
        ItemHeader h, FnQualifiers q, int nameIndex, bool hasGenerics, ImmutableArray<RustParam> parameters, bool isVariadic,
        TextSpan parameterListSpan, RustType? returnType, TextSpan? body, ImmutableArray<RustPanicSite> sites, bool usesCatchUnwind)
    {
        var a = h.Attributes;
        var foreign = h.Context.IsForeign;
        // In an `extern` block every function is unsafe to call unless it is marked `safe` (Rust 2024 `unsafe extern`).
        var isUnsafe = foreign ? !q.IsSafe : q.IsUnsafe;
        _functions.Add(new RustFunction(
            _b.NameOf(nameIndex), _b.SpanOf(nameIndex), FullSpan(h), h.Context.ModulePath, RustCfg.And(CfgFor(h), a.ExportCfg), h.IsPub, AllowedFor(h),
            a.NoMangleSpan is not null, a.NoMangleSpan, a.ExportName, a.ExportNameSpan,
            foreign ? h.Context.ForeignAbi : q.Abi, foreign ? h.Context.ForeignAbiSpan : q.AbiSpan,
            isUnsafe, q.IsConst, q.IsAsync, foreign, isVariadic, hasGenerics,
            parameters, parameterListSpan, returnType, body, sites, usesCatchUnwind));
    }

    /// <summary>
    /// Where an unclosed parameter list probably ends: before a `{`, a `;` or a word that starts the next item, so that
    /// a half-typed signature does not swallow the rest of the file.
    /// </summary>
    private int ParameterListLimit(int open)
    {
        var i = open + 1;
        while (i < Count)
        {
            var token = _b.Tokens[i];
            if (token.Kind == RustTokenKind.OpenBrace || token.IsClose || _b.IsPunct(i, ";"))
                return i;
            if (token.Kind == RustTokenKind.Identifier)
            {
                var w = _b.Span(i);
                if (w.SequenceEqual("pub") || w.SequenceEqual("struct") || w.SequenceEqual("enum") || w.SequenceEqual("mod") || w.SequenceEqual("use")
                    || w.SequenceEqual("static") || w.SequenceEqual("trait") || (w.SequenceEqual("fn") && _b.IsName(i + 1)))
                {
                    // Include qualifiers and attributes written before `fn`: `#[no_mangle] extern "C" fn g`.
                    while (i > open + 1 && (_b.IsWord(i - 1, "extern") || _b.IsWord(i - 1, "unsafe") || _b.Is(i - 1, RustTokenKind.String)
                        || _b.IsWord(i - 1, "const") || _b.IsWord(i - 1, "async") || _b.IsWord(i - 1, "pub")))
                    {
                        i--;
                    }
                    while (_b.Is(i - 1, RustTokenKind.CloseBracket) && _b.Match(i - 1) is var ob and > 0 && ob > open + 1 && _b.IsPunct(ob - 1, "#"))
                        i = ob - 1;
                    return i;
                }
            }
            if (_b.IsPunct(i, "#") && _b.Is(i + 1, RustTokenKind.OpenBracket) && !_b.IsPunct(i - 1, ",") && i - 1 != open)
                return i;
            i = token.IsOpen ? _b.After(i) : i + 1;
        }
        return Count;
    }

    private (ImmutableArray<RustParam> Parameters, bool IsVariadic) ParseParameters(int from, int to)
    {
        var parameters = ImmutableArray.CreateBuilder<RustParam>();
        var isVariadic = false;
        var i = from;
        while (i < to)
        {
            ParseOuterAttributes(ref i, to); // `#[cfg(…)] x: i32`: parameter attributes do not change the ABI we check
            if (i >= to)
                break;
            if (_b.IsPunct(i, "..."))
            {
                isVariadic = true;
                i++;
            }
            else
            {
                var patternStart = i;
                var colon = -1;
                var j = i;
                while (j < to)
                {
                    if (_b.IsPunct(j, ":"))
                    {
                        colon = j;
                        break;
                    }
                    if (_b.IsPunct(j, ","))
                        break;
                    j = _b.Tokens[j].IsOpen ? Math.Min(_b.After(j), to) : j + 1;
                }
                if (colon <= patternStart)
                {
                    var last = Math.Max(patternStart, (colon < 0 ? j : colon) - 1);
                    _errors.Add(new SyntaxError(_b.SpanOf(patternStart, Math.Min(last, Count - 1)),
                        colon < 0 ? "expected ':' and the parameter's type" : "expected a parameter pattern before ':'"));
                    i = j;
                }
                else
                {
                    i = colon + 1;
                    if (_b.IsPunct(i, "..."))
                    {
                        isVariadic = true; // `args: ...`
                        i++;
                    }
                    else
                    {
                        var type = ParseType(ref i, to, 0);
                        if (type.Span.Length == 0)
                            _errors.Add(new SyntaxError(new TextSpan(_b.EndOf(colon), 0), "expected the parameter's type after ':'"));
                        parameters.Add(new RustParam(_b.Normalized(patternStart, colon - 1), _b.SpanOf(patternStart, colon - 1), type));
                    }
                }
            }
            if (i >= to)
                break;
            if (_b.IsPunct(i, ","))
            {
                i++;
                continue;
            }
            var bad = i;
            while (i < to && !_b.IsPunct(i, ","))
                i = _b.Tokens[i].IsOpen ? Math.Min(_b.After(i), to) : i + 1;
            _errors.Add(new SyntaxError(_b.SpanOf(bad, i - 1), "expected ',' or ')' after the parameter"));
            if (i < to)
                i++;
        }
        return (parameters.ToImmutable(), isVariadic);
    }

    /// <summary>Skips `&lt;…&gt;` starting at a `&lt;`; false when it is not closed before a `{`, `;` or the end.</summary>
    private bool SkipGenerics(ref int i)
    {
        var depth = 0;
        var j = i;
        while (j < Count)
        {
            var token = _b.Tokens[j];
            if (_b.IsPunct(j, "<"))
            {
                depth++;
            }
            else if (_b.IsPunct(j, ">"))
            {
                if (--depth == 0)
                {
                    i = j + 1;
                    return true;
                }
            }
            else if (token.Kind == RustTokenKind.OpenBrace || token.IsClose || _b.IsPunct(j, ";"))
            {
                i = j;
                return false;
            }
            else if (token.IsOpen)
            {
                j = _b.After(j);
                continue;
            }
            j++;
        }
        i = j;
        return false;
    }

    /// <summary>Skips `where …` up to (not including) the `{` or `;` that follows it.</summary>
    private void SkipWhereClause(ref int i)
    {
        while (i < Count)
        {
            var token = _b.Tokens[i];
            if (token.Kind == RustTokenKind.OpenBrace || token.IsClose || _b.IsPunct(i, ";"))
                return;
            // A `(` here is a tuple struct's field list only before `where`; after it, it is `Fn(…)` sugar.
            i = token.IsOpen ? _b.After(i) : i + 1;
        }
    }

    /// <summary>Reports what was expected at token <paramref name="i"/>; skips ahead unless that token already starts the next item.</summary>
    private void ExpectedAt(int i, string message)
    {
        if (i >= Count || IsItemStart(i) || _b.Tokens[i].IsClose)
        {
            var at = i >= Count ? new TextSpan(Text.Length, 0) : _b.SpanOf(i);
            _errors.Add(new SyntaxError(at, message));
            _pos = i;
            return;
        }
        _pos = i;
        Recover(i, message);
    }

    private void ParseStruct(ItemHeader h, bool isUnion)
    {
        _pos++; // struct / union
        if (!_b.IsName(_pos))
        {
            Recover(h.Start, isUnion ? "expected a union name" : "expected a struct name");
            return;
        }
        var nameIndex = _pos++;
        if (!TrySkipItemGenerics(h, out var hasGenerics))
            return;
        if (_b.IsWord(_pos, "where"))
            SkipWhereClause(ref _pos);

        ImmutableArray<RustField> fields = [];
        var isTuple = false;
        string? error = null;
        if (_b.IsPunct(_pos, ";") && !isUnion)
        {
            _pos++;
        }
        else if (_b.Is(_pos, RustTokenKind.OpenBrace))
        {
            fields = ParseFieldGroup(_pos, tuple: false);
            _pos = _b.After(_pos);
        }
        else if (_b.Is(_pos, RustTokenKind.OpenParen) && !isUnion)
        {
            isTuple = true;
            fields = ParseFieldGroup(_pos, tuple: true);
            _pos = _b.After(_pos);
            if (_b.IsWord(_pos, "where"))
                SkipWhereClause(ref _pos);
            if (_b.IsPunct(_pos, ";"))
                _pos++;
            else
                error = "expected ';' after the tuple struct";
        }
        else
        {
            Recover(h.Start, isUnion ? "expected '{' and the union's fields" : "expected '{', '(' or ';' after the struct name");
            return;
        }

        var a = h.Attributes;
        _structs.Add(new RustStruct(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), FullSpan(h), h.Context.ModulePath, CfgFor(h), h.IsPub, AllowedFor(h),
            isUnion, isTuple, a.Repr, hasGenerics, fields));
        if (error is not null)
            ExpectedAt(_pos, error);
    }

    /// <summary>The fields of `{ a: T, … }` or `( T, … )` whose opening bracket is at <paramref name="open"/>.</summary>
    private ImmutableArray<RustField> ParseFieldGroup(int open, bool tuple)
    {
        var to = _b.Match(open);
        if (to < 0)
        {
            ReportUnclosed(open, tuple ? "tuple struct's fields" : "field list");
            to = Count;
        }
        var fields = ImmutableArray.CreateBuilder<RustField>();
        var i = open + 1;
        while (i < to)
        {
            var attributes = ParseOuterAttributes(ref i, to);
            ParseVisibility(ref i);
            if (i >= to)
                break;
            var start = i;
            if (tuple)
            {
                var type = ParseType(ref i, to, 0);
                if (i > start)
                    fields.Add(new RustField(fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), type.Span, type, attributes.Cfg));
            }
            else if (_b.IsName(i) && _b.IsPunct(i + 1, ":"))
            {
                var nameIndex = i;
                i += 2;
                var type = ParseType(ref i, to, 0);
                fields.Add(new RustField(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), type, attributes.Cfg));
            }
            if (i < to && _b.IsPunct(i, ","))
            {
                i++;
                continue;
            }
            if (i >= to)
                break;
            var bad = i;
            while (i < to && !_b.IsPunct(i, ","))
                i = _b.Tokens[i].IsOpen ? Math.Min(_b.After(i), to) : i + 1;
            _errors.Add(new SyntaxError(_b.SpanOf(bad, i - 1), tuple ? "expected a field type" : "expected a field: 'name: Type'"));
            if (i < to)
                i++;
        }
        return fields.ToImmutable();
    }

    private void ParseEnum(ItemHeader h)
    {
        _pos++; // enum
        if (!_b.IsName(_pos))
        {
            Recover(h.Start, "expected an enum name");
            return;
        }
        var nameIndex = _pos++;
        if (!TrySkipItemGenerics(h, out _))
            return;
        if (_b.IsWord(_pos, "where"))
            SkipWhereClause(ref _pos);
        if (!_b.Is(_pos, RustTokenKind.OpenBrace))
        {
            Recover(h.Start, "expected '{' and the enum's variants");
            return;
        }

        var open = _pos;
        var to = _b.Match(open);
        if (to < 0)
        {
            ReportUnclosed(open, "enum's variants");
            to = Count;
        }
        var variants = ImmutableArray.CreateBuilder<RustVariant>();
        var i = open + 1;
        while (i < to)
        {
            var attributes = ParseOuterAttributes(ref i, to);
            ParseVisibility(ref i);
            if (i >= to)
                break;
            if (_b.IsName(i))
            {
                var variantName = i++;
                var hasFields = false;
                if (_b.Is(i, RustTokenKind.OpenParen) || _b.Is(i, RustTokenKind.OpenBrace))
                {
                    hasFields = true;
                    i = Math.Min(_b.After(i), to);
                }
                long? value = null;
                string? text = null;
                if (_b.IsPunct(i, "="))
                {
                    var exprStart = ++i;
                    while (i < to && !_b.IsPunct(i, ","))
                        i = _b.Tokens[i].IsOpen ? Math.Min(_b.After(i), to) : i + 1;
                    text = _b.Normalized(exprStart, i - 1);
                    value = IntegerLiteral(exprStart, i);
                }
                variants.Add(new RustVariant(_b.NameOf(variantName), _b.SpanOf(variantName), value, text, hasFields, attributes.Cfg));
                if (i < to && _b.IsPunct(i, ","))
                {
                    i++;
                    continue;
                }
                if (i >= to)
                    break;
            }
            var bad = i;
            while (i < to && !_b.IsPunct(i, ","))
                i = _b.Tokens[i].IsOpen ? Math.Min(_b.After(i), to) : i + 1;
            _errors.Add(new SyntaxError(_b.SpanOf(bad, Math.Max(bad, i - 1)), "expected an enum variant"));
            if (i < to)
                i++;
        }
        _pos = Math.Min(to + 1, Count);
        _enums.Add(new RustEnum(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), FullSpan(h), h.Context.ModulePath, CfgFor(h), h.IsPub, AllowedFor(h),
            h.Attributes.Repr, variants.ToImmutable()));
    }

    /// <summary>The value of tokens [from, to) when they are an integer literal, optionally negated.</summary>
    private long? IntegerLiteral(int from, int to)
    {
        if (to - from == 1 && _b.Is(from, RustTokenKind.Integer))
            return RustLiterals.ParseInteger(_b.Span(from));
        if (to - from == 2 && _b.IsPunct(from, "-") && _b.Is(from + 1, RustTokenKind.Integer))
            return RustLiterals.ParseInteger(_b.Span(from + 1), negate: true);
        return null;
    }

    private void ParseTypeAlias(ItemHeader h)
    {
        _pos++; // type
        if (!_b.IsName(_pos))
        {
            Recover(h.Start, "expected a type alias name");
            return;
        }
        var nameIndex = _pos++;
        if (!TrySkipItemGenerics(h, out var hasGenerics))
            return;
        if (_b.IsWord(_pos, "where"))
        {
            while (_pos < Count && !_b.IsPunct(_pos, "=") && !_b.IsPunct(_pos, ";") && !_b.Tokens[_pos].IsClose && _b.Kind(_pos) != RustTokenKind.OpenBrace)
                _pos = _b.Tokens[_pos].IsOpen ? _b.After(_pos) : _pos + 1;
        }
        if (!_b.IsPunct(_pos, "="))
        {
            // `type Opaque;` in an extern block, or an associated type: nothing to report.
            SkipToSemicolon(h.Start, "type declaration");
            return;
        }
        _pos++;
        var type = ParseType(ref _pos, Count, 0);
        if (_b.IsWord(_pos, "where"))
            SkipWhereClause(ref _pos);
        var missingSemicolon = !_b.IsPunct(_pos, ";");
        if (!missingSemicolon)
            _pos++;
        _aliases.Add(new RustTypeAlias(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), FullSpan(h), h.Context.ModulePath, CfgFor(h), h.IsPub, AllowedFor(h),
            type, hasGenerics));
        if (missingSemicolon)
            ExpectedAt(_pos, "expected ';' after the type alias");
    }

    private void ParseConst(ItemHeader h)
    {
        _pos++; // const
        if (!_b.IsName(_pos) || !_b.IsPunct(_pos + 1, ":"))
        {
            Recover(h.Start, "expected 'NAME: Type = value' after 'const'");
            return;
        }
        var nameIndex = _pos;
        _pos += 2;
        var type = ParseType(ref _pos, Count, 0);
        long? value = null;
        if (_b.IsPunct(_pos, "="))
        {
            var exprStart = ++_pos;
            while (_pos < Count && !_b.IsPunct(_pos, ";") && !_b.Tokens[_pos].IsClose)
                _pos = _b.Tokens[_pos].IsOpen ? _b.After(_pos) : _pos + 1;
            value = IntegerLiteral(exprStart, _pos);
        }
        var missingSemicolon = !_b.IsPunct(_pos, ";");
        if (!missingSemicolon)
            _pos++;
        _consts.Add(new RustConst(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), FullSpan(h), h.Context.ModulePath, CfgFor(h), h.IsPub, AllowedFor(h),
            type, value));
        if (missingSemicolon)
            ExpectedAt(_pos, "expected ';' after the constant");
    }

    private void ParseUse(ItemHeader h)
    {
        _pos++; // use
        var cfg = CfgFor(h);
        if (!ParseUseTree(ref _pos, [], cfg, h.Context.ModulePath, 0))
        {
            Recover(h.Start, "expected a path after 'use'");
            return;
        }
        if (_b.IsPunct(_pos, ";"))
            _pos++;
        else
            ExpectedAt(_pos, "expected ';' after the 'use' declaration");
    }

    /// <summary>One use tree: `a::b`, `a::b as c`, `a::*`, `a::{…}`; flattened into <see cref="RustUse"/> entries.</summary>
    private bool ParseUseTree(ref int i, List<string> prefix, RustCfg? cfg, string modulePath, int depth)
    {
        if (depth > MaxUseDepth)
            return false;
        if (_b.IsPunct(i, "::"))
            i++;
        var path = new List<string>(prefix);
        while (i < Count)
        {
            if (_b.Is(i, RustTokenKind.OpenBrace))
            {
                var close = _b.Match(i);
                if (close < 0)
                    return false;
                var j = i + 1;
                while (j < close)
                {
                    var before = j;
                    if (!ParseUseTree(ref j, path, cfg, modulePath, depth + 1) || j == before)
                    {
                        _errors.Add(new SyntaxError(_b.SpanOf(before, close - 1), "expected a path in the 'use' group"));
                        break;
                    }
                    if (j < close && !_b.IsPunct(j++, ","))
                    {
                        _errors.Add(new SyntaxError(_b.SpanOf(j - 1), "expected ',' or '}' in the 'use' group"));
                        break;
                    }
                }
                i = close + 1;
                return true;
            }
            if (_b.IsPunct(i, "*"))
            {
                i++;
                _uses.Add(new RustUse([.. path], "*", modulePath, cfg));
                return true;
            }
            if (!_b.IsName(i))
                return false;
            var segment = _b.NameOf(i++);
            if (_b.IsPunct(i, "::"))
            {
                path.Add(segment);
                i++;
                continue;
            }
            string alias;
            if (segment == "self" && path.Count > 0)
            {
                alias = path[^1]; // `use a::{self}` imports `a`
            }
            else
            {
                path.Add(segment);
                alias = segment;
            }
            if (_b.IsWord(i, "as") && _b.IsName(i + 1))
            {
                alias = _b.NameOf(i + 1);
                i += 2;
            }
            _uses.Add(new RustUse([.. path], alias, modulePath, cfg));
            return true;
        }
        return false;
    }

    private void ParseMod(ItemHeader h)
    {
        _pos++; // mod
        if (!_b.IsName(_pos))
        {
            Recover(h.Start, "expected a module name after 'mod'");
            return;
        }
        var nameIndex = _pos++;
        var name = _b.NameOf(nameIndex);
        var cfg = CfgFor(h);
        if (_b.IsPunct(_pos, ";"))
        {
            _pos++;
            _modDecls.Add(new RustModDecl(name, _b.SpanOf(nameIndex), h.Context.ModulePath, cfg, h.Attributes.Path));
            return;
        }
        if (!_b.Is(_pos, RustTokenKind.OpenBrace))
        {
            Recover(h.Start, "expected ';' or '{' after the module name");
            return;
        }
        var close = _b.Match(_pos);
        if (close < 0)
            ReportUnclosed(_pos, $"module '{name}'");
        if (_contexts.Count > MaxContextDepth)
        {
            // Module paths are strings: unbounded nesting would cost quadratic memory. No real crate nests this deep.
            _errors.Add(new SyntaxError(_b.SpanOf(nameIndex), $"modules nested deeper than {MaxContextDepth} levels are not read"));
            _pos = _b.After(_pos);
            return;
        }
        var path = h.Context.ModulePath.Length == 0 ? name : h.Context.ModulePath + "::" + name;
        _contexts.Add(new ParseContext(path, cfg, close < 0 ? int.MaxValue : close, null, null));
        _pos++;
    }

    private void OpenForeignBlock(ItemHeader h, string abi, TextSpan? abiSpan)
    {
        var close = _b.Match(_pos);
        if (close < 0)
            ReportUnclosed(_pos, "extern block");
        if (_contexts.Count > MaxContextDepth)
        {
            _errors.Add(new SyntaxError(_b.SpanOf(_pos), $"blocks nested deeper than {MaxContextDepth} levels are not read"));
            _pos = _b.After(_pos);
            return;
        }
        _contexts.Add(new ParseContext(h.Context.ModulePath, CfgFor(h), close < 0 ? int.MaxValue : close, abi, abiSpan));
        _pos++;
    }

    private void ParseMacroDefinition(ItemHeader h)
    {
        _pos += 2; // macro_rules !
        if (!_b.IsName(_pos) || !(_b.Tokens.Length > _pos + 1 && _b.Tokens[_pos + 1].IsOpen))
        {
            Recover(h.Start, "expected a macro name and its rules after 'macro_rules!'");
            return;
        }
        var nameIndex = _pos;
        AddMacro(h, nameIndex, _pos + 1, isDefinition: true);
    }

    /// <summary>`name!(…)`, `name![…]`, `name!{…}`, `path::name!(…)` at item level.</summary>
    private bool IsMacroInvocationStart(int i)
    {
        if (_b.IsPunct(i, "::"))
            i++;
        while (_b.IsName(i) && _b.IsPunct(i + 1, "::"))
            i += 2;
        return _b.IsName(i) && _b.IsPunct(i + 1, "!") && _b.Tokens.Length > i + 2 && _b.Tokens[i + 2].IsOpen;
    }

    private void ParseMacroInvocation(ItemHeader h)
    {
        var i = _pos;
        if (_b.IsPunct(i, "::"))
            i++;
        while (_b.IsName(i) && _b.IsPunct(i + 1, "::"))
            i += 2;
        _pos = i;
        AddMacro(h, i, i + 2, isDefinition: false);
    }

    private void AddMacro(ItemHeader h, int nameIndex, int open, bool isDefinition)
    {
        var close = _b.Match(open);
        if (close < 0)
        {
            ReportUnclosed(open, isDefinition ? "macro definition" : "macro invocation");
            close = Count;
        }
        var identifiers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mentionsExport = false;
        for (var k = open + 1; k < close; k++)
        {
            if (!_b.IsName(k))
                continue;
            var word = _b.NameOf(k);
            if (word is "no_mangle" or "export_name")
                mentionsExport = true;
            if (seen.Add(word))
                identifiers.Add(word);
        }
        _pos = Math.Min(close + 1, Count);
        if (_b.Kind(open) != RustTokenKind.OpenBrace && _b.IsPunct(_pos, ";"))
            _pos++;
        _macros.Add(new RustMacro(_b.NameOf(nameIndex), _b.SpanOf(nameIndex), h.Context.ModulePath, isDefinition, mentionsExport, [.. identifiers]));
    }
}
