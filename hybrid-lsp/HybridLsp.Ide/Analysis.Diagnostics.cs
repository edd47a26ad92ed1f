using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Rules;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>Diagnostics shown in the editor for one file, native-side mirrors of binding findings included.</summary>
    public ImmutableArray<Diagnostic> Diagnostics(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return AllDiagnostics(cancellationToken).TryGetValue(Normalize(path), out var list) ? list : [];
    }

    /// <summary>Editor diagnostics of every file that has any, keyed by path.</summary>
    public ImmutableDictionary<string, ImmutableArray<Diagnostic>> AllDiagnostics(CancellationToken cancellationToken)
    {
        GetState(cancellationToken);
        return _editorDiagnostics.Value;
    }

    /// <summary>Every finding once (as `check` reports them), sorted by path, position and code.</summary>
    public ImmutableArray<Diagnostic> CheckDiagnostics(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return [.. State.Findings.Select(ToDiagnostic)];
    }

    public ImmutableArray<BindingInfo> Bindings(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return [.. Model.Bindings.Select(b =>
        {
            var natives = b.Natives.Select(n => new NativeLocation(Syntax.SourceLanguage.Rust, n.Path, n.Item.NameSpan, b.EntryPoint))
                .Concat(b.CNatives.Select(n => new NativeLocation(CrossReferences.LanguageOf(n.Primary.NameSpan.File), n.Primary.NameSpan.File, n.Primary.NameSpan.Span, b.EntryPoint)))
                .ToImmutableArray();
            return new BindingInfo(b.Path, b.Method.NameSpan, b.Method.Name, b.Method.Container, b.Library ?? "", b.EntryPoint,
                b.Resolution switch
                {
                    ResolutionKind.Resolved => BindingResolution.Resolved,
                    ResolutionKind.SystemLibrary => BindingResolution.SystemLibrary,
                    ResolutionKind.UnresolvedLibrary => BindingResolution.UnresolvedLibrary,
                    ResolutionKind.MissingExport => BindingResolution.MissingExport,
                    _ => BindingResolution.Unknown,
                },
                natives.IsEmpty ? null : natives[0], natives.IsEmpty ? [] : natives.RemoveAt(0), b.UnknownReason);
        })];
    }

    private ImmutableDictionary<string, ImmutableArray<Diagnostic>> ComputeEditorDiagnostics()
    {
        var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        void Add(Diagnostic d)
        {
            if (!byPath.TryGetValue(d.Path, out var list))
                byPath[d.Path] = list = [];
            list.Add(d);
        }
        foreach (var finding in State.Findings)
        {
            var diagnostic = ToDiagnostic(finding);
            Add(diagnostic);
            if (finding.Mirror is { } mirror && mirror.Path != finding.Path)
            {
                Add(diagnostic with
                {
                    Path = mirror.Path,
                    Span = mirror.Span,
                    Related = [new RelatedLocation(finding.Path, finding.Span, "C# declaration"), .. diagnostic.Related.Where(r => r.Path != mirror.Path || r.Span != mirror.Span)],
                });
            }
        }
        return byPath.ToImmutableDictionary(p => p.Key, p => p.Value.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
    }

    // HasFix only when the fix really is offered: its edits fit this snapshot's text (half-typed code may refuse them).
    private Diagnostic ToDiagnostic(Finding f) => new(
        f.Rule.Code, f.Rule.Name,
        f.Severity switch
        {
            RuleSeverity.Error => Severity.Error,
            RuleSeverity.Warning => Severity.Warning,
            RuleSeverity.Info => Severity.Info,
            _ => Severity.Hint,
        },
        f.Message, f.Path, f.Span,
        [.. f.Related.Select(r => new RelatedLocation(r.Path, r.Span, r.Message))],
        f.Targets, f.HasFix && Assists.QuickFixEdits.Build(f, GetText) is not null, f.Symbol)
    {
        Baselined = f.Baselined,
    };
}
