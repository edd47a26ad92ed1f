using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// Rules on the native side of Rust crates that C# binds: HL2002 ffi-unsafe-type, HL2004 unbound-export, HL2005 panic-across-ffi.
/// A crate counts as bound when at least one C# declaration resolves to it (a pure Rust repository stays quiet).
/// Each crate is checked into a sink of its own (in parallel), and a crate the previous model checked with the same
/// bound symbols keeps its findings (<see cref="ModelReuse"/>): an edit re-checks only the crates it touched.
/// </summary>
internal static class NativeRules
{
    /// <summary>One crate's findings, the suppressions they used, and the bound symbols they were computed for.</summary>
    internal sealed record CrateFindings(IReadOnlySet<string> Bound, ImmutableArray<Finding> Findings, RuleRunner.UsedSuppressions Used);

    public static IReadOnlyDictionary<RustCrate, CrateFindings> Check(SemanticModel model, ModelReuse reuse, FindingSink sink, CancellationToken cancellationToken)
    {
        var boundByCrate = BoundByCrate(model, reuse);
        CheckUnboundC(model, sink);
        var target = model.Config.Targets.IsEmpty ? Targets.TargetPlatforms.LinuxX64 : model.Config.Targets[0];
        var crates = model.Crates.Where(boundByCrate.ContainsKey).ToList();
        var results = new CrateFindings[crates.Count];
        var todo = new List<int>();
        for (var i = 0; i < crates.Count; i++)
        {
            if (boundByCrate[crates[i]] is { } previousFindings)
                results[i] = previousFindings;
            else if (reuse.TryNativeFindings(crates[i], BoundSymbols(model, crates[i]), out var cached))
                results[i] = cached;
            else
                todo.Add(i);
        }
        Parallel.ForEach(todo, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var own = new FindingSink(model.Config);
            var bound = BoundSymbols(model, crates[i]);
            CheckCrate(crates[i], target, bound, own);
            results[i] = new CrateFindings(bound, own.InOrder(), new RuleRunner.UsedSuppressions(own.SuppressionRecords()));
        });
        var byCrate = new Dictionary<RustCrate, CrateFindings>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < crates.Count; i++)
        {
            foreach (var finding in results[i].Findings)
                sink.Add(finding);
            sink.AddSuppressionRecords(results[i].Used.Records);
            byCrate[crates[i]] = results[i];
        }
        return byCrate;
    }

    /// <summary>
    /// The crates any binding points at. A crate of the previous model that no changed binding touches (every binding
    /// pointing at it before or now is a reused object) has the same bound entry points as before: it maps to its previous
    /// findings. The others map to null and have their bound entry points collected again.
    /// </summary>
    private static Dictionary<RustCrate, CrateFindings?> BoundByCrate(SemanticModel model, ModelReuse reuse)
    {
        var result = new Dictionary<RustCrate, CrateFindings?>(ReferenceEqualityComparer.Instance);
        var previous = reuse.Previous;
        var previousIndex = model.PreviousIndex;
        if (previous is null || previousIndex.Length != model.Bindings.Length)
        {
            foreach (var binding in model.Bindings)
            {
                if (binding.Crate is not null)
                    result[binding.Crate] = null;
            }
            return result;
        }
        var dirty = new HashSet<RustCrate>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < model.Bindings.Length; i++)
        {
            if (previousIndex[i] < 0 && model.Bindings[i].Crate is { } crate)
                dirty.Add(crate);
        }
        var kept = model.PreviousKept;
        for (var i = 0; i < kept.Length; i++)
        {
            if (!kept[i] && previous.Bindings[i].Crate is { } crate)
                dirty.Add(crate);
        }
        foreach (var crate in model.Crates)
        {
            if (dirty.Contains(crate))
            {
                if (model.Bindings.Any(b => ReferenceEquals(b.Crate, crate)))
                    result[crate] = null;
            }
            else if (previous.NativeFindingsByCrate.TryGetValue(crate, out var findings))
                result[crate] = findings;
        }
        return result;
    }

    /// <summary>The entry points of <paramref name="crate"/> that bindings resolved to.</summary>
    private static HashSet<string> BoundSymbols(SemanticModel model, RustCrate crate)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in model.Bindings)
        {
            if (ReferenceEquals(binding.Crate, crate) && binding.Resolution == ResolutionKind.Resolved)
                symbols.Add(binding.EntryPoint);
        }
        return symbols;
    }

    private static void CheckCrate(RustCrate crate, Targets.TargetPlatform target, HashSet<string> boundSymbols, FindingSink sink)
    {
        {
            var mapper = new RustAbiMapper(crate, target);
            foreach (var (symbol, variants) in crate.ExportsBySymbol.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var export in variants)
                {
                    var fn = export.Item;
                    foreach (var p in fn.Parameters)
                        CheckFfiSafe(mapper.Map(p.Type), p.Type, fn, export.Path, sink);
                    if (fn.Return is { } ret)
                        CheckFfiSafe(mapper.MapReturn(ret), ret, fn, export.Path, sink);

                    if (!fn.PanicSites.IsDefaultOrEmpty && !fn.UsesCatchUnwind)
                    {
                        var first = fn.PanicSites[0];
                        var more = fn.PanicSites.Length - 1;
                        sink.Add(RuleCatalog.PanicAcrossFfi,
                            $"'{symbol}' can panic here ({first.What}){(more > 0 ? $" and in {more} more place{(more == 1 ? "" : "s")}" : "")}: a panic cannot unwind into .NET and aborts the process; handle the error or use std::panic::catch_unwind",
                            export.Path, first.Span, symbol,
                            related: [.. fn.PanicSites.Skip(1).Select(s => new FindingLocation(export.Path, s.Span, s.What))],
                            suppressed: fn.Allowed);
                    }
                }
                if (!boundSymbols.Contains(symbol))
                {
                    var export = variants[0];
                    sink.Add(RuleCatalog.UnboundExport,
                        $"'{symbol}' is exported by crate '{crate.LibName}' but no C# declaration binds it",
                        export.Path, export.Item.NameSpan, symbol, suppressed: export.Item.Allowed);
                }
            }
        }
    }

    /// <summary>HL2004 for C/C++ libraries built here and bound by C#: exports (on the first parsed target) that nothing binds.</summary>
    private static void CheckUnboundC(SemanticModel model, FindingSink sink)
    {
        var bound = model.Bindings.Where(b => b.CLibrary is not null).Select(b => b.CLibrary!).ToHashSet();
        var boundSymbols = model.Bindings.Where(b => b.Resolution == ResolutionKind.Resolved && b.CLibrary is not null).Select(b => (b.CLibrary!, b.EntryPoint)).ToHashSet();
        foreach (var library in model.CLibraries.Where(l => !l.HeadersOnly && bound.Contains(l)))
        {
            var target = model.Config.Targets.Select(t => library.Targets.GetValueOrDefault(t)).FirstOrDefault(t => t is { Parsed: true });
            if (target is null)
                continue;
            foreach (var (symbol, function) in target.ExportsBySymbol.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (boundSymbols.Contains((library, symbol)))
                    continue;
                var at = function.Declaration.NameSpan;
                // `// hybrid-lsp: allow(HL2004)` on the line above the declaration, as above a Rust item.
                var allowed = model.Input.CFiles.TryGetValue(at.File, out var text)
                    ? Syntax.Suppressions.SuppressionComments.ReadAbove(text, function.Declaration.FullSpan.Span.Start)
                    : [];
                sink.Add(RuleCatalog.UnboundExport,
                    $"'{symbol}' is exported by {library.Language} library '{library.Name}' but no C# declaration binds it",
                    at.File, at.Span, symbol, suppressed: allowed);
            }
        }
    }

    private static void CheckFfiSafe(AbiType mapped, RustType type, RustFunction fn, string path, FindingSink sink)
    {
        if (mapped is not AbiFfiUnsafe unsafeType)
            return;
        sink.Add(RuleCatalog.FfiUnsafeType,
            $"exported '{fn.ExportedSymbol}' uses '{type.Display}', which has no C layout: {unsafeType.Reason}",
            path, type.Span, fn.ExportedSymbol ?? fn.Name, suppressed: fn.Allowed);
    }
}
