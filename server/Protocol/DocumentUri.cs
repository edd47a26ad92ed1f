using System.Text;

namespace HybridLsp.Server.Protocol;

/// <summary>
/// file:// URIs ↔ engine paths (absolute, '/' separators). Percent-encoding as VS Code writes it; Windows drive
/// letters ("file:///c%3A/x", "file:///C:/x") become "c:/x"-style paths and back.
/// </summary>
public static class DocumentUri
{
    public static string FromPath(string path)
    {
        path = path.Replace('\\', '/');
        var sb = new StringBuilder("file://");
        if (!path.StartsWith('/'))
            sb.Append('/');
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' or '/')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The path of a file URI, or null when the URI is not a file URI.</summary>
    public static string? ToPath(string? uri)
    {
        if (uri is null || !uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return null;
        var rest = uri["file:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            if (slash < 0)
                return null;
            rest = rest[slash..]; // drop the authority ("" or "localhost")
        }
        string path;
        try
        {
            path = Uri.UnescapeDataString(rest);
        }
        catch (UriFormatException)
        {
            return null;
        }
        // "/c:/x" → "c:/x"
        if (path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
            path = path[1..];
        return path.Length == 0 ? null : NormalizeDriveLetter(path.Replace('\\', '/'));
    }

    /// <summary>
    /// "c:/x" → "C:/x": VS Code writes drive letters in lower case, .NET's full paths in upper case; one spelling
    /// keeps an open buffer and its file on disk the same engine path.
    /// </summary>
    public static string NormalizeDriveLetter(string path)
        => path.Length >= 2 && path[1] == ':' && char.IsAsciiLetterLower(path[0]) ? char.ToUpperInvariant(path[0]) + path[1..] : path;
}
