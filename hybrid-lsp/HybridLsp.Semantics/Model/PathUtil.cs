namespace HybridLsp.Semantics.Model;

/// <summary>Pure string operations on '/'-separated absolute paths (no file system access).</summary>
public static class PathUtil
{
    public static string Directory(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Combine(string directory, string relative)
    {
        if (relative.StartsWith('/'))
            return Normalize(relative);
        return Normalize(directory.TrimEnd('/') + "/" + relative);
    }

    /// <summary>Resolves `.` and `..` segments and backslashes.</summary>
    public static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        var prefix = path.StartsWith('/') ? "/" : "";
        return prefix + string.Join('/', parts);
    }

    public static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    public static string Relative(string path, string root) =>
        IsUnder(path, root) ? path[(root.TrimEnd('/').Length + 1)..] : path;
}
