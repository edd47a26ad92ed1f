using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>
/// Re-checks a translation unit after an edit of one of its files by parsing only what the edit touches. The edit must be
/// confined to whole lines that hold whole top-level statements (function declarations, struct, union, enum and typedef
/// declarations, variables), before and after it, with no preprocessor line, block comment delimiter or line splice in them.
/// The unit is then parsed once more with every other function declaration of its files blanked (replaced by spaces: offsets
/// and lines stay), except those that share a name with an identifier of the edited lines, so that redeclarations still meet,
/// and those whose signatures are written with a type the edit changes. Types, macros and pragmas are all still in that
/// parse: it reads them as a full parse does, and its types replace the old ones. The functions it re-reads replace their old
/// selves in the previous result; the others stay, those after the edit in the edited file moved by its length.
/// <para>
/// An edit of types is spliced when the re-parse declares the same types, by name and in order, as before: the types whose
/// contents differ (<see cref="CTypeChanges"/>) name the functions whose signatures must be read again, and a function the
/// first re-parse blanked is read by a second one. A unit that leaves some files' declarations to another unit cannot see
/// those files' types change: it reads every signature it reports again.
/// </para>
/// <para>
/// Anything it cannot vouch for gives null, and the caller parses the whole unit: an edit elsewhere, a previous result or a
/// re-parse with errors, a declaration it cannot take apart (<see cref="CDeclarationRegions"/>), a type added, removed or
/// renamed, a typedef of a function type changed, a function reported that it did not expect, a header included twice.
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
        if (regionsOf(path, oldText) is not { } edited || Window(oldText, newText, edited) is not { } lines)
            return null;
        var window = lines.Window;
        var delta = newText.Length - oldText.Length;
        var newWindow = TextSpan.FromBounds(window.Start, window.End + delta);
        var reportsPath = !request.OmitDeclarationsFrom.Contains(path);
        // A unit that leaves some files' declarations to another unit does not see those files' types change.
        var partial = !request.OmitDeclarationsFrom.IsEmpty;

        // Names the edited lines mention, before or after: every declaration of them anywhere stays in the parse.
        var keep = lines.Identifiers;

        // A declaration a macro makes has a name its text does not spell: its other declarations would not be kept.
        if (edited.Regions.Any(r => r.Extent.Start >= window.Start && r.Extent.Start < window.End && !keep.Contains(r.Name)))
            return null;

        if (lines.DeclaresTypes)
        {
            // A type's change reaches a function through its signature's types, except where the signature is not read here,
            // and where the symbol itself spells the types: C++ mangles the parameters' types (a typedef as the type it names, a
            // decltype or a template argument as what it gives), x86 Windows appends the parameters' size. Neither can be
            // checked for a definition whose signature is left to another unit, nor what an omitted header declares.
            var x86Windows = ClangArguments.IsX86WindowsTriple(request.TargetTriple);
            if (request.Language == CLanguage.Cxx && (lines.NestedTypedef || partial && lines.Typedef)
                || previous.Functions.Any(f => f.SignatureOmitted && (f.Linkage == CLinkage.Cxx || x86Windows))
                || !reportsPath && (lines.MayDeclareFunctionType || !lines.SameNames))
                return null;
            if (partial)
            {
                foreach (var f in previous.Functions)
                {
                    if (!f.SignatureOmitted)
                        keep.Add(f.Name);
                }
            }
            else
            {
                var mentions = CTypeChanges.Mentioning(CTypeChanges.DeclaredIn(previous, path, window));
                foreach (var f in previous.Functions)
                {
                    if (mentions(f))
                        keep.Add(f.Name);
                }
            }
        }

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

        var (reparsed, blanked) = Skeleton(options, request, path, files, keep, window, delta, reportsPath, cancellationToken);
        if (reparsed is null || reparsed.Status == CParseStatus.Cancelled)
            return reparsed;
        // Lines that declare no type change none: only that the same types were declared is checked then.
        if (CTypeChanges.Between(previous, reparsed, lines.DeclaresTypes, out var functionTypedef) is not { } changed || functionTypedef)
            return null;
        // The types that did change name the functions to read again: a second skeleton keeps those the first one blanked.
        var mentionsChanged = CTypeChanges.Mentioning(changed);
        var missed = changed.Count == 0 ? [] : previous.Functions.Where(f => blanked.TryGetValue(f.FullSpan.File, out var starts) && starts.Contains(f.FullSpan.Span.Start) && mentionsChanged(f)).ToList();
        if (missed.Count > 0)
        {
            keep.UnionWith(missed.Select(f => f.Name));
            (reparsed, blanked) = Skeleton(options, request, path, files, keep, window, delta, reportsPath, cancellationToken);
            if (reparsed is null || reparsed.Status == CParseStatus.Cancelled)
                return reparsed;
            if (CTypeChanges.Between(previous, reparsed, compare: true, out functionTypedef) is null || functionTypedef)
                return null;
        }
        if (reparsed.Functions.Any(f => f.FullSpan.File == path && newWindow.Contains(f.FullSpan.Span.Start) && !keep.Contains(f.Name)))
            return null;
        if (!reportsPath)
            reparsed = reparsed with { Functions = [.. reparsed.Functions.Where(f => f.FullSpan.File != path)] };
        var lineDelta = Lines(newText, newWindow.Start, newWindow.End) - Lines(oldText, window.Start, window.End);
        var shift = new Shift(path, window.End, delta, lineDelta);
        if (Functions(previous, reparsed, blanked, path, oldText, window, shift) is not { } functions)
            return null;

        if (reportsPath)
            editedRegions = edited.Edited(newText, window, delta, functions.Where(f => f.FullSpan.File == path && newWindow.Contains(f.FullSpan.Span.Start)).Select(f => (f.FullSpan.Span, f.Name)));
        var diagnostics = previous.Diagnostics.Where(d => d.Location is not { } l || l.File != path || !window.Contains(l.Span.Start)).Select(shift.Apply)
            .Concat(reparsed.Diagnostics.Where(d => d.Location is { } l && l.File == path && newWindow.Contains(l.Span.Start)));
        return new CParseResult(CParseStatus.Parsed, null, [.. diagnostics], functions, reparsed.Records, reparsed.Enums, reparsed.Typedefs,
            reparsed.IncludedFiles, reparsed.DroppedFlags)
        {
            ParseTime = reparsed.ParseTime,
            ExtractTime = reparsed.ExtractTime,
        };
    }

    /// <summary>
    /// Parses the unit with each known function declaration of its workspace files blanked but for the <paramref name="keep"/>
    /// names and the edited lines; also gives which declarations were blanked (per file, their old extents' starts). A null
    /// result: the skeleton did not parse cleanly.
    /// </summary>
    private static (CParseResult? Result, Dictionary<string, HashSet<int>> Blanked) Skeleton(ClangOptions options, CParseRequest request, string path,
        List<(string File, string Text, CDeclarationRegions? Regions)> files, HashSet<string> keep, TextSpan window, int delta, bool reportsPath, CancellationToken cancellationToken)
    {
        var blanked = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var blanks = new Dictionary<string, ImmutableArray<TextSpan>>(StringComparer.Ordinal);
        foreach (var (file, _, regions) in files)
        {
            if (regions is null)
                continue;
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            var starts = new HashSet<int>(regions.Regions.Length);
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
        var reparsed = ClangParser.Parse(options, request with { Blanks = blanks, ReportFunctionsFrom = reportsPath ? null : path }, cancellationToken);
        if (reparsed.Status == CParseStatus.Cancelled)
            return (reparsed, blanked);
        return (reparsed.Status != CParseStatus.Parsed || reparsed.FirstError is not null ? null : reparsed, blanked);
    }

    /// <summary>
    /// The edited lines (old offsets) and what they declare besides functions, as their tokens tell, before and after the edit.
    /// </summary>
    /// <param name="DeclaresTypes">A struct, union, enum or class is defined or declared, or a typedef or alias.</param>
    /// <param name="Typedef">A typedef or alias declaration.</param>
    /// <param name="NestedTypedef">A typedef or alias inside braces (a C++ class's member type, which no parse reports).</param>
    /// <param name="MayDeclareFunctionType">A typedef that could name a function type rather than a pointer to one.</param>
    /// <param name="SameNames">The type names declared (tags, typedef names) are the same before and after.</param>
    /// <param name="Identifiers">Every identifier of the lines, before and after.</param>
    private sealed record EditedLines(TextSpan Window, bool DeclaresTypes, bool Typedef, bool NestedTypedef, bool MayDeclareFunctionType, bool SameNames,
        HashSet<string> Identifiers);

    /// <summary>
    /// The edited lines of the old text: the smallest run of whole lines holding the change that is whole top-level
    /// statements (function declarations that can be blanked, type and variable declarations) in the old and the new text
    /// alike, with no preprocessor line, comment delimiter or line splice. Null when there is none.
    /// </summary>
    private static EditedLines? Window(string oldText, string newText, CDeclarationRegions regions)
    {
        if (!ReferenceEquals(regions.Text, oldText) && !string.Equals(regions.Text, oldText, StringComparison.Ordinal))
            return null;
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
            return null;

        // Declarations the window cuts into are taken whole (with the rest of their lines): functions as the parse found them,
        // other statements as their tokens end.
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
                    return null;
                grown |= Take(oldText, span, ref start, ref end);
            }
            if (Statements(oldText, regions, start, end) is not { } statements)
                return null;
            foreach (var span in statements)
                grown |= Take(oldText, span, ref start, ref end);
        }

        var facts = new List<(bool Types, bool Typedef, bool Nested, bool FunctionType, string Names)>(2);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, from, to) in new[] { (oldText, start, end), (newText, start, end + delta) })
        {
            var slice = text.AsSpan(from, to - from);
            if (slice.Contains("/*", StringComparison.Ordinal) || slice.Contains("*/", StringComparison.Ordinal) || slice.Contains('\\')
                || slice.Contains("__COUNTER__", StringComparison.Ordinal) || slice.Contains("R\"", StringComparison.Ordinal))
                return null;
            var tokens = CLexer.Tokens(text, from, to);
            if (!CStatements.AreWhole(text, tokens, 0, tokens.Count) || Declares(text, tokens) is not { } declares)
                return null;
            facts.Add(declares);
            foreach (var token in tokens)
            {
                if (token.IsIdentifier(text))
                    identifiers.Add(text[token.Start..token.End]);
            }
        }
        var (old, now) = (facts[0], facts[1]);
        return new EditedLines(TextSpan.FromBounds(start, end), old.Types || now.Types, old.Typedef || now.Typedef, old.Nested || now.Nested,
            old.FunctionType || now.FunctionType, string.Equals(old.Names, now.Names, StringComparison.Ordinal), identifiers);
    }

    /// <summary>Widens [start, end) to the whole lines of <paramref name="span"/>; whether it grew.</summary>
    private static bool Take(string text, TextSpan span, ref int start, ref int end)
    {
        var (s, e) = (Math.Min(start, CLexer.LineStart(text, span.Start)), Math.Max(end, span.End == text.Length ? span.End : LineEndAfter(text, span.End)));
        var grew = s != start || e != end;
        (start, end) = (s, e);
        return grew;
    }

    /// <summary>
    /// The top-level statements of <paramref name="text"/> that overlap [start, end), read from the end of the last blankable
    /// function declaration before it (a statement boundary) up to the first one after it; null when one is unterminated
    /// there or opens or closes an <c>extern "C"</c> block or a namespace.
    /// </summary>
    private static List<TextSpan>? Statements(string text, CDeclarationRegions regions, int start, int end)
    {
        int from = 0, to = text.Length;
        foreach (var region in regions.Regions)
        {
            if (region.Blank is not { } blank)
                continue;
            if (blank.End <= start)
                from = Math.Max(from, blank.End);
            else if (blank.Start >= end)
                to = Math.Min(to, blank.Start);
        }
        var tokens = CLexer.Tokens(text, CLexer.LineStart(text, from), to);
        var result = new List<TextSpan>();
        for (var i = CLexer.FirstAtOrAfter(tokens, from); i < tokens.Count && tokens[i].Start < end;)
        {
            var (next, kind) = CStatements.At(text, tokens, i);
            if (next < 0)
                return null;
            var span = TextSpan.FromBounds(tokens[i].Start, tokens[next - 1].End);
            if (span.End > start)
            {
                if (kind is CStatementKind.ContainerOpen or CStatementKind.ContainerClose)
                    return null;
                result.Add(span);
            }
            i = next;
        }
        return result;
    }

    /// <summary>
    /// What tokens of whole statements declare besides functions and variables (null for what a splice does not take: a
    /// preprocessor line, a namespace, a template, a concept, a using-directive or declaration): whether they declare a type,
    /// a typedef (or alias), one inside braces, a typedef that could name a function type, and the type names they declare
    /// (struct, union, enum and class tags, typedef names, in order).
    /// </summary>
    internal static (bool Types, bool Typedef, bool Nested, bool FunctionType, string Names)? Declares(string text, List<CToken> tokens)
    {
        bool types = false, typedef = false, nested = false, functionType = false;
        var names = new System.Text.StringBuilder();
        int parens = 0, braces = 0;
        var inTypedef = false;
        var alias = false;
        var commas = false;
        var groups = new List<(int Open, int Close)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : new CToken(token.End, token.End, ';');
            switch (token.Kind)
            {
                case CToken.Directive:
                    return null;
                case '(' or '[':
                    if (inTypedef && braces == 0 && parens == 0 && token.Kind == '(' && !(i > 0 && tokens[i - 1].Kind == CToken.Word && CStatements.IsAttributeWord(text, tokens[i - 1])))
                        groups.Add((i, -1));
                    parens++;
                    continue;
                case ')' or ']':
                    parens--;
                    if (parens == 0 && token.Kind == ')' && groups.Count > 0 && groups[^1].Close < 0)
                        groups[^1] = (groups[^1].Open, i);
                    continue;
                case '{':
                    braces++;
                    continue;
                case '}':
                    braces--;
                    continue;
                case ',' when inTypedef && braces == 0 && parens == 0:
                    commas = true;
                    continue;
                case ';' when braces == 0 && parens == 0:
                    if (inTypedef)
                        functionType |= MayNameAFunctionType(text, tokens, groups, commas);
                    (inTypedef, alias, commas) = (false, false, false);
                    groups.Clear();
                    continue;
                case CToken.Word:
                    break;
                default:
                    continue;
            }
            var word = text.AsSpan(token.Start, token.End - token.Start);
            if (word is "namespace" or "template" or "concept")
                return null;
            if (word is "typedef" or "using")
            {
                // `using name = type;` is an alias; `using namespace n;` and `using n::name;` change what names mean.
                if (word is "using" && !(next.Kind == CToken.Word && i + 2 < tokens.Count && tokens[i + 2].Kind == '='))
                    return null;
                (types, typedef) = (true, true);
                nested |= braces > 0;
                if (braces == 0)
                    inTypedef = true;
                if (word is "using")
                {
                    alias = true;
                    names.Append(text, next.Start, next.End - next.Start).Append('\n');
                }
                continue;
            }
            if (parens == 0 && word is "struct" or "union" or "enum" or "class" && !(word is "class" && i > 0 && CStatements.Is(text, tokens[i - 1], "enum")))
            {
                // `struct {`, `struct name {`, `struct name;`, `enum name : type {` declare the type (`enum class name`).
                var name = next.Kind == CToken.Word && CStatements.Is(text, next, "class") && i + 2 < tokens.Count ? i + 2 : i + 1;
                var after = name + 1 < tokens.Count ? tokens[name + 1].Kind : ';';
                if (next.Kind == '{' || name < tokens.Count && tokens[name].Kind == CToken.Word && after is '{' or ';' or ':')
                {
                    types = true;
                    if (name < tokens.Count && tokens[name].Kind == CToken.Word)
                        names.Append(text, tokens[name].Start, tokens[name].End - tokens[name].Start).Append('\n');
                }
                continue;
            }
            // A typedef's declarator names (and its function-pointer parameters' names: harmless here).
            if (inTypedef && !alias && braces == 0 && next.Kind is ';' or ',' or '[' or ')')
                names.Append(text, token.Start, token.End - token.Start).Append('\n');
        }
        return (types, typedef, nested, functionType, names.ToString());
    }

    /// <summary>
    /// Whether a typedef statement (its parenthesised groups outside attributes) could declare a function type: a pointer to a
    /// function is written <c>(… *name)(…)</c>, with its last group right after a group holding the <c>*</c> and the name.
    /// </summary>
    private static bool MayNameAFunctionType(string text, List<CToken> tokens, List<(int Open, int Close)> groups, bool commas)
    {
        if (groups.Count == 0)
            return false;
        if (commas || groups.Count < 2 || groups[^1].Close < 0)
            return true;
        var (open, close) = groups[^2];
        if (close < 0 || close + 1 != groups[^1].Open)
            return true;
        // ( [words] *… name [ [n] … ] )
        var j = open + 1;
        while (j < close && tokens[j].Kind == CToken.Word)
            j++;
        if (j >= close || tokens[j].Kind is not ('*' or '&' or '^'))
            return true;
        while (j < close && tokens[j].Kind is '*' or '&' or '^' || j < close && tokens[j].Kind == CToken.Word && CStatements.Is(text, tokens[j], "const"))
            j++;
        if (j >= close || tokens[j].Kind != CToken.Word)
            return true;
        j++;
        var depth = 0;
        for (; j < close; j++)
        {
            if (tokens[j].Kind == '[')
                depth++;
            else if (tokens[j].Kind == ']')
                depth--;
            else if (depth == 0)
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
