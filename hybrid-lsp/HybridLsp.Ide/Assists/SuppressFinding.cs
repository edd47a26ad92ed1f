using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Suppressions;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Suppress HLnnnn for this declaration": in C#, `#pragma warning disable`/`restore` lines around the declaration that holds
/// the finding (the idiom C# developers already use); in Rust, C and C++, a `// hybrid-lsp: allow(HLnnnn)` line above the item (or the
/// code added to an allow comment already there). Offered only where the finding itself sits (not on a mirror, whose
/// suppression lives in the other language), and only when the declaration starts and ends its own lines.
/// </summary>
internal static class SuppressFinding
{
    public static CodeAction? Build(SemanticModel model, Finding finding, Func<string, string?> textOf)
    {
        if (!IsSuppressible(finding.Rule) || textOf(finding.Path) is not { } text)
            return null;
        var code = finding.Rule.Code;
        var path = finding.Path;
        ImmutableArray<TextEdit>? edits = null;
        if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && model.Input.CSharpFiles.TryGetValue(path, out var cs))
        {
            var spans = cs.Syntax.Externs.Select(e => e.FullSpan)
                .Concat(cs.Syntax.Structs.Select(s => s.FullSpan))
                .Concat(cs.Syntax.Enums.Select(e => e.FullSpan));
            if (Innermost(spans, finding.Span) is { } declaration)
                edits = Pragma(text, declaration, code);
        }
        else if (path.EndsWith(".rs", StringComparison.Ordinal) && model.Input.RustFiles.TryGetValue(path, out var rs))
        {
            IEnumerable<RustItem> items = [.. rs.Syntax.Functions, .. rs.Syntax.Structs, .. rs.Syntax.Enums, .. rs.Syntax.TypeAliases, .. rs.Syntax.Consts];
            if (Innermost(items.Select(i => i.FullSpan), finding.Span) is { } item)
                edits = AllowComment(text, item, code);
        }
        else if (Semantics.Model.CLibraryBuilder.IsCFamily(path) && model.Input.CFiles.ContainsKey(path))
        {
            // C/C++: the function declaration or definition holding the finding, from the libraries that own the file.
            var functions = model.CLibraries.Where(l => l.OwnFiles.Contains(path, StringComparer.Ordinal)).SelectMany(l => l.FunctionsIn(path));
            if (Innermost(functions.Select(f => f.FullSpan.Span), finding.Span) is { } declaration)
                edits = AllowComment(text, declaration, code);
        }
        if (edits is not { } list)
            return null;
        return new CodeAction($"Suppress {code} for this declaration", CodeActionKinds.QuickFix, [code], IsPreferred: false, [new FileEdit(path, list)]);
    }

    /// <summary>
    /// Workspace findings (HL0002 on Cargo.toml, HL0003 parse failures, HL0004 configuration, HL0005 itself) are not
    /// silenced by a suppression in source: offering one would only add a stale suppression. Configure them in `[rules]`.
    /// </summary>
    private static bool IsSuppressible(RuleDescriptor rule) =>
        rule != RuleCatalog.CrateNotCdylib && rule != RuleCatalog.ParseFailure && rule != RuleCatalog.ConfigError && rule != RuleCatalog.UnusedSuppression;

    private static TextSpan? Innermost(IEnumerable<TextSpan> spans, TextSpan finding)
    {
        TextSpan? best = null;
        foreach (var span in spans)
        {
            if (span.Start <= finding.Start && finding.End <= span.End && (best is null || span.Length < best.Value.Length))
                best = span;
        }
        return best;
    }

    private static ImmutableArray<TextEdit>? Pragma(string text, TextSpan declaration, string code)
    {
        if (Indentation(text, declaration.Start) is not { } indent)
            return null;
        var lineEnd = LineEnd(text, declaration.End);
        var nl = NewLine(text);
        var lineStart = declaration.Start - indent.Length;
        return
        [
            new TextEdit(new TextSpan(lineStart, 0), $"{indent}#pragma warning disable {code}{nl}"),
            new TextEdit(new TextSpan(lineEnd, 0), $"{nl}{indent}#pragma warning restore {code}"),
        ];
    }

    private static ImmutableArray<TextEdit>? AllowComment(string text, TextSpan item, string code)
    {
        if (Indentation(text, item.Start) is not { } indent)
            return null;
        var lineStart = item.Start - indent.Length;
        // An allow comment already directly above: add the code to it.
        if (lineStart > 0)
        {
            var prevEnd = lineStart - 1;
            if (prevEnd > 0 && text[prevEnd] == '\n' && text[prevEnd - 1] == '\r')
                prevEnd--;
            var prevStart = prevEnd;
            while (prevStart > 0 && text[prevStart - 1] is not '\n' and not '\r')
                prevStart--;
            var line = text[prevStart..prevEnd];
            var at = line.IndexOf("// " + SuppressionComments.Marker + " allow(", StringComparison.Ordinal);
            var close = at < 0 ? -1 : line.IndexOf(')', at);
            if (at >= 0 && close > 0 && line[..at].Trim().Length == 0)
                return [new TextEdit(new TextSpan(prevStart + close, 0), ", " + code)];
        }
        return [new TextEdit(new TextSpan(lineStart, 0), $"{indent}// {SuppressionComments.Marker} allow({code}){NewLine(text)}")];
    }

    /// <summary>The whitespace between the start of the line and <paramref name="start"/>; null when code precedes it on its line.</summary>
    private static string? Indentation(string text, int start)
    {
        var i = start;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        return i == 0 || text[i - 1] is '\n' or '\r' ? text[i..start] : null;
    }

    private static int LineEnd(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (i < text.Length && text[i] is not '\n' and not '\r')
            i++;
        return i;
    }

    private static string NewLine(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
