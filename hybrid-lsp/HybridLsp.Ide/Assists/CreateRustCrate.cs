using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Create a new Rust crate named …": on a C# extern whose library resolves to nothing (HL0001), render the rust-cdylib
/// template into a new folder — next to the workspace's other crates, else `native/&lt;name&gt;` — with a stub for every
/// C# declaration of that library, and list it in the Cargo workspace whose root holds it. Offered only when the library
/// name is one cargo builds a loadable file for (`lib&lt;name&gt;.so`, `&lt;name&gt;.dll`): lowercase letters, digits, '_'.
/// </summary>
internal static partial class CreateRustCrate
{
    /// <summary>The edition of new crates (rustc 1.85+); their exports use `#[unsafe(no_mangle)]`.</summary>
    internal const string Edition = "2024";

    private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal) { "std", "core", "alloc", "test", "proc_macro", "build", "deps", "examples", "src", "target" };

    public static CodeAction? For(SemanticModel model, Binding binding, string workspaceRoot, Func<string, string?> textOf, IEnumerable<string> knownPaths)
    {
        if (binding.Resolution != ResolutionKind.UnresolvedLibrary || binding.Library is not { } library || library.IndexOfAny(['/', '\\']) >= 0)
            return null;
        var name = LibraryNames.Normalize(library);
        if (!CrateName().IsMatch(name) || s_reserved.Contains(name) || !RustStubWriter.IsIdentifier(name)
            || model.Input.Manifests.Values.Any(m => m.Manifest.PackageName == name || m.Manifest.EffectiveLibName == name))
            return null;

        // Every declaration of the library gets its stub; the one at the cursor must have one, or the action would not fix it.
        var stubs = LibraryStubs.Collect(model, binding, name,
            b => RustStubWriter.Write(b, model.Config.Targets, crate: null, edition2024: true), s => s.FunctionName);
        if (stubs is null)
            return null;

        var root = workspaceRoot.TrimEnd('/');
        var known = knownPaths.ToHashSet(StringComparer.Ordinal);
        var directory = Folder(model, root, name);
        if (directory is null || known.Any(p => PathUtil.IsUnder(p, directory)))
            return null;
        var rendering = NativeTemplates.Render(NativeTemplates.Get(NativeTemplates.RustCdylib), directory, root,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["crate_name"] = name,
                ["edition"] = Edition,
                ["functions"] = "\n" + string.Join("\n\n", stubs.Select(s => s.Text)),
            },
            known.Contains);
        if (!rendering.Succeeded)
            return null;
        var edits = rendering.Files.ToBuilder();
        if (WorkspaceMember(model, directory, textOf) is { } member)
        {
            if (member.Edit is not { } edit)
                return null; // a workspace holds the folder but its manifest is in a shape this edit does not understand
            if (edit.Edits.Length > 0)
                edits.Add(edit);
        }
        return new CodeAction($"Create a new Rust crate named '{name}' in '{PathUtil.Relative(directory, root)}'", CodeActionKinds.QuickFix, ["HL0001"], IsPreferred: false,
            [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    /// <summary>A name cargo builds a loadable `lib&lt;name&gt;.so` for, not reserved, and not already a package or library of the workspace.</summary>
    internal static bool IsNewCrateName(SemanticModel model, string name) =>
        CrateName().IsMatch(name) && !s_reserved.Contains(name) && RustStubWriter.IsIdentifier(name)
        && !model.Input.Manifests.Values.Any(m => m.Manifest.PackageName == name || m.Manifest.EffectiveLibName == name);

    /// <summary>Beside the other crates (the folder most of them share), else `native/` under the workspace root.</summary>
    internal static string? Folder(SemanticModel model, string root, string name)
    {
        var parent = model.Crates
            .Select(c => PathUtil.Directory(c.Directory))
            .Where(p => p == root || PathUtil.IsUnder(p, root))
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? root + "/native";
        var directory = (parent == "/" ? "" : parent) + "/" + name;
        return PathUtil.IsUnder(directory, root) || root == "" ? directory : null;
    }

    /// <summary>The workspace manifest whose folder holds the new crate; <see cref="Edit"/> lists it in `members` (no edits when a glob already matches), null when the manifest cannot be edited with certainty.</summary>
    internal sealed record Member(FileEdit? Edit);

    internal static Member? WorkspaceMember(SemanticModel model, string directory, Func<string, string?> textOf)
    {
        var workspace = model.Input.Manifests.Values
            .Where(m => m.Manifest.WorkspaceMembers is not null && PathUtil.IsUnder(directory, PathUtil.Directory(m.Path)))
            .OrderByDescending(m => m.Path.Length).FirstOrDefault();
        if (workspace is null)
            return null;
        var relative = PathUtil.Relative(directory, PathUtil.Directory(workspace.Path));
        var members = workspace.Manifest.WorkspaceMembers!.Value;
        if (members.Any(g => CargoGlob(g, relative)) || workspace.Manifest.WorkspaceExclude.Any(g => CargoGlob(g, relative)))
            return new Member(new FileEdit(workspace.Path, []));
        if (textOf(workspace.Path) is not { } text)
            return new Member(null);
        var document = TomlDocument.Parse(text);
        if (!document.Errors.IsEmpty)
            return new Member(null);
        var quoted = "\"" + relative + "\"";
        if (document.Find("workspace", "members") is { } entry)
        {
            if (entry.Value is not TomlValue.Array array || array.Span.End > text.Length || text[array.Span.End - 1] != ']')
                return new Member(null);
            TextEdit edit;
            if (array.Items.IsEmpty)
                edit = new TextEdit(new TextSpan(array.Span.End - 1, 0), quoted);
            else
            {
                var last = array.Items[^1].Span;
                var between = text[array.Span.Start..last.Start];
                // One item per line keeps that shape; an inline array stays inline.
                var lineStart = text.LastIndexOf('\n', last.Start) + 1;
                var indent = between.Contains('\n') ? text[lineStart..last.Start] : null;
                edit = new TextEdit(new TextSpan(last.End, 0), indent is not null && string.IsNullOrWhiteSpace(indent) ? ",\n" + indent + quoted : ", " + quoted);
            }
            return new Member(new FileEdit(workspace.Path, [edit]));
        }
        if (document.Tables.FirstOrDefault(t => t.Path is ["workspace"]) is not { } header)
            return new Member(null);
        var lineEnd = text.IndexOf('\n', header.Span.End);
        if (lineEnd < 0)
            lineEnd = text.Length;
        if (lineEnd > 0 && text[lineEnd - 1] == '\r')
            lineEnd--;
        return new Member(new FileEdit(workspace.Path, [new TextEdit(new TextSpan(lineEnd, 0), "\nmembers = [" + quoted + "]")]));
    }

    /// <summary>Cargo's member globs: `*` and `?` within one path segment, compared segment by segment.</summary>
    private static bool CargoGlob(string glob, string path)
    {
        var g = glob.Trim('/').Split('/');
        var p = path.Split('/');
        if (g.Length != p.Length)
            return false;
        for (var i = 0; i < g.Length; i++)
        {
            var pattern = "^" + Regex.Escape(g[i]).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal) + "$";
            if (!Regex.IsMatch(p[i], pattern))
                return false;
        }
        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CrateName();
}
