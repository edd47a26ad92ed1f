using System.Collections.Immutable;

namespace HybridLsp.Syntax.Rust;

/// <summary>
/// Reads `// hybrid-lsp: allow(HL2002, HL2005)` suppression comments from the comment lines directly above an item
/// (a blank line or code ends the run; other `//` comments in the run, doc comments included, are passed over).
/// </summary>
internal static class AllowComments
{
    private const string Marker = "hybrid-lsp:";
    private const int MaxLines = 64;

    public static ImmutableArray<string> Read(string text, int itemStart)
    {
        if (itemStart <= 0)
            return [];
        // Only the comment lines right above the item are read, so the cost is the length of those lines.
        ImmutableArray<string>.Builder? codes = null;
        // Only an item that starts its line has a line above it; this also keeps a minified one-line file linear.
        var lineStart = Math.Min(itemStart, text.Length);
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
            lineStart--;
        if (lineStart > 0 && text[lineStart - 1] is not '\n' and not '\r')
            return [];
        for (var n = 0; n < MaxLines && lineStart > 0; n++)
        {
            // The previous line is [prevStart, lineEnd).
            var lineEnd = lineStart - 1;
            if (lineEnd > 0 && text[lineEnd] == '\n' && text[lineEnd - 1] == '\r')
                lineEnd--;
            var prevStart = LineStart(text, lineEnd);
            var line = text.AsSpan(prevStart, lineEnd - prevStart).Trim();
            if (!line.StartsWith("//"))
                break;
            AddCodes(line[2..].Trim(), ref codes);
            lineStart = prevStart;
        }
        return codes?.ToImmutable() ?? [];
    }

    private static int LineStart(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (i > 0 && text[i - 1] is not '\n' and not '\r')
            i--;
        return i;
    }

    private static void AddCodes(ReadOnlySpan<char> comment, ref ImmutableArray<string>.Builder? codes)
    {
        if (!comment.StartsWith(Marker, StringComparison.Ordinal))
            return;
        var rest = comment[Marker.Length..].TrimStart();
        if (!rest.StartsWith("allow", StringComparison.Ordinal))
            return;
        rest = rest[5..].TrimStart();
        if (rest.Length == 0 || rest[0] != '(')
            return;
        var close = rest.IndexOf(')');
        if (close < 0)
            return;
        foreach (var range in rest[1..close].Split(','))
        {
            var code = rest[1..close][range].Trim();
            codes ??= ImmutableArray.CreateBuilder<string>();
            if (code.Length > 0 && !codes.Contains(code.ToString()))
                codes.Add(code.ToString());
        }
    }
}
