using System.Collections.Immutable;
using HybridLsp.Ide;

namespace HybridLsp.Server.Reporting;

/// <summary>What `check` found: the snapshot it ran on, its findings (sorted as the engine returns them) and bindings.</summary>
public sealed record CheckResult(string Root, Analysis Analysis, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<BindingInfo> Bindings, int FileCount)
{
    /// <summary>The baseline applied (`--baseline FILE`, else `baseline =` in hybrid-lsp.toml); null when none.</summary>
    public BaselineInfo? Baseline { get; init; }

    /// <summary>The path relative to the root with '/' when it lies under it, else the absolute path.</summary>
    public string DisplayPath(string path)
    {
        var root = Root.TrimEnd('/') + "/";
        return path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path;
    }

    public bool IsUnderRoot(string path) => path.StartsWith(Root.TrimEnd('/') + "/", StringComparison.Ordinal);
}
