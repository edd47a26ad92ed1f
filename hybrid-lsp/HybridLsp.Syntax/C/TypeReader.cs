using System.Collections.Immutable;
using HybridLsp.Syntax.C.Interop;

namespace HybridLsp.Syntax.C;

/// <summary>Turns libclang types into <see cref="CType"/>: typedef names kept for display, the canonical shape and the target's size and alignment.</summary>
internal sealed unsafe class TypeReader(ClangSession session, CLanguage language)
{
    private const int MaxDepth = 24;


    // A CXType is (kind, QualType pointer, translation unit): equal values are the same type, so each distinct type
    // is read once per translation unit. Public headers repeat a few types thousands of times.
    private readonly Dictionary<(int, IntPtr, IntPtr), CType> _cache = [];

    public CType Read(CXType type, int depth = 0)
    {
        var key = (type.Kind, type.Data0, type.Data1);
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        var result = ReadCore(type, depth);
        if (depth <= MaxDepth)
            _cache[key] = result;
        return result;
    }

    /// <summary>
    /// How a type is shown: in C, clang spells <c>bool</c> from &lt;stdbool.h&gt; as the keyword it expands to, <c>_Bool</c>;
    /// users write <c>bool</c> (and C23 made it the keyword), so messages say <c>bool</c>.
    /// </summary>
    private string Display(string spelling)
    {
        if (language != CLanguage.C || !spelling.Contains("_Bool", StringComparison.Ordinal))
            return spelling;
        var builder = new System.Text.StringBuilder(spelling.Length);
        for (var i = 0; i < spelling.Length; i++)
        {
            if (string.CompareOrdinal(spelling, i, "_Bool", 0, 5) == 0
                && (i == 0 || !IsIdentifierChar(spelling[i - 1])) && (i + 5 >= spelling.Length || !IsIdentifierChar(spelling[i + 5])))
            {
                builder.Append("bool");
                i += 4;
            }
            else
            {
                builder.Append(spelling[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>The last component of a qualified name (<c>std::int64_t</c> → <c>int64_t</c>, qualifiers dropped); null for any other spelling.</summary>
    private static string? UsingName(string spelling)
    {
        var words = spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("const" or "volatile")).ToArray();
        if (words.Length != 1)
            return null;
        var name = words[0][(words[0].LastIndexOf(':') + 1)..];
        return name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(IsIdentifierChar) && words[0].Replace("::", "").All(IsIdentifierChar) ? name : null;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private CType ReadCore(CXType type, int depth)
    {
        var api = session.Api;
        var spelling = Display(session.Spelling(type));
        var isConst = api.IsConstQualifiedType(type) != 0;
        if (depth > MaxDepth)
            return new CType(CTypeKind.Unknown, spelling, -1, -1);

        // Look through sugar (typedefs, elaborated `struct x`, attributes), remembering the typedef names.
        var chain = ImmutableArray.CreateBuilder<string>();
        var invalid = false;
        var current = type;
        for (var guard = 0; guard < 64; guard++)
        {
            if (current.Kind == TypeKind.Typedef)
            {
                var declaration = api.GetTypeDeclaration(current);
                chain.Add(Display(session.Spelling(declaration)));
                invalid |= api.IsInvalidDeclaration(declaration) != 0;
                current = api.GetTypedefDeclUnderlyingType(declaration);
            }
            else if (current.Kind == TypeKind.Elaborated)
            {
                current = api.TypeGetNamedType(current);
            }
            else if (current.Kind == TypeKind.Attributed)
            {
                current = api.TypeGetModifiedType(current);
            }
            else if (current.Kind == TypeKind.Unexposed)
            {
                // A C++ using-declaration of a typedef (`namespace std { using ::int64_t; }`, as <cstdint> writes it) is a
                // UsingType, which libclang neither exposes nor gives a declaration for; it is spelled as the name it brings
                // in (`std::int64_t`). For builtin types that name is kept (fixed-width and platform-dependent typedefs are
                // recognised by it); the shape is the canonical type's.
                var canonical = api.GetCanonicalType(current);
                if (BuiltinKind(canonical.Kind) != CTypeKind.Unknown && UsingName(session.Spelling(current)) is { } name)
                    chain.Add(name);
                current = canonical;
                break;
            }
            else
            {
                break;
            }
        }
        isConst |= api.IsConstQualifiedType(current) != 0;
        if (current.Kind is TypeKind.Unexposed or TypeKind.Invalid)
            current = api.GetCanonicalType(current);

        var size = api.TypeGetSizeOf(type);
        var align = api.TypeGetAlignOf(type);
        var kind = BuiltinKind(current.Kind);
        var result = new CType(kind, spelling, size < 0 ? -1 : size, align < 0 ? -1 : align)
        {
            TypedefChain = chain.ToImmutable(),
            IsConst = isConst,
            IsSigned = IsSignedKind(current.Kind),
            IsInvalid = invalid,
        };

        switch (current.Kind)
        {
            case TypeKind.Pointer:
            case TypeKind.LValueReference:
            case TypeKind.RValueReference:
            case TypeKind.BlockPointer:
            {
                var pointee = api.GetPointeeType(current);
                var function = StripSugar(pointee);
                if (current.Kind == TypeKind.Pointer && function.Kind is TypeKind.FunctionProto or TypeKind.FunctionNoProto)
                {
                    var signature = Signature(function, depth);
                    return result with { Kind = CTypeKind.FunctionPointer, Function = signature, IsInvalid = invalid || signature.IsInvalid };
                }
                var target = Read(pointee, depth + 1);
                return result with { Kind = current.Kind == TypeKind.Pointer ? CTypeKind.Pointer : current.Kind == TypeKind.BlockPointer ? CTypeKind.Other : CTypeKind.Reference, Pointee = target, IsInvalid = invalid || target.IsInvalid };
            }
            case TypeKind.ConstantArray:
            case TypeKind.IncompleteArray:
            case TypeKind.VariableArray:
            {
                var element = Read(api.GetArrayElementType(current), depth + 1);
                return result with { Kind = CTypeKind.Array, Element = element, ArrayLength = current.Kind == TypeKind.ConstantArray ? api.GetArraySize(current) : -1, IsInvalid = invalid || element.IsInvalid };
            }
            case TypeKind.Record:
            {
                var declaration = api.GetTypeDeclaration(current);
                return result with { Kind = CTypeKind.Record, DeclarationName = DeclarationName(declaration, chain), IsInvalid = invalid || api.IsInvalidDeclaration(declaration) != 0 };
            }
            case TypeKind.Enum:
            {
                var declaration = api.GetTypeDeclaration(current);
                return result with { Kind = CTypeKind.Enum, DeclarationName = DeclarationName(declaration, chain), EnumIntegerType = Read(api.GetEnumDeclIntegerType(declaration), depth + 1), IsInvalid = invalid || api.IsInvalidDeclaration(declaration) != 0 };
            }
            case TypeKind.FunctionProto:
            case TypeKind.FunctionNoProto:
            {
                var signature = Signature(current, depth);
                return result with { Kind = CTypeKind.Function, Function = signature, IsInvalid = invalid || signature.IsInvalid };
            }
            default:
                return result;
        }
    }

    public CFunctionSignature Signature(CXType function, int depth)
    {
        var api = session.Api;
        var count = function.Kind == TypeKind.FunctionProto ? Math.Max(0, api.GetNumArgTypes(function)) : 0;
        var parameters = ImmutableArray.CreateBuilder<CType>(count);
        for (var i = 0; i < count; i++)
            parameters.Add(Read(api.GetArgType(function, (uint)i), depth + 1));
        return new CFunctionSignature(
            Read(api.GetResultType(function), depth + 1),
            parameters.MoveToImmutable(),
            CallingConvention(api.GetFunctionTypeCallingConv(function)),
            function.Kind == TypeKind.FunctionProto && api.IsFunctionTypeVariadic(function) != 0);
    }

    private CXType StripSugar(CXType type)
    {
        var api = session.Api;
        for (var guard = 0; guard < 64; guard++)
        {
            if (type.Kind == TypeKind.Typedef)
                type = api.GetTypedefDeclUnderlyingType(api.GetTypeDeclaration(type));
            else if (type.Kind == TypeKind.Elaborated)
                type = api.TypeGetNamedType(type);
            else if (type.Kind == TypeKind.Attributed)
                type = api.TypeGetModifiedType(type);
            else if (type.Kind == TypeKind.Unexposed)
                return api.GetCanonicalType(type);
            else
                return type;
        }
        return type;
    }

    // An anonymous record named only by a typedef (`typedef struct { … } T;`) is known by that typedef name.
    private string DeclarationName(CXCursor declaration, ImmutableArray<string>.Builder chain)
    {
        if (session.Api.CursorIsAnonymous(declaration) == 0)
            return session.Spelling(declaration);
        return chain.Count > 0 ? chain[^1] : "";
    }

    internal static CCallingConvention CallingConvention(int value) => value switch
    {
        0 or 1 => CCallingConvention.C,
        2 => CCallingConvention.StdCall,
        3 => CCallingConvention.FastCall,
        4 => CCallingConvention.ThisCall,
        6 => CCallingConvention.Aapcs,
        7 => CCallingConvention.AapcsVfp,
        8 => CCallingConvention.RegCall,
        10 => CCallingConvention.Win64,
        11 => CCallingConvention.SysV,
        12 => CCallingConvention.VectorCall,
        13 => CCallingConvention.Swift,
        16 => CCallingConvention.AArch64VectorCall,
        100 or 200 => CCallingConvention.Unknown,
        _ => CCallingConvention.Other,
    };

    private static CTypeKind BuiltinKind(int kind) => kind switch
    {
        TypeKind.Void => CTypeKind.Void,
        TypeKind.Bool => CTypeKind.Bool,
        TypeKind.CharU or TypeKind.CharS => CTypeKind.Char,
        TypeKind.SChar => CTypeKind.SChar,
        TypeKind.UChar => CTypeKind.UChar,
        TypeKind.Short => CTypeKind.Short,
        TypeKind.UShort => CTypeKind.UShort,
        TypeKind.Int => CTypeKind.Int,
        TypeKind.UInt => CTypeKind.UInt,
        TypeKind.Long => CTypeKind.Long,
        TypeKind.ULong => CTypeKind.ULong,
        TypeKind.LongLong => CTypeKind.LongLong,
        TypeKind.ULongLong => CTypeKind.ULongLong,
        TypeKind.Int128 => CTypeKind.Int128,
        TypeKind.UInt128 => CTypeKind.UInt128,
        TypeKind.Half or TypeKind.Float16 => CTypeKind.Half,
        TypeKind.Float => CTypeKind.Float,
        TypeKind.Double => CTypeKind.Double,
        TypeKind.LongDouble => CTypeKind.LongDouble,
        TypeKind.WChar => CTypeKind.WChar,
        TypeKind.Char16 => CTypeKind.Char16,
        TypeKind.Char32 => CTypeKind.Char32,
        TypeKind.NullPtr => CTypeKind.NullPtr,
        TypeKind.Complex or TypeKind.Vector or TypeKind.Atomic or TypeKind.MemberPointer or TypeKind.Float128 => CTypeKind.Other,
        _ => CTypeKind.Unknown,
    };

    private static bool IsSignedKind(int kind) => kind is TypeKind.CharS or TypeKind.SChar or TypeKind.Short or TypeKind.Int or TypeKind.Long or TypeKind.LongLong or TypeKind.Int128;
}
