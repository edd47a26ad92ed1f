namespace HybridLsp.Server.Cli;

/// <summary>The arguments of `hybrid-lsp check`.</summary>
/// <param name="Format">text | compact | json | sarif.</param>
/// <param name="FailOn">error | warning: the lowest severity that makes the exit code 1.</param>
/// <param name="Baseline">`--baseline FILE`: report only findings the baseline does not accept.</param>
/// <param name="WriteBaseline">`--write-baseline FILE`: write every current finding to FILE (the exit code is then 0).</param>
/// <param name="Fix">`--fix`: apply every certain quick fix to the files, then check again.</param>
public sealed record CheckOptions(
    string Directory, string Format, string? Targets, string? Config, string FailOn,
    string? Baseline = null, string? WriteBaseline = null, bool Fix = false)
{
    /// <summary>`--timings`: print the time of each phase (reading files, the engine's phases, the report) to stderr.</summary>
    public bool Timings { get; init; }
}
