using System.Collections.Immutable;

namespace HybridLsp.Syntax.C;

/// <summary>The canonical shape of a C/C++ type (what is left once typedefs are looked through).</summary>
public enum CTypeKind
{
    Unknown,
    Void,
    /// <summary>C <c>_Bool</c> / C++ <c>bool</c>.</summary>
    Bool,
    /// <summary>Plain <c>char</c>; its signedness is <see cref="CType.IsSigned"/> (it differs per target).</summary>
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    /// <summary><c>long</c>: 4 bytes on Windows and 32-bit targets, 8 on 64-bit Unix.</summary>
    Long,
    ULong,
    LongLong,
    ULongLong,
    Int128,
    UInt128,
    Half,
    Float,
    Double,
    LongDouble,
    /// <summary><c>wchar_t</c> as a distinct type (C++); in C it is a typedef of an integer type (see the typedef chain).</summary>
    WChar,
    Char16,
    Char32,
    NullPtr,
    Pointer,
    /// <summary>C++ lvalue or rvalue reference (marshals like a pointer).</summary>
    Reference,
    /// <summary>Fixed-length or incomplete array; <see cref="CType.ArrayLength"/> is -1 when incomplete.</summary>
    Array,
    Record,
    Enum,
    /// <summary>A pointer to a function; <see cref="CType.Function"/> holds the signature.</summary>
    FunctionPointer,
    /// <summary>A function type that is not behind a pointer (a function typedef or a parameter adjusted later).</summary>
    Function,
    /// <summary>SIMD vector, complex, atomic and other types the binding rules treat as opaque.</summary>
    Other,
}

/// <summary>The signature of a function type.</summary>
public sealed record CFunctionSignature(CType ReturnType, ImmutableArray<CType> Parameters, CCallingConvention CallingConvention, bool IsVariadic)
{
    /// <summary>The return or a parameter type is <see cref="CType.IsInvalid"/>.</summary>
    public bool IsInvalid => ReturnType.IsInvalid || Parameters.Any(p => p.IsInvalid);
}

/// <summary>
/// A type with its size and alignment for the parse's target. <see cref="Spelling"/> is the type as written
/// (typedef names kept, for display); <see cref="Kind"/> and the rest describe the canonical type.
/// </summary>
/// <param name="Kind">The canonical kind.</param>
/// <param name="Spelling">The type as clang prints it, typedef names kept (e.g. <c>uint32_t</c>, <c>const char *</c>).</param>
/// <param name="Size">sizeof in bytes for the target; -1 for void, incomplete and function types.</param>
/// <param name="Align">alignof in bytes for the target; -1 when unknown.</param>
public sealed record CType(CTypeKind Kind, string Spelling, long Size, long Align)
{
    /// <summary>Typedef names from the outermost to the innermost (<c>u32 → uint32_t → __uint32_t</c>); empty when none.</summary>
    public ImmutableArray<string> TypedefChain { get; init; } = [];

    /// <summary>For integer kinds: whether the type is signed (answers plain <c>char</c> per target).</summary>
    public bool IsSigned { get; init; }

    /// <summary>The type is <c>const</c>-qualified at the top level.</summary>
    public bool IsConst { get; init; }

    /// <summary>Pointer and reference: what it points to (with its own constness).</summary>
    public CType? Pointee { get; init; }

    /// <summary>Array: the element type.</summary>
    public CType? Element { get; init; }

    /// <summary>Array: the number of elements, -1 when incomplete (<c>T[]</c>).</summary>
    public long ArrayLength { get; init; } = -1;

    /// <summary>Record and enum: the declared name (for an anonymous record named by a typedef, the typedef name).</summary>
    public string? DeclarationName { get; init; }

    /// <summary>Enum: its underlying integer type.</summary>
    public CType? EnumIntegerType { get; init; }

    /// <summary>FunctionPointer and Function: the signature.</summary>
    public CFunctionSignature? Function { get; init; }

    /// <summary>
    /// The type, or a typedef, record or enum it is written with, was declared with errors (typically a type from a system
    /// header missing for a foreign target): clang recovered with a guess (an unknown type name becomes <c>int</c>), so
    /// neither its kind nor its size is what the target's compiler would see.
    /// </summary>
    public bool IsInvalid { get; init; }

    /// <summary>Record: false when only forward-declared (an opaque handle type).</summary>
    public bool IsComplete => Size >= 0;

    /// <summary>
    /// The return type of a function whose signature its unit did not read (<see cref="CFunction.SignatureOmitted"/>): no
    /// type at all, not a guess.
    /// </summary>
    public static CType Omitted { get; } = new(CTypeKind.Unknown, "", -1, -1);

    public override string ToString() => Spelling;
}
