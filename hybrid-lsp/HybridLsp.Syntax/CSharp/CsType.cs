using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CSharp;

// The C# type syntax of interop declarations, read without a compilation. Names the extractor cannot
// classify stay CsNamedType and are resolved by the semantics layer against the project's declarations.

public enum CsPrimitive
{
    Void, Bool, Char, SByte, Byte, Short, UShort, Int, UInt, Long, ULong, NInt, NUInt, Float, Double, Decimal, String, Object,
}

public abstract record CsType(TextSpan Span)
{
    public abstract string Display { get; }
}

/// <summary>A C# keyword type or its System.* name (`int`, `System.Int32`, `nint`, `IntPtr` is NOT here: it is CsNamedType "IntPtr").</summary>
public sealed record CsPrimitiveType(TextSpan Span, CsPrimitive Kind) : CsType(Span)
{
    public override string Display => Kind switch
    {
        CsPrimitive.NInt => "nint",
        CsPrimitive.NUInt => "nuint",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>Any other named type, with namespace/alias qualifiers as written (`IntPtr`, `CLong`, `Span&lt;int&gt;`, `MyNs.Point`, `SafeFileHandle`).</summary>
public sealed record CsNamedType(TextSpan Span, string Name, ImmutableArray<string> Qualifiers, ImmutableArray<CsType> TypeArguments) : CsType(Span)
{
    public override string Display =>
        string.Concat(Qualifiers.Select(q => q + ".")) + Name
        + (TypeArguments.IsDefaultOrEmpty ? "" : "<" + string.Join(", ", TypeArguments.Select(t => t.Display)) + ">");
}

public sealed record CsPointerType(TextSpan Span, CsType Pointee) : CsType(Span)
{
    public override string Display => Pointee.Display + "*";
}

public sealed record CsArrayType(TextSpan Span, CsType Element, int Rank) : CsType(Span)
{
    public override string Display => Element.Display + "[" + new string(',', Rank - 1) + "]";
}

/// <summary>`T?` on a value type (`int?`); never blittable.</summary>
public sealed record CsNullableType(TextSpan Span, CsType Underlying) : CsType(Span)
{
    public override string Display => Underlying.Display + "?";
}

public sealed record CsFunctionPointerParameter(CsRefKind RefKind, CsType Type);

/// <summary>`delegate* unmanaged[Cdecl, SuppressGCTransition]&lt;int, int&gt;`; the last type argument is the return.</summary>
/// <param name="IsUnmanaged">`unmanaged` was written (a managed `delegate*` cannot cross to native code).</param>
/// <param name="CallingConventions">The names in brackets, without the `CallConv` prefix (`Cdecl`, `Stdcall`, `SuppressGCTransition`).</param>
public sealed record CsFunctionPointerType(TextSpan Span, bool IsUnmanaged, ImmutableArray<string> CallingConventions, ImmutableArray<CsFunctionPointerParameter> Parameters, CsType Return) : CsType(Span)
{
    public override string Display =>
        "delegate*" + (IsUnmanaged ? " unmanaged" + (CallingConventions.IsDefaultOrEmpty ? "" : "[" + string.Join(", ", CallingConventions) + "]") : "")
        + "<" + string.Join(", ", Parameters.Select(p => (p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.Display).Append(Return.Display)) + ">";
}

/// <summary>A type the extractor could not read (tuples, `dynamic`, errors).</summary>
public sealed record CsUnknownType(TextSpan Span, string Text) : CsType(Span)
{
    public override string Display => Text;
}
