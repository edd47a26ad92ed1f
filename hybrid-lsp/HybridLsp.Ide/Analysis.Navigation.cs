using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>
    /// Cross-language definition: a C# extern (name, entry point or call) → the Rust export(s); a Rust export → the C#
    /// declarations; a struct/enum/field → the paired type on the other side. Same-language answers are left to the
    /// C# and Rust language servers.
    /// </summary>
    public NavigationResult? GotoDefinition(FilePosition position, CancellationToken cancellationToken)
    {
        GetState(cancellationToken);
        var site = _xrefs.Value.At(Normalize(position.Path), position.Offset);
        var targets = site switch
        {
            CsBindingSite b => NativeTargets(b.Binding),
            RustExportSite r => [.. r.Bindings.Select(DeclarationTarget)],
            CExportSite c => [.. c.Bindings.Select(DeclarationTarget)],
            TypeSite t => t.Others,
            _ => [],
        };
        return site is null || targets.IsEmpty ? null : new NavigationResult(site.Origin, targets);
    }

    /// <summary>
    /// From a Rust export or a C# extern: every C# declaration and call site of that entry point (and the Rust definition
    /// when <paramref name="includeDeclaration"/>).
    /// </summary>
    public ImmutableArray<ReferenceLocation> References(FilePosition position, bool includeDeclaration, CancellationToken cancellationToken)
    {
        GetState(cancellationToken);
        var site = _xrefs.Value.At(Normalize(position.Path), position.Offset);
        ImmutableArray<Binding> bindings;
        ImmutableArray<NavigationTarget> natives;
        switch (site)
        {
            case RustExportSite r:
                bindings = r.Bindings;
                natives = [.. r.Crate.ExportsBySymbol[r.Symbol].Select(v => new NavigationTarget(v.Path, v.Item.FullSpan, v.Item.NameSpan, r.Symbol, SourceLanguage.Rust))];
                break;
            case CExportSite c:
                bindings = c.Bindings;
                natives = CTargets([c.Function]);
                break;
            case CsBindingSite b:
                bindings = b.Binding.Resolution == ResolutionKind.Resolved
                    ? [.. Model.Bindings.Where(o => o.Resolution == ResolutionKind.Resolved && o.Crate == b.Binding.Crate && o.CLibrary == b.Binding.CLibrary && o.EntryPoint == b.Binding.EntryPoint)]
                    : [b.Binding];
                natives = NativeTargets(b.Binding);
                break;
            default:
                return [];
        }
        var set = bindings.ToHashSet();
        var result = ImmutableArray.CreateBuilder<ReferenceLocation>();
        if (includeDeclaration)
            result.AddRange(natives.Select(n => new ReferenceLocation(n.Path, n.FocusSpan, ReferenceKind.NativeDefinition)));
        result.AddRange(bindings.Select(b => new ReferenceLocation(b.Path, b.Method.NameSpan, ReferenceKind.Declaration)));
        result.AddRange(Model.CallSites.Where(c => set.Contains(c.Binding)).Select(c => new ReferenceLocation(c.Path, c.Invocation.NameSpan, ReferenceKind.CallSite)));
        return result.ToImmutable();
    }

    private static ImmutableArray<NavigationTarget> NativeTargets(Binding binding) =>
        [.. binding.Natives.Concat(binding.NotExported).Select(n => new NavigationTarget(n.Path, n.Item.FullSpan, n.Item.NameSpan, n.Item.Name, SourceLanguage.Rust)),
            .. CTargets(binding.CNatives.Concat(binding.CNotExported))];

    /// <summary>C/C++ functions: the definition in a source file first, then the header declaration.</summary>
    private static ImmutableArray<NavigationTarget> CTargets(IEnumerable<Semantics.Model.CLibraryFunction> functions)
    {
        var result = ImmutableArray.CreateBuilder<NavigationTarget>();
        foreach (var f in functions)
        {
            foreach (var occurrence in new[] { f.Definition, f.Declaration }.OfType<Syntax.C.CFunction>())
            {
                var target = new NavigationTarget(occurrence.NameSpan.File, occurrence.FullSpan.Span, occurrence.NameSpan.Span, occurrence.Name, CrossReferences.LanguageOf(occurrence.NameSpan.File));
                if (!result.Any(r => r.Path == target.Path && r.FocusSpan == target.FocusSpan))
                    result.Add(target);
            }
        }
        return result.ToImmutable();
    }

    private static NavigationTarget DeclarationTarget(Binding b) =>
        new(b.Path, b.Method.FullSpan, b.Method.NameSpan, b.Method.Name, SourceLanguage.CSharp);

    /// <summary>Bindings and native exports whose name contains the query (case-insensitive; empty query: all).</summary>
    public ImmutableArray<WorkspaceSymbol> WorkspaceSymbols(string query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool Match(string name) => query.Length == 0 || name.Contains(query, StringComparison.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<WorkspaceSymbol>();
        foreach (var b in Model.Bindings)
        {
            if (Match(b.Method.Name) || Match(b.EntryPoint))
                result.Add(new WorkspaceSymbol(b.Method.Name == b.EntryPoint ? b.Method.Name : $"{b.Method.Name} ({b.EntryPoint})", $"{b.Method.Container} → {b.Library}", SymbolKind.Function, SourceLanguage.CSharp, b.Path, b.Method.NameSpan));
        }
        foreach (var crate in Model.Crates)
        {
            foreach (var (symbol, variants) in crate.ExportsBySymbol)
            {
                if (Match(symbol))
                    result.Add(new WorkspaceSymbol(symbol, $"{crate.LibName} (Rust export)", SymbolKind.Function, SourceLanguage.Rust, variants[0].Path, variants[0].Item.NameSpan));
            }
        }
        foreach (var library in Model.CLibraries)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (symbol, function) in library.Targets.Values.SelectMany(t => t.ExportsBySymbol))
            {
                if (Match(symbol) && seen.Add(symbol))
                {
                    var at = function.Primary.NameSpan;
                    result.Add(new WorkspaceSymbol(symbol, $"{library.Name} ({library.Language} export)", SymbolKind.Function, CrossReferences.LanguageOf(at.File), at.File, at.Span));
                }
            }
        }
        return result.ToImmutable();
    }
}
