namespace HybridLsp.Semantics.Model;

/// <summary>Pure string operations on '/'-separated absolute paths (no file system access).</summary>
public static class PathUtil
{
    public static string Directory(string path) => Syntax.Text.PathText.Directory(path);

    public static string FileName(string path) => Syntax.Text.PathText.FileName(path);

    public static string Combine(string directory, string relative)
    {
        if (relative.StartsWith('/'))
            return Normalize(relative);
        return Normalize(directory.TrimEnd('/') + "/" + relative);
    }

    /// <summary>Resolves `.` and `..` segments and backslashes.</summary>
    public static string Normalize(string path) => Syntax.Text.PathText.Normalize(path);

    public static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    public static string Relative(string path, string root) =>
        IsUnder(path, root) ? path[(root.TrimEnd('/').Length + 1)..] : path;
}
