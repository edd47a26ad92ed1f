using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

// Types in signatures, fields and aliases. Recursive descent with a depth cap (deeper types become RustOtherType),
// bounded by a token limit so a type never runs past the group it sits in.
internal sealed partial class ItemParser
{
    private const int MaxTypeDepth = 64;

    /// <summary>A type starting at token <paramref name="i"/>; never null. Nothing readable gives an empty <see cref="RustOtherType"/>.</summary>
    private RustType ParseType(ref int i, int limit, int depth)
    {
        var start = i;
        var type = ParsePrimaryType(ref i, limit, depth);
        // `Trait + Send` (bare trait object, pre-2021) or `impl A + B` that stopped early.
        if (i < limit && _b.IsPunct(i, "+") && i > start)
        {
            SkipTypeTokens(ref i, limit);
            return new RustOtherType(_b.SpanOf(start, i - 1), _b.Normalized(start, i - 1));
        }
        return type;
    }

    private RustType ParsePrimaryType(ref int i, int limit, int depth)
    {
        if (i >= limit)
            return new RustOtherType(new TextSpan(_b.EndOf(i - 1), 0), "");
        if (depth > MaxTypeDepth)
            return SkipAsOther(ref i, limit);

        var start = i;
        var token = _b.Tokens[i];
        switch (token.Kind)
        {
            case RustTokenKind.Punct when _b.IsPunct(i, "&"):
            {
                i++;
                if (i < limit && _b.Is(i, RustTokenKind.Lifetime))
                    i++;
                var mutable = i < limit && _b.IsWord(i, "mut");
                if (mutable)
                    i++;
                var pointee = ParseType(ref i, limit, depth + 1);
                return new RustRefType(Covering(start, i), mutable, pointee);
            }
            case RustTokenKind.Punct when _b.IsPunct(i, "*"):
            {
                i++;
                var mutable = i < limit && _b.IsWord(i, "mut");
                if (i < limit && (mutable || _b.IsWord(i, "const")))
                    i++;
                var pointee = ParseType(ref i, limit, depth + 1);
                return new RustPtrType(Covering(start, i), mutable, pointee);
            }
            case RustTokenKind.Punct when _b.IsPunct(i, "!"):
                i++;
                return new RustNeverType(_b.SpanOf(start));
            case RustTokenKind.Punct when _b.IsPunct(i, "<"):
                return SkipAsOther(ref i, limit); // `<T as Trait>::Assoc`
            case RustTokenKind.Punct when _b.IsPunct(i, "::"):
                return ParsePathType(ref i, limit, depth);
            case RustTokenKind.OpenBracket:
                return ParseArrayOrSlice(ref i, limit, depth);
            case RustTokenKind.OpenParen:
                return ParseTuple(ref i, limit, depth);
            case RustTokenKind.Identifier:
            {
                var word = _b.Span(i);
                if (word.SequenceEqual("_") || word.SequenceEqual("impl") || word.SequenceEqual("dyn"))
                    return SkipAsOther(ref i, limit);
                if (word.SequenceEqual("fn") || word.SequenceEqual("unsafe") || word.SequenceEqual("extern") || word.SequenceEqual("for"))
                    return ParseFnPointer(ref i, limit, depth);
                return ParsePathType(ref i, limit, depth);
            }
            case RustTokenKind.RawIdentifier:
                return ParsePathType(ref i, limit, depth);
            default:
                return SkipAsOther(ref i, limit);
        }
    }

    /// <summary>From the start of token <paramref name="start"/> to the end of the token before <paramref name="next"/>.</summary>
    private TextSpan Covering(int start, int next) => _b.SpanOf(start, next - 1);

    private RustType ParseArrayOrSlice(ref int i, int limit, int depth)
    {
        var start = i;
        var close = _b.Match(i);
        var inner = close < 0 || close >= limit ? limit : close;
        i++;
        var element = ParseType(ref i, inner, depth + 1);
        if (i < inner && _b.IsPunct(i, ";"))
        {
            var lengthStart = ++i;
            var length = IntegerLiteral(lengthStart, inner) is { } n && _b.IsPunct(lengthStart, "-") is false ? n : (long?)null;
            var text = _b.Normalized(lengthStart, inner - 1);
            i = Math.Min(inner + 1, limit);
            return new RustArrayType(Covering(start, i), element, length, text);
        }
        i = Math.Min(inner + 1, limit);
        return new RustSliceType(Covering(start, i), element);
    }

    private RustType ParseTuple(ref int i, int limit, int depth)
    {
        var start = i;
        var close = _b.Match(i);
        var inner = close < 0 || close >= limit ? limit : close;
        i++;
        var elements = ImmutableArray.CreateBuilder<RustType>();
        var sawComma = false;
        while (i < inner)
        {
            var before = i;
            elements.Add(ParseType(ref i, inner, depth + 1));
            if (i < inner && _b.IsPunct(i, ","))
            {
                sawComma = true;
                i++;
            }
            else if (i < inner || i == before)
            {
                // Something that is not a type list: keep the whole group as text.
                i = Math.Min(inner + 1, limit);
                return new RustOtherType(Covering(start, i), _b.Normalized(start, i - 1));
            }
        }
        i = Math.Min(inner + 1, limit);
        // `(T)` is T in parentheses, not a one-element tuple.
        if (elements.Count == 1 && !sawComma)
            return elements[0];
        return new RustTupleType(Covering(start, i), elements.ToImmutable());
    }

    private RustType ParsePathType(ref int i, int limit, int depth)
    {
        var start = i;
        var isGlobal = false;
        if (_b.IsPunct(i, "::"))
        {
            isGlobal = true;
            i++;
        }
        var segments = ImmutableArray.CreateBuilder<string>();
        var args = ImmutableArray.CreateBuilder<RustType>();
        while (i < limit && _b.IsName(i))
        {
            segments.Add(_b.NameOf(i));
            i++;
            if (i < limit && _b.IsPunct(i, "::") && _b.IsPunct(i + 1, "<"))
                i++; // turbofish in a type path
            if (i < limit && _b.IsPunct(i, "<"))
            {
                args.Clear();
                if (!ParseGenericArgs(ref i, limit, depth, args))
                {
                    SkipTypeTokens(ref i, limit);
                    return new RustOtherType(Covering(start, i), _b.Normalized(start, i - 1));
                }
            }
            if (i < limit && _b.IsPunct(i, "::") && _b.IsName(i + 1) && i + 1 < limit)
            {
                i++;
                continue;
            }
            break;
        }
        if (segments.Count == 0)
            return SkipAsOther(ref i, limit);
        // `Fn(A) -> B` sugar, or a macro in type position: not a plain path.
        if (i < limit && (_b.Is(i, RustTokenKind.OpenParen) || (_b.IsPunct(i, "!") && _b.Tokens.Length > i + 1 && _b.Tokens[i + 1].IsOpen)))
        {
            SkipTypeTokens(ref i, limit);
            return new RustOtherType(Covering(start, i), _b.Normalized(start, i - 1));
        }
        return new RustPathType(Covering(start, i), segments.ToImmutable(), args.ToImmutable(), isGlobal);
    }

    /// <summary>`&lt;T, 'a, N, Item = U&gt;`: types are parsed, lifetimes dropped, const and binding arguments kept as <see cref="RustOtherType"/>.</summary>
    private bool ParseGenericArgs(ref int i, int limit, int depth, ImmutableArray<RustType>.Builder args)
    {
        i++; // <
        while (i < limit)
        {
            if (_b.IsPunct(i, ">"))
            {
                i++;
                return true;
            }
            var before = i;
            if (_b.Is(i, RustTokenKind.Lifetime))
            {
                i++;
            }
            else if (_b.IsName(i) && (_b.IsPunct(i + 1, "=") || _b.IsPunct(i + 1, ":")))
            {
                // `Item = T` / `Item: Bound`
                i += 2;
                ParseType(ref i, limit, depth + 1);
                args.Add(new RustOtherType(Covering(before, i), _b.Normalized(before, i - 1)));
            }
            else if (_b.Kind(i) is RustTokenKind.Integer or RustTokenKind.OpenBrace or RustTokenKind.Char or RustTokenKind.String
                || _b.IsPunct(i, "-") || _b.IsWord(i, "true") || _b.IsWord(i, "false"))
            {
                SkipTypeTokens(ref i, limit);
                args.Add(new RustOtherType(Covering(before, i), _b.Normalized(before, i - 1)));
            }
            else
            {
                args.Add(ParseType(ref i, limit, depth + 1));
            }
            if (i < limit && _b.IsPunct(i, ","))
            {
                i++;
                continue;
            }
            if (i < limit && _b.IsPunct(i, ">"))
                continue;
            return false;
        }
        return false;
    }

    /// <summary>`for&lt;'a&gt; unsafe extern "C" fn(A, B, ...) -> R`.</summary>
    private RustType ParseFnPointer(ref int i, int limit, int depth)
    {
        var start = i;
        if (_b.IsWord(i, "for") && _b.IsPunct(i + 1, "<"))
        {
            i++;
            if (!SkipGenerics(ref i))
                return SkipAsOther(ref i, limit);
        }
        var isUnsafe = false;
        string? abi = null;
        if (i < limit && _b.IsWord(i, "unsafe"))
        {
            isUnsafe = true;
            i++;
        }
        if (i < limit && _b.IsWord(i, "extern"))
        {
            i++;
            abi = "C";
            if (i < limit && _b.Is(i, RustTokenKind.String))
                abi = RustLiterals.ParseString(_b.Span(i++));
        }
        if (i >= limit || !_b.IsWord(i, "fn") || !_b.Is(i + 1, RustTokenKind.OpenParen))
        {
            i = start;
            return SkipAsOther(ref i, limit);
        }
        i++;
        var close = _b.Match(i);
        var inner = close < 0 || close >= limit ? limit : close;
        i++;
        var parameters = ImmutableArray.CreateBuilder<RustType>();
        var isVariadic = false;
        while (i < inner)
        {
            ParseOuterAttributes(ref i, inner);
            if (_b.IsName(i) && _b.IsPunct(i + 1, ":"))
                i += 2; // a named parameter `fn(x: i32)`
            if (_b.IsPunct(i, "..."))
            {
                isVariadic = true;
                i++;
            }
            else
            {
                var before = i;
                parameters.Add(ParseType(ref i, inner, depth + 1));
                if (i == before)
                    break;
            }
            if (i < inner && _b.IsPunct(i, ","))
                i++;
            else
                break;
        }
        i = Math.Min(inner + 1, limit);
        RustType? returnType = null;
        if (i < limit && _b.IsPunct(i, "->"))
        {
            i++;
            returnType = ParseType(ref i, limit, depth + 1);
        }
        return new RustFnPtrType(Covering(start, i), isUnsafe, abi, parameters.ToImmutable(), returnType, isVariadic);
    }

    /// <summary>Consumes the tokens of a type this parser does not model and returns them as text.</summary>
    private RustOtherType SkipAsOther(ref int i, int limit)
    {
        var start = i;
        SkipTypeTokens(ref i, limit);
        if (i == start && i < limit && !_b.Tokens[i].IsClose && !_b.IsPunct(i, ",") && !_b.IsPunct(i, ";") && !_b.IsPunct(i, "=")
            && !_b.IsPunct(i, ">") && _b.Kind(i) != RustTokenKind.OpenBrace)
        {
            i++; // a stray token: take it so that callers always make progress
        }
        return i == start
            ? new RustOtherType(new TextSpan(_b.StartOf(i), 0), "")
            : new RustOtherType(Covering(start, i), _b.Normalized(start, i - 1));
    }

    /// <summary>Moves past type tokens up to a `,`, `;`, `=`, `{`, `where`, an unbalanced `&gt;` or a closing bracket at depth 0.</summary>
    private void SkipTypeTokens(ref int i, int limit)
    {
        var angle = 0;
        while (i < limit)
        {
            var token = _b.Tokens[i];
            if (token.IsClose || token.Kind == RustTokenKind.OpenBrace && angle == 0)
                return;
            if (angle == 0 && (_b.IsPunct(i, ",") || _b.IsPunct(i, ";") || _b.IsPunct(i, "=") || _b.IsWord(i, "where")))
                return;
            if (_b.IsPunct(i, "<"))
            {
                angle++;
            }
            else if (_b.IsPunct(i, ">"))
            {
                if (angle == 0)
                    return;
                angle--;
            }
            else if (token.IsOpen)
            {
                i = Math.Min(_b.After(i), limit);
                continue;
            }
            i++;
        }
    }
}
