namespace HybridLsp.Syntax.Text;

/// <summary>
/// Pure string operations on '/'-separated paths (no file system access), shared by every layer: the CMake reader
/// here and <c>HybridLsp.Semantics.Model.PathUtil</c> above use the same normalisation.
/// </summary>
public static class PathText
{
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

    /// <summary>The folder of a path; "/" for a file at the root.</summary>
    public static string Directory(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
