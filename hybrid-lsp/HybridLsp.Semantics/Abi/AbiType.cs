using System.Collections.Immutable;

namespace HybridLsp.Semantics.Abi;

// The one target-aware model both languages map into. A value is always for one target: sizes are concrete.
// One file for the closed hierarchy: the comparison code matches on all of it.

public enum Mutability { Unknown, Const, Mut }

public enum StringEncoding { Utf8, Utf16, Ansi }

public enum CallConv { C, StdCall, ThisCall, FastCall }

public abstract record AbiType
{
    /// <summary>The size in bytes on the target this value was mapped for; null when not known (unknown types, void).</summary>
    public abstract int? Size { get; }
}

public sealed record AbiVoid : AbiType
{
    public static readonly AbiVoid Instance = new();
    public override int? Size => null;
}

/// <summary>An integer. <see cref="PlatformName"/> names a platform-dependent source type (C `long`, `usize`, `nint`…) whose size varies by target.</summary>
public sealed record AbiInt(int Bytes, bool Signed, string? PlatformName = null) : AbiType
{
    public override int? Size => Bytes;
}

public sealed record AbiFloat(int Bytes) : AbiType
{
    public override int? Size => Bytes;
}

/// <summary>A boolean as passed: 1 byte (C/Rust bool, `MarshalAs(U1)`), 2 (VARIANT_BOOL) or 4 (Win32 BOOL).</summary>
public sealed record AbiBool(int Bytes) : AbiType
{
    public override int? Size => Bytes;
}

/// <summary>A character: C# `char` (2-byte UTF-16 unit, or 1-byte ANSI), Rust `char` (4-byte Unicode scalar).</summary>
public sealed record AbiChar(int Bytes, bool IsRustChar = false) : AbiType
{
    public override int? Size => Bytes;
}

/// <summary>
/// A pointer. <see cref="Pointee"/> null means opaque (`void*`, `IntPtr`, `SafeHandle`, `*mut c_void`): compatible with any pointer.
/// <see cref="Writes"/>: what the callee may do through it (Const = reads only; Mut = may write; Unknown = C# raw pointers, `ref`).
/// </summary>
/// <param name="ByRef">The C# side passes by reference (`ref`/`out`/`in`) rather than an explicit pointer type.</param>
/// <param name="RefKindText">"ref", "out", "in" for by-reference parameters (messages).</param>
public sealed record AbiPointer(AbiType? Pointee, Mutability Writes, bool ByRef = false, string? RefKindText = null, bool IsArray = false) : AbiType
{
    public override int? Size => null;
}

/// <summary>A managed string marshalled as a pointer to characters in an encoding.</summary>
/// <param name="IsBuffer">`StringBuilder` (a writable buffer) rather than `string`.</param>
public sealed record AbiString(StringEncoding Encoding, bool IsBuffer) : AbiType
{
    public override int? Size => null;
}

public sealed record AbiFunctionPointer(CallConv CallingConvention, ImmutableArray<AbiType> Parameters, AbiType Return, bool IsDelegate, bool Variadic = false) : AbiType
{
    public override int? Size => null;
}

/// <summary>A struct with its layout on one target (<see cref="StructLayout"/>).</summary>
public sealed record AbiStruct(string Name, StructLayout Layout) : AbiType
{
    public override int? Size => Layout.Size;
}

public sealed record AbiEnum(string Name, AbiInt Underlying, ImmutableArray<(string Name, long? Value)> Members) : AbiType
{
    public override int? Size => Underlying.Bytes;
}

/// <summary>An inline array inside a struct (`[T; N]`, `fixed T x[N]`, `ByValArray`).</summary>
public sealed record AbiArray(AbiType Element, int Count) : AbiType
{
    public override int? Size => Element.Size * Count;
}

/// <summary>A type whose ABI cannot be decided (custom marshaller, unresolved name, macro); rules stay silent on it.</summary>
public sealed record AbiUnknown(string Reason) : AbiType
{
    public override int? Size => null;
}

/// <summary>A Rust type without a defined C layout (`String`, `Vec`, `&amp;str`, slices, tuples, non-`repr(C)` types, `char`).</summary>
public sealed record AbiFfiUnsafe(string TypeText, string Reason) : AbiType
{
    public override int? Size => null;
}
