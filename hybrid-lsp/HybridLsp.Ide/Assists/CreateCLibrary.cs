using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Create a new C library named …" / "Create a new C++ library named …": on a C# extern whose library resolves to nothing
/// (HL0001), render the c-shared or cpp-shared template into a new folder — beside the workspace's other CMake libraries,
/// else `native/&lt;name&gt;` — with a prototype (marked with the library's export macro) and a stub definition for every C#
/// declaration of that library, and add it with `add_subdirectory` to the top-level CMakeLists.txt when there is one.
/// Offered only for a name CMake and the .NET loader agree on: a letter, then letters, digits and '_'.
/// </summary>
internal static partial class CreateCLibrary
{
    public static CodeAction? For(SemanticModel model, Binding binding, bool cxx, string workspaceRoot, Func<string, string?> textOf, IEnumerable<string> knownPaths)
    {
        if (binding.Resolution != ResolutionKind.UnresolvedLibrary || binding.Library is not { } library || library.IndexOfAny(['/', '\\']) >= 0)
            return null;
        var name = LibraryNames.Normalize(library);
        if (!LibraryName().IsMatch(name) || model.CLibraries.Any(l => CLibraryBuilder.Matches(l, name)))
            return null;
        var prefix = name.ToUpperInvariant();

        // A function named like the export macro cannot be declared with it.
        var stubs = LibraryStubs.Collect(model, binding, name,
            b => CStubWriter.Write(b, model.Config.Targets, library: null, cxx, (n, _) => n) is { } s && s.FunctionName != prefix + "_API" ? s : null,
            s => s.FunctionName);
        if (stubs is null)
            return null;
        // A struct two stubs declare differently would be a conflict in C: then only the stub at the cursor, or nothing.
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (typeName, text) in stubs.SelectMany(s => s.NewTypes))
        {
            if (types.TryGetValue(typeName, out var existing) && existing != text)
                return null;
            types[typeName] = text;
        }

        var root = workspaceRoot.TrimEnd('/');
        var known = knownPaths.ToHashSet(StringComparer.Ordinal);
        var directory = Folder(model, root, name);
        if (directory is null || known.Any(p => PathUtil.IsUnder(p, directory)))
            return null;
        var declarations = types.Values.Concat(stubs.Select(s => $"{prefix}_API {s.Prototype};"));
        var rendering = NativeTemplates.Render(NativeTemplates.Get(cxx ? NativeTemplates.CppShared : NativeTemplates.CShared), directory, root,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["lib_name"] = name,
                ["macro_prefix"] = prefix,
                ["declarations"] = "\n" + string.Join("\n", declarations) + "\n",
                ["definitions"] = "\n" + string.Join("\n\n", stubs.Select(s => s.Definition)),
            },
            known.Contains);
        if (!rendering.Succeeded)
            return null;
        var edits = rendering.Files.ToBuilder();
        var topLevel = root + "/CMakeLists.txt";
        if (textOf(topLevel) is { } cmake)
        {
            var relative = PathUtil.Relative(directory, root);
            if (!Regex.IsMatch(cmake, @"add_subdirectory\s*\(\s*""?" + Regex.Escape(relative) + @"""?[\s)]", RegexOptions.IgnoreCase))
                edits.Add(new FileEdit(topLevel, [CreateRustFunction.AppendItem(cmake, $"add_subdirectory({relative})").WithoutBlankLine(cmake)]));
        }
        var language = cxx ? "C++" : "C";
        return new CodeAction($"Create a new {language} library named '{name}' in '{PathUtil.Relative(directory, root)}'", CodeActionKinds.QuickFix, ["HL0001"], IsPreferred: false,
            [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    /// <summary>Beside the other CMake libraries (the folder most of them share), else beside the crates, else `native/` under the workspace root.</summary>
    private static string? Folder(SemanticModel model, string root, string name)
    {
        var parent = model.CLibraries.Where(l => !l.HeadersOnly).Select(l => PathUtil.Directory(l.Directory))
            .Concat(model.Crates.Select(c => PathUtil.Directory(c.Directory)))
            .Where(p => p != root && PathUtil.IsUnder(p, root))
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? root + "/native";
        var directory = (parent == "/" ? "" : parent) + "/" + name;
        return PathUtil.IsUnder(directory, root) || root == "" ? directory : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex LibraryName();
}

internal static class TextEditExtensions
{
    /// <summary>An appended line goes right after the last one (a CMake command list has no blank line between commands).</summary>
    public static TextEdit WithoutBlankLine(this TextEdit edit, string text)
    {
        var nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var newText = edit.NewText;
        if (text.EndsWith(nl, StringComparison.Ordinal) && newText.StartsWith(nl, StringComparison.Ordinal))
            newText = newText[nl.Length..];
        return edit with { NewText = newText };
    }
}
