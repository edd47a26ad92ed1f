using System.Collections.Frozen;

namespace HybridLsp.Syntax.Rust;

// Outer attributes: `#[no_mangle]`, `#[export_name]`, `#[cfg]`, `#[repr]`, `#[path]`, also inside `#[unsafe(…)]`.
internal sealed partial class ItemParser
{
    private static readonly FrozenSet<string> s_intReprs = FrozenSet.ToFrozenSet(
        ["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"], StringComparer.Ordinal);

    /// <summary>Reads `#[…]` attributes starting at <paramref name="i"/>; unknown ones are skipped.</summary>
    private AttributeInfo ParseOuterAttributes(ref int i, int limit)
    {
        var info = new AttributeInfo();
        while (i < limit && _b.IsPunct(i, "#") && _b.Is(i + 1, RustTokenKind.OpenBracket))
        {
            if (info.FirstToken < 0)
                info.FirstToken = i;
            if (_b.Match(i + 1) < 0)
            {
                ReportUnclosed(i + 1, "attribute");
                info.Unclosed = true;
                i = limit;
                break;
            }
            ReadAttribute(i, i + 1, info);
            i = _b.After(i + 1);
        }
        return info;
    }

    /// <summary>Reads the attribute `#[…]` (or `#![…]`) whose `[` is at <paramref name="open"/>.</summary>
    private void ReadAttribute(int hash, int open, AttributeInfo info)
    {
        var close = _b.Match(open);
        if (close < 0)
            return;
        ReadAttributeContent(hash, close, open + 1, close, info);
    }

    private void ReadAttributeContent(int hash, int closeBracket, int from, int to, AttributeInfo info)
    {
        if (from >= to || !_b.IsName(from))
            return;
        var name = _b.Span(from);

        // Edition 2024: `#[unsafe(no_mangle)]`, `#[unsafe(export_name = "…")]`.
        if (name.SequenceEqual("unsafe") && _b.Is(from + 1, RustTokenKind.OpenParen) && _b.Match(from + 1) is var inner and > 0 && inner < to)
        {
            ReadAttributeContent(hash, closeBracket, from + 2, inner, info);
            return;
        }
        if (name.SequenceEqual("no_mangle") && from + 1 == to)
        {
            info.NoMangleSpan = _b.SpanOf(hash, closeBracket);
            return;
        }
        if ((name.SequenceEqual("export_name") || name.SequenceEqual("path")) && _b.IsPunct(from + 1, "=") && _b.Is(from + 2, RustTokenKind.String))
        {
            var value = RustLiterals.ParseString(_b.Span(from + 2));
            if (name.SequenceEqual("path"))
            {
                info.Path = value;
            }
            else
            {
                info.ExportName = value;
                info.ExportNameSpan = _b.SpanOf(from + 2);
            }
            return;
        }
        if (name.SequenceEqual("cfg"))
        {
            var cfg = _b.Is(from + 1, RustTokenKind.OpenParen) && _b.Match(from + 1) == to - 1
                ? CfgParser.Parse(_b, from + 2, to - 1)
                : new RustCfg.Invalid(_b.Normalized(from, to - 1));
            info.Cfg = RustCfg.And(info.Cfg, cfg);
            return;
        }
        if (name.SequenceEqual("cfg_attr") && _b.Is(from + 1, RustTokenKind.OpenParen) && _b.Match(from + 1) is var cfgAttrClose and > 0 && cfgAttrClose < to)
        {
            ReadCfgAttr(hash, closeBracket, from + 2, cfgAttrClose, info);
            return;
        }
        if (name.SequenceEqual("repr") && _b.Is(from + 1, RustTokenKind.OpenParen) && _b.Match(from + 1) is var reprClose and > 0 && reprClose < to)
            ReadRepr(from + 2, reprClose, info);
    }

    /// <summary>`cfg_attr(pred, attr, …)`: export attributes count under the predicate; repr is taken as written.</summary>
    private void ReadCfgAttr(int hash, int closeBracket, int from, int to, AttributeInfo info)
    {
        var parts = new List<(int From, int To)>();
        var partStart = from;
        var i = from;
        while (i < to)
        {
            if (_b.IsPunct(i, ","))
            {
                parts.Add((partStart, i));
                partStart = i + 1;
                i++;
                continue;
            }
            i = _b.Tokens[i].IsOpen ? Math.Min(_b.After(i), to) : i + 1;
        }
        if (partStart < to)
            parts.Add((partStart, to));
        if (parts.Count < 2)
            return;
        var predicate = CfgParser.Parse(_b, parts[0].From, parts[0].To);
        foreach (var (start, end) in parts.Skip(1))
        {
            var inner = new AttributeInfo();
            ReadAttributeContent(hash, closeBracket, start, end, inner);
            if (inner.NoMangleSpan is not null || inner.ExportName is not null)
            {
                info.NoMangleSpan ??= inner.NoMangleSpan;
                if (inner.ExportName is not null)
                {
                    info.ExportName = inner.ExportName;
                    info.ExportNameSpan = inner.ExportNameSpan;
                }
                info.ExportCfg = RustCfg.And(info.ExportCfg, predicate);
            }
            if (!inner.Repr.IsNone)
            {
                info.ReprC |= inner.ReprC;
                info.ReprTransparent |= inner.ReprTransparent;
                info.ReprInt ??= inner.ReprInt;
                info.ReprPacked ??= inner.ReprPacked;
                info.ReprAlign ??= inner.ReprAlign;
            }
        }
    }

    /// <summary>`C`, `transparent`, `u8`…, `packed`, `packed(N)`, `align(N)`, comma-separated.</summary>
    private void ReadRepr(int from, int to, AttributeInfo info)
    {
        var i = from;
        while (i < to)
        {
            if (_b.IsName(i))
            {
                var word = _b.TextOf(i);
                var argOpen = i + 1;
                int? arg = null;
                if (_b.Is(argOpen, RustTokenKind.OpenParen) && _b.Match(argOpen) == argOpen + 2 && _b.Is(argOpen + 1, RustTokenKind.Integer)
                    && RustLiterals.ParseInteger(_b.Span(argOpen + 1)) is { } n && n is > 0 and <= int.MaxValue)
                {
                    arg = (int)n;
                }
                switch (word)
                {
                    case "C":
                        info.ReprC = true;
                        break;
                    case "transparent":
                        info.ReprTransparent = true;
                        break;
                    case "packed":
                        info.ReprPacked = arg ?? 1;
                        break;
                    case "align" when arg is not null:
                        info.ReprAlign = arg;
                        break;
                    default:
                        if (s_intReprs.Contains(word))
                            info.ReprInt = word;
                        break;
                }
                i++;
                if (_b.Is(i, RustTokenKind.OpenParen))
                    i = _b.After(i);
            }
            else
            {
                i = _b.Tokens[i].IsOpen ? _b.After(i) : i + 1;
            }
            while (i < to && !_b.IsPunct(i, ","))
                i = _b.Tokens[i].IsOpen ? _b.After(i) : i + 1;
            i++;
        }
    }
}
