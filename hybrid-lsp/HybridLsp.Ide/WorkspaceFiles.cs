namespace HybridLsp.Ide;

/// <summary>Which files and folders belong to the indexed workspace, by name.</summary>
internal static class WorkspaceFiles
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal)
    {
        "bin", "obj", "target", "node_modules", ".git", ".vs", ".idea", ".hg", ".svn",
    };

    public static bool IsSkippedDirectory(string name) => s_skippedDirectories.Contains(name);

    public static bool IsInteresting(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.Equals("Cargo.toml", StringComparison.Ordinal) || name.Equals("hybrid-lsp.toml", StringComparison.Ordinal))
            return true;
        var ext = System.IO.Path.GetExtension(name);
        return ext.Equals(".cs", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".rs", StringComparison.Ordinal)
            || ext.Equals(".csproj", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".sln", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".props", StringComparison.OrdinalIgnoreCase) && name.StartsWith("Directory.Build", StringComparison.OrdinalIgnoreCase);
    }
}
