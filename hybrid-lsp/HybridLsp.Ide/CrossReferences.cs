using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

/// <summary>What is at a position, for navigation and hover.</summary>
internal abstract record XrefSite(TextSpan Origin);

/// <summary>A C# extern's name or entry point, or a call of it.</summary>
internal sealed record CsBindingSite(TextSpan Origin, Binding Binding, bool IsCallSite) : XrefSite(Origin);

/// <summary>The name of an exported Rust function.</summary>
internal sealed record RustExportSite(TextSpan Origin, RustCrate Crate, string Symbol, CrateItem<RustFunction> Function, ImmutableArray<Binding> Bindings) : XrefSite(Origin);

/// <summary>The declaration or definition of an exported C/C++ function.</summary>
internal sealed record CExportSite(TextSpan Origin, CLibrary Library, string Symbol, CLibraryFunction Function, ImmutableArray<Binding> Bindings) : XrefSite(Origin);

/// <summary>A C# or Rust struct/enum (or field) paired with the other side's through a binding.</summary>
internal sealed record TypeSite(TextSpan Origin, string Name, ImmutableArray<NavigationTarget> Others) : XrefSite(Origin);

/// <summary>Position → cross-language entity indexes for one snapshot.</summary>
internal sealed class CrossReferences
{
    private readonly Dictionary<string, List<XrefSite>> _sites = new(StringComparer.Ordinal);

    public static CrossReferences Build(SemanticModel model)
    {
        var x = new CrossReferences();
        foreach (var binding in model.Bindings)
        {
            x.Add(binding.Path, new CsBindingSite(binding.Method.NameSpan, binding, false));
            if (binding.Method.EntryPoint is { } ep)
                x.Add(binding.Path, new CsBindingSite(ep.Span, binding, false));
        }
        foreach (var call in model.CallSites)
            x.Add(call.Path, new CsBindingSite(call.Invocation.NameSpan, call.Binding, true));

        var bySymbol = model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved)
            .GroupBy(b => (b.Crate!, b.EntryPoint)).ToDictionary(g => g.Key, g => g.ToImmutableArray());
        foreach (var crate in model.Crates)
        {
            foreach (var (symbol, variants) in crate.ExportsBySymbol)
            {
                var bindings = bySymbol.GetValueOrDefault((crate, symbol), []);
                foreach (var variant in variants)
                {
                    x.Add(variant.Path, new RustExportSite(variant.Item.NameSpan, crate, symbol, variant, bindings));
                    if (variant.Item.ExportNameSpan is { } ens)
                        x.Add(variant.Path, new RustExportSite(ens, crate, symbol, variant, bindings));
                }
            }
        }
        var byCSymbol = model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved && b.CLibrary is not null)
            .GroupBy(b => (b.CLibrary!, b.EntryPoint)).ToDictionary(g => g.Key, g => g.ToImmutableArray());
        foreach (var library in model.CLibraries)
        {
            var added = new HashSet<(string, TextSpan)>();
            foreach (var target in library.Targets.Values)
            {
                foreach (var (symbol, function) in target.ExportsBySymbol)
                {
                    var bindings = byCSymbol.GetValueOrDefault((library, symbol), []);
                    foreach (var at in new[] { function.Declaration.NameSpan, function.Definition?.NameSpan }.OfType<Syntax.C.CSourceSpan>())
                    {
                        if (added.Add((at.File, at.Span)))
                            x.Add(at.File, new CExportSite(at.Span, library, symbol, function, bindings));
                    }
                }
            }
        }
        x.AddTypePairs(model);
        return x;
    }

    public XrefSite? At(string path, int offset)
    {
        if (!_sites.TryGetValue(path, out var list))
            return null;
        XrefSite? best = null;
        foreach (var site in list)
        {
            if (site.Origin.ContainsOrTouches(offset) && (best is null || site.Origin.Length < best.Origin.Length))
                best = site;
        }
        return best;
    }

    private void Add(string path, XrefSite site)
    {
        if (!_sites.TryGetValue(path, out var list))
            _sites[path] = list = [];
        list.Add(site);
    }

    /// <summary>Pairs C# structs/enums with Rust ones through the parameters and returns of resolved bindings, fields by position.</summary>
    private void AddTypePairs(SemanticModel model)
    {
        var pairs = new HashSet<(string CsPath, TextSpan CsSpan, string RustPath, TextSpan RustSpan)>();
        var csToRust = new Dictionary<(string, TextSpan), (string Name, List<NavigationTarget> Targets)>();
        var rustToCs = new Dictionary<(string, TextSpan), (string Name, List<NavigationTarget> Targets)>();

        void Pair(string csPath, TextSpan csSpan, TextSpan csFull, string csName, string rustPath, TextSpan rustSpan, TextSpan rustFull, string rustName)
        {
            if (!pairs.Add((csPath, csSpan, rustPath, rustSpan)))
                return;
            if (!csToRust.TryGetValue((csPath, csSpan), out var a))
                csToRust[(csPath, csSpan)] = a = (csName, []);
            a.Targets.Add(new NavigationTarget(rustPath, rustFull, rustSpan, rustName, LanguageOf(rustPath)));
            if (!rustToCs.TryGetValue((rustPath, rustSpan), out var b))
                rustToCs[(rustPath, rustSpan)] = b = (rustName, []);
            b.Targets.Add(new NavigationTarget(csPath, csFull, csSpan, csName, SourceLanguage.CSharp));
        }

        foreach (var binding in model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved && b.CLibrary is not null))
            PairC(binding, Pair);
        foreach (var binding in model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved && !b.Natives.IsEmpty))
        {
            var fn = binding.Natives[0].Item;
            var types = new List<(CsType Cs, RustType? Rust)>();
            for (var i = 0; i < Math.Min(binding.Method.Parameters.Length, fn.Parameters.Length); i++)
                types.Add((binding.Method.Parameters[i].Type, fn.Parameters[i].Type));
            types.Add((binding.Method.ReturnType, fn.Return));
            var ns = Semantics.Abi.CsAbiMapper.Namespace(binding.Method.Container);
            foreach (var (csType, rustType) in types)
            {
                if (CsName(csType) is not { } csName || rustType is null || RustName(rustType) is not { } rustName)
                    continue;
                if (binding.Symbols.FindStruct(csName, ns) is { } cs && binding.Crate!.FindStruct(rustName) is { } rs)
                {
                    Pair(cs.Path, cs.Item.NameSpan, cs.Item.FullSpan, cs.Item.Name, rs.Path, rs.Item.NameSpan, rs.Item.FullSpan, rs.Item.Name);
                    for (var f = 0; f < Math.Min(cs.Item.Fields.Length, rs.Item.Fields.Length); f++)
                    {
                        var cf = cs.Item.Fields[f];
                        var rf = rs.Item.Fields[f];
                        Pair(cs.Path, cf.NameSpan, cf.NameSpan, cf.Name, rs.Path, rf.NameSpan, rf.NameSpan, rf.Name);
                    }
                }
                else if (binding.Symbols.FindEnum(csName, ns) is { } ce && binding.Crate!.FindEnum(rustName) is { } re)
                {
                    Pair(ce.Path, ce.Item.NameSpan, ce.Item.FullSpan, ce.Item.Name, re.Path, re.Item.NameSpan, re.Item.FullSpan, re.Item.Name);
                }
            }
        }
        foreach (var ((path, span), (name, targets)) in csToRust)
            Add(path, new TypeSite(span, name, [.. targets]));
        foreach (var ((path, span), (name, targets)) in rustToCs)
            Add(path, new TypeSite(span, name, [.. targets]));
    }

    private delegate void PairAction(string csPath, TextSpan csSpan, TextSpan csFull, string csName, string nativePath, TextSpan nativeSpan, TextSpan nativeFull, string nativeName);

    /// <summary>C# structs/enums with the C/C++ records and enums a binding's parameters and return name (fields by position).</summary>
    private static void PairC(Binding binding, PairAction pair)
    {
        var function = binding.CNatives[0];
        var target = binding.CLibrary!.Targets.Values.FirstOrDefault(t => t.Parsed);
        if (target is null)
            return;
        var fn = function.Declaration;
        var types = new List<(CsType Cs, Syntax.C.CType Native)>();
        for (var i = 0; i < Math.Min(binding.Method.Parameters.Length, fn.Parameters.Length); i++)
            types.Add((binding.Method.Parameters[i].Type, fn.Parameters[i].Type));
        types.Add((binding.Method.ReturnType, fn.ReturnType));
        var ns = Semantics.Abi.CsAbiMapper.Namespace(binding.Method.Container);
        foreach (var (csType, nativeType) in types)
        {
            if (CsName(csType) is not { } csName || CName(nativeType) is not { } cName)
                continue;
            if (binding.Symbols.FindStruct(csName, ns) is { } cs && target.Records.GetValueOrDefault(cName) is { } record)
            {
                pair(cs.Path, cs.Item.NameSpan, cs.Item.FullSpan, cs.Item.Name, record.NameSpan.File, record.NameSpan.Span, record.NameSpan.Span, record.Name);
                for (var f = 0; f < Math.Min(cs.Item.Fields.Length, record.Fields.Length); f++)
                {
                    var cf = cs.Item.Fields[f];
                    var nf = record.Fields[f];
                    pair(cs.Path, cf.NameSpan, cf.NameSpan, cf.Name, nf.NameSpan.File, nf.NameSpan.Span, nf.NameSpan.Span, nf.Name);
                }
            }
            else if (binding.Symbols.FindEnum(csName, ns) is { } ce && target.Enums.GetValueOrDefault(cName) is { } e)
            {
                pair(ce.Path, ce.Item.NameSpan, ce.Item.FullSpan, ce.Item.Name, e.NameSpan.File, e.NameSpan.Span, e.NameSpan.Span, e.Name);
            }
        }
    }

    /// <summary>The language of a native file by its extension.</summary>
    internal static SourceLanguage LanguageOf(string path) =>
        path.EndsWith(".rs", StringComparison.Ordinal) ? SourceLanguage.Rust
        : CLibraryBuilder.IsCxxSource(path) || path.EndsWith("pp", StringComparison.Ordinal) || path.EndsWith(".hh", StringComparison.Ordinal) ? SourceLanguage.Cpp
        : SourceLanguage.C;

    private static string? CName(Syntax.C.CType type) => type.Kind switch
    {
        Syntax.C.CTypeKind.Record or Syntax.C.CTypeKind.Enum => type.DeclarationName,
        Syntax.C.CTypeKind.Pointer or Syntax.C.CTypeKind.Reference when type.Pointee is { } p => CName(p),
        Syntax.C.CTypeKind.Array when type.Element is { } e => CName(e),
        _ => null,
    };

    private static string? CsName(CsType type) => type switch
    {
        CsNamedType n => n.Name,
        CsPointerType p => CsName(p.Pointee),
        CsArrayType a => CsName(a.Element),
        _ => null,
    };

    private static string? RustName(RustType type) => type switch
    {
        RustPathType { Name: "Option" or "NonNull" or "Box", GenericArgs.Length: 1 } p => RustName(p.GenericArgs[0]),
        RustPathType p => p.Name,
        RustPtrType p => RustName(p.Pointee),
        RustRefType r => RustName(r.Pointee),
        _ => null,
    };
}
