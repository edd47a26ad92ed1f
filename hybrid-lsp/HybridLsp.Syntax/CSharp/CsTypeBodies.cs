using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>Where a type's body ends in a file, so a member can be inserted before its closing brace.</summary>
/// <param name="CloseBrace">The offset of the type's `}`.</param>
public sealed record CsTypeBody(int CloseBrace, bool IsUnsafe, bool IsPartial);

public static class CsTypeBodies
{
    /// <summary>
    /// The body of the class or struct named <paramref name="fullName"/> (namespace-qualified, nested types as
    /// `Outer.Inner`); null when it is not declared in <paramref name="text"/> exactly once or its closing brace is missing.
    /// </summary>
    public static CsTypeBody? Find(string text, string fullName)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var matches = root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => FullName(t) == fullName).ToList();
        if (matches.Count != 1 || matches[0].CloseBraceToken.IsMissing || matches[0].CloseBraceToken.Span.Length == 0)
            return null;
        var type = matches[0];
        return new CsTypeBody(type.CloseBraceToken.SpanStart, type.Modifiers.Any(SyntaxKind.UnsafeKeyword), type.Modifiers.Any(SyntaxKind.PartialKeyword));
    }

    private static string FullName(TypeDeclarationSyntax type)
    {
        var parts = new List<string> { type.Identifier.ValueText };
        for (var node = type.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax outer)
                parts.Add(outer.Identifier.ValueText);
            else if (node is BaseNamespaceDeclarationSyntax ns)
                parts.Add(ns.Name.ToString());
        }
        parts.Reverse();
        return string.Join(".", parts);
    }
}
