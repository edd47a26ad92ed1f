using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// "Create native stub" on a C# extern declaration at a range: "Create Rust function" (HL1001, the crate lacks the export)
/// or "Create C/C++ function" (<see cref="CreateCFunction"/>), and "Create a new Rust crate / C library / C++ library"
/// (HL0001, the library resolves to nothing).
/// </summary>
internal static class CreateNativeStub
{
    /// <param name="diagnosticsAt">The diagnostics of a code at a span of the file, as the editor shows them.</param>
    public static ImmutableArray<CodeAction> At(
        SemanticModel model, string path, TextSpan range, string workspaceRoot, Func<string, string?> textOf, IEnumerable<string> knownPaths,
        Func<string, TextSpan, ImmutableArray<Diagnostic>> diagnosticsAt)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var binding in model.Bindings)
        {
            var method = binding.Method;
            if (binding.Path != path || range.Start > method.FullSpan.End || range.End < method.FullSpan.Start || !IsComplete(method, textOf(path)))
                continue;
            switch (binding.Resolution)
            {
                case ResolutionKind.MissingExport:
                    var create = binding.CLibrary is not null ? CreateCFunction.For(model, binding, textOf) : CreateRustFunction.For(model, binding, textOf);
                    if (create is not null)
                        actions.Add(create with { Diagnostics = diagnosticsAt("HL1001", method.EntryPoint?.Span ?? method.NameSpan) });
                    break;
                case ResolutionKind.UnresolvedLibrary:
                    // HL0001 sits on the first declaration of the library in a file.
                    var first = model.Bindings.First(b => b.Path == path && b.Library == binding.Library);
                    var known = knownPaths as IReadOnlyCollection<string> ?? [.. knownPaths];
                    foreach (var action in new[]
                    {
                        CreateRustCrate.For(model, binding, workspaceRoot, textOf, known),
                        CreateCLibrary.For(model, binding, cxx: false, workspaceRoot, textOf, known),
                        CreateCLibrary.For(model, binding, cxx: true, workspaceRoot, textOf, known),
                    })
                    {
                        if (action is not null)
                            actions.Add(action with { Diagnostics = diagnosticsAt("HL0001", first.Method.Library.Span) });
                    }
                    break;
            }
        }
        return actions.ToImmutable();
    }

    /// <summary>
    /// The declaration is finished: its import attribute closes its argument list and the method ends with `;`. A stub for a
    /// half-typed declaration would follow whatever the parser recovered, not what the user is writing.
    /// </summary>
    private static bool IsComplete(Syntax.CSharp.CsExternMethod method, string? text)
    {
        if (text is null || method.FullSpan.End > text.Length || method.AttributeSpan.End > text.Length || method.AttributeSpan.Length == 0)
            return false;
        var attribute = text.AsSpan(method.AttributeSpan.Start, method.AttributeSpan.Length).TrimEnd();
        var depth = 0;
        var inString = false;
        foreach (var c in attribute)
        {
            if (c == '"')
                inString = !inString;
            else if (!inString && c == '(')
                depth++;
            else if (!inString && c == ')')
                depth--;
        }
        var close = SkipWhitespace(text, method.AttributeSpan.End);
        return depth == 0 && !inString && attribute.EndsWith(")") && close < text.Length && text[close] is ']' or ','
            && text.AsSpan(method.FullSpan.Start, method.FullSpan.Length).TrimEnd().EndsWith(";");
    }

    private static int SkipWhitespace(string text, int offset)
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
            offset++;
        return offset;
    }
}
