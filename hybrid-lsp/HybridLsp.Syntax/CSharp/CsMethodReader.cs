using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>One parameter of a <see cref="CsMethodSignature"/>: its name, ref kind and type as written (whitespace removed).</summary>
public sealed record CsSignatureParameter(string Name, CsRefKind RefKind, string TypeText);

/// <summary>
/// A method of a C# file as the benchmark planner needs it: where it is, whether it is static or extern, its signature
/// as text, and the simple names it calls. Not part of the interop extraction (which keeps only externs).
/// </summary>
/// <param name="Container">The namespace-qualified containing type, nested types joined with '.'.</param>
/// <param name="ReflectionContainer">The same with nested types joined with '+' (what <c>Type.GetType</c> expects).</param>
/// <param name="Invoked">The simple names of the methods its body calls (`Foo(...)`, `X.Foo(...)`), in order, distinct.</param>
public sealed record CsMethodSignature(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string Container, string ReflectionContainer,
    bool IsStatic, bool IsExtern, bool IsGeneric, string ReturnTypeText, ImmutableArray<CsSignatureParameter> Parameters,
    ImmutableArray<string> Invoked);

/// <summary>Reads every method declaration of a C# file (Roslyn syntax only; never throws for broken code).</summary>
public static class CsMethodReader
{
    public static ImmutableArray<CsMethodSignature> Read(string text, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None), cancellationToken: cancellationToken);
        var builder = ImmutableArray.CreateBuilder<CsMethodSignature>();
        foreach (var method in tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.Identifier.IsMissing || method.Parent is not TypeDeclarationSyntax type)
                continue;
            var (container, reflection) = Containers(type);
            var parameters = method.ParameterList.Parameters
                .Select(p => new CsSignatureParameter(p.Identifier.ValueText, RefKindOf(p), p.Type is null ? "" : Compact(p.Type)))
                .ToImmutableArray();
            var invoked = (method.Body as SyntaxNode ?? method.ExpressionBody)?.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    GenericNameSyntax g => g.Identifier.ValueText,
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    _ => null,
                })
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray() ?? [];
            builder.Add(new CsMethodSignature(
                method.Identifier.ValueText,
                new TextSpan(method.Identifier.SpanStart, method.Identifier.Span.Length),
                new TextSpan(method.SpanStart, method.Span.Length),
                container, reflection,
                method.Modifiers.Any(SyntaxKind.StaticKeyword),
                method.Modifiers.Any(SyntaxKind.ExternKeyword),
                method.TypeParameterList is { Parameters.Count: > 0 },
                Compact(method.ReturnType),
                parameters,
                invoked));
        }
        return builder.ToImmutable();
    }

    private static CsRefKind RefKindOf(ParameterSyntax parameter)
    {
        var modifiers = parameter.Modifiers;
        if (modifiers.Any(SyntaxKind.OutKeyword))
            return CsRefKind.Out;
        if (modifiers.Any(SyntaxKind.RefKeyword))
            return modifiers.Any(SyntaxKind.ReadOnlyKeyword) ? CsRefKind.RefReadonly : CsRefKind.Ref;
        return modifiers.Any(SyntaxKind.InKeyword) ? CsRefKind.In : CsRefKind.None;
    }

    private static string Compact(TypeSyntax type) => string.Concat(type.ToString().Where(c => !char.IsWhiteSpace(c)));

    private static (string Container, string Reflection) Containers(TypeDeclarationSyntax type)
    {
        var types = new List<string>();
        var reflection = new List<string>();
        SyntaxNode? node = type;
        var namespaces = new List<string>();
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax t:
                    // Reflection names generic types with their arity (`Outer`1`).
                    types.Add(t.Identifier.ValueText);
                    reflection.Add(t.TypeParameterList is { Parameters.Count: > 0 } tp ? $"{t.Identifier.ValueText}`{tp.Parameters.Count}" : t.Identifier.ValueText);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    namespaces.Add(ns.Name.ToString());
                    break;
            }
        }
        types.Reverse();
        reflection.Reverse();
        namespaces.Reverse();
        var prefix = namespaces.Count == 0 ? "" : string.Join(".", namespaces) + ".";
        return (prefix + string.Join(".", types), prefix + string.Join("+", reflection));
    }
}
