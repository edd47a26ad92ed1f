namespace HybridLsp.Ide;

/// <summary>The baseline named in hybrid-lsp.toml, as applied to a snapshot.</summary>
/// <param name="Accepted">How many findings the baseline accepts (the sum of its entries' counts).</param>
/// <param name="Matched">Current findings it accepts (shown as hints).</param>
/// <param name="Stale">Accepted findings that no longer occur: the baseline can be rewritten smaller.</param>
public sealed record BaselineInfo(string Path, int Accepted, int Matched, int Stale);
