using System.Text.RegularExpressions;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.CMake;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// The C/C++ side of HL2003 and HL2001: `extern "C"` on a C++ function's header declaration and definition, `static`
/// removed from a definition, or the library's export macro added. Not offered unless each edited declaration starts its
/// own line in the shape the edit expects, and the export macro (taken from a declaration the library already exports)
/// is visible where it is added.
/// </summary>
internal static partial class CExportFixEdits
{
    public static CodeAction? Build(CExportFix fix, Func<string, string?> textOf) => fix.Kind switch
    {
        CExportFixKind.ExternC => ExternC(fix.Function, textOf),
        CExportFixKind.RemoveStatic => RemoveStatic(fix.Library, fix.Function, textOf),
        CExportFixKind.AddExportMacro => AddMacro(fix.Library, fix.Function, textOf),
        _ => null,
    };

    private static CodeAction? ExternC(CLibraryFunction function, Func<string, string?> textOf)
    {
        var edits = new List<FileEdit>();
        var occurrences = new[] { function.Declaration, function.Definition }.OfType<CFunction>()
            .DistinctBy(f => (f.FullSpan.File, f.FullSpan.Span.Start)).ToList();
        foreach (var fn in occurrences)
        {
            if (textOf(fn.FullSpan.File) is not { } text || SourceLines.LineStart(text, fn.FullSpan.Span.Start) is not { } lineStart
                || Regex.IsMatch(text[fn.FullSpan.Span.Start..], @"^(template|static|extern|inline|namespace)\b"))
                return null;
            var nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            // A `.h` header may also be read by C code, which has no `extern "C"`: guard it there.
            var edit = CLibraryBuilder.IsHeader(fn.FullSpan.File) && fn.FullSpan.File.EndsWith(".h", StringComparison.Ordinal)
                ? new TextEdit(new TextSpan(lineStart, 0), $"#ifdef __cplusplus{nl}extern \"C\"{nl}#endif{nl}")
                : new TextEdit(new TextSpan(fn.FullSpan.Span.Start, 0), "extern \"C\" ");
            edits.Add(new FileEdit(fn.FullSpan.File, [edit]));
        }
        if (edits.Count == 0)
            return null;
        return new CodeAction($"Declare '{function.Name}' extern \"C\"", CodeActionKinds.QuickFix, ["HL2003"], IsPreferred: true, [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    private static CodeAction? RemoveStatic(CLibrary library, CLibraryFunction function, Func<string, string?> textOf)
    {
        if (function.Definition is not { } definition || textOf(definition.FullSpan.File) is not { } text
            || SourceLines.LineStart(text, definition.FullSpan.Span.Start) is null
            || Regex.Match(text[definition.FullSpan.Span.Start..], @"^static\s+") is not { Success: true } keyword
            || function.Declaration != definition && function.Declaration.IsStatic)
            return null;
        var macro = "";
        if (NeedsMacro(library))
        {
            if (ExportMacro(library, definition.FullSpan.File, textOf) is not { } m)
                return null;
            macro = m + " ";
        }
        return new CodeAction($"Remove 'static' from '{function.Name}'" + (macro.Length > 0 ? $" and export it with {macro.Trim()}" : ""), CodeActionKinds.QuickFix, ["HL2001"], IsPreferred: true,
            [new FileEdit(definition.FullSpan.File, [new TextEdit(new TextSpan(definition.FullSpan.Span.Start, keyword.Length), macro)])]);
    }

    private static CodeAction? AddMacro(CLibrary library, CLibraryFunction function, Func<string, string?> textOf)
    {
        var target = function.Declaration;
        if (textOf(target.FullSpan.File) is not { } text || SourceLines.LineStart(text, target.FullSpan.Span.Start) is null
            || Regex.IsMatch(text[target.FullSpan.Span.Start..], @"^(template|static|inline)\b"))
            return null;
        var macro = ExportMacro(library, target.FullSpan.File, textOf);
        if (macro is null)
        {
            // Without a macro of the library's own, the attribute is certain only where no target needs dllexport.
            if (library.Targets.Values.Any(t => t.ExportsBySymbol.Values.Any(f => f.Declaration.IsDllExport || f.Definition?.IsDllExport == true)))
                return null;
            macro = "__attribute__((visibility(\"default\")))";
        }
        return new CodeAction($"Export '{function.Name}' with {macro}", CodeActionKinds.QuickFix, ["HL2001"], IsPreferred: true,
            [new FileEdit(target.FullSpan.File, [new TextEdit(new TextSpan(target.FullSpan.Span.Start, 0), macro + " ")])]);
    }

    /// <summary>The library hides what it does not mark: a hidden visibility preset, or `dllexport` on its exports.</summary>
    private static bool NeedsMacro(CLibrary library) =>
        library.CMake?.Visibility == CMakeVisibility.Hidden
        || library.Targets.Values.Any(t => t.ExportsBySymbol.Values.Any(f => f.Declaration.IsDllExport || f.Definition?.IsDllExport == true));

    /// <summary>The export macro of the library's exported header declarations, when <paramref name="file"/> is that header or includes it.</summary>
    private static string? ExportMacro(CLibrary library, string file, Func<string, string?> textOf)
    {
        if (CreateCFunction.ExportPrefix(library, textOf) is not { } anchor)
            return null;
        var macro = string.Join(" ", anchor.Prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => Regex.IsMatch(w, "^[A-Z][A-Z0-9_]*$")));
        if (macro.Length == 0)
            return null;
        if (file == anchor.Header || textOf(file) is { } text && Regex.IsMatch(text, "^\\s*#\\s*include\\s*[\"<]([^\">]*/)?" + Regex.Escape(PathUtil.FileName(anchor.Header)) + "[\">]", RegexOptions.Multiline))
            return macro;
        return null;
    }
}
