using System.Collections.Immutable;
using HybridLsp.Semantics.Rules;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>The baseline named in hybrid-lsp.toml as applied to this snapshot; null when none is configured or it is invalid (HL0004).</summary>
    public BaselineInfo? Baseline => State.Baseline;

    /// <summary>
    /// Files the configuration names that the host must read and feed in besides the workspace files (today: the baseline).
    /// Cheap: reads only the configuration, not the workspace.
    /// </summary>
    public ImmutableArray<string> ConfiguredInputs => WorkspaceState.ConfiguredInputs(_options, _files);

    /// <summary>The baseline key of a diagnostic: code, file relative to the workspace root, symbol.</summary>
    public BaselineKey BaselineKeyOf(Diagnostic diagnostic) =>
        new(diagnostic.Code, Semantics.Rules.Baseline.KeyFile(diagnostic.Path, _options.RootPath), diagnostic.Symbol);

    /// <summary>A baseline file accepting every finding `check` reports on this snapshot (`check --write-baseline`).</summary>
    public string WriteBaseline(CancellationToken cancellationToken) =>
        Semantics.Rules.Baseline.Write(CheckDiagnostics(cancellationToken).Select(d => (BaselineKeyOf(d), StripBaselined(d))));

    private static string StripBaselined(Diagnostic d) =>
        d.Baselined && d.Message.EndsWith(" (baselined)", StringComparison.Ordinal) ? d.Message[..^" (baselined)".Length] : d.Message;
}
