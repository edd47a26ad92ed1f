using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CSharp;

// The interop declarations of one C# file. One file for the records: they are read together.

public enum CsRefKind { None, Ref, Out, In, RefReadonly }

public enum CsImportKind { DllImport, LibraryImport }

/// <summary>System.Runtime.InteropServices.CharSet; Unspecified when not written.</summary>
public enum CsCharSet { Unspecified, None, Ansi, Unicode, Auto }

/// <summary>StringMarshalling of [LibraryImport]; Unspecified when not written.</summary>
public enum CsStringMarshalling { Unspecified, Custom, Utf8, Utf16 }

/// <summary>System.Runtime.InteropServices.CallingConvention; Unspecified when not written.</summary>
public enum CsCallingConvention { Unspecified, Winapi, Cdecl, StdCall, ThisCall, FastCall }

/// <summary>
/// A value in an attribute argument or a constant initializer as written: a literal, a reference to a constant
/// (`Lib`, `NativeLib.Name`, `nameof(X)` is folded to its literal), or a `+` concatenation of those.
/// </summary>
public abstract record CsValue(TextSpan Span)
{
    public sealed record Literal(TextSpan Span, object? Value) : CsValue(Span);
    /// <summary>A (possibly qualified) name of a constant: ["NativeMethods", "LibName"] or ["LibName"].</summary>
    public sealed record ConstantReference(TextSpan Span, ImmutableArray<string> Name) : CsValue(Span);
    public sealed record Concat(TextSpan Span, CsValue Left, CsValue Right) : CsValue(Span);
    /// <summary>`A | B` of enum flags or integers.</summary>
    public sealed record BitOr(TextSpan Span, CsValue Left, CsValue Right) : CsValue(Span);
    public sealed record Unsupported(TextSpan Span, string Text) : CsValue(Span);
    /// <summary>`A &lt;&lt; B` where an operand is not a literal (literal shifts are folded to <see cref="Literal"/>).</summary>
    public sealed record Shift(TextSpan Span, CsValue Left, CsValue Right) : CsValue(Span);
}

/// <summary>`[MarshalAs(UnmanagedType.X, …)]`; <see cref="UnmanagedType"/> is the member name ("Bool", "I1", "LPStr", "LPUTF8Str", "LPArray", "FunctionPtr", "ByValArray"…) or the number as text.</summary>
public sealed record CsMarshalAs(TextSpan Span, string UnmanagedType, string? ArraySubType, int? SizeConst, int? SizeParamIndex);

/// <summary>Attributes that change how one parameter, return value or field is marshalled.</summary>
/// <param name="HasCustomMarshaller">`[MarshalUsing]` — the marshalling is user code: rules stay silent.</param>
public sealed record CsMarshalInfo(CsMarshalAs? MarshalAs, bool HasCustomMarshaller, bool InAttribute, bool OutAttribute)
{
    public static readonly CsMarshalInfo None = new(null, false, false, false);
}

public sealed record CsParameter(string Name, TextSpan NameSpan, CsRefKind RefKind, CsType Type, CsMarshalInfo Marshal, bool IsParams, bool IsThis);

/// <summary>A `[DllImport]`/`[LibraryImport]` method. Spans point into the file it was extracted from.</summary>
/// <param name="Container">The namespace-qualified containing type (`Demo.Native`, nested types as `Outer.Inner`).</param>
/// <param name="ContainerSimpleName">The simple name of the innermost containing type (`Native`), for matching qualified call sites.</param>
/// <param name="Library">The library argument as written; resolved against constants by the semantics layer.</param>
/// <param name="EntryPoint">`EntryPoint = …` as written, null when absent.</param>
/// <param name="UnmanagedCallConvs">Types named by `[UnmanagedCallConv(CallConvs = new[] { typeof(CallConvX) })]` without the `CallConv` prefix; default when absent.</param>
/// <param name="SuppressedCodes">Rule codes disabled by `#pragma warning disable` at the declaration.</param>
public sealed record CsExternMethod(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string Container, string ContainerSimpleName,
    CsImportKind Kind, TextSpan AttributeSpan, CsValue Library, CsValue? EntryPoint,
    CsCharSet CharSet, CsCallingConvention CallingConvention, bool? SetLastError, bool? ExactSpelling,
    CsStringMarshalling StringMarshalling, CsType? StringMarshallingCustomType,
    CsType ReturnType, CsMarshalInfo ReturnMarshal, ImmutableArray<CsParameter> Parameters, TextSpan ParameterListSpan,
    ImmutableArray<string> UnmanagedCallConvs, bool IsPartial, bool IsStatic,
    ImmutableArray<string> SuppressedCodes);

/// <summary>`[StructLayout(LayoutKind.X, Pack = n, Size = n, CharSet = …)]` as written; LayoutKind is "Sequential", "Explicit", "Auto" or null when no attribute.</summary>
public sealed record CsStructLayout(string? LayoutKind, int? Pack, int? Size, CsCharSet CharSet);

/// <param name="FieldOffset">`[FieldOffset(n)]`.</param>
/// <param name="FixedBufferLength">`fixed T name[n]` — n when it is a literal or constant-foldable, else null with <see cref="IsFixedBuffer"/> true.</param>
public sealed record CsField(string Name, TextSpan NameSpan, CsType Type, CsMarshalInfo Marshal, int? FieldOffset, bool IsFixedBuffer, int? FixedBufferLength);

/// <summary>A struct or class with its instance fields in declaration order (static and const fields left out).</summary>
/// <param name="HasNativeMarshalling">`[NativeMarshalling]` — custom: rules stay silent.</param>
public sealed record CsStruct(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string FullName, bool IsClass, bool IsRecord,
    CsStructLayout Layout, bool HasNativeMarshalling, string? BaseTypeName, ImmutableArray<CsField> Fields, ImmutableArray<string> SuppressedCodes);

public sealed record CsEnumMember(string Name, TextSpan NameSpan, CsValue? Value);

/// <summary>An enum; <see cref="Underlying"/> is Int when not written.</summary>
public sealed record CsEnum(string Name, TextSpan NameSpan, TextSpan FullSpan, string FullName, CsPrimitive Underlying, ImmutableArray<CsEnumMember> Members, bool IsFlags, ImmutableArray<string> SuppressedCodes);

/// <summary>A delegate type; <see cref="UnmanagedFunctionPointer"/> is the `[UnmanagedFunctionPointer(CallingConvention.X)]` value when present.</summary>
public sealed record CsDelegate(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string FullName, CsCallingConvention? UnmanagedFunctionPointer,
    CsType ReturnType, CsMarshalInfo ReturnMarshal, ImmutableArray<CsParameter> Parameters);

/// <summary>A class with a base type, kept so `SafeHandle`-derived types can be recognised across files.</summary>
public sealed record CsClass(string Name, string FullName, TextSpan NameSpan, string? BaseTypeName);

/// <summary>`const` field (or local const in a type) with its initializer.</summary>
public sealed record CsConstant(string Name, string ContainerFullName, string ContainerSimpleName, TextSpan NameSpan, CsValue Value);

/// <summary>An invocation `Name(...)` or `Qualifier.Name(...)`: call-site candidates, filtered by the semantics layer.</summary>
/// <param name="Qualifier">The expression before the last dot as written (`Native`, `Demo.Native`), null for a simple name.</param>
/// <param name="EnclosingType">The namespace-qualified type the call is in (resolves simple-name calls).</param>
public sealed record CsInvocation(string Name, TextSpan NameSpan, string? Qualifier, string EnclosingType);

/// <summary>Everything the extractor found in one C# file.</summary>
/// <param name="DisableRuntimeMarshalling">`[assembly: DisableRuntimeMarshalling]` appears in this file.</param>
/// <param name="UsingAliases">`using X = Y;` aliases: alias → target type name as written.</param>
public sealed record CsFileSyntax(
    ImmutableArray<CsExternMethod> Externs,
    ImmutableArray<CsStruct> Structs,
    ImmutableArray<CsEnum> Enums,
    ImmutableArray<CsDelegate> Delegates,
    ImmutableArray<CsClass> Classes,
    ImmutableArray<CsConstant> Constants,
    ImmutableArray<CsInvocation> Invocations,
    bool DisableRuntimeMarshalling,
    ImmutableDictionary<string, string> UsingAliases,
    ImmutableArray<SyntaxError> Errors)
{
    /// <summary>Every HL code of an active `#pragma warning disable` with its scope (to its `restore` or the end of the file).</summary>
    public ImmutableArray<Suppressions.Suppression> Suppressions { get; init; } = [];

    private HashSet<string>? _invokedNames;

    /// <summary>The distinct names of <see cref="Invocations"/> (computed on first use; the syntax is immutable).</summary>
    public IReadOnlySet<string> InvokedNames
    {
        get
        {
            if (_invokedNames is { } names)
                return names;
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var invocation in Invocations)
                names.Add(invocation.Name);
            return _invokedNames = names;
        }
    }

    // Equality stays that of the extracted content: the cache above is not part of it.
    public bool Equals(CsFileSyntax? other) => ReferenceEquals(this, other) || other is not null
        && Externs == other.Externs && Structs == other.Structs && Enums == other.Enums && Delegates == other.Delegates
        && Classes == other.Classes && Constants == other.Constants && Invocations == other.Invocations
        && DisableRuntimeMarshalling == other.DisableRuntimeMarshalling && UsingAliases == other.UsingAliases && Errors == other.Errors
        && Suppressions == other.Suppressions;

    public override int GetHashCode() => HashCode.Combine(Externs, Structs, Enums, Invocations, Errors);
}
