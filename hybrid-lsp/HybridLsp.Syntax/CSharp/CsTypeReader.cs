using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>Turns Roslyn type syntax into <see cref="CsType"/> without a compilation.</summary>
internal static class CsTypeReader
{
    private static readonly Dictionary<string, CsPrimitive> s_systemNames = new(StringComparer.Ordinal)
    {
        ["Void"] = CsPrimitive.Void,
        ["Boolean"] = CsPrimitive.Bool,
        ["Char"] = CsPrimitive.Char,
        ["SByte"] = CsPrimitive.SByte,
        ["Byte"] = CsPrimitive.Byte,
        ["Int16"] = CsPrimitive.Short,
        ["UInt16"] = CsPrimitive.UShort,
        ["Int32"] = CsPrimitive.Int,
        ["UInt32"] = CsPrimitive.UInt,
        ["Int64"] = CsPrimitive.Long,
        ["UInt64"] = CsPrimitive.ULong,
        ["Single"] = CsPrimitive.Float,
        ["Double"] = CsPrimitive.Double,
        ["Decimal"] = CsPrimitive.Decimal,
        ["String"] = CsPrimitive.String,
        ["Object"] = CsPrimitive.Object,
    };

    // Reference types `T?` only annotates; everything else written `T?` may be a value type and stays nullable.
    private static readonly HashSet<string> s_knownReferenceTypes = new(StringComparer.Ordinal)
    {
        "StringBuilder", "SafeHandle", "SafeFileHandle", "SafeWaitHandle", "CriticalHandle", "Delegate", "MulticastDelegate", "Array",
    };

    // Recursion is bounded: `int***…*` or `A<A<A<…>>>` thousands deep must not overflow the stack.
    private const int MaxDepth = 64;

    public static CsType Read(TypeSyntax? type) => Read(type, 0);

    private static CsType Read(TypeSyntax? type, int depth)
    {
        if (type is null)
            return new CsUnknownType(default, "");
        var span = Span(type);
        if (depth++ > MaxDepth)
            return new CsUnknownType(span, Truncate(type.ToString()));
        switch (type)
        {
            case PredefinedTypeSyntax predefined:
                return Keyword(predefined.Keyword.Kind()) is { } keyword
                    ? new CsPrimitiveType(span, keyword)
                    : new CsUnknownType(span, type.ToString());
            case IdentifierNameSyntax identifier:
                return ReadIdentifier(identifier, span);
            case GenericNameSyntax generic:
                return new CsNamedType(span, generic.Identifier.ValueText, ImmutableArray<string>.Empty, ReadArguments(generic, depth));
            case QualifiedNameSyntax qualified:
                return ReadQualified(qualified, span, depth);
            case AliasQualifiedNameSyntax alias:
                return ReadAliasQualified(alias, span, depth);
            case PointerTypeSyntax pointer:
                return new CsPointerType(span, Read(pointer.ElementType, depth));
            case ArrayTypeSyntax array:
                return ReadArray(array, span, depth);
            case NullableTypeSyntax nullable:
                return ReadNullable(nullable, span, depth);
            case FunctionPointerTypeSyntax functionPointer:
                return ReadFunctionPointer(functionPointer, span, depth);
            default:
                return new CsUnknownType(span, type.ToString());
        }
    }

    /// <summary>The primitive named by a type, for enum underlying types.</summary>
    public static CsPrimitive? ReadPrimitive(TypeSyntax type) => Read(type) is CsPrimitiveType primitive ? primitive.Kind : null;

    /// <summary>The simple name of a type or attribute name without qualifiers and type arguments.</summary>
    public static string SimpleName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;

    private static TextSpan Span(SyntaxNode node) => new(node.Span.Start, node.Span.Length);

    private static CsPrimitive? Keyword(SyntaxKind kind) => kind switch
    {
        SyntaxKind.VoidKeyword => CsPrimitive.Void,
        SyntaxKind.BoolKeyword => CsPrimitive.Bool,
        SyntaxKind.CharKeyword => CsPrimitive.Char,
        SyntaxKind.SByteKeyword => CsPrimitive.SByte,
        SyntaxKind.ByteKeyword => CsPrimitive.Byte,
        SyntaxKind.ShortKeyword => CsPrimitive.Short,
        SyntaxKind.UShortKeyword => CsPrimitive.UShort,
        SyntaxKind.IntKeyword => CsPrimitive.Int,
        SyntaxKind.UIntKeyword => CsPrimitive.UInt,
        SyntaxKind.LongKeyword => CsPrimitive.Long,
        SyntaxKind.ULongKeyword => CsPrimitive.ULong,
        SyntaxKind.FloatKeyword => CsPrimitive.Float,
        SyntaxKind.DoubleKeyword => CsPrimitive.Double,
        SyntaxKind.DecimalKeyword => CsPrimitive.Decimal,
        SyntaxKind.StringKeyword => CsPrimitive.String,
        SyntaxKind.ObjectKeyword => CsPrimitive.Object,
        _ => null,
    };

    private static CsType ReadIdentifier(IdentifierNameSyntax identifier, TextSpan span)
    {
        if (identifier.IsMissing || identifier.Identifier.IsMissing)
            return new CsUnknownType(span, "");
        var name = identifier.Identifier.ValueText;
        switch (name)
        {
            case "nint":
                return new CsPrimitiveType(span, CsPrimitive.NInt);
            case "nuint":
                return new CsPrimitiveType(span, CsPrimitive.NUInt);
            case "dynamic":
            case "var":
                return new CsUnknownType(span, name);
        }
        return s_systemNames.TryGetValue(name, out var primitive) && primitive != CsPrimitive.Void
            ? new CsPrimitiveType(span, primitive)
            : new CsNamedType(span, name, ImmutableArray<string>.Empty, ImmutableArray<CsType>.Empty);
    }

    private static CsType ReadQualified(QualifiedNameSyntax qualified, TextSpan span, int depth)
    {
        var qualifiers = ImmutableArray.CreateBuilder<string>();
        if (!AddQualifiers(qualified.Left, qualifiers, depth))
            return new CsUnknownType(span, qualified.ToString());
        var right = qualified.Right;
        if (right.Identifier.IsMissing)
            return new CsUnknownType(span, qualified.ToString());
        var typeArguments = right is GenericNameSyntax generic ? ReadArguments(generic, depth) : ImmutableArray<CsType>.Empty;
        if (typeArguments.IsEmpty && qualifiers is [var only] && only == "System" && s_systemNames.TryGetValue(right.Identifier.ValueText, out var primitive))
            return new CsPrimitiveType(span, primitive);
        return new CsNamedType(span, right.Identifier.ValueText, qualifiers.ToImmutable(), typeArguments);
    }

    private static CsType ReadAliasQualified(AliasQualifiedNameSyntax alias, TextSpan span, int depth)
    {
        // `global::X` names the same type as `X` unless something shadows it; other extern aliases stay in the qualifier.
        var name = alias.Name;
        var typeArguments = name is GenericNameSyntax generic ? ReadArguments(generic, depth) : ImmutableArray<CsType>.Empty;
        var qualifiers = alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword)
            ? ImmutableArray<string>.Empty
            : ImmutableArray.Create(alias.Alias.Identifier.ValueText + "::");
        if (qualifiers.IsEmpty && typeArguments.IsEmpty)
            return ReadIdentifier(SyntaxFactory.IdentifierName(name.Identifier), span) switch
            {
                CsPrimitiveType primitive when name.Identifier.ValueText is "nint" or "nuint" => new CsNamedType(span, name.Identifier.ValueText, qualifiers, typeArguments),
                var other => other,
            };
        return new CsNamedType(span, name.Identifier.ValueText, qualifiers, typeArguments);
    }

    private static bool AddQualifiers(NameSyntax name, ImmutableArray<string>.Builder qualifiers, int depth)
    {
        if (depth++ > MaxDepth)
            return false;
        switch (name)
        {
            case QualifiedNameSyntax qualified:
                return AddQualifiers(qualified.Left, qualifiers, depth) && AddQualifiers(qualified.Right, qualifiers, depth);
            case AliasQualifiedNameSyntax alias:
                if (!alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword))
                {
                    qualifiers.Add(alias.Alias.Identifier.ValueText + "::" + alias.Name.Identifier.ValueText);
                    return true;
                }
                return AddQualifiers(alias.Name, qualifiers, depth);
            case SimpleNameSyntax simple:
                if (simple.Identifier.IsMissing)
                    return false;
                qualifiers.Add(simple is GenericNameSyntax ? simple.ToString() : simple.Identifier.ValueText);
                return true;
            default:
                return false;
        }
    }

    private static ImmutableArray<CsType> ReadArguments(GenericNameSyntax generic, int depth)
    {
        var builder = ImmutableArray.CreateBuilder<CsType>(generic.TypeArgumentList.Arguments.Count);
        foreach (var argument in generic.TypeArgumentList.Arguments)
            builder.Add(Read(argument, depth));
        return builder.MoveToImmutable();
    }

    private static CsType ReadArray(ArrayTypeSyntax array, TextSpan span, int depth)
    {
        // `int[][,]` is a one-dimensional array of `int[,]`: the first rank specifier is the outermost.
        var result = Read(array.ElementType, depth);
        for (var i = array.RankSpecifiers.Count - 1; i >= 0; i--)
        {
            var specifier = array.RankSpecifiers[i];
            var elementSpan = i == 0 ? span : TextSpan.FromBounds(span.Start, specifier.Span.End);
            result = new CsArrayType(elementSpan, result, specifier.Rank);
        }
        return result;
    }

    private static CsType ReadNullable(NullableTypeSyntax nullable, TextSpan span, int depth)
    {
        var underlying = Read(nullable.ElementType, depth);
        return underlying switch
        {
            CsPrimitiveType { Kind: CsPrimitive.String or CsPrimitive.Object } primitive => primitive with { Span = span },
            CsArrayType array => array with { Span = span },
            CsNamedType named when s_knownReferenceTypes.Contains(named.Name) => named with { Span = span },
            _ => new CsNullableType(span, underlying),
        };
    }

    private static CsType ReadFunctionPointer(FunctionPointerTypeSyntax functionPointer, TextSpan span, int depth)
    {
        var convention = functionPointer.CallingConvention;
        var isUnmanaged = convention is not null && convention.ManagedOrUnmanagedKeyword.IsKind(SyntaxKind.UnmanagedKeyword);
        var names = ImmutableArray<string>.Empty;
        if (convention?.UnmanagedCallingConventionList is { } list)
        {
            var builder = ImmutableArray.CreateBuilder<string>(list.CallingConventions.Count);
            foreach (var name in list.CallingConventions)
                builder.Add(name.Name.ValueText);
            names = builder.MoveToImmutable();
        }

        var parameters = functionPointer.ParameterList.Parameters;
        if (parameters.Count == 0)
            return new CsUnknownType(span, functionPointer.ToString());
        var builderParameters = ImmutableArray.CreateBuilder<CsFunctionPointerParameter>(parameters.Count - 1);
        for (var i = 0; i < parameters.Count - 1; i++)
            builderParameters.Add(new CsFunctionPointerParameter(RefKind(parameters[i].Modifiers), Read(parameters[i].Type, depth)));
        var last = parameters[^1];
        return new CsFunctionPointerType(span, isUnmanaged, names, builderParameters.MoveToImmutable(), Read(last.Type, depth));
    }

    /// <summary>The by-reference kind of a modifier list (`ref`, `out`, `in`, `ref readonly`; `scoped` and `this` are ignored).</summary>
    public static CsRefKind RefKind(SyntaxTokenList modifiers)
    {
        var result = CsRefKind.None;
        foreach (var modifier in modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.RefKeyword:
                    result = result == CsRefKind.None ? CsRefKind.Ref : result;
                    break;
                case SyntaxKind.OutKeyword:
                    result = CsRefKind.Out;
                    break;
                case SyntaxKind.InKeyword:
                    result = CsRefKind.In;
                    break;
                case SyntaxKind.ReadOnlyKeyword when result == CsRefKind.Ref:
                    result = CsRefKind.RefReadonly;
                    break;
            }
        }
        return result;
    }
}
