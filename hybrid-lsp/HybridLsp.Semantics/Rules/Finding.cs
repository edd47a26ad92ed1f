using System.Collections.Immutable;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

public sealed record FindingLocation(string Path, TextSpan Span, string Message);

/// <summary>
/// One finding of a rule, anchored where DESIGN §4.1 "Where a diagnostic sits" says. <see cref="Mirror"/> is the native-side
/// location the editor also shows it at (check counts it once).
/// </summary>
/// <param name="Targets">The targets the finding holds on; empty when it does not depend on the target.</param>
/// <param name="Symbol">Stable key for baselines (entry point, struct or item name).</param>
/// <param name="Fix">The certain quick fix, when there is one (<see cref="HasFix"/>).</param>
public sealed record Finding(
    RuleDescriptor Rule, RuleSeverity Severity, string Message, string Path, TextSpan Span,
    ImmutableArray<FindingLocation> Related, ImmutableArray<string> Targets, string Symbol, FindingLocation? Mirror = null, FindingFix? Fix = null)
{
    public bool HasFix => Fix is not null;

    /// <summary>The configured baseline accepts it: shown as a hint (its <see cref="Severity"/> is then Hint).</summary>
    public bool Baselined { get; init; }
}
