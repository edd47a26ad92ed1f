namespace HybridLsp.Syntax.CMake;

/// <summary>
/// Pure string operations on '/'-separated absolute paths, as CMake resolves them (no file system access; normalisation is
/// <see cref="Text.PathText"/>, shared with HybridLsp.Semantics.Model.PathUtil). A drive letter ("C:") is an ordinary first segment.
/// </summary>
internal static class CMakePath
{
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    /// <summary><paramref name="relative"/> resolved against <paramref name="directory"/> unless it is absolute; `.` and `..` resolved.</summary>
    public static string Combine(string directory, string relative) =>
        IsAbsolute(relative) ? Normalize(relative) : Normalize(directory.TrimEnd('/') + "/" + relative);

    /// <summary>Resolves `.` and `..` segments and backslashes; no trailing '/'. `..` above the root stays at the root.</summary>
    public static string Normalize(string path) => Text.PathText.Normalize(path);

    public static string Directory(string path) => Text.PathText.Directory(path);

    public static string FileName(string path) => Text.PathText.FileName(path);

    public static bool IsUnderOrSame(string path, string directory) =>
        path == directory || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);
}
