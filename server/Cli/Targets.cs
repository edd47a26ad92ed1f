using System.Collections.Immutable;

namespace HybridLsp.Server.Cli;

/// <summary>The target names of DESIGN §4.1 and parsing of `--target LIST`.</summary>
public static class Targets
{
    public static readonly ImmutableArray<string> Known =
        ["linux-x64", "linux-arm64", "win-x64", "win-x86", "win-arm64", "osx-x64", "osx-arm64"];

    /// <summary>The comma-separated list in order without duplicates, or the first unknown name.</summary>
    public static (ImmutableArray<string> Targets, string? Unknown) Parse(string list)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Known.Contains(part))
                return ([], part);
            if (!result.Contains(part))
                result.Add(part);
        }
        return (result.ToImmutable(), null);
    }
}
