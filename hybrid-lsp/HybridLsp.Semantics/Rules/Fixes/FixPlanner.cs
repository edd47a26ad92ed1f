using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Rules.Fixes;

/// <summary>
/// Decides whether a finding has a certain quick fix and what it is. Every method returns null unless the fix is
/// certain: the declaration is in a shape the edit understands and the result is right on every target.
/// </summary>
internal static partial class FixPlanner
{
    // Rust scalar names (last path segment) and the C# type with exactly the same size and sign on every target.
    private static readonly ImmutableDictionary<string, (string CsType, bool Interop)> s_exact = new Dictionary<string, (string, bool)>
    {
        ["i8"] = ("sbyte", false), ["u8"] = ("byte", false), ["i16"] = ("short", false), ["u16"] = ("ushort", false),
        ["i32"] = ("int", false), ["u32"] = ("uint", false), ["i64"] = ("long", false), ["u64"] = ("ulong", false),
        ["isize"] = ("nint", false), ["usize"] = ("nuint", false), ["f32"] = ("float", false), ["f64"] = ("double", false),
        ["c_schar"] = ("sbyte", false), ["c_uchar"] = ("byte", false), ["c_short"] = ("short", false), ["c_ushort"] = ("ushort", false),
        ["c_int"] = ("int", false), ["c_uint"] = ("uint", false), ["c_long"] = ("CLong", true), ["c_ulong"] = ("CULong", true),
        ["c_longlong"] = ("long", false), ["c_ulonglong"] = ("ulong", false), ["c_float"] = ("float", false), ["c_double"] = ("double", false),
        ["size_t"] = ("nuint", false), ["ssize_t"] = ("nint", false), ["intptr_t"] = ("nint", false), ["uintptr_t"] = ("nuint", false),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>A fix for a parameter (index ≥ 0) or return (-1) finding of a resolved binding.</summary>
    public static FindingFix? ForSignature(Binding.Binding binding, RuleDescriptor rule, int index, AbiType cs, AbiType native, bool onMember)
    {
        if (onMember || index < -1)
            return null;
        var method = binding.Method;
        var (csType, refKind, marshal) = index == -1
            ? (method.ReturnType, CsRefKind.None, method.ReturnMarshal)
            : (method.Parameters[index].Type, method.Parameters[index].RefKind, method.Parameters[index].Marshal);
        if (refKind != CsRefKind.None || marshal.HasCustomMarshaller || binding.Natives.IsEmpty && binding.CNatives.IsEmpty)
            return null;
        // Every variant of the export (cfg variants in Rust, per-target declarations in C) must declare the same type
        // here, or one edit cannot fit them all. The exact C# type for it, when there is one.
        (string CsType, bool Interop)? exactType;
        if (binding.CNatives.IsEmpty)
        {
            var nativeTypes = binding.Natives.Select(n => NativeType(n.Item, index)).ToList();
            if (nativeTypes.Any(t => t is null) || nativeTypes.Select(t => t!.Display).Distinct().Count() != 1)
                return null;
            exactType = nativeTypes[0] is RustPathType { GenericArgs.IsDefaultOrEmpty: true } path && s_exact.TryGetValue(path.Name, out var e) ? e : null;
        }
        else
        {
            var cTypes = binding.CNatives.Select(n => CNativeType(n.Declaration, index)).ToList();
            if (cTypes.Any(t => t is null) || cTypes.Select(t => t!.Spelling).Distinct().Count() != 1)
                return null;
            exactType = CExact(cTypes[0]!);
        }

        if (rule == RuleCatalog.BoolWidthMismatch)
        {
            if (csType is not CsPrimitiveType { Kind: CsPrimitive.Bool } || binding.Symbols.DisableRuntimeMarshalling || !SimpleMarshalAs(marshal))
                return null;
            var unmanaged = native switch
            {
                AbiBool { Bytes: 1 } or AbiInt { Bytes: 1 } => "U1",
                AbiInt { Bytes: 4, PlatformName: null } => "Bool",
                _ => null,
            };
            return unmanaged is null ? null
                : new MarshalAsFix(binding.Path, index == -1, csType.Span, method.AttributeSpan, marshal.MarshalAs?.Span, unmanaged);
        }

        if (rule == RuleCatalog.StringEncodingMismatch)
        {
            if (csType is not CsPrimitiveType { Kind: CsPrimitive.String } || cs is not AbiString { Encoding: not StringEncoding.Utf8 }
                || native is not AbiPointer { Pointee: { Size: 1 } } || !SimpleMarshalAs(marshal))
                return null;
            if (method.Kind == CsImportKind.LibraryImport && marshal.MarshalAs is null && method.StringMarshalling != CsStringMarshalling.Custom
                && !HasWideStringParameter(binding))
                return new StringMarshallingUtf8Fix(binding.Path, method.AttributeSpan);
            return new MarshalAsFix(binding.Path, index == -1, csType.Span, method.AttributeSpan, marshal.MarshalAs?.Span, "LPUTF8Str");
        }

        if (rule == RuleCatalog.TypeMismatch || rule == RuleCatalog.SignednessMismatch || rule == RuleCatalog.PlatformWidth)
        {
            if (marshal.MarshalAs is not null || cs is not (AbiInt or AbiFloat) || native is not (AbiInt or AbiFloat) || !IsScalarCsType(csType))
                return null;
            if (exactType is not { } exact)
                return null;
            if (csType.Display == exact.CsType || !SameAbi(exact.CsType, native))
                return null;
            return new ChangeTypeFix(binding.Path, csType.Span, exact.CsType, exact.Interop);
        }
        return null;
    }

    /// <summary>HL1001 with a suggestion: point the entry point at the closest export.</summary>
    public static FindingFix? ForMissingExport(Binding.Binding binding, string suggestion)
    {
        var method = binding.Method;
        return method.EntryPoint switch
        {
            null => new EntryPointFix(binding.Path, method.AttributeSpan, null, suggestion),
            CsValue.Literal { Value: string } literal => new EntryPointFix(binding.Path, method.AttributeSpan, literal.Span, suggestion),
            _ => null, // a constant may be shared: changing it is not certain
        };
    }

    /// <summary>HL2001: export the one Rust function the entry point names.</summary>
    public static FindingFix? ForNotExported(Binding.Binding binding)
    {
        if (binding.NotExported.Length != 1 || binding.Crate is not { } crate)
            return null;
        var hidden = binding.NotExported[0];
        var fn = hidden.Item;
        if (fn.HasGenerics || fn.IsAsync || fn.IsForeign || fn.IsVariadic || fn.NoMangle || fn.ExportName is not null)
            return null;
        var addExtern = fn.Abi is null;
        if (addExtern && fn.IsConst)
            return null;
        if (!addExtern && fn.Abi is not ("C" or "C-unwind" or "system" or "system-unwind"))
            return null;
        return new RustExportFix(hidden.Path, fn.FullSpan, fn.NameSpan, addExtern, crate.Manifest.Manifest.Edition, crate.ManifestPath);
    }

    /// <summary>HL0002: add `cdylib` to the crate's `crate-type`.</summary>
    public static FindingFix? ForNotCdylib(RustCrate crate)
    {
        var manifest = crate.Manifest.Manifest;
        if (!manifest.CrateTypes.IsEmpty)
            return new CdylibFix(crate.ManifestPath, manifest.CrateTypeSpan, null);
        return manifest.HasLibTable
            ? new CdylibFix(crate.ManifestPath, null, manifest.CrateTypeSpan) // the span is the [lib] header, or an empty/invalid value: the Ide checks the text
            : new CdylibFix(crate.ManifestPath, null, null);
    }

    /// <summary>The mapped Rust type agrees with what its name promises (a local `type c_long = i64;` does not).</summary>
    private static bool SameAbi(string csType, AbiType native) => (csType, native) switch
    {
        ("CLong", AbiInt { PlatformName: "c_long" or "long" }) => true,
        ("CULong", AbiInt { PlatformName: "c_ulong" or "unsigned long" }) => true,
        ("nint", AbiInt { PlatformName: "isize" or "ssize_t" or "intptr_t" or "ptrdiff_t" }) => true,
        ("nuint", AbiInt { PlatformName: "usize" or "size_t" or "uintptr_t" }) => true,
        ("sbyte", AbiInt { Bytes: 1, Signed: true, PlatformName: null }) => true,
        ("byte", AbiInt { Bytes: 1, Signed: false, PlatformName: null }) => true,
        ("short", AbiInt { Bytes: 2, Signed: true, PlatformName: null }) => true,
        ("ushort", AbiInt { Bytes: 2, Signed: false, PlatformName: null }) => true,
        ("int", AbiInt { Bytes: 4, Signed: true, PlatformName: null }) => true,
        ("uint", AbiInt { Bytes: 4, Signed: false, PlatformName: null }) => true,
        ("long", AbiInt { Bytes: 8, Signed: true, PlatformName: null }) => true,
        ("ulong", AbiInt { Bytes: 8, Signed: false, PlatformName: null }) => true,
        ("float", AbiFloat { Bytes: 4 }) => true,
        ("double", AbiFloat { Bytes: 8 }) => true,
        _ => false,
    };

    private static Syntax.C.CType? CNativeType(Syntax.C.CFunction fn, int index) =>
        index == -1 ? fn.ReturnType : index < fn.Parameters.Length ? fn.Parameters[index].Type : null;

    /// <summary>The C# type that is exactly a C scalar type on every target: by its fixed-width or platform typedef, else its kind.</summary>
    private static (string CsType, bool Interop)? CExact(Syntax.C.CType type)
    {
        foreach (var name in type.TypedefChain)
        {
            switch (name)
            {
                case "int8_t": return ("sbyte", false);
                case "uint8_t": return ("byte", false);
                case "int16_t": return ("short", false);
                case "uint16_t": return ("ushort", false);
                case "int32_t": return ("int", false);
                case "uint32_t": return ("uint", false);
                case "int64_t": return ("long", false);
                case "uint64_t": return ("ulong", false);
                case "size_t" or "uintptr_t": return ("nuint", false);
                case "ssize_t" or "intptr_t" or "ptrdiff_t": return ("nint", false);
            }
        }
        if (!type.TypedefChain.IsDefaultOrEmpty)
            return null; // a typedef of its own: its name says nothing certain about every target
        return type.Kind switch
        {
            Syntax.C.CTypeKind.SChar => ("sbyte", false),
            Syntax.C.CTypeKind.UChar => ("byte", false),
            Syntax.C.CTypeKind.Short => ("short", false),
            Syntax.C.CTypeKind.UShort => ("ushort", false),
            Syntax.C.CTypeKind.Int => ("int", false),
            Syntax.C.CTypeKind.UInt => ("uint", false),
            Syntax.C.CTypeKind.LongLong => ("long", false),
            Syntax.C.CTypeKind.ULongLong => ("ulong", false),
            Syntax.C.CTypeKind.Long => ("CLong", true),
            Syntax.C.CTypeKind.ULong => ("CULong", true),
            Syntax.C.CTypeKind.Float => ("float", false),
            Syntax.C.CTypeKind.Double => ("double", false),
            _ => null,
        };
    }

    private static RustType? NativeType(RustFunction fn, int index) =>
        index == -1 ? fn.Return : index < fn.Parameters.Length ? fn.Parameters[index].Type : null;

    private static bool SimpleMarshalAs(CsMarshalInfo marshal) =>
        marshal.MarshalAs is null or { ArraySubType: null, SizeConst: null, SizeParamIndex: null };

    private static bool IsScalarCsType(CsType type) => type switch
    {
        CsPrimitiveType p => p.Kind is CsPrimitive.SByte or CsPrimitive.Byte or CsPrimitive.Short or CsPrimitive.UShort or CsPrimitive.Int
            or CsPrimitive.UInt or CsPrimitive.Long or CsPrimitive.ULong or CsPrimitive.NInt or CsPrimitive.NUInt or CsPrimitive.Float or CsPrimitive.Double,
        CsNamedType n => n.TypeArguments.IsDefaultOrEmpty && n.Name is "CLong" or "CULong" or "IntPtr" or "UIntPtr"
            or "Int32" or "UInt32" or "Int64" or "UInt64" or "Int16" or "UInt16" or "Byte" or "SByte" or "Single" or "Double",
        _ => false,
    };

    /// <summary>Whether the export takes or returns a pointer to 2-byte units: StringMarshalling.Utf8 would break it.</summary>
    private static bool HasWideStringParameter(Binding.Binding binding)
    {
        if (binding.Natives.IsEmpty)
        {
            // C/C++: any pointer to a character type wider than a byte (wchar_t, char16_t, uint16_t…).
            static bool WideC(Syntax.C.CType? t) => t is { Kind: Syntax.C.CTypeKind.Pointer, Pointee: { Size: 2 or 4 } p }
                && p.Kind is Syntax.C.CTypeKind.WChar or Syntax.C.CTypeKind.Char16 or Syntax.C.CTypeKind.Char32 or Syntax.C.CTypeKind.UShort or Syntax.C.CTypeKind.Short
                    || t is { Kind: Syntax.C.CTypeKind.Pointer, Pointee.TypedefChain: var chain } && chain.Contains("wchar_t");
            var decl = binding.CNatives.IsEmpty ? null : binding.CNatives[0].Declaration;
            return decl is not null && (decl.Parameters.Any(p => WideC(p.Type)) || WideC(decl.ReturnType))
                || binding.Method.Parameters.Any(p => p.Type is CsPrimitiveType { Kind: CsPrimitive.Char } or CsNamedType { Name: "StringBuilder" });
        }
        var fn = binding.Natives[0].Item;
        static bool Wide(RustType? t) => t is RustPtrType { Pointee: RustPathType { Name: "u16" or "i16" or "c_ushort" or "c_short" or "wchar_t" } };
        return fn.Parameters.Any(p => Wide(p.Type)) || Wide(fn.Return)
            || binding.Method.Parameters.Any(p => p.Type is CsPrimitiveType { Kind: CsPrimitive.Char } or CsNamedType { Name: "StringBuilder" });
    }
}
