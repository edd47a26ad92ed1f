using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>A place in a file. Line and column are 1-based as clang reports them (column in bytes).</summary>
/// <param name="File">The file's path as libclang knows it.</param>
/// <param name="Span">UTF-16 span of the text for workspace files; byte offsets for other files.</param>
public sealed record CSourceSpan(string File, TextSpan Span, int Line, int Column);

/// <summary>clang's diagnostic severities.</summary>
public enum CSeverity { Ignored, Note, Warning, Error, Fatal }

/// <summary>One clang diagnostic; <see cref="Location"/> is null for diagnostics about the command line.</summary>
public sealed record CDiagnostic(CSeverity Severity, string Message, CSourceSpan? Location);

/// <summary>Which symbol name a function gets: a plain C name, or a C++ mangled one.</summary>
public enum CLinkage { C, Cxx }

/// <summary>ELF/Mach-O symbol visibility as clang computes it (attributes, pragmas and -fvisibility included).</summary>
public enum CVisibility { Unknown, Hidden, Protected, Default }

/// <summary>The calling convention of a function type as clang resolves it for the target.</summary>
public enum CCallingConvention { Unknown, C, StdCall, FastCall, ThisCall, VectorCall, Win64, SysV, Aapcs, AapcsVfp, AArch64VectorCall, RegCall, Swift, Other }

/// <summary>A function declared or defined in a workspace file.</summary>
/// <param name="Name">The identifier (after macro expansion: a token-pasted name is the pasted result).</param>
/// <param name="QualifiedName">With enclosing C++ namespaces (ns::name); equals Name in C.</param>
/// <param name="NameSpan">Where the name is; for a name produced by a macro, where the macro is used.</param>
/// <param name="FullSpan">The whole declaration, return type through body.</param>
/// <param name="IsDefinition">True when this occurrence has a body.</param>
/// <param name="IsStatic">Declared <c>static</c> (internal linkage: never exported).</param>
/// <param name="Linkage">C name, or C++ mangled name (<see cref="MangledName"/>).</param>
/// <param name="MangledName">The symbol as the target's object file spells it (clang_Cursor_getMangling): includes the Mach-O leading underscore and Windows x86 decorations.</param>
/// <param name="EntryPoint">The name a P/Invoke EntryPoint must use: Name for C linkage, the mangled name without the Mach-O underscore for C++.</param>
/// <param name="Visibility">Symbol visibility for ELF/Mach-O targets.</param>
/// <param name="IsDllExport"><c>__declspec(dllexport)</c> (or the attribute form) is on the declaration.</param>
/// <param name="IsDllImport"><c>__declspec(dllimport)</c> is on the declaration.</param>
/// <param name="IsVariadic">Takes <c>...</c>.</param>
/// <param name="CallingConvention">As resolved for the target (stdcall only means something on x86).</param>
/// <param name="ReturnType">The return type.</param>
/// <param name="Parameters">The parameters in order.</param>
public sealed record CFunction(
    string Name,
    string QualifiedName,
    CSourceSpan NameSpan,
    CSourceSpan FullSpan,
    bool IsDefinition,
    bool IsStatic,
    CLinkage Linkage,
    string MangledName,
    string EntryPoint,
    CVisibility Visibility,
    bool IsDllExport,
    bool IsDllImport,
    bool IsVariadic,
    CCallingConvention CallingConvention,
    CType ReturnType,
    ImmutableArray<CParameter> Parameters)
{
    /// <summary>
    /// clang declared it with errors, or its return or a parameter type is <see cref="CType.IsInvalid"/>: its signature is a
    /// recovery guess (a header missing for a foreign target, an unknown type name), not what the compiler would build.
    /// </summary>
    public bool IsInvalid { get; init; }

    /// <summary>
    /// Its unit left the signature to the public headers' unit, which reports the function's first declaration
    /// (<see cref="CParseRequest.OmitDeclarationsFrom"/>): <see cref="ReturnType"/> is <see cref="CType.Omitted"/> and
    /// <see cref="Parameters"/> is empty. Such an occurrence (a source's definition) says where and how the function is
    /// defined, never what its signature is; a unit parsed with <see cref="CParseRequest.ReadAllSignatures"/>, or with
    /// errors, reads it.
    /// </summary>
    public bool SignatureOmitted { get; init; }
}

/// <summary>A function parameter; Name is empty when the declaration does not name it.</summary>
public sealed record CParameter(string Name, CType Type, CSourceSpan? NameSpan);

/// <summary>struct, union or C++ class.</summary>
public enum CRecordKind { Struct, Union, Class }

/// <summary>A struct, union or class with its layout for the parse's target.</summary>
/// <param name="Name">The tag name; for <c>typedef struct { … } T;</c> the typedef name; empty when anonymous.</param>
/// <param name="QualifiedName">With enclosing C++ namespaces and records.</param>
/// <param name="IsComplete">False for a forward declaration never defined in this translation unit (opaque type).</param>
/// <param name="Size">sizeof in bytes; -1 when incomplete.</param>
/// <param name="Align">alignof in bytes; -1 when incomplete.</param>
/// <param name="IsPacked"><c>__attribute__((packed))</c> is on the record (a <c>#pragma pack</c> shows only through the offsets and alignment).</param>
/// <param name="HasBitFields">At least one field is a bitfield: its layout is compiler-specific and must not be guessed.</param>
/// <param name="Fields">Fields in declaration order; members of anonymous structs and unions are listed in place with their offsets in the enclosing record.</param>
public sealed record CRecord(
    string Name,
    string QualifiedName,
    CRecordKind Kind,
    CSourceSpan NameSpan,
    bool IsComplete,
    long Size,
    long Align,
    bool IsPacked,
    bool HasBitFields,
    ImmutableArray<CField> Fields)
{
    /// <summary>clang declared it with errors, or a field's type is <see cref="CType.IsInvalid"/>: its layout is a recovery guess.</summary>
    public bool IsInvalid { get; init; }
}

/// <summary>A field with its offset in bits from the start of the enclosing record.</summary>
public sealed record CField(string Name, CType Type, long OffsetInBits, bool IsBitField, int BitWidth, CSourceSpan NameSpan);

/// <summary>An enum (C, C++ unscoped or <c>enum class</c>) with its underlying integer type.</summary>
public sealed record CEnum(string Name, string QualifiedName, CSourceSpan NameSpan, bool IsScoped, CType IntegerType, ImmutableArray<CEnumConstant> Constants);

/// <summary>An enumerator with its value (exact for every underlying type up to 64 bits, signed or not).</summary>
public sealed record CEnumConstant(string Name, Int128 Value, CSourceSpan NameSpan);

/// <summary>A typedef or alias declaration; a function-pointer typedef has <see cref="CTypeKind.FunctionPointer"/> as its type's kind.</summary>
public sealed record CTypedef(string Name, string QualifiedName, CSourceSpan NameSpan, CType Type);
