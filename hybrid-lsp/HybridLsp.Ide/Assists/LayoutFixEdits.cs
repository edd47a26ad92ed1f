using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// Text edits of the struct and enum fixes: a C# enum's underlying type or values, a Rust enum's `#[repr]` integer.
/// Each checks the text around the declaration first and gives nothing when it is not in the expected shape.
/// </summary>
internal static partial class LayoutFixEdits
{
    public sealed record Built(string Title, string Path, ImmutableArray<TextEdit> Edits);

    public static Built? Build(FindingFix fix, Func<string, string?> textOf) => fix switch
    {
        EnumUnderlyingFix e => EnumUnderlying(e, textOf(e.Path)),
        RustEnumReprFix r => RustEnumRepr(r, textOf(r.Path)),
        EnumValuesFix v => EnumValues(v, textOf(v.Path)),
        StructLayoutFix l => StructLayout(l, textOf(l.Path)),
        _ => null,
    };

    private static Built? EnumUnderlying(EnumUnderlyingFix fix, string? text)
    {
        if (text is null || fix.NameSpan.End > text.Length || fix.FullSpan.End > text.Length)
            return null;
        var name = text.Substring(fix.NameSpan.Start, fix.NameSpan.Length);
        var title = $"Change C# enum '{name}' to ': {fix.NewType}'";
        // After the name: `: Type {` or `{`.
        var rest = text[fix.NameSpan.End..fix.FullSpan.End];
        var written = WrittenBase().Match(rest);
        if (written.Success)
        {
            var type = written.Groups["type"];
            return new Built(title, fix.Path, [new TextEdit(new TextSpan(fix.NameSpan.End + type.Index, type.Length), fix.NewType)]);
        }
        return NoBase().IsMatch(rest) ? new Built(title, fix.Path, [new TextEdit(new TextSpan(fix.NameSpan.End, 0), " : " + fix.NewType)]) : null;
    }

    private static Built? RustEnumRepr(RustEnumReprFix fix, string? text)
    {
        if (text is null || fix.NameSpan.End > text.Length || fix.FullSpan.Start > fix.NameSpan.Start)
            return null;
        // The attributes are part of the item's span, before its name: exactly one repr naming the current integer.
        var head = text[fix.FullSpan.Start..fix.NameSpan.Start];
        var reprs = ReprAttribute().Matches(head);
        if (reprs.Count != 1)
            return null;
        var list = reprs[0].Groups["list"];
        var ints = ReprWord().Matches(list.Value).Where(m => m.Value == fix.CurrentRepr).ToList();
        if (ints.Count != 1)
            return null;
        var at = fix.FullSpan.Start + list.Index + ints[0].Index;
        var name = text.Substring(fix.NameSpan.Start, fix.NameSpan.Length);
        return new Built($"Change Rust enum '{name}' to #[repr({fix.NewRepr})]", fix.Path, [new TextEdit(new TextSpan(at, fix.CurrentRepr.Length), fix.NewRepr)]);
    }

    private static Built? EnumValues(EnumValuesFix fix, string? text)
    {
        if (text is null || fix.FullSpan.End > text.Length || fix.FullSpan.Length == 0)
            return null;
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        foreach (var member in fix.Members)
        {
            var value = member.Value.ToString(CultureInfo.InvariantCulture);
            if (member.ValueSpan is { } span)
            {
                if (span.End > text.Length || span.Length == 0)
                    return null;
                if (text.Substring(span.Start, span.Length) != value)
                    edits.Add(new TextEdit(span, value));
            }
            else
            {
                // `Name` followed by `,` or `}` (or a comment/whitespace): nothing half-typed between.
                var after = text[member.NameSpan.End..fix.FullSpan.End].TrimStart();
                if (after.Length == 0 || after[0] is not (',' or '}' or '/'))
                    return null;
                edits.Add(new TextEdit(new TextSpan(member.NameSpan.End, 0), " = " + value));
            }
        }
        if (!fix.Added.IsEmpty)
        {
            var close = text.LastIndexOf('}', fix.FullSpan.End - 1, fix.FullSpan.Length);
            if (close < fix.FullSpan.Start)
                return null;
            var lastMember = fix.Members.IsEmpty ? (TextSpan?)null : fix.Members[^1].ValueSpan ?? fix.Members[^1].NameSpan;
            var lineStart = text.LastIndexOf('\n', Math.Max(0, close - 1)) + 1;
            var closeOnOwnLine = string.IsNullOrWhiteSpace(text[lineStart..close]);
            var memberIndent = fix.Members.IsEmpty ? null : Indent(text, fix.Members[0].NameSpan.Start);
            var needsComma = lastMember is { } lm && !text[lm.End..close].Contains(',', StringComparison.Ordinal);
            if (needsComma)
                edits.Add(new TextEdit(new TextSpan(lastMember!.Value.End, 0), ","));
            var added = fix.Added.Select(a => $"{CsIdentifier(a.Name)} = {a.Value.ToString(CultureInfo.InvariantCulture)},").ToList();
            if (closeOnOwnLine && memberIndent is not null)
                edits.Add(new TextEdit(new TextSpan(lineStart, 0), string.Concat(added.Select(a => memberIndent + a + "\n"))));
            else
                edits.Add(new TextEdit(new TextSpan(close, 0), " " + string.Join(" ", added) + " "));
        }
        if (edits.Count == 0)
            return null;
        return new Built($"Change C# enum '{fix.EnumName}' to the values of {fix.NativeLanguage} '{fix.NativeName}'", fix.Path, [.. edits.OrderBy(e => e.Span.Start)]);
    }

    /// <summary>
    /// Added fields go after their anchor field's `;` (or after the body's `{`), one per line when the body spans lines;
    /// removed trailing fields are cut from the previous `;` to their own; `Pack` is replaced, added or removed in
    /// `[StructLayout(…)]`, or the attribute is added. Nothing when a field shares its declaration with another
    /// (`float x, y;`) or the text is not in that shape.
    /// </summary>
    private static Built? StructLayout(StructLayoutFix fix, string? text)
    {
        if (text is null || fix.FullSpan.End > text.Length || fix.NameSpan.End > fix.FullSpan.End || fix.NameSpan.Start < fix.FullSpan.Start)
            return null;
        var open = text.IndexOf('{', fix.NameSpan.End, fix.FullSpan.End - fix.NameSpan.End);
        var close = text.LastIndexOf('}', fix.FullSpan.End - 1, fix.FullSpan.Length);
        if (open < 0 || close <= open)
            return null;
        var q = QuickFixEdits.HasInteropUsing(text) ? "" : "System.Runtime.InteropServices.";
        var multiline = text.AsSpan(open, close - open).Contains('\n');
        var edits = new List<TextEdit>();
        foreach (var group in fix.Inserts.GroupBy(i => i.AfterName))
        {
            int at;
            string indent;
            if (group.Key is { } anchor)
            {
                if (anchor.End > close || SemicolonAfter(text, anchor, close) is not { } semi)
                    return null;
                // After a comment that ends the anchor's line, so the comment stays with its field.
                at = multiline ? LineEndAfter(text, semi + 1, close) : semi + 1;
                indent = LineIndent(text, anchor.Start);
            }
            else
            {
                at = open + 1;
                var firstField = fix.Inserts.Where(i => i.AfterName is not null).Select(i => i.AfterName!.Value.Start).DefaultIfEmpty(-1).Min();
                indent = firstField >= 0 ? LineIndent(text, firstField) : LineIndent(text, fix.NameSpan.Start) + "    ";
            }
            var lines = group.Select(f => $"public {(f.NeedsInteropNamespace ? q : "")}{f.CsType} {CsIdentifier(f.Name)};");
            edits.Add(new TextEdit(new TextSpan(at, 0), multiline ? string.Concat(lines.Select(l => "\n" + indent + l)) : string.Concat(lines.Select(l => " " + l))));
        }
        if (!fix.RemovedNames.IsEmpty)
        {
            var first = fix.RemovedNames[0];
            var last = fix.RemovedNames[^1];
            if (last.End > close || SemicolonAfter(text, last, close) is not { } end || fix.RemovedNames.Any(r => r.End > close || SemicolonAfter(text, r, close) is null))
                return null;
            var start = Math.Max(text.LastIndexOf(';', first.Start, first.Start - open), open) + 1;
            var stop = end + 1;
            if (multiline)
            {
                // Whole lines: the previous field keeps its trailing comment, the removed field's goes with it.
                start = Math.Min(LineEndAfter(text, start, close), first.Start);
                stop = LineEndAfter(text, stop, close);
            }
            var cut = text[start..stop];
            // Only the removed field declarations: one `;` each, no bodies, no declarator shared with a kept field (`float x, y;`).
            if (cut.Count(c => c == ';') != fix.RemovedNames.Length || cut.IndexOfAny(['{', '}']) >= 0 || AttributeList().Replace(cut, "").Contains(',', StringComparison.Ordinal))
                return null;
            edits.Add(new TextEdit(new TextSpan(start, stop - start), ""));
        }
        if (fix.ChangePack)
        {
            var head = text[fix.FullSpan.Start..fix.NameSpan.Start];
            var attribute = StructLayoutAttribute().Match(head);
            if (attribute.Success)
            {
                var args = attribute.Groups["args"];
                var pack = PackArgument().Match(args.Value);
                var argsAt = fix.FullSpan.Start + args.Index;
                if (pack.Success && fix.NewPack is { } n)
                    edits.Add(new TextEdit(new TextSpan(argsAt + pack.Groups["value"].Index, pack.Groups["value"].Length), n.ToString(CultureInfo.InvariantCulture)));
                else if (pack.Success)
                    edits.Add(new TextEdit(new TextSpan(argsAt + pack.Index, pack.Length), ""));
                else if (fix.NewPack is { } added)
                    edits.Add(new TextEdit(new TextSpan(argsAt + args.Length, 0), $", Pack = {added.ToString(CultureInfo.InvariantCulture)}"));
            }
            else if (fix.NewPack is { } n)
            {
                // No attribute: a struct is sequential by default, so the attribute says just that plus the packing.
                var lineStart = text.LastIndexOf('\n', Math.Max(0, fix.FullSpan.Start - 1)) + 1;
                var ownLine = string.IsNullOrWhiteSpace(text[lineStart..fix.FullSpan.Start]);
                var attributeText = $"[{q}StructLayout({q}LayoutKind.Sequential, Pack = {n.ToString(CultureInfo.InvariantCulture)})]";
                edits.Add(new TextEdit(new TextSpan(fix.FullSpan.Start, 0), ownLine ? attributeText + "\n" + text[lineStart..fix.FullSpan.Start] : attributeText + " "));
            }
        }
        if (edits.Count == 0)
            return null;
        return new Built($"Match C# struct '{fix.StructName}' to {fix.NativeLanguage} '{fix.NativeName}' ({Describe(fix)})", fix.Path, [.. edits.OrderBy(e => e.Span.Start)]);
    }

    private static string Describe(StructLayoutFix fix)
    {
        var parts = new List<string>();
        if (!fix.Inserts.IsEmpty)
            parts.Add((fix.Inserts.Length == 1 ? "add field " : "add fields ") + string.Join(", ", fix.Inserts.Select(i => $"'{i.Name}'")));
        if (!fix.RemovedNames.IsEmpty)
            parts.Add(fix.RemovedNames.Length == 1 ? "remove 1 extra field" : $"remove {fix.RemovedNames.Length} extra fields");
        if (fix.ChangePack)
            parts.Add(fix.NewPack is { } n ? $"Pack = {n.ToString(CultureInfo.InvariantCulture)}" : "no Pack");
        return string.Join(", ", parts);
    }

    /// <summary>The `;` ending a single-declarator field whose name is at <paramref name="name"/>: only whitespace between.</summary>
    private static int? SemicolonAfter(string text, TextSpan name, int limit)
    {
        var semi = text.IndexOf(';', name.End, limit - name.End);
        return semi >= 0 && string.IsNullOrWhiteSpace(text[name.End..semi]) ? semi : null;
    }

    /// <summary>The end of the line (before `\r\n`/`\n`) when only whitespace or a `//` comment follows <paramref name="at"/> on it, else <paramref name="at"/>.</summary>
    private static int LineEndAfter(string text, int at, int limit)
    {
        var newline = text.IndexOf('\n', at, limit - at);
        if (newline < 0)
            return at;
        var end = newline > at && text[newline - 1] == '\r' ? newline - 1 : newline;
        var rest = text.AsSpan(at, end - at).TrimStart();
        return rest.IsEmpty || rest.StartsWith("//", StringComparison.Ordinal) ? end : at;
    }

    private static string LineIndent(string text, int offset)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var end = start;
        while (end < offset && text[end] is ' ' or '\t')
            end++;
        return text[start..end];
    }

    private static string Indent(string text, int offset)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var prefix = text[start..offset];
        return string.IsNullOrWhiteSpace(prefix) ? prefix : "    ";
    }

    private static string CsIdentifier(string name) => s_csKeywords.Contains(name) ? "@" + name : name;

    private static readonly HashSet<string> s_csKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    [GeneratedRegex(@"^\s*:\s*(?<type>[A-Za-z_][A-Za-z0-9_.]*)\s*\{")]
    private static partial Regex WrittenBase();

    [GeneratedRegex(@"\bStructLayout(?:Attribute)?\s*\((?<args>[^()]*)\)")]
    private static partial Regex StructLayoutAttribute();

    [GeneratedRegex(@"\s*,\s*Pack\s*=\s*(?<value>[^,)]+?)(?=\s*[,)]|\s*$)")]
    private static partial Regex PackArgument();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex AttributeList();

    [GeneratedRegex(@"^\s*\{")]
    private static partial Regex NoBase();

    [GeneratedRegex(@"#\s*\[\s*repr\s*\((?<list>[^)\]]*)\)\s*\]")]
    private static partial Regex ReprAttribute();

    [GeneratedRegex(@"\b[a-z][a-z0-9_]*\b")]
    private static partial Regex ReprWord();
}
