using System.Buffers;
using System.Runtime.CompilerServices;

namespace HybridLsp.Ide;

/// <summary>
/// A text-only test that spares the Roslyn parse of C# files that cannot matter: most files of a large application
/// declare no interop and call no extern. A file is parsed when its text mentions anything the semantic model reads
/// from C# (an import attribute, a struct, enum, delegate or function pointer, a constant, a SafeHandle/CriticalHandle
/// base, `[assembly: DisableRuntimeMarshalling]`, a using alias) — or, failing that, when it calls a method by the name
/// of an extern of the workspace (a call site). Everything else gets empty syntax. The test over-approximates (comments
/// and strings count), so it only ever parses more than needed.
///
/// What it gives up: a class that derives from SafeHandle through another project class and whose own file names no
/// "Handle" is no longer known as a handle; a binding that passes it is then unchecked (silent), never a false finding.
/// </summary>
internal static class CsPrefilter
{
    private static readonly string[] s_words =
    [
        "DllImport", "LibraryImport", "StructLayout", "struct", "enum", "delegate", "const", "DisableRuntimeMarshalling", "Handle",
    ];

    // Compiled ahead of time (the native server), all words are looked for in one vectorized pass. Under the JIT, that
    // search's generic machinery costs about half a second of compilation on first use, far more than it saves, so the
    // words are looked for one by one there.
    private static readonly SearchValues<string>? s_search = RuntimeFeature.IsDynamicCodeSupported ? null : CreateSearch();

    internal static SearchValues<string> CreateSearch() => SearchValues.Create(s_words, StringComparison.Ordinal);

    /// <summary>Whether the text may declare something the semantic model reads from C#.</summary>
    public static bool MayDeclareInterop(string text) => MayDeclareInterop(text, s_search);

    /// <summary><see cref="MayDeclareInterop(string)"/> with the one-pass search, or word by word when it is null.</summary>
    internal static bool MayDeclareInterop(string text, SearchValues<string>? search)
    {
        if (search is not null)
            return text.AsSpan().ContainsAny(search) || HasUsingAlias(text);
        foreach (var word in s_words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
                return true;
        }
        return HasUsingAlias(text);
    }

    // `using X = Y;` / `global using X = Y;`: a line whose first word is `using` (after an optional `global`) with a '='
    // before its ';'. Aliases are merged project-wide, so they are kept wherever they are.
    private static bool HasUsingAlias(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("using ", at, StringComparison.Ordinal)) >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            var before = text.AsSpan(lineStart, at - lineStart).Trim();
            var end = text.IndexOf(';', at);
            if (end < 0)
                end = text.Length;
            if ((before.IsEmpty || before.SequenceEqual("global")) && text.AsSpan(at, end - at).Contains('='))
                return true;
            at += 6;
        }
        return false;
    }

    /// <summary>
    /// Whether the text may call a method named like one of <paramref name="names"/>: an identifier directly followed (after
    /// blanks) by '(' or '&lt;' is a name a call could invoke. Stops at the first; allocates nothing per identifier.
    /// </summary>
    public static bool CallsAny(string text, HashSet<string> names)
    {
        if (names.Count == 0)
            return false;
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!(char.IsLetter(c) || c == '_' || c == '@'))
            {
                i++;
                continue;
            }
            var start = c == '@' ? i + 1 : i;
            i++;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                i++;
            var end = i;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
                i++;
            if (i < text.Length && (text[i] == '(' || text[i] == '<') && end > start && lookup.Contains(text.AsSpan(start, end - start)))
                return true;
        }
        return false;
    }
}
