namespace HybridLsp.Server.Lsp;

/// <summary>
/// Where a code action may write (DESIGN §7): only inside the workspace root, judged on real paths (a symlinked
/// folder that leads out of the workspace is outside), and a file is created only where nothing exists yet —
/// not a file, a folder, nor a dangling link the client would follow.
/// </summary>
public static class WorkspaceBoundary
{
    private const int MaxLinkHops = 40;

    /// <summary>Whether an edit of <paramref name="path"/> (a creation when <paramref name="creates"/>) stays inside <paramref name="root"/>.</summary>
    public static bool Allows(string? root, string path, bool creates)
    {
        if (root is null)
            return !creates;
        try
        {
            var realRoot = RealPath(Path.GetFullPath(root)).TrimEnd('/') + "/";
            var full = Path.GetFullPath(path);
            var parent = Path.GetDirectoryName(full);
            if (parent is null || !(RealPath(parent).TrimEnd('/') + "/").StartsWith(realRoot, StringComparison.Ordinal))
                return false;
            if (!creates)
                return (RealPath(full) + "/").StartsWith(realRoot, StringComparison.Ordinal);
            return !File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The path with every symbolic link on it resolved (what realpath(3) returns for the existing part).</summary>
    public static string RealPath(string fullPath)
    {
        var parts = fullPath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        var hops = 0;
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            while (info.LinkTarget is not null)
            {
                if (++hops > MaxLinkHops)
                    throw new IOException("too many levels of symbolic links: " + fullPath);
                var target = info.LinkTarget;
                next = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(next)!, target));
                info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            }
            current = next;
        }
        return current.Replace('\\', '/');
    }
}
