using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Rules;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// Turns a finding's <see cref="FindingFix"/> into exact text edits against the snapshot's text. Returns null when the text
/// around the declaration is not in the shape the edit expects (half-typed code): a fix is correct or not offered.
/// </summary>
internal static partial class QuickFixEdits
{
    private const string InteropNamespace = "System.Runtime.InteropServices.";

    /// <summary>The first action of <see cref="BuildAll"/> (the C# side when either side could change): what fix-all applies.</summary>
    public static CodeAction? Build(Finding finding, Func<string, string?> textOf) => BuildAll(finding, textOf).FirstOrDefault();

    /// <summary>The quick fixes of a finding: one, or "change C#" and "change Rust" when either side could change.</summary>
    public static ImmutableArray<CodeAction> BuildAll(Finding finding, Func<string, string?> textOf)
    {
        if (finding.Fix is not { } fix)
            return [];
        FindingFix[] fixes = fix is EitherSideFix either ? [either.CSharp, either.Native] : [fix];
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var one in fixes)
        {
            if (one is CExportFix cExport)
            {
                // The C/C++ side may touch a header and a source: its own multi-file action.
                if (CExportFixEdits.Build(cExport, textOf) is { } action)
                    actions.Add(action);
                continue;
            }
            var built = one switch
            {
                MarshalAsFix m => MarshalAs(m, textOf(m.Path)),
                ChangeTypeFix c => ChangeType(c, textOf(c.Path)),
                StringMarshallingUtf8Fix s => StringMarshallingUtf8(s, textOf(s.Path)),
                EntryPointFix e => EntryPoint(e, textOf(e.Path)),
                RustExportFix r => RustExport(r, textOf(r.Path), textOf(r.ManifestPath)),
                CdylibFix c => Cdylib(c, textOf(c.ManifestPath)),
                _ => LayoutFixEdits.Build(one, textOf) is { } layout ? new Built(layout.Title, layout.Path, layout.Edits) : null,
            };
            if (built is { } b)
                actions.Add(new CodeAction(b.Title, CodeActionKinds.QuickFix, [finding.Rule.Code], IsPreferred: fixes.Length == 1,
                    [new FileEdit(b.Path, [.. b.Edits.OrderBy(e => e.Span.Start)])]));
        }
        return actions.ToImmutable();
    }

    private sealed record Built(string Title, string Path, ImmutableArray<TextEdit> Edits);

    private static Built? MarshalAs(MarshalAsFix fix, string? text)
    {
        if (text is null || !Fits(text, fix.TypeSpan) || !Fits(text, fix.ImportAttributeSpan))
            return null;
        var q = HasInteropUsing(text) ? "" : InteropNamespace;
        var attribute = $"{q}MarshalAs({q}UnmanagedType.{fix.UnmanagedType})";
        var shortName = $"MarshalAs(UnmanagedType.{fix.UnmanagedType})";
        if (fix.ExistingMarshalAs is { } existing)
        {
            if (!Fits(text, existing) || !text.AsSpan(existing.Start, existing.Length).TrimStart().StartsWith("MarshalAs", StringComparison.Ordinal)
                && !text.AsSpan(existing.Start, existing.Length).TrimStart().StartsWith(InteropNamespace + "MarshalAs", StringComparison.Ordinal))
                return null;
            return new Built($"Change to {shortName}", fix.Path, [new TextEdit(existing, attribute)]);
        }
        if (!fix.IsReturn)
            return new Built($"Add [{shortName}]", fix.Path, [new TextEdit(new TextSpan(fix.TypeSpan.Start, 0), $"[{attribute}] ")]);

        // `[return: …]` goes right after the import attribute's list when the list holds only that attribute, else before it.
        var open = SkipBack(text, fix.ImportAttributeSpan.Start);
        if (open < 0 || text[open] != '[')
            return null;
        var close = SkipForward(text, fix.ImportAttributeSpan.End);
        var edit = close < text.Length && text[close] == ']'
            ? new TextEdit(new TextSpan(close + 1, 0), $" [return: {attribute}]")
            : new TextEdit(new TextSpan(open, 0), $"[return: {attribute}] ");
        return new Built($"Add [return: {shortName}]", fix.Path, [edit]);
    }

    private static Built? ChangeType(ChangeTypeFix fix, string? text)
    {
        if (text is null || !Fits(text, fix.TypeSpan) || fix.TypeSpan.Length == 0)
            return null;
        string source = text;
        var name = fix.NeedsInteropNamespace && !HasInteropUsing(source) ? InteropNamespace + fix.NewType : fix.NewType;
        return new Built($"Change type to '{fix.NewType}'", fix.Path, [new TextEdit(fix.TypeSpan, name)]);
    }

    private static Built? StringMarshallingUtf8(StringMarshallingUtf8Fix fix, string? text)
    {
        if (text is null || AttributeText(text, fix.ImportAttributeSpan) is not { } attribute)
            return null;
        var q = HasInteropUsing(text) ? "" : InteropNamespace;
        const string Title = "Marshal strings as UTF-8 (StringMarshalling.Utf8)";
        var existing = StringMarshallingArgument().Match(attribute);
        if (existing.Success)
        {
            var value = existing.Groups["value"];
            return new Built(Title, fix.Path, [new TextEdit(new TextSpan(fix.ImportAttributeSpan.Start + value.Index, value.Length), $"{q}StringMarshalling.Utf8")]);
        }
        return AddNamedArgument(fix.ImportAttributeSpan, attribute, $"StringMarshalling = {q}StringMarshalling.Utf8") is { } add
            ? new Built(Title, fix.Path, [add]) : null;
    }

    private static Built? EntryPoint(EntryPointFix fix, string? text)
    {
        if (text is null || AttributeText(text, fix.ImportAttributeSpan) is not { } attribute)
            return null;
        var title = $"Change entry point to '{fix.Name}'";
        var literal = $"\"{fix.Name}\"";
        if (fix.LiteralSpan is { } span)
            return Fits(text, span) && text[span.Start] is '"' or '@' or '$' ? new Built(title, fix.Path, [new TextEdit(span, literal)]) : null;
        return AddNamedArgument(fix.ImportAttributeSpan, attribute, $"EntryPoint = {literal}") is { } add ? new Built(title, fix.Path, [add]) : null;
    }

    private static Built? RustExport(RustExportFix fix, string? text, string? manifest)
    {
        if (text is null || !Fits(text, fix.ItemSpan) || !Fits(text, fix.NameSpan))
            return null;
        var edition2024OrUnknown = fix.Edition == "2024" || manifest is null || InheritedEdition().IsMatch(manifest);
        var attribute = edition2024OrUnknown ? "#[unsafe(no_mangle)]" : "#[no_mangle]";
        var lineStart = text.LastIndexOf('\n', Math.Max(0, fix.ItemSpan.Start - 1)) + 1;
        if (fix.ItemSpan.Start == 0)
            lineStart = 0;
        var indent = text[lineStart..fix.ItemSpan.Start];
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        edits.Add(new TextEdit(new TextSpan(fix.ItemSpan.Start, 0), string.IsNullOrWhiteSpace(indent) ? $"{attribute}\n{indent}" : $"{attribute} "));
        var fnName = text.Substring(fix.NameSpan.Start, fix.NameSpan.Length);
        if (fix.AddExternC)
        {
            var before = SkipBack(text, fix.NameSpan.Start);
            if (before < 1 || text[before] != 'n' || text[before - 1] != 'f' || before >= 2 && (char.IsLetterOrDigit(text[before - 2]) || text[before - 2] == '_'))
                return null;
            edits.Add(new TextEdit(new TextSpan(before - 1, 0), "extern \"C\" "));
        }
        var title = $"Export '{fnName}' with {attribute}" + (fix.AddExternC ? " and extern \"C\"" : "");
        return new Built(title, fix.Path, edits.ToImmutable());
    }

    private static Built? Cdylib(CdylibFix fix, string? text)
    {
        if (text is null)
            return null;
        const string Title = "Add \"cdylib\" to crate-type";
        if (fix.CrateTypeSpan is { } array)
        {
            if (!Fits(text, array) || array.Length < 2 || text[array.Start] != '[' || text[array.End - 1] != ']')
                return null;
            return new Built(Title, fix.ManifestPath, [new TextEdit(new TextSpan(array.Start + 1, 0), "\"cdylib\", ")]);
        }
        if (fix.LibHeaderSpan is { } header)
        {
            if (!Fits(text, header))
                return null;
            var covered = text.Substring(header.Start, header.Length).Trim();
            if (EmptyArray().IsMatch(covered))
                return new Built(Title, fix.ManifestPath, [new TextEdit(header, "[\"cdylib\"]")]);
            // The header's name: the line must be the `[lib]` table header.
            var lineStart = text.LastIndexOf('\n', Math.Max(0, header.Start - 1)) + 1;
            var lineEnd = text.IndexOf('\n', header.Start);
            if (lineEnd < 0)
                lineEnd = text.Length;
            var line = text[lineStart..lineEnd];
            if (!LibHeaderLine().IsMatch(line))
                return null;
            var end = lineEnd > 0 && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            return new Built(Title, fix.ManifestPath, [new TextEdit(new TextSpan(end, 0), "\ncrate-type = [\"cdylib\", \"rlib\"]")]);
        }
        if (RootLibKey().IsMatch(text))
            return null;
        var prefix = text.Length == 0 || text.EndsWith('\n') ? "\n" : "\n\n";
        return new Built(Title, fix.ManifestPath, [new TextEdit(new TextSpan(text.Length, 0), prefix + "[lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n")]);
    }

    /// <summary>`, Name = value` before the attribute's closing parenthesis.</summary>
    private static TextEdit? AddNamedArgument(TextSpan attributeSpan, string attribute, string argument)
    {
        var close = attribute.LastIndexOf(')');
        var open = attribute.IndexOf('(');
        if (close != attribute.Length - 1 || open < 0)
            return null;
        var inside = attribute[(open + 1)..close].Trim();
        if (inside.EndsWith(','))
            return null;
        return new TextEdit(new TextSpan(attributeSpan.Start + close, 0), (inside.Length == 0 ? "" : ", ") + argument);
    }

    private static string? AttributeText(string text, TextSpan span) =>
        Fits(text, span) && span.Length > 0 ? text.Substring(span.Start, span.Length) : null;

    private static bool Fits(string text, TextSpan span) => span.Start >= 0 && span.End <= text.Length;

    /// <summary>The index of the first non-whitespace character before <paramref name="offset"/>, or -1.</summary>
    private static int SkipBack(string text, int offset)
    {
        var i = offset - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
            i--;
        return i;
    }

    private static int SkipForward(string text, int offset)
    {
        var i = offset;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    internal static bool HasInteropUsing(string text) => InteropUsing().IsMatch(text);

    [GeneratedRegex(@"^\s*(global\s+)?using\s+System\.Runtime\.InteropServices\s*;", RegexOptions.Multiline)]
    private static partial Regex InteropUsing();

    [GeneratedRegex(@"\bStringMarshalling\s*=\s*(?<value>[\w.]+)")]
    private static partial Regex StringMarshallingArgument();

    [GeneratedRegex(@"^\s*edition\s*(\.\s*workspace|=\s*\{)", RegexOptions.Multiline)]
    private static partial Regex InheritedEdition();

    [GeneratedRegex(@"^\[\s*\]$")]
    private static partial Regex EmptyArray();

    [GeneratedRegex(@"^\s*\[\s*lib\s*\]\s*(#.*)?\r?$")]
    private static partial Regex LibHeaderLine();

    [GeneratedRegex(@"^\s*lib\s*[.=]", RegexOptions.Multiline)]
    private static partial Regex RootLibKey();
}
