using System.Collections.Immutable;
using HybridLsp.Ide.Assists;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>
    /// Quick fixes for the findings shown in a file (on the C# declaration, or the native-side mirror) whose span meets
    /// <paramref name="range"/>. Only certain fixes are offered; each is exact edits against this snapshot's text.
    /// </summary>
    public ImmutableArray<CodeAction> CodeActions(string path, TextSpan range, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var (finding, shownAt) in FixableFindingsIn(Normalize(path)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (range.Start > shownAt.End || range.End < shownAt.Start)
                continue;
            foreach (var action in QuickFixEdits.BuildAll(finding, GetText))
                builder.Add(action with { Diagnostics = DiagnosticsAt(path, finding, shownAt) });
        }
        builder.AddRange(CreateNativeStub.At(Model, Normalize(path), range, _options.RootPath.Replace('\\', '/'), GetText, Paths,
            (code, span) => [.. Diagnostics(path, CancellationToken.None).Where(d => d.Code == code && d.Span == span)]));
        foreach (var finding in Model.Findings)
        {
            if (finding.Path != Normalize(path) || range.Start > finding.Span.End || range.End < finding.Span.Start)
                continue;
            if (SuppressFinding.Build(Model, finding, GetText) is { } suppress)
                builder.Add(suppress with { Diagnostics = DiagnosticsAt(path, finding, finding.Span) });
        }
        builder.AddRange(GenerateBinding.At(Model, Normalize(path), range, GetText));
        builder.AddRange(WireActions(Normalize(path), range, cancellationToken));
        builder.AddRange(Assists.ExtractToNative.Actions(Model, Normalize(path), range, _options.RootPath.Replace('\\', '/'), GetText, Paths, ExtractWiring(cancellationToken)));
        return builder.ToImmutable();
    }

    /// <summary>The edit of "Bind all unbound exports" for <paramref name="library"/> (`hybridLsp.bindAll`); null when there is nothing certain to add.</summary>
    public FileEdit? BindAll(string library, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return GenerateBinding.All(Model, library, GetText);
    }

    /// <summary>A complete C# file binding every export of the crate <paramref name="library"/> resolves to (`hybrid-lsp bind`); null for an unknown library.</summary>
    public string? BindingFile(string library, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return GenerateBinding.File(Model, library);
    }

    /// <summary>
    /// `source.fixAll.hybridLsp`: every certain fix of the findings shown in a file, in one action; a fix whose edits would
    /// overlap an earlier one is left out. Null when there is nothing to fix.
    /// </summary>
    public CodeAction? FixAll(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var accepted = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (finding, shownAt) in FixableFindingsIn(Normalize(path)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (QuickFixEdits.Build(finding, GetText) is not { } action)
                continue;
            if (action.Edits.Any(fe => accepted.TryGetValue(fe.Path, out var list) && fe.Edits.Any(e => list.Any(a => Overlaps(a.Span, e.Span)))))
                continue;
            foreach (var fe in action.Edits)
            {
                if (!accepted.TryGetValue(fe.Path, out var list))
                    accepted[fe.Path] = list = [];
                list.AddRange(fe.Edits);
            }
            codes.Add(finding.Rule.Code);
            diagnostics.AddRange(DiagnosticsAt(path, finding, shownAt));
        }
        if (accepted.Count == 0)
            return null;
        var edits = accepted.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new FileEdit(p.Key, [.. p.Value.OrderBy(e => e.Span.Start)])).ToImmutableArray();
        return new CodeAction("Fix all HybridLsp problems in this file", CodeActionKinds.FixAll, [.. codes], IsPreferred: false, edits)
        {
            Diagnostics = diagnostics.ToImmutable(),
        };
    }

    /// <summary>Findings with a fix, and where each is shown in this file (its own span, or its native-side mirror).</summary>
    private IEnumerable<(Finding Finding, TextSpan ShownAt)> FixableFindingsIn(string path)
    {
        foreach (var finding in Model.Findings)
        {
            if (finding.Fix is null)
                continue;
            if (finding.Path == path)
                yield return (finding, finding.Span);
            else if (finding.Mirror is { } mirror && mirror.Path == path)
                yield return (finding, mirror.Span);
        }
    }

    private ImmutableArray<Diagnostic> DiagnosticsAt(string path, Finding finding, TextSpan shownAt) =>
        [.. Diagnostics(path, CancellationToken.None).Where(d => d.Code == finding.Rule.Code && d.Span == shownAt)];

    /// <summary>Two edits conflict when they overlap, or both insert at the same offset (their order would be arbitrary).</summary>
    private static bool Overlaps(TextSpan a, TextSpan b) =>
        a.Start < b.End && b.Start < a.End || a.Start == b.Start || a.Length == 0 && a.Start > b.Start && a.Start < b.End || b.Length == 0 && b.Start > a.Start && b.Start < a.End;
}
