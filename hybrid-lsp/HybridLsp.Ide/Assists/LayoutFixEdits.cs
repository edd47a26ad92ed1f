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

    [GeneratedRegex(@"^\s*\{")]
    private static partial Regex NoBase();

    [GeneratedRegex(@"#\s*\[\s*repr\s*\((?<list>[^)\]]*)\)\s*\]")]
    private static partial Regex ReprAttribute();

    [GeneratedRegex(@"\b[a-z][a-z0-9_]*\b")]
    private static partial Regex ReprWord();
}
