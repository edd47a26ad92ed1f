namespace HybridLsp.Ide;

/// <summary>Which files and folders belong to the indexed workspace, by name.</summary>
internal static class WorkspaceFiles
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal)
    {
        "bin", "obj", "target", "node_modules", ".git", ".vs", ".idea", ".hg", ".svn",
        // CMake build trees: compiler-identification sources and generated files, never the project's own.
        "CMakeFiles", "_deps",
    };

    public static bool IsSkippedDirectory(string name) => s_skippedDirectories.Contains(name);

    public static bool IsInteresting(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.Equals("Cargo.toml", StringComparison.Ordinal) || name.Equals("hybrid-lsp.toml", StringComparison.Ordinal)
            || name.Equals("CMakeLists.txt", StringComparison.Ordinal) || name.EndsWith(".cmake", StringComparison.Ordinal))
            return true;
        if (Semantics.Model.CLibraryBuilder.IsCFamily(name))
            return true;
        // What CMake wrote into a build tree about how it compiles (compile_commands.json, the File API reply).
        if (Syntax.CMake.CMakeBuildTree.IsBuildTreeFile(path))
            return true;
        var ext = System.IO.Path.GetExtension(name);
        return ext.Equals(".cs", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".rs", StringComparison.Ordinal)
            || ext.Equals(".csproj", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".sln", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".props", StringComparison.OrdinalIgnoreCase) && name.StartsWith("Directory.Build", StringComparison.OrdinalIgnoreCase);
    }
}
