using System.Collections.Immutable;
using System.Globalization;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>Finds attributes by name as written (`X`, `XAttribute`, `Ns.X`, `global::Ns.X`) and reads their arguments.</summary>
internal static class CsAttributes
{
    /// <summary>True when the attribute's simple name is <paramref name="name"/> or <paramref name="name"/>Attribute.</summary>
    public static bool Is(AttributeSyntax attribute, string name)
    {
        var simple = CsTypeReader.SimpleName(attribute.Name);
        return simple.Length == name.Length
            ? simple.Equals(name, StringComparison.Ordinal)
            : simple.Length == name.Length + "Attribute".Length
                && simple.StartsWith(name, StringComparison.Ordinal)
                && simple.EndsWith("Attribute", StringComparison.Ordinal);
    }

    /// <summary>The first attribute named <paramref name="name"/> in lists whose target is none or <paramref name="target"/>.</summary>
    public static AttributeSyntax? Find(SyntaxList<AttributeListSyntax> lists, string name, string? target = null)
    {
        foreach (var list in lists)
        {
            if (!TargetMatches(list, target))
                continue;
            foreach (var attribute in list.Attributes)
            {
                if (Is(attribute, name))
                    return attribute;
            }
        }
        return null;
    }

    /// <summary>True when the list's target is <paramref name="target"/>, or none when <paramref name="untargeted"/> (the default for fields: `[MarshalAs]` on a field needs no `field:`).</summary>
    public static bool TargetMatches(AttributeListSyntax list, string? target, bool untargeted = true)
    {
        var written = list.Target?.Identifier.ValueText;
        return target is null ? written is null : written == target || (untargeted && target == "field" && written is null);
    }

    /// <summary>The first positional argument (or the named constructor argument `name:`).</summary>
    public static ExpressionSyntax? Positional(AttributeSyntax attribute, int index = 0, string? parameterName = null)
    {
        if (attribute.ArgumentList is not { } arguments)
            return null;
        var position = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is not null)
                continue;
            if (argument.NameColon is { } nameColon)
            {
                if (parameterName is not null && nameColon.Name.Identifier.ValueText == parameterName)
                    return argument.Expression;
                continue;
            }
            if (position++ == index)
                return argument.Expression;
        }
        return null;
    }

    /// <summary>The value of `Name = value`.</summary>
    public static ExpressionSyntax? Named(AttributeSyntax attribute, string name)
    {
        if (attribute.ArgumentList is not { } arguments)
            return null;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is { } nameEquals && nameEquals.Name.Identifier.ValueText == name)
                return argument.Expression;
        }
        return null;
    }

    /// <summary>The member name of an enum value as written (`CallingConvention.Cdecl` → "Cdecl"), or the number as text for `(E)2` and `2`.</summary>
    public static string? EnumMember(ExpressionSyntax? expression)
    {
        while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            expression = expression is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)expression).Expression;
        switch (expression)
        {
            case null:
                return null;
            case MemberAccessExpressionSyntax access:
                return access.Name.Identifier.IsMissing ? null : access.Name.Identifier.ValueText;
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.IsMissing ? null : identifier.Identifier.ValueText;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal:
                return Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    public static int? Int(ExpressionSyntax? expression) =>
        expression is null ? null
        : CsValueReader.Read(expression) is CsValue.Literal { Value: int or short or byte or sbyte or ushort or uint or long or ulong } literal
            && TryInt(literal.Value!, out var value) ? value : null;

    private static bool TryInt(object value, out int result)
    {
        try
        {
            result = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    public static bool? Bool(ExpressionSyntax? expression) => expression?.Kind() switch
    {
        SyntaxKind.TrueLiteralExpression => true,
        SyntaxKind.FalseLiteralExpression => false,
        _ => null,
    };

    public static CsCharSet CharSet(ExpressionSyntax? expression) => EnumMember(expression) switch
    {
        null => CsCharSet.Unspecified,
        "None" or "1" => CsCharSet.None,
        "Ansi" or "2" => CsCharSet.Ansi,
        "Unicode" or "3" => CsCharSet.Unicode,
        "Auto" or "4" => CsCharSet.Auto,
        _ => CsCharSet.Unspecified,
    };

    public static CsCallingConvention CallingConvention(ExpressionSyntax? expression) => EnumMember(expression) switch
    {
        "Winapi" or "1" => CsCallingConvention.Winapi,
        "Cdecl" or "2" => CsCallingConvention.Cdecl,
        "StdCall" or "3" => CsCallingConvention.StdCall,
        "ThisCall" or "4" => CsCallingConvention.ThisCall,
        "FastCall" or "5" => CsCallingConvention.FastCall,
        _ => CsCallingConvention.Unspecified,
    };

    public static CsStringMarshalling StringMarshalling(ExpressionSyntax? expression) => EnumMember(expression) switch
    {
        "Custom" or "0" => CsStringMarshalling.Custom,
        "Utf8" or "1" => CsStringMarshalling.Utf8,
        "Utf16" or "2" => CsStringMarshalling.Utf16,
        _ => CsStringMarshalling.Unspecified,
    };

    /// <summary>`typeof(T)` → T's type; null otherwise.</summary>
    public static CsType? TypeOf(ExpressionSyntax? expression) =>
        expression is TypeOfExpressionSyntax typeOf ? CsTypeReader.Read(typeOf.Type) : null;

    /// <summary>The `[MarshalAs]`, `[MarshalUsing]`, `[In]` and `[Out]` attributes in lists with the given target.</summary>
    public static CsMarshalInfo MarshalInfo(SyntaxList<AttributeListSyntax> lists, string? target, bool untargeted = true)
    {
        CsMarshalAs? marshalAs = null;
        bool custom = false, inAttribute = false, outAttribute = false;
        foreach (var list in lists)
        {
            if (!TargetMatches(list, target, untargeted))
                continue;
            foreach (var attribute in list.Attributes)
            {
                if (marshalAs is null && Is(attribute, "MarshalAs"))
                    marshalAs = MarshalAs(attribute);
                else if (Is(attribute, "MarshalUsing"))
                    custom = true;
                else if (Is(attribute, "In"))
                    inAttribute = true;
                else if (Is(attribute, "Out"))
                    outAttribute = true;
            }
        }
        return marshalAs is null && !custom && !inAttribute && !outAttribute
            ? CsMarshalInfo.None
            : new CsMarshalInfo(marshalAs, custom, inAttribute, outAttribute);
    }

    private static CsMarshalAs MarshalAs(AttributeSyntax attribute)
    {
        var unmanagedType = EnumMember(Positional(attribute, 0, "unmanagedType")) ?? "";
        return new CsMarshalAs(
            new TextSpan(attribute.Span.Start, attribute.Span.Length),
            unmanagedType,
            EnumMember(Named(attribute, "ArraySubType")),
            Int(Named(attribute, "SizeConst")),
            Int(Named(attribute, "SizeParamIndex")));
    }

    /// <summary>The calling convention types named in `[UnmanagedCallConv(CallConvs = …)]` without their `CallConv` prefix.</summary>
    public static ImmutableArray<string> UnmanagedCallConvs(AttributeSyntax attribute)
    {
        if (Named(attribute, "CallConvs") is not { } value)
            return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var typeOf in value.DescendantNodesAndSelf().OfType<TypeOfExpressionSyntax>())
        {
            if (typeOf.Type is not NameSyntax name)
                continue;
            var simple = CsTypeReader.SimpleName(name);
            if (simple.StartsWith("CallConv", StringComparison.Ordinal) && simple.Length > "CallConv".Length)
                simple = simple["CallConv".Length..];
            if (simple.Length > 0)
                builder.Add(simple);
        }
        return builder.ToImmutable();
    }
}
