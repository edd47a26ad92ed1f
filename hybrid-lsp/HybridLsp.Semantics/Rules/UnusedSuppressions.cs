using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Suppressions;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// HL0005 unused-suppression: a `#pragma warning disable HLnnnn` (C#) or `// hybrid-lsp: allow(HLnnnn)` (Rust, C, C++) that silenced
/// no finding, so stale suppressions get cleaned up. Runs after every other rule: it reads what the sink silenced.
/// Native files are looked at only in crates and C/C++ libraries C# binds (the native rules run only there, so elsewhere
/// nothing could be used).
/// </summary>
internal static class UnusedSuppressions
{
    public static void Check(SemanticModel model, FindingSink sink)
    {
        foreach (var source in model.Input.SortedCSharpFiles)
        {
            var path = source.Path;
            foreach (var s in source.Syntax.Suppressions)
            {
                var used = sink.SuppressedIn(path).Any(x => x.Code == s.Code && Inside(x.Span.Start, s.Scope));
                if (!used)
                    Report(sink, path, s, $"'#pragma warning disable {s.Code}' suppresses nothing: no {s.Code} finding is reported before its restore");
            }
        }

        var boundCrates = new HashSet<Model.RustCrate>(ReferenceEqualityComparer.Instance);
        var boundLibraries = new HashSet<Model.CLibrary>(ReferenceEqualityComparer.Instance);
        foreach (var binding in model.Bindings)
        {
            if (binding.Crate is { } crate)
                boundCrates.Add(crate);
            else if (binding.CLibrary is { } library)
                boundLibraries.Add(library);
        }
        foreach (var path in model.Crates.Where(boundCrates.Contains).SelectMany(c => c.Files).Distinct().Order(StringComparer.Ordinal))
        {
            if (!model.Input.RustFiles.TryGetValue(path, out var file) || file.Syntax.Suppressions.IsEmpty)
                continue;
            foreach (var s in file.Syntax.Suppressions)
            {
                var item = ItemBelow(file.Syntax, s.Target);
                if (item is null)
                {
                    Report(sink, path, s, $"'allow({s.Code})' suppresses nothing: no item starts on the line below it");
                    continue;
                }
                var used = sink.SuppressedIn(path).Any(x => x.Code == s.Code && x.Span.Start >= item.FullSpan.Start && x.Span.End <= item.FullSpan.End);
                if (!used)
                    Report(sink, path, s, $"'allow({s.Code})' suppresses nothing: '{item.Name}' has no {s.Code} finding");
            }
        }

        CheckC(model, boundLibraries, sink);
    }

    /// <summary>
    /// C/C++: the allow comments in the own headers and sources of the libraries C# binds and this repository builds (the
    /// native-side rules run only there). A comment applies to the function declaration or definition that starts on the
    /// line below it, as HL2004 reads it.
    /// </summary>
    private static void CheckC(SemanticModel model, HashSet<Model.CLibrary> bound, FindingSink sink)
    {
        var files = model.CLibraries.Where(l => !l.HeadersOnly && bound.Contains(l))
            .SelectMany(l => l.OwnFiles.Select(f => (Path: f, Library: l)))
            .GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in files)
        {
            var path = group.Key;
            if (!model.Input.CFiles.TryGetValue(path, out var text) || !text.Contains(SuppressionComments.Marker, StringComparison.Ordinal))
                continue;
            var suppressions = SuppressionComments.Scan(text);
            if (suppressions.IsEmpty)
                continue;
            var functions = group.SelectMany(f => f.Library.FunctionsIn(path)).ToList();
            foreach (var s in suppressions)
            {
                var function = s.Target < 0 ? null : functions.Where(f => f.FullSpan.Span.Start <= s.Target && s.Target <= f.NameSpan.Span.Start)
                    .OrderByDescending(f => f.FullSpan.Span.Start).FirstOrDefault();
                if (function is null)
                {
                    Report(sink, path, s, $"'allow({s.Code})' suppresses nothing: no function declaration starts on the line below it");
                    continue;
                }
                var span = function.FullSpan.Span;
                var used = sink.SuppressedIn(path).Any(x => x.Code == s.Code && x.Span.Start >= span.Start && x.Span.End <= span.End);
                if (!used)
                    Report(sink, path, s, $"'allow({s.Code})' suppresses nothing: '{function.Name}' has no {s.Code} finding");
            }
        }
    }

    private static void Report(FindingSink sink, string path, Suppression s, string message)
    {
        if (RuleCatalog.Find(s.Code) is null)
            message = $"'{s.Code}' is not a HybridLsp rule code: the suppression suppresses nothing";
        sink.Add(RuleCatalog.UnusedSuppression, message, path, s.CodeSpan, s.Code);
    }

    /// <summary>The item a comment sits above: one that starts at <paramref name="target"/>, or whose attributes it sits between.</summary>
    private static RustItem? ItemBelow(RustFileSyntax syntax, int target)
    {
        if (target < 0)
            return null;
        IEnumerable<RustItem> items = [.. syntax.Functions, .. syntax.Structs, .. syntax.Enums, .. syntax.TypeAliases, .. syntax.Consts];
        return items.Where(i => i.FullSpan.Start == target || i.FullSpan.Start < target && target <= i.NameSpan.Start)
            .OrderBy(i => i.FullSpan.Length).FirstOrDefault();
    }

    private static bool Inside(int offset, TextSpan scope) => offset >= scope.Start && offset < scope.End;
}
