namespace HybridLsp.Server.Reporting;

/// <summary>
/// Absolute help URIs of the rule pages (LSP codeDescription, SARIF helpUri): the configured base when the
/// analysis has one, else a file:// URI of the bundled docs/rules folder.
/// </summary>
public static class RuleDocs
{
    private static readonly Lazy<string> s_bundledBase = new(FindBundledBase);

    public static string HelpUri(string? configuredBase, string code)
    {
        var root = configuredBase ?? s_bundledBase.Value;
        if (!root.EndsWith('/'))
            root += "/";
        return root + code + ".md";
    }

    /// <summary>
    /// docs/rules next to the executable (a published layout copies it there) or in the nearest ancestor folder
    /// that has one (a development build inside the repository). Falls back to the executable's folder so the URI
    /// is still absolute.
    /// </summary>
    private static string FindBundledBase()
    {
        var start = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            var rules = Path.Combine(dir.FullName, "docs", "rules");
            if (Directory.Exists(rules))
                return Protocol.DocumentUri.FromPath(rules) + "/";
        }
        return Protocol.DocumentUri.FromPath(Path.Combine(start.FullName, "docs", "rules")) + "/";
    }
}
