namespace HybridLsp.Syntax.Rust;

// `cfg_if::cfg_if! { if #[cfg(a)] { items } else if #[cfg(b)] { items } else { items } }` is how many FFI crates
// choose per-platform exports. It is expanded here instead of being left as an opaque macro: each branch's items are
// parsed with the branch's condition (`a`; `all(not(any(a)), b)`; `not(any(a, b))`) AND-combined into their cfg.
// The invocation itself is then not reported as a RustMacro: its items are.
internal sealed partial class ItemParser
{
    private bool TryOpenCfgIf(ItemHeader h)
    {
        var i = _pos;
        if (_b.IsPunct(i, "::"))
            i++;
        while (_b.IsName(i) && _b.IsPunct(i + 1, "::"))
            i += 2;
        if (!_b.IsWord(i, "cfg_if") || !_b.IsPunct(i + 1, "!"))
            return false;
        var open = i + 2;
        var close = _b.Match(open);
        if (close < 0)
            return false;

        var branches = new List<(int Open, int Close, RustCfg? Cfg)>();
        var j = open + 1;
        while (j < close)
        {
            // One chain: if #[cfg(p1)] { … } else if #[cfg(p2)] { … } … else { … }
            var previous = new List<RustCfg>();
            if (!_b.IsWord(j, "if"))
                return false;
            while (true)
            {
                if (!_b.IsWord(j, "if") || !_b.IsPunct(j + 1, "#") || !_b.Is(j + 2, RustTokenKind.OpenBracket))
                    return false;
                var attributes = new AttributeInfo();
                ReadAttribute(j + 1, j + 2, attributes);
                j = _b.After(j + 2);
                var blockClose = _b.Match(j);
                if (attributes.Cfg is null || !_b.Is(j, RustTokenKind.OpenBrace) || blockClose < 0 || blockClose >= close)
                    return false;
                var condition = previous.Count == 0 ? attributes.Cfg : RustCfg.And(new RustCfg.Not(new RustCfg.Any([.. previous])), attributes.Cfg);
                branches.Add((j, blockClose, condition));
                previous.Add(attributes.Cfg);
                j = blockClose + 1;
                if (!_b.IsWord(j, "else"))
                    break;
                j++;
                if (_b.IsWord(j, "if"))
                    continue;
                var elseClose = _b.Match(j);
                if (!_b.Is(j, RustTokenKind.OpenBrace) || elseClose < 0 || elseClose >= close)
                    return false;
                branches.Add((j, elseClose, new RustCfg.Not(new RustCfg.Any([.. previous]))));
                j = elseClose + 1;
                break;
            }
        }
        if (branches.Count == 0 || _contexts.Count + branches.Count > MaxContextDepth)
            return false;

        var resume = close + 1;
        if (_b.Kind(open) != RustTokenKind.OpenBrace && _b.IsPunct(resume, ";"))
            resume++;
        var baseCfg = CfgFor(h);
        // Pushed last-first so that the first branch is on top; each one hands over to the next when it closes.
        for (var k = branches.Count - 1; k >= 0; k--)
        {
            var next = k + 1 < branches.Count ? branches[k + 1].Open + 1 : resume;
            _contexts.Add(new ParseContext(h.Context.ModulePath, RustCfg.And(baseCfg, branches[k].Cfg), branches[k].Close, h.Context.ForeignAbi, h.Context.ForeignAbiSpan, next));
        }
        _pos = branches[0].Open + 1;
        return true;
    }
}
