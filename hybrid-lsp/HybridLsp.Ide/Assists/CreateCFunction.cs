using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Create C function" / "Create C++ function": on a C# extern whose C/C++ library exports no such function (HL1001),
/// add its prototype to the library's public header — right after the last function the header already exports, with
/// that declaration's export macro, so it lands inside the header's include guard and `extern "C"` block — and a
/// definition stub (<see cref="CStubWriter"/>) at the end of the source that defines that function. Headers it needs
/// (`stdint.h`, `stddef.h`, `stdbool.h`) are included at the top of the header when it does not include them yet.
/// A `[libraries] headers` library (built elsewhere) gets the prototype only. Not offered when the function exists but is
/// not exported (HL2001/HL2003 fix that), when a type has no certain C form, or when the header has no such anchor.
/// </summary>
internal static partial class CreateCFunction
{
    public static CodeAction? For(SemanticModel model, Binding binding, Func<string, string?> textOf)
    {
        if (binding.Resolution != ResolutionKind.MissingExport || binding.CLibrary is not { } library || !binding.CNotExported.IsEmpty)
            return null;
        var parsed = library.Targets.Values.ToList();
        if (parsed.Count == 0 || parsed.Any(t => !t.Parsed || t.Incomplete) || parsed.Any(t => t.FunctionsByName.ContainsKey(binding.EntryPoint)
            || t.Records.ContainsKey(binding.EntryPoint) || t.Enums.ContainsKey(binding.EntryPoint)))
            return null;
        if (Anchor(library, parsed, textOf) is not { } anchor)
            return null;
        if (CStubWriter.Write(binding, model.Config.Targets, library, library.IsCxx, (name, isRecord) => Spelling(library, name, isRecord, textOf)) is not { } stub)
            return null;

        var headerText = anchor.HeaderText;
        var nl = headerText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var headerEdits = new List<TextEdit>();
        if (IncludesEdit(headerText, stub.Includes, library.IsCxx, nl) is { } include)
            headerEdits.Add(include);
        var declaration = string.Concat(stub.NewTypes.Select(t => t.Text + "\n")) + anchor.Prefix + stub.Prototype + ";";
        headerEdits.Add(new TextEdit(new TextSpan(anchor.InsertAt, 0), anchor.Indent + declaration.Replace("\n", nl + anchor.Indent, StringComparison.Ordinal).Replace(anchor.Indent + nl, nl, StringComparison.Ordinal) + nl));
        var edits = new List<FileEdit> { new(anchor.Header, [.. headerEdits.OrderBy(e => e.Span.Start)]) };
        if (!library.HeadersOnly)
        {
            if (anchor.Source is not { } source || textOf(source) is not { } sourceText)
                return null;
            edits.Add(new FileEdit(source, [CreateRustFunction.AppendItem(sourceText, stub.Definition)]));
        }
        var kind = library.IsCxx ? "C++" : "C";
        return new CodeAction($"Create {kind} function '{stub.FunctionName}' in library '{library.Name}'", CodeActionKinds.QuickFix, ["HL1001"], IsPreferred: false,
            [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    /// <param name="Prefix">What precedes the return type in the anchor declaration: the export macro, `extern`, `extern "C"`.</param>
    /// <param name="Source">The source that defines the anchor and includes the header; the definition goes at its end.</param>
    private sealed record AnchorPoint(string Header, string HeaderText, int InsertAt, string Indent, string Prefix, string? Source);

    /// <summary>
    /// The last declaration in the header that declares the most exports, when it is exported on every target (so not
    /// inside an `#if` of some targets) and written plainly on its own line(s): the new prototype goes on the next line.
    /// </summary>
    private static AnchorPoint? Anchor(CLibrary library, List<CLibraryTarget> targets, Func<string, string?> textOf)
    {
        var everywhere = targets[0].ExportsBySymbol
            .Where(e => targets.All(t => t.ExportsBySymbol.ContainsKey(e.Key)) && CLibraryBuilder.IsHeader(e.Value.Declaration.FullSpan.File) && !e.Value.Declaration.IsDefinition)
            .Select(e => e.Value).ToList();
        var header = everywhere.GroupBy(f => f.Declaration.FullSpan.File, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        if (header is null || textOf(header.Key) is not { } text)
            return null;
        var anchor = header.OrderBy(f => f.Declaration.FullSpan.Span.End).Last();
        var decl = anchor.Declaration;
        var name = decl.NameSpan.Span;
        if (name.End > text.Length || text.Substring(name.Start, name.Length) != decl.Name || decl.FullSpan.Span.End > text.Length)
            return null;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, decl.FullSpan.Span.Start - 1)) + 1;
        var indent = text[lineStart..decl.FullSpan.Span.Start];
        if (!string.IsNullOrWhiteSpace(indent) && indent.Length > 0)
            return null;
        var semicolon = text.IndexOf(';', Math.Max(decl.FullSpan.Span.End - 1, name.End));
        if (semicolon < 0)
            return null;
        var lineEnd = text.IndexOf('\n', semicolon);
        var rest = lineEnd < 0 ? text[(semicolon + 1)..] : text[(semicolon + 1)..lineEnd];
        if (!string.IsNullOrWhiteSpace(rest) && !Regex.IsMatch(rest, @"^\s*(//.*|/\*.*\*/\s*)$"))
            return null;
        var insertAt = lineEnd < 0 ? text.Length : lineEnd + 1;
        if (Prefix(text[decl.FullSpan.Span.Start..name.Start], library, textOf) is not { } prefix)
            return null;
        string? source = null;
        if (anchor.Definition is { } definition && library.Sources.Contains(definition.FullSpan.File) && textOf(definition.FullSpan.File) is { } sourceText
            && Regex.IsMatch(sourceText, "^\\s*#\\s*include\\s*[\"<]([^\">]*/)?" + Regex.Escape(PathUtil.FileName(header.Key)) + "[\">]", RegexOptions.Multiline))
            source = definition.FullSpan.File;
        return new AnchorPoint(header.Key, text, insertAt, indent, prefix, source);
    }

    /// <summary>The header of the library's exports and what precedes their return type there (the export macro), for the HL2001 fixes.</summary>
    internal static (string Header, string Prefix)? ExportPrefix(CLibrary library, Func<string, string?> textOf)
    {
        var parsed = library.Targets.Values.ToList();
        return parsed.Count > 0 && parsed.All(t => t.Parsed) && Anchor(library, parsed, textOf) is { } anchor ? (anchor.Header, anchor.Prefix) : null;
    }

    /// <summary>
    /// The leading words of a declaration that are not its return type: `extern`, `extern "C"`, and upper-case macros the
    /// library's headers `#define` (its export macro); null when something else (a calling-convention macro after the
    /// return type, a line break inside the macro) makes copying them uncertain.
    /// </summary>
    private static string? Prefix(string beforeName, CLibrary library, Func<string, string?> textOf)
    {
        var prefix = "";
        var rest = beforeName.TrimStart();
        while (true)
        {
            if (Regex.Match(rest, "^extern\\s*\"C\"\\s+") is { Success: true } externC)
            {
                prefix += "extern \"C\" ";
                rest = rest[externC.Length..];
                continue;
            }
            var word = Regex.Match(rest, @"^([A-Za-z_][A-Za-z0-9_]*)\s+");
            if (!word.Success)
                break;
            var token = word.Groups[1].Value;
            if (token == "extern" || Regex.IsMatch(token, "^[A-Z][A-Z0-9_]*$") && IsDefinedMacro(token, library, textOf) && !ReturnTypeOnly(rest[word.Length..]))
            {
                prefix += token + " ";
                rest = rest[word.Length..];
                continue;
            }
            break;
        }
        // What is left is the return type: words, '*', spaces. Anything else (a macro with arguments, attributes) is not copied.
        return Regex.IsMatch(rest, @"^[A-Za-z_][A-Za-z0-9_\s\*]*$") && !rest.Contains('\n') ? prefix : null;
    }

    /// <summary>Nothing but a '*' or whitespace would be left: the word is the return type itself (a macro that names a type).</summary>
    private static bool ReturnTypeOnly(string after) => after.Trim().Trim('*').Trim().Length == 0;

    private static bool IsDefinedMacro(string token, CLibrary library, Func<string, string?> textOf) =>
        library.Headers.Concat(library.Files).Distinct(StringComparer.Ordinal)
            .Any(h => textOf(h) is { } t && Regex.IsMatch(t, @"^\s*#\s*define\s+" + Regex.Escape(token) + @"\b", RegexOptions.Multiline));

    /// <summary>`#include &lt;stdint.h&gt;` etc. after the include guard (or `#pragma once`, or at the top) for the headers the types need and the header lacks.</summary>
    internal static TextEdit? IncludesEdit(string text, IEnumerable<string> needed, bool cxx, string nl)
    {
        var missing = needed.Where(h => !HasInclude(text, h)).ToList();
        if (missing.Count == 0)
            return null;
        var at = 0;
        if (Regex.Match(text, @"\A(\s*(//[^\n]*|/\*.*?\*/)\s*)*#\s*ifndef\s+(\w+)\s*\r?\n\s*#\s*define\s+\3\b[^\n]*\n", RegexOptions.Singleline) is { Success: true } guard)
            at = guard.Length;
        else if (Regex.Match(text, @"^\s*#\s*pragma\s+once[^\n]*\n", RegexOptions.Multiline) is { Success: true } once)
            at = once.Index + once.Length;
        return new TextEdit(new TextSpan(at, 0), string.Concat(missing.Select(h => $"#include <{h}>{nl}")));
    }

    private static bool HasInclude(string text, string header)
    {
        var alternatives = header switch
        {
            "stdint.h" => new[] { "stdint.h", "cstdint", "inttypes.h", "cinttypes" },
            "stddef.h" => ["stddef.h", "cstddef"],
            "stdbool.h" => ["stdbool.h"],
            _ => [header],
        };
        return alternatives.Any(a => Regex.IsMatch(text, @"^\s*#\s*include\s*<" + Regex.Escape(a) + ">", RegexOptions.Multiline));
    }

    /// <summary>How C code writes a record or enum of the library: `struct S` when its declaration is tagged, `S` when a typedef names it (or in C++).</summary>
    internal static string? Spelling(CLibrary library, string name, bool isRecord, Func<string, string?> textOf)
    {
        if (library.IsCxx)
            return name;
        var at = library.Targets.Values.Select(t => isRecord ? t.Records.GetValueOrDefault(name)?.NameSpan : t.Enums.GetValueOrDefault(name)?.NameSpan).FirstOrDefault(s => s is not null);
        if (at is null || textOf(at.File) is not { } text || at.Span.End > text.Length)
            return null;
        if (text.Substring(at.Span.Start, at.Span.Length) != name)
        {
            // An anonymous `typedef struct { … } name;` is located at its keyword: the typedef name is how C writes it.
            return Regex.IsMatch(text[at.Span.Start..], @"^(struct|enum|union)\s*\{") && Regex.IsMatch(text, @"\}\s*" + Regex.Escape(name) + @"\s*;") ? name : null;
        }
        var before = text[..at.Span.Start].TrimEnd();
        var keyword = isRecord ? "struct" : "enum";
        return before.EndsWith(keyword, StringComparison.Ordinal) && (before.Length == keyword.Length || !char.IsLetterOrDigit(before[^(keyword.Length + 1)]) && before[^(keyword.Length + 1)] != '_')
            ? keyword + " " + name : name;
    }
}
