using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Create Rust function": on a C# extern whose crate exports no such function (HL1001), append the matching
/// `extern "C"` stub (<see cref="RustStubWriter"/>) to the crate's root file. Not offered when HL1001 has another cause
/// (the function exists but is not exported, or sits in a file no `mod` includes) or when a type has no certain Rust form.
/// </summary>
internal static partial class CreateRustFunction
{
    public static CodeAction? For(SemanticModel model, Binding binding, Func<string, string?> textOf)
    {
        if (binding.Resolution != ResolutionKind.MissingExport || !binding.NotExported.IsEmpty || binding.OutsideModuleTree is not null
            || binding.Crate is not { LibRootFound: true } crate || textOf(crate.LibRoot) is not { } root)
            return null;
        var edition2024 = crate.Manifest.Manifest.Edition == "2024" || textOf(crate.ManifestPath) is not { } manifest || InheritedEdition().IsMatch(manifest);
        if (RustStubWriter.Write(binding, model.Config.Targets, crate, edition2024) is not { } stub)
            return null;
        // A root-module item of that name already exists (a non-exported function elsewhere is a different symbol, but the name would clash).
        if (crate.Functions.Any(f => f.Path == crate.LibRoot && f.Item.ModulePath.Length == 0 && f.Item.Name == stub.FunctionName)
            || crate.Structs.Any(s => s.Path == crate.LibRoot && s.Item.ModulePath.Length == 0 && s.Item.Name == stub.FunctionName))
            return null;
        var edit = AppendItem(root, stub.Text);
        return new CodeAction($"Create Rust function '{stub.FunctionName}' in crate '{crate.PackageName ?? crate.LibName}'",
            CodeActionKinds.QuickFix, ["HL1001"], IsPreferred: false, [new FileEdit(crate.LibRoot, [edit])]);
    }

    /// <summary>Appends an item at the end of a Rust file, separated by one empty line, in the file's line-ending style.</summary>
    internal static TextEdit AppendItem(string text, string item)
    {
        var nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var body = item.Replace("\n", nl, StringComparison.Ordinal) + nl;
        var trimmed = text.TrimEnd();
        var prefix = trimmed.Length == 0 ? "" : text.EndsWith(nl + nl, StringComparison.Ordinal) ? "" : text.EndsWith(nl, StringComparison.Ordinal) ? nl : nl + nl;
        return new TextEdit(new TextSpan(text.Length, 0), prefix + body);
    }

    [GeneratedRegex(@"^\s*edition\s*(\.\s*workspace|=\s*\{)", RegexOptions.Multiline)]
    private static partial Regex InheritedEdition();
}
