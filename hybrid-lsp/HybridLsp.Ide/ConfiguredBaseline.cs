using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Rules;

namespace HybridLsp.Ide;

/// <summary>
/// `baseline = "path"` in hybrid-lsp.toml: the host feeds the baseline file in like any workspace file (the engine does no
/// IO), and findings the baseline accepts are shown as hints, in the editor and in `check` alike.
/// </summary>
internal static class ConfiguredBaseline
{
    public static (Baseline? Baseline, string? Error) Read(HybridConfig config, ImmutableDictionary<string, FileState> files)
    {
        if (config.BaselinePath is not { } path)
            return (null, null);
        if (!files.TryGetValue(path, out var file) || file.Text is null)
            return (null, $"baseline file '{path}' not found" + (file?.Change.UnreadableReason is { } reason ? $": {reason}" : ""));
        var (baseline, error) = Baseline.Parse(file.Text);
        return error is null ? (baseline, null) : (null, $"baseline file '{path}' is invalid: {error}");
    }

    public static (ImmutableArray<Finding> Findings, BaselineInfo? Info) Apply(ImmutableArray<Finding> findings, Baseline? baseline, HybridConfig config, string root)
    {
        if (baseline is null || config.BaselinePath is not { } path)
            return (findings, null);
        var match = baseline.Match([.. findings.Select(f => new BaselineKey(f.Rule.Code, Baseline.KeyFile(f.Path, root), f.Symbol))]);
        var result = findings.ToBuilder();
        for (var i = 0; i < result.Count; i++)
        {
            if (match.Baselined[i])
                result[i] = result[i] with { Severity = RuleSeverity.Hint, Message = result[i].Message + " (baselined)", Baselined = true };
        }
        return (result.MoveToImmutable(), new BaselineInfo(path, baseline.AcceptedCount, match.Baselined.Count(b => b), match.Stale));
    }
}
