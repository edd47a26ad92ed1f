using System.Collections.Immutable;

namespace HybridLsp.Syntax.Rust;

/// <summary>Reads the predicate of `#[cfg(…)]`: `all(…)`, `any(…)`, `not(…)`, `name`, `key = "value"`, `true`/`false`.</summary>
internal static class CfgParser
{
    private const int MaxDepth = 64;

    /// <summary>The predicate in tokens [<paramref name="from"/>, <paramref name="to"/>); a malformed one is <see cref="RustCfg.Invalid"/>.</summary>
    public static RustCfg Parse(TokenBuffer b, int from, int to)
    {
        var i = from;
        var cfg = ParsePredicate(b, ref i, to, 0);
        if (cfg is not null && i < to && b.IsPunct(i, ","))
            i++;
        return cfg is not null && i == to ? cfg : new RustCfg.Invalid(b.Normalized(from, to - 1));
    }

    private static RustCfg? ParsePredicate(TokenBuffer b, ref int i, int to, int depth)
    {
        if (i >= to || depth > MaxDepth || !b.IsName(i))
            return null;
        var name = b.NameOf(i);
        i++;
        if (i < to && b.Is(i, RustTokenKind.OpenParen) && name is "all" or "any" or "not")
        {
            var close = b.Match(i);
            if (close < 0 || close >= to)
                return null;
            var items = ImmutableArray.CreateBuilder<RustCfg>();
            var j = i + 1;
            while (j < close)
            {
                var item = ParsePredicate(b, ref j, close, depth + 1);
                if (item is null)
                    return null;
                items.Add(item);
                if (j < close && !b.IsPunct(j++, ","))
                    return null;
            }
            i = close + 1;
            if (name == "not")
                return items.Count == 1 ? new RustCfg.Not(items[0]) : null;
            return name == "all" ? new RustCfg.All(items.ToImmutable()) : new RustCfg.Any(items.ToImmutable());
        }
        if (i < to && b.IsPunct(i, "="))
        {
            if (i + 1 >= to || !b.Is(i + 1, RustTokenKind.String))
                return null;
            var value = RustLiterals.ParseString(b.Span(i + 1));
            i += 2;
            return new RustCfg.KeyValue(name, value);
        }
        // `cfg(true)` / `cfg(false)` (Rust 1.88): the neutral elements of all() and any().
        if (b.Is(i - 1, RustTokenKind.Identifier) && name is "true" or "false")
            return name == "true" ? new RustCfg.All([]) : new RustCfg.Any([]);
        return new RustCfg.Flag(name);
    }
}
