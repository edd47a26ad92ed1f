namespace HybridLsp.Syntax.CMake;

/// <summary>
/// Unwraps the generator expressions that matter for discovery, where the answer is simple: <c>$&lt;BUILD_INTERFACE:x&gt;</c>
/// and <c>$&lt;BUILD_LOCAL_INTERFACE:x&gt;</c> are x, <c>$&lt;INSTALL_INTERFACE:x&gt;</c> is nothing (not used to build), a
/// conditional <c>$&lt;cond:x&gt;</c> is x when cond is 1, nothing when 0, and x marked uncertain otherwise (both branches).
/// Anything else is dropped and marked uncertain.
/// </summary>
internal static class CMakeGeneratorExpression
{
    public static (string? Value, bool Certain) Unwrap(string item, int depth = 0)
    {
        if (!item.Contains("$<", StringComparison.Ordinal))
            return (item, true);
        if (depth > 16 || !item.StartsWith("$<", StringComparison.Ordinal) || MatchingClose(item, 1) != item.Length - 1)
            return (null, false);
        var body = item[2..^1];
        var colon = TopLevelColon(body);
        if (colon < 0)
            return (null, false);
        var head = body[..colon];
        var inner = body[(colon + 1)..];
        switch (head)
        {
            case "BUILD_INTERFACE" or "BUILD_LOCAL_INTERFACE":
                return Unwrap(inner, depth + 1);
            case "INSTALL_INTERFACE":
                return (null, true);
            case "1":
                return Unwrap(inner, depth + 1);
            case "0":
                return (null, true);
        }
        if (head.StartsWith("$<", StringComparison.Ordinal))
        {
            var (value, _) = Unwrap(inner, depth + 1);
            return (value, false);
        }
        return (null, false);
    }

    /// <summary>The index of the '&gt;' that closes the '&lt;' at <paramref name="open"/>, or -1.</summary>
    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '<' && i > 0 && text[i - 1] == '$')
                depth++;
            else if (text[i] == '>' && --depth == 0)
                return i;
        }
        return -1;
    }

    private static int TopLevelColon(string body)
    {
        var depth = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '$' && i + 1 < body.Length && body[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (body[i] == '>' && depth > 0)
            {
                depth--;
            }
            else if (body[i] == ':' && depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
