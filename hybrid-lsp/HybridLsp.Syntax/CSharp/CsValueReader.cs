using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>Reads attribute arguments and constant initializers as <see cref="CsValue"/> without a compilation.</summary>
internal static class CsValueReader
{
    private const int MaxUnsupportedText = 200;

    // Recursion is bounded: a generated `1 + 1 + … + 1` of 20,000 terms must not overflow the stack.
    private const int MaxDepth = 100;

    public static CsValue Read(ExpressionSyntax expression) => Read(expression, 0);

    private static CsValue Read(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
            return Unsupported(expression);
        depth++;
        var span = Span(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Kind() switch
                {
                    SyntaxKind.DefaultLiteralExpression => Unsupported(expression),
                    SyntaxKind.NullLiteralExpression => new CsValue.Literal(span, null),
                    _ => literal.Token.IsMissing ? Unsupported(expression) : new CsValue.Literal(span, literal.Token.Value),
                };
            case ParenthesizedExpressionSyntax parenthesized:
                return Read(parenthesized.Expression, depth) with { Span = span };
            case IdentifierNameSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax:
                return DottedName(expression) is { } name ? new CsValue.ConstantReference(span, name) : Unsupported(expression);
            case BinaryExpressionSyntax binary:
                return ReadBinary(binary, span, depth);
            case PrefixUnaryExpressionSyntax unary:
                return ReadUnary(unary, span, depth);
            case CastExpressionSyntax cast:
                return ReadCast(cast, span, depth);
            case CheckedExpressionSyntax { RawKind: (int)SyntaxKind.UncheckedExpression } uncheckedExpression:
                return Read(uncheckedExpression.Expression, depth) with { Span = span };
            case InvocationExpressionSyntax invocation when NameOf(invocation) is { } nameOf:
                return new CsValue.Literal(span, nameOf);
            default:
                return Unsupported(expression);
        }
    }

    /// <summary>The parts of a dotted name (`A.B.C` → [A, B, C]); `global::` is dropped; null for anything else.</summary>
    public static ImmutableArray<string>? DottedName(ExpressionSyntax expression)
    {
        var parts = ImmutableArray.CreateBuilder<string>();
        return AddParts(expression, parts, 0) ? parts.ToImmutable() : null;
    }

    /// <summary>`nameof(X.Y)` → "Y".</summary>
    public static string? NameOf(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
            && invocation.ArgumentList.Arguments is [var argument]
            && DottedName(argument.Expression) is [.., var last])
        {
            return last;
        }
        if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
            && invocation.ArgumentList.Arguments is [{ Expression: GenericNameSyntax generic }])
        {
            return generic.Identifier.ValueText;
        }
        return null;
    }

    /// <summary>
    /// A dotted name as text (`A.B.C`; `global::` dropped), or null for anything else; allocates only for a name of two or
    /// more parts (a call's receiver is read this way for every call of a file).
    /// </summary>
    public static string? DottedText(ExpressionSyntax expression)
    {
        if (expression is IdentifierNameSyntax { Identifier.IsMissing: false } identifier)
            return identifier.Identifier.ValueText;
        return AddParts(expression, null, 0) && DottedName(expression) is { } parts ? string.Join(".", parts) : null;
    }

    /// <summary>Adds the parts of a dotted name to <paramref name="parts"/> (null: only checks that it is one).</summary>
    private static bool AddParts(ExpressionSyntax expression, ImmutableArray<string>.Builder? parts, int depth)
    {
        if (depth++ > MaxDepth)
            return false;
        switch (expression)
        {
            case IdentifierNameSyntax identifier when !identifier.Identifier.IsMissing:
                parts?.Add(identifier.Identifier.ValueText);
                return true;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                when access.Name is IdentifierNameSyntax { Identifier.IsMissing: false } name:
                if (!AddParts(access.Expression, parts, depth))
                    return false;
                parts?.Add(name.Identifier.ValueText);
                return true;
            case QualifiedNameSyntax qualified:
                return AddParts(qualified.Left, parts, depth) && AddParts(qualified.Right, parts, depth);
            case AliasQualifiedNameSyntax alias when alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword):
                return AddParts(alias.Name, parts, depth);
            default:
                return false;
        }
    }

    private static CsValue ReadBinary(BinaryExpressionSyntax binary, TextSpan span, int depth)
    {
        switch (binary.Kind())
        {
            case SyntaxKind.AddExpression:
                return new CsValue.Concat(span, Read(binary.Left, depth), Read(binary.Right, depth));
            case SyntaxKind.BitwiseOrExpression:
                return new CsValue.BitOr(span, Read(binary.Left, depth), Read(binary.Right, depth));
            case SyntaxKind.LeftShiftExpression:
                var left = Read(binary.Left, depth);
                var right = Read(binary.Right, depth);
                if (left is CsValue.Literal { Value: { } leftValue } && right is CsValue.Literal { Value: int count } && Shift(leftValue, count) is { } shifted)
                    return new CsValue.Literal(span, shifted);
                return new CsValue.Shift(span, left, right);
            default:
                return Unsupported(binary);
        }
    }

    private static object? Shift(object value, int count) => value switch
    {
        int i => i << count,
        uint u => u << count,
        long l => l << count,
        ulong ul => ul << count,
        _ => null,
    };

    private static CsValue ReadUnary(PrefixUnaryExpressionSyntax unary, TextSpan span, int depth)
    {
        var operand = Read(unary.Operand, depth);
        if (operand is not CsValue.Literal { Value: { } value })
            return Unsupported(unary);
        object? result = unary.Kind() switch
        {
            SyntaxKind.UnaryMinusExpression => value switch
            {
                int i => unchecked(-i),
                uint u => -(long)u, // `-1u` is a long in C#
                long l => unchecked(-l),
                double d => -d,
                float f => -f,
                decimal m => -m,
                _ => null,
            },
            SyntaxKind.UnaryPlusExpression => value is int or uint or long or ulong or double or float or decimal ? value : null,
            SyntaxKind.BitwiseNotExpression => value switch
            {
                int i => ~i,
                uint u => ~u,
                long l => ~l,
                ulong ul => ~ul,
                _ => null,
            },
            _ => null,
        };
        return result is null ? Unsupported(unary) : new CsValue.Literal(span, result);
    }

    private static CsValue ReadCast(CastExpressionSyntax cast, TextSpan span, int depth)
    {
        var inner = Read(cast.Expression, depth);
        if (inner is not CsValue.Literal { Value: { } value } || CsTypeReader.ReadPrimitive(cast.Type) is not { } target)
            return inner with { Span = span };
        var converted = ConvertUnchecked(value, target);
        return converted is null ? inner with { Span = span } : new CsValue.Literal(span, converted);
    }

    private static object? ConvertUnchecked(object value, CsPrimitive target)
    {
        long bits;
        switch (value)
        {
            case int i: bits = i; break;
            case uint u: bits = u; break;
            case long l: bits = l; break;
            case ulong ul: bits = unchecked((long)ul); break;
            case char c: bits = c; break;
            default: return null;
        }
        return unchecked(target switch
        {
            CsPrimitive.SByte => (object)(sbyte)bits,
            CsPrimitive.Byte => (byte)bits,
            CsPrimitive.Short => (short)bits,
            CsPrimitive.UShort => (ushort)bits,
            CsPrimitive.Int => (int)bits,
            CsPrimitive.UInt => (uint)bits,
            CsPrimitive.Long => bits,
            CsPrimitive.ULong => (ulong)bits,
            CsPrimitive.Char => (char)bits,
            _ => null,
        });
    }

    private static CsValue.Unsupported Unsupported(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        if (text.Length > MaxUnsupportedText)
            text = text[..MaxUnsupportedText];
        return new CsValue.Unsupported(Span(expression), text);
    }

    private static TextSpan Span(SyntaxNode node) => new(node.Span.Start, node.Span.Length);
}
