using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>
/// Re-checks a translation unit after an edit of one of its files by parsing only what the edit touches. The edit must be
/// confined to whole lines that hold nothing but top-level function declarations (and whitespace and <c>//</c> comments)
/// before and after it, with no preprocessor line, block comment delimiter or line splice in them. The unit is then parsed
/// once more with every other function declaration of its files blanked (replaced by spaces: offsets and lines stay), except
/// those that share a name with an identifier of the edited lines, so that redeclarations still meet. The declarations the
/// parse re-reads replace their old selves in the previous result; the declarations after the edit in the edited file move
/// by its length. Types, macros and pragmas are all still in that parse: it reads them as a full parse does.
/// <para>
/// Anything it cannot vouch for gives null, and the caller parses the whole unit: an edit elsewhere, a previous result or a
/// re-parse with errors, a declaration it cannot take apart (<see cref="CDeclarationRegions"/>), a type declared in the
/// edited lines, a function reported that it did not expect, a header included twice.
/// </para>
/// </summary>
public static class ClangSplice
{
    /// <summary>
    /// The result of <paramref name="request"/> (whose <see cref="CParseRequest.UnsavedFiles"/> hold the edited text of
    /// <paramref name="path"/>) from <paramref name="previous"/>, its result when the file read <paramref name="oldText"/>;
    /// or null when the edit cannot be spliced. <paramref name="regionsOf"/> gives the function declarations of a file's
    /// text as some earlier parse reported them (null when none is known for that exact text). <paramref name="editedRegions"/>
    /// gets the function declarations of the edited text when the unit reports that file's functions (read from the edit
    /// alone, not the whole text again); null otherwise.
    /// </summary>
    public static CParseResult? TryReparse(ClangOptions options, CParseRequest request, CParseResult previous, string path, string oldText,
        Func<string, string, CDeclarationRegions?> regionsOf, out CDeclarationRegions? editedRegions, CancellationToken cancellationToken)
    {
        editedRegions = null;
        if (previous.Status != CParseStatus.Parsed || previous.FirstError is not null || !request.UnsavedFiles.TryGetValue(path, out var newText))
            return null;
        if (regionsOf(path, oldText) is not { } edited || !Window(oldText, newText, edited, out var window))
            return null;
        var delta = newText.Length - oldText.Length;

        // Names the edited lines mention, before or after: every declaration of them anywhere stays in the parse.
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, start, end) in new[] { (oldText, window.Start, window.End), (newText, window.Start, window.End + delta) })
        {
            foreach (var token in CLexer.Tokens(text, start, end))
            {
                if (token.IsIdentifier(text))
                    keep.Add(text[token.Start..token.End]);
            }
        }

        // A declaration a macro makes has a name its text does not spell: its other declarations would not be kept.
        if (edited.Regions.Any(r => r.Extent.Start >= window.Start && r.Extent.Start < window.End && !keep.Contains(r.Name)))
            return null;

        // A function the re-parse reads again must meet every declaration of its name that the full parse meets (they give
        // it attributes, visibility, its first declaration): the names of declarations that cannot be blanked, or whose file's
        // declarations are not known, are kept everywhere too.
        var files = new List<(string File, string Text, CDeclarationRegions? Regions)>();
        foreach (var file in previous.IncludedFiles.Distinct(StringComparer.Ordinal))
        {
            if (request.UnsavedFiles.TryGetValue(file, out var text))
                files.Add((file, text, file == path ? edited : regionsOf(file, text)));
        }
        foreach (var (_, _, regions) in files)
        {
            foreach (var region in regions?.Regions ?? [])
            {
                if (region.Blank is null)
                    keep.Add(region.Name);
            }
        }
        var known = files.Where(f => f.Regions is not null).ToDictionary(f => f.File, f => f.Regions!, StringComparer.Ordinal);
        foreach (var f in previous.Functions)
        {
            if (!known.TryGetValue(f.FullSpan.File, out var regions) || !regions.IsBlankable(f.FullSpan.Span))
                keep.Add(f.Name);
        }

        // The skeleton: each workspace file of the unit with its known declarations blanked, but for the kept names (and the edit).
        var blanked = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var blanks = new Dictionary<string, ImmutableArray<TextSpan>>(StringComparer.Ordinal);
        foreach (var (file, text, regions) in files)
        {
            if (regions is null)
                continue;
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            var starts = new HashSet<int>();
            foreach (var region in regions.Regions)
            {
                if (region.Blank is not { } blank || keep.Contains(region.Name))
                    continue;
                var at = blank.Start;
                if (file == path)
                {
                    if (blank.End > window.Start && blank.Start < window.End)
                        continue;
                    if (blank.Start >= window.End)
                        at += delta;
                }
                spans.Add(new TextSpan(at, blank.Length));
                starts.Add(region.Extent.Start);
            }
            if (spans.Count > 0)
            {
                blanks[file] = spans.DrainToImmutable();
                blanked[file] = starts;
            }
        }

        // A unit that leaves the edited file's declarations to another still has the re-parse name the functions the edit declares.
        var reportsPath = !request.OmitDeclarationsFrom.Contains(path);
        var reparsed = ClangParser.Parse(options, request with { Blanks = blanks, ReportFunctionsFrom = reportsPath ? null : path }, cancellationToken);
        if (reparsed.Status == CParseStatus.Cancelled)
            return reparsed;
        if (reparsed.Status != CParseStatus.Parsed || reparsed.FirstError is not null)
            return null;
        var newWindow = TextSpan.FromBounds(window.Start, window.End + delta);
        if (reparsed.Functions.Any(f => f.FullSpan.File == path && newWindow.Contains(f.FullSpan.Span.Start) && !keep.Contains(f.Name)))
            return null;
        if (!reportsPath)
            reparsed = reparsed with { Functions = [.. reparsed.Functions.Where(f => f.FullSpan.File != path)] };
        var lineDelta = Lines(newText, window.Start, window.End + delta) - Lines(oldText, window.Start, window.End);
        var shift = new Shift(path, window.End, delta, lineDelta);
        var functions = Functions(previous, reparsed, blanked, path, oldText, window, shift);
        if (functions is null || !SameTypes(previous, reparsed, shift))
            return null;

        if (functions.Value.Any(f => f.FullSpan.File == path))
            editedRegions = edited.Edited(newText, window, delta, functions.Value.Where(f => f.FullSpan.File == path && newWindow.Contains(f.FullSpan.Span.Start)).Select(f => (f.FullSpan.Span, f.Name)));
        var diagnostics = previous.Diagnostics.Where(d => d.Location is not { } l || l.File != path || !window.Contains(l.Span.Start)).Select(shift.Apply)
            .Concat(reparsed.Diagnostics.Where(d => d.Location is { } l && l.File == path && newWindow.Contains(l.Span.Start)));
        return new CParseResult(CParseStatus.Parsed, null, [.. diagnostics], functions.Value, reparsed.Records, reparsed.Enums, reparsed.Typedefs,
            reparsed.IncludedFiles, reparsed.DroppedFlags)
        {
            ParseTime = reparsed.ParseTime,
            ExtractTime = reparsed.ExtractTime,
        };
    }

    /// <summary>
    /// The edited lines of the old text: the smallest run of whole lines holding the change whose text is only function
    /// declarations that can be blanked (each whole), whitespace and line comments, in the old and the new text alike.
    /// </summary>
    private static bool Window(string oldText, string newText, CDeclarationRegions regions, out TextSpan window)
    {
        window = default;
        if (!ReferenceEquals(regions.Text, oldText) && !string.Equals(regions.Text, oldText, StringComparison.Ordinal))
            return false;
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var suffix = CommonSuffix(oldText.AsSpan(prefix), newText.AsSpan(prefix));
        var delta = newText.Length - oldText.Length;
        // Lines added or removed whole can be matched at more than one place when they look like their neighbours (`int a(…);`
        // before `int b(…);`): slide the block back to start at a line start, where it does not cut into the line after it.
        if (oldText.Length - suffix == prefix || newText.Length - suffix == prefix)
        {
            var block = delta > 0 ? newText : oldText;
            var length = Math.Abs(delta);
            while (prefix > 0 && block[prefix - 1] != '\n' && block[prefix - 1] == block[prefix + length - 1])
                prefix--;
            suffix = oldText.Length - prefix - Math.Max(0, -delta);
        }
        var start = CLexer.LineStart(oldText, prefix);
        var changeEnd = oldText.Length - suffix;
        // The window ends at a line start of both texts: where the change ends there when it ends a line in both, else after the
        // line the unchanged text resumes in.
        var end = changeEnd == oldText.Length || (changeEnd == 0 || oldText[changeEnd - 1] == '\n') && (changeEnd + delta == 0 || newText[changeEnd + delta - 1] == '\n')
            ? changeEnd
            : LineEndAfter(oldText, changeEnd);
        // A line splice at the end of the line before would join the first edited line to it.
        if (start > 0 && EndsWithSplice(oldText, start))
            return false;

        // Declarations the window cuts into are taken whole (with the rest of their lines).
        var grown = true;
        while (grown)
        {
            grown = false;
            foreach (var region in regions.Regions)
            {
                var span = region.Blank ?? region.Extent;
                if (span.Start >= end || span.End <= start && !(span.Length == 0 && span.Start == start))
                    continue;
                if (region.Blank is null)
                    return false;
                var (s, e) = (Math.Min(start, CLexer.LineStart(oldText, span.Start)), Math.Max(end, span.End == oldText.Length ? span.End : LineEndAfter(oldText, span.End)));
                grown |= s != start || e != end;
                (start, end) = (s, e);
            }
        }

        foreach (var (text, from, to) in new[] { (oldText, start, end), (newText, start, end + delta) })
        {
            var slice = text.AsSpan(from, to - from);
            if (slice.Contains("/*", StringComparison.Ordinal) || slice.Contains("*/", StringComparison.Ordinal) || slice.Contains('\\')
                || slice.Contains("__COUNTER__", StringComparison.Ordinal) || slice.Contains("R\"", StringComparison.Ordinal))
                return false;
            if (DeclaresMoreThanFunctions(text, CLexer.Tokens(text, from, to)))
                return false;
        }
        // Every token of the old lines belongs to a declaration that is blanked as a whole inside them (both lists are in text order).
        var inside = regions.Regions.Where(r => r.Blank is { } b && b.Start >= start && b.End <= end).Select(r => r.Blank!.Value).ToList();
        var next = 0;
        foreach (var token in CLexer.Tokens(oldText, start, end))
        {
            while (next < inside.Count && inside[next].End <= token.Start)
                next++;
            if (next == inside.Count || inside[next].Start > token.Start || token.End > inside[next].End)
                return false;
        }
        window = TextSpan.FromBounds(start, end);
        return true;
    }

    /// <summary>
    /// Whether tokens hold a preprocessor line or declare something other than functions and variables: a typedef, a struct,
    /// union or enum (definition or file-scope forward declaration), a namespace, a template. A new type name can change how
    /// later declarations parse (C's typedef-name ambiguity), and a unit that does not report the edited file's types would not
    /// see it change.
    /// </summary>
    private static bool DeclaresMoreThanFunctions(string text, List<CToken> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case CToken.Directive:
                    return true;
                case '(' or '[':
                    depth++;
                    continue;
                case ')' or ']':
                    depth--;
                    continue;
                case CToken.Word:
                    break;
                default:
                    continue;
            }
            var word = text.AsSpan(token.Start, token.End - token.Start);
            if (word is "typedef" or "namespace" or "using" or "template" or "static_assert" or "_Static_assert" or "concept")
                return true;
            if (depth > 0 || word is not ("struct" or "union" or "enum" or "class"))
                continue;
            // At file scope: `struct {`, `struct name {`, `struct name;`, `enum name : type {` declare the type.
            var next = i + 1 < tokens.Count ? tokens[i + 1].Kind : ';';
            var after = i + 2 < tokens.Count ? tokens[i + 2].Kind : ';';
            if (next == '{' || next == CToken.Word && after is '{' or ';' or ':')
                return true;
        }
        return false;
    }

    /// <summary>
    /// The previous functions with those of the edited lines replaced by the re-parse's, in the order a full parse reports
    /// them; those that were not blanked are the re-parse's too. Null when the two parses do not line up.
    /// </summary>
    private static ImmutableArray<CFunction>? Functions(CParseResult previous, CParseResult reparsed, Dictionary<string, HashSet<int>> blanked, string path,
        string oldText, TextSpan window, Shift shift)
    {
        var newWindow = TextSpan.FromBounds(window.Start, window.End + shift.Delta);
        var fresh = new List<CFunction>();
        // A header without an include guard read twice reports its functions twice: each place holds a queue.
        var others = new Dictionary<(string, int), Queue<CFunction>>();
        var left = 0;
        foreach (var f in reparsed.Functions)
        {
            if (f.FullSpan.File == path && newWindow.Contains(f.FullSpan.Span.Start))
            {
                fresh.Add(f);
                continue;
            }
            var key = (f.FullSpan.File, f.FullSpan.Span.Start);
            if (!others.TryGetValue(key, out var queue))
                others[key] = queue = new Queue<CFunction>(1);
            queue.Enqueue(f);
            left++;
        }

        var seen = new HashSet<int>();
        string? lastFile = null;
        HashSet<int>? lastBlanked = null;
        var result = ImmutableArray.CreateBuilder<CFunction>(previous.Functions.Length + fresh.Count);
        int? insertAt = null;
        int? lastBefore = null, firstAfter = null;
        CFunction? before = null, after = null;
        foreach (var f in previous.Functions)
        {
            var (file, start) = (f.FullSpan.File, f.FullSpan.Span.Start);
            if (file == path && !seen.Add(start))
                return null; // the edited file read twice (no include guard): where its new functions go is not one place
            if (file == path && window.Contains(start))
            {
                insertAt ??= result.Count;
                continue;
            }
            if (file == path && start < window.Start)
                (lastBefore, before) = (result.Count + 1, f);
            else if (file == path && firstAfter is null)
                (firstAfter, after) = (result.Count, f);
            // A unit's functions come file by file, sharing the path's string: the last file's set is asked first.
            if (!ReferenceEquals(file, lastFile))
                (lastFile, lastBlanked) = (file, blanked.GetValueOrDefault(file));
            if (lastBlanked is not null && lastBlanked.Contains(start))
                result.Add(shift.Apply(f));
            else if (others.TryGetValue((file, shift.Offset(file, start)), out var again) && again.TryDequeue(out var same))
            {
                result.Add(same);
                left--;
            }
            else
            {
                return null;
            }
        }
        if (left > 0)
            return null;
        if (fresh.Count == 0)
            return result.ToImmutable();
        // Where the edited lines' functions go: where the old ones were, else right after the file's function before them or
        // right before the one after them, when no #include between puts another file's functions in between.
        if (insertAt is null)
        {
            if (before is not null && !HasDirective(oldText, before.FullSpan.Span.End, window.Start))
                insertAt = lastBefore;
            else if (after is not null && !HasDirective(oldText, window.End, after.FullSpan.Span.Start))
                insertAt = firstAfter;
            else
                return null;
        }
        result.InsertRange(insertAt!.Value, fresh);
        return result.ToImmutable();
    }

    private static bool HasDirective(string text, int from, int to) => from < to && CLexer.Tokens(text, CLexer.LineStart(text, from), to).Any(t => t.Kind == CToken.Directive);

    /// <summary>The re-parse read the same structs, enums and typedefs at the same (moved) places: nothing in the edit declared one.</summary>
    private static bool SameTypes(CParseResult previous, CParseResult reparsed, Shift shift)
    {
        static bool Same<T>(ImmutableArray<T> before, ImmutableArray<T> now, Func<T, (string, CSourceSpan)> key, Shift shift)
        {
            if (before.Length != now.Length)
                return false;
            for (var i = 0; i < before.Length; i++)
            {
                var (name, at) = key(before[i]);
                var (nowName, nowAt) = key(now[i]);
                if (name != nowName || shift.Apply(at) != nowAt)
                    return false;
            }
            return true;
        }
        return Same(previous.Records, reparsed.Records, r => (r.QualifiedName, r.NameSpan), shift)
            && Same(previous.Enums, reparsed.Enums, e => (e.QualifiedName, e.NameSpan), shift)
            && Same(previous.Typedefs, reparsed.Typedefs, t => (t.QualifiedName, t.NameSpan), shift);
    }

    /// <summary>Moves places after the edited lines of the edited file by the edit's length and lines (the lines start at a line start: columns stay).</summary>
    private sealed class Shift(string path, int oldEnd, int delta, int lineDelta)
    {
        public int Delta => delta;

        public int Offset(string file, int start) => file == path && start >= oldEnd ? start + delta : start;

        public CSourceSpan Apply(CSourceSpan span) => span.File == path && span.Span.Start >= oldEnd && (delta != 0 || lineDelta != 0)
            ? span with { Span = new TextSpan(span.Span.Start + delta, span.Span.Length), Line = span.Line + lineDelta }
            : span;

        public CFunction Apply(CFunction f)
        {
            if (f.FullSpan.File != path && f.NameSpan.File != path || delta == 0 && lineDelta == 0)
                return f;
            var parameters = f.Parameters;
            if (parameters.Any(p => p.NameSpan is { } s && s.File == path))
                parameters = [.. parameters.Select(p => p.NameSpan is { } s ? p with { NameSpan = Apply(s) } : p)];
            return f with { NameSpan = Apply(f.NameSpan), FullSpan = Apply(f.FullSpan), Parameters = parameters };
        }

        public CDiagnostic Apply(CDiagnostic d) => d.Location is { } l ? d with { Location = Apply(l) } : d;
    }

    private static int CommonSuffix(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        var max = Math.Min(a.Length, b.Length);
        while (n < max && a[a.Length - 1 - n] == b[b.Length - 1 - n])
            n++;
        return n;
    }

    private static int Lines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');


    /// <summary>The offset after the newline that ends the line holding <paramref name="offset"/> (the text's length on the last line).</summary>
    private static int LineEndAfter(string text, int offset)
    {
        var newline = offset < text.Length ? text.IndexOf('\n', offset) : -1;
        return newline < 0 ? text.Length : newline + 1;
    }

    private static bool EndsWithSplice(string text, int lineStart)
    {
        var i = lineStart - 2; // before the newline
        if (i >= 0 && text[i] == '\r')
            i--;
        return i >= 0 && text[i] == '\\';
    }
}
