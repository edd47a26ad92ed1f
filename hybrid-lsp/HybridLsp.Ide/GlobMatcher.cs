using System.Text;
using System.Text.RegularExpressions;

namespace HybridLsp.Ide;

/// <summary>gitignore-style globs for `exclude`: `*` within a segment, `**` across segments, a pattern without '/' matches at any depth.</summary>
internal sealed class GlobMatcher
{
    private readonly Regex[] _patterns;

    public GlobMatcher(IEnumerable<string> globs) => _patterns = [.. globs.Where(g => !string.IsNullOrWhiteSpace(g)).Select(Compile)];

    public bool IsEmpty => _patterns.Length == 0;

    /// <param name="relativePath">Path relative to the configuration folder, '/' separated.</param>
    public bool IsMatch(string relativePath) => _patterns.Any(p => p.IsMatch(relativePath));

    private static Regex Compile(string glob)
    {
        glob = glob.Trim().Replace('\\', '/');
        var anchored = glob.StartsWith('/') || glob.TrimEnd('/').Contains('/');
        glob = glob.Trim('/');
        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    sb.Append("(?:.*/)?");
                }
                else
                {
                    sb.Append(".*");
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        // A pattern naming a folder excludes everything under it.
        sb.Append("(?:/.*)?$");
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
