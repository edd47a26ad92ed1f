using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Suppressions;

/// <summary>
/// The `// hybrid-lsp: allow(HL2002, HL2005)` suppression comment, over plain text: every language with `//` line comments
/// (Rust, C, C++) shares it. A comment applies to the item that starts on the line directly below its run of `//` lines
/// (a blank line or code ends the run; other `//` comments in the run, doc comments included, are passed over).
/// </summary>
public static class SuppressionComments
{
    /// <summary>The marker that starts a suppression comment's text (after `//`).</summary>
    public const string Marker = "hybrid-lsp:";
    private const int MaxLines = 64;

    /// <summary>The codes allowed by the comment lines directly above <paramref name="itemStart"/> (an item that starts its line).</summary>
    public static ImmutableArray<string> ReadAbove(string text, int itemStart)
    {
        if (itemStart <= 0 || text.Length == 0)
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
            foreach (var (code, _) in Codes(line[2..], 0))
            {
                codes ??= ImmutableArray.CreateBuilder<string>();
                if (!codes.Contains(code))
                    codes.Add(code);
            }
            lineStart = prevStart;
        }
        return codes?.ToImmutable() ?? [];
    }

    /// <summary>
    /// Every suppression comment of a file, one <see cref="Suppression"/> per code. Linear in the text: only lines holding
    /// the marker are looked at.
    /// </summary>
    public static ImmutableArray<Suppression> Scan(string text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        ImmutableArray<Suppression>.Builder? result = null;
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(Marker, from, StringComparison.Ordinal);
            if (at < 0)
                break;
            var lineStart = LineStart(text, at);
            var lineEnd = LineEnd(text, at);
            from = lineEnd;
            var raw = text.AsSpan(lineStart, lineEnd - lineStart);
            var indent = raw.Length - raw.TrimStart().Length;
            var line = raw.Trim();
            if (!line.StartsWith("//"))
                continue;
            var bodyStart = lineStart + indent + 2;
            var directive = new TextSpan(lineStart + indent, line.Length);
            var target = TargetBelow(text, lineEnd);
            var scope = TextSpan.FromBounds(directive.Start, target < 0 ? directive.End : target);
            foreach (var (code, offset) in Codes(text.AsSpan(bodyStart, directive.End - bodyStart), bodyStart))
            {
                result ??= ImmutableArray.CreateBuilder<Suppression>();
                result.Add(new Suppression(code, new TextSpan(offset, code.Length), directive, scope, target));
            }
        }
        return result?.ToImmutable() ?? [];
    }

    /// <summary>The codes of one comment's text (after `//`) with their offsets, <paramref name="baseOffset"/> being the text's own offset.</summary>
    private static List<(string Code, int Offset)> Codes(ReadOnlySpan<char> comment, int baseOffset)
    {
        var list = new List<(string, int)>();
        var lead = comment.Length - comment.TrimStart().Length;
        var rest = comment[lead..];
        if (!rest.StartsWith(Marker, StringComparison.Ordinal))
            return list;
        var pos = lead + Marker.Length;
        pos += comment[pos..].Length - comment[pos..].TrimStart().Length;
        if (!comment[pos..].StartsWith("allow", StringComparison.Ordinal))
            return list;
        pos += 5;
        pos += comment[pos..].Length - comment[pos..].TrimStart().Length;
        if (pos >= comment.Length || comment[pos] != '(')
            return list;
        var close = comment[pos..].IndexOf(')');
        if (close < 0)
            return list;
        var inner = comment.Slice(pos + 1, close - 1);
        var innerStart = pos + 1;
        foreach (var range in inner.Split(','))
        {
            var part = inner[range];
            var trimmedStart = part.Length - part.TrimStart().Length;
            var code = part.Trim();
            if (code.Length > 0)
                list.Add((code.ToString(), baseOffset + innerStart + range.Start.Value + trimmedStart));
        }
        return list;
    }

    /// <summary>The first non-blank offset of the first line below the run of `//` lines that starts after <paramref name="lineEnd"/>; -1 at a blank line or the end.</summary>
    private static int TargetBelow(string text, int lineEnd)
    {
        var pos = lineEnd;
        for (var n = 0; n < MaxLines; n++)
        {
            pos = NextLine(text, pos);
            if (pos >= text.Length)
                return -1;
            var first = pos;
            while (first < text.Length && text[first] is ' ' or '\t')
                first++;
            if (first >= text.Length || text[first] is '\n' or '\r')
                return -1;
            if (first + 1 < text.Length && text[first] == '/' && text[first + 1] == '/')
            {
                pos = LineEnd(text, first);
                continue;
            }
            return first;
        }
        return -1;
    }

    private static int NextLine(string text, int lineEnd)
    {
        if (lineEnd < text.Length && text[lineEnd] == '\r')
            lineEnd++;
        if (lineEnd < text.Length && text[lineEnd] == '\n')
            lineEnd++;
        return lineEnd;
    }

    private static int LineStart(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (i > 0 && text[i - 1] is not '\n' and not '\r')
            i--;
        return i;
    }

    private static int LineEnd(string text, int offset)
    {
        var i = offset;
        while (i < text.Length && text[i] is not '\n' and not '\r')
            i++;
        return i;
    }
}
