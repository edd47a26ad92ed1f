using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// Collects findings: applies suppressions (remembering what each silenced, for HL0005), configured severities ("off" drops),
/// and de-duplicates by (code, path, span).
/// </summary>
internal sealed class FindingSink(HybridConfig config)
{
    // Never removed from: enumeration follows insertion order, which InOrder and the merge in RuleRunner rely on.
    private readonly Dictionary<(string Code, string Path, TextSpan Span), Finding> _findings = [];
    private readonly Dictionary<string, List<(string Code, TextSpan Span)>> _suppressed = new(StringComparer.Ordinal);

    public void Add(RuleDescriptor rule, string message, string path, TextSpan span, string symbol,
        ImmutableArray<FindingLocation> related = default, ImmutableArray<string> targets = default,
        FindingLocation? mirror = null, ImmutableArray<string> suppressed = default, RuleSeverity? severity = null, FindingFix? fix = null)
    {
        if (IsSuppressed(rule, suppressed, path, span))
            return;
        var configured = config.RuleSeverities.TryGetValue(rule.Code, out var s) ? s : severity ?? rule.DefaultSeverity;
        if (configured == RuleSeverity.Off)
            return;
        var key = (rule.Code, path, span);
        if (_findings.ContainsKey(key))
            return;
        _findings[key] = new Finding(rule, configured, message, path, span, related.IsDefault ? [] : related, targets.IsDefault ? [] : targets, symbol, mirror, fix);
    }

    /// <summary>Adds a finding another sink of the same configuration accepted (severity and suppression already applied).</summary>
    public void Add(Finding finding) => _findings.TryAdd((finding.Rule.Code, finding.Path, finding.Span), finding);

    /// <summary>The findings in the order they were added.</summary>
    public ImmutableArray<Finding> InOrder() => _findings.Count == 0 ? [] : [.. _findings.Values];

    /// <summary>
    /// Whether <paramref name="suppressed"/> (the codes a pragma or allow comment disables at the declaration) silences a
    /// finding of <paramref name="rule"/> at (path, span). A suppression by code is remembered, so an unused one can be reported.
    /// </summary>
    public bool IsSuppressed(RuleDescriptor rule, ImmutableArray<string> suppressed, string path, TextSpan span)
    {
        if (suppressed.IsDefaultOrEmpty)
            return false;
        if (suppressed.Contains(rule.Code))
        {
            if (!_suppressed.TryGetValue(path, out var list))
                _suppressed[path] = list = [];
            list.Add((rule.Code, span));
            return true;
        }
        return suppressed.Contains("*");
    }

    /// <summary>Every suppression by code this sink used: (path, code, anchor span).</summary>
    public ImmutableArray<(string Path, string Code, TextSpan Span)> SuppressionRecords() =>
        [.. _suppressed.SelectMany(p => p.Value.Select(v => (p.Key, v.Code, v.Span)))];

    /// <summary>The suppressions by code this sink used, as reused with its findings (the shared empty instance when none).</summary>
    public RuleRunner.UsedSuppressions UsedSuppressions() =>
        _suppressed.Count == 0 ? RuleRunner.UsedSuppressions.None : new RuleRunner.UsedSuppressions(SuppressionRecords());

    /// <summary>Takes over suppressions another sink used (a binding's own sink, or a reused binding's from the previous model).</summary>
    public void AddSuppressionRecords(IEnumerable<(string Path, string Code, TextSpan Span)> records)
    {
        foreach (var (path, code, span) in records)
        {
            if (!_suppressed.TryGetValue(path, out var list))
                _suppressed[path] = list = [];
            list.Add((code, span));
        }
    }

    /// <summary>The findings a suppression by code silenced in a file: (code, anchor span).</summary>
    public IReadOnlyList<(string Code, TextSpan Span)> SuppressedIn(string path) =>
        _suppressed.TryGetValue(path, out var list) ? list : [];

    /// <summary>
    /// Whether any finding so far sits inside a span of a file, or points into it (a struct finding relates the declaration
    /// that uses the struct): a declaration that already has its own finding.
    /// </summary>
    public bool HasAnyWithin(string path, TextSpan span) =>
        _findings.Values.Any(f => Inside(f.Path, f.Span, path, span) || f.Related.Any(r => Inside(r.Path, r.Span, path, span)));

    private static bool Inside(string path, TextSpan span, string within, TextSpan outer) =>
        path == within && span.Start >= outer.Start && span.End <= outer.End;

    public ImmutableArray<Finding> ToSortedArray() =>
        [.. _findings.Values
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Start)
            .ThenBy(f => f.Rule.Code, StringComparer.Ordinal)];
}
