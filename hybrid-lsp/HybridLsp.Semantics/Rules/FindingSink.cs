using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>Collects findings: applies configured severities ("off" drops), suppressions, and de-duplicates by (code, path, span).</summary>
internal sealed class FindingSink(HybridConfig config)
{
    // Never removed from: enumeration follows insertion order, which InOrder and the merge in RuleRunner rely on.
    private readonly Dictionary<(string Code, string Path, TextSpan Span), Finding> _findings = [];

    public void Add(RuleDescriptor rule, string message, string path, TextSpan span, string symbol,
        ImmutableArray<FindingLocation> related = default, ImmutableArray<string> targets = default,
        FindingLocation? mirror = null, ImmutableArray<string> suppressed = default, RuleSeverity? severity = null, FindingFix? fix = null)
    {
        if (!suppressed.IsDefaultOrEmpty && (suppressed.Contains(rule.Code) || suppressed.Contains("*")))
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
    public ImmutableArray<Finding> InOrder() => [.. _findings.Values];

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
