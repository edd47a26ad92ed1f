namespace HybridLsp.Semantics.Config;

/// <summary>
/// The trust rule for paths in <c>hybrid-lsp.toml</c> (DESIGN §7): a configured path names something inside the
/// workspace, relative to the configuration file's folder. Absolute paths, drive letters, UNC paths, a <c>..</c>
/// that climbs above that folder, and control characters (a NUL cannot be a path at all) are refused.
/// </summary>
public static class ConfigPaths
{
    /// <summary>Why <paramref name="path"/> is refused, or null when it is a relative path that stays inside.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
            return "empty";
        if (path.Any(char.IsControl))
            return "it contains a control character";
        if (path[0] is '/' or '\\' || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
            return "absolute paths are not allowed";
        var depth = 0;
        foreach (var part in path.Split('/', '\\'))
        {
            if (part == "..")
            {
                if (--depth < 0)
                    return "'..' leaves the workspace";
            }
            else if (part is not ("" or "."))
            {
                depth++;
            }
        }
        return null;
    }
}
