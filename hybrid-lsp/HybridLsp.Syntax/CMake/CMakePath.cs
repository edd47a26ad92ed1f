namespace HybridLsp.Syntax.CMake;

/// <summary>
/// Pure string operations on '/'-separated absolute paths, as CMake resolves them (no file system access, like
/// HybridLsp.Semantics.Model.PathUtil, which this layer cannot reference). A drive letter ("C:") is an ordinary first segment.
/// </summary>
internal static class CMakePath
{
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    /// <summary><paramref name="relative"/> resolved against <paramref name="directory"/> unless it is absolute; `.` and `..` resolved.</summary>
    public static string Combine(string directory, string relative) =>
        IsAbsolute(relative) ? Normalize(relative) : Normalize(directory.TrimEnd('/') + "/" + relative);

    /// <summary>Resolves `.` and `..` segments and backslashes; no trailing '/'. `..` above the root stays at the root.</summary>
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

    public static string Directory(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static bool IsUnderOrSame(string path, string directory) =>
        path == directory || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);
}
