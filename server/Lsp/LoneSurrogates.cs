using System.Text.RegularExpressions;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// A client may send an editor buffer holding a lone UTF-16 surrogate as a `\uD800` escape; System.Text.Json refuses
/// to read such a string, which would drop the whole didOpen/didChange. The escapes are replaced by U+FFFD, as
/// invalid bytes are when files are read from disk.
/// </summary>
internal static partial class LoneSurrogates
{
    /// <summary>The JSON with every unpaired surrogate escape replaced, or null when it has none.</summary>
    public static string? Repair(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal))
            return null;
        var repaired = Unpaired().Replace(json, m => m.Groups["pair"].Success ? m.Value : "\\uFFFD");
        return repaired == json ? null : repaired;
    }

    // A high surrogate with its low one (kept), or a lone high or low surrogate escape (replaced). Preceded by an even
    // number of backslashes, so an escaped backslash followed by "ud800" is text, not an escape.
    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)(?:(?<pair>\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2})|\\u[dD][89abAB][0-9a-fA-F]{2}|\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex Unpaired();
}
