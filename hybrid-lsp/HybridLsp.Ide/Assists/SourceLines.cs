namespace HybridLsp.Ide.Assists;

/// <summary>Line arithmetic for assists that insert whole lines into a source text.</summary>
internal static class SourceLines
{
    /// <summary>The start of the line of <paramref name="offset"/>, when only whitespace precedes it there.</summary>
    public static int? LineStart(string text, int offset)
    {
        if (offset > text.Length)
            return null;
        var start = offset;
        while (start > 0 && text[start - 1] is ' ' or '\t')
            start--;
        return start == 0 || text[start - 1] == '\n' ? start : null;
    }

    /// <summary>The spaces and tabs that begin the line holding <paramref name="offset"/>.</summary>
    public static string LineIndent(string text, int offset)
    {
        var start = Math.Min(offset, text.Length);
        while (start > 0 && text[start - 1] is not '\n')
            start--;
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
            end++;
        return text[start..end];
    }
}
