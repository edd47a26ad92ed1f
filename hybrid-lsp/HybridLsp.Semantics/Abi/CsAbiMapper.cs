using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Abi;

/// <summary>How strings, chars and bools of one declaration are marshalled (from its attributes and the assembly's).</summary>
public sealed record CsMarshalContext(CsImportKind Kind, CsCharSet CharSet, CsStringMarshalling StringMarshalling, bool DisableRuntimeMarshalling)
{
    public static CsMarshalContext For(CsExternMethod method, bool disableRuntimeMarshalling) =>
        new(method.Kind, method.CharSet, method.StringMarshalling, disableRuntimeMarshalling);
}

/// <summary>
/// Maps C# interop types to the ABI model for one target, applying .NET's marshalling rules: DllImport marshals `bool` as a
/// 4-byte Win32 BOOL and `char`/`string` by CharSet (ANSI by default: UTF-8 on Unix, the ANSI code page on Windows);
/// LibraryImport needs explicit marshalling for `bool`, `char` and `string`; `[assembly: DisableRuntimeMarshalling]`
/// makes `bool` 1 byte and `char` 2.
/// </summary>
public sealed class CsAbiMapper(CsSymbols symbols, TargetPlatform target)
{
    private const int MaxDepth = 12;

    // Each struct is laid out once per mapper (linked lists and trees of structs would otherwise cost exponential
    // time), and a struct reached again while it is being laid out (through a pointer) is an opaque pointee.
    private readonly Dictionary<(CsStruct, bool), AbiType> _structs = new(StructKeyComparer.Instance);
    private readonly HashSet<(CsStruct, bool)> _mapping = new(StructKeyComparer.Instance);

    private sealed class StructKeyComparer : IEqualityComparer<(CsStruct, bool)>
    {
        public static readonly StructKeyComparer Instance = new();
        public bool Equals((CsStruct, bool) x, (CsStruct, bool) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;
        public int GetHashCode((CsStruct, bool) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
    }

    public TargetPlatform Target => target;

    public AbiType MapReturn(CsExternMethod method, CsMarshalContext context) =>
        MapValue(method.ReturnType, method.ReturnMarshal, context, Namespace(method.Container), 0);

    public AbiType MapParameter(CsParameter parameter, CsMarshalContext context, string container)
    {
        var ns = Namespace(container);
        if (parameter.Marshal.HasCustomMarshaller)
            return new AbiUnknown("[MarshalUsing] custom marshaller");
        if (parameter.RefKind != CsRefKind.None)
        {
            var pointee = MapValue(parameter.Type, parameter.Marshal with { MarshalAs = null }, context, ns, 0);
            var writes = parameter.RefKind switch
            {
                CsRefKind.In or CsRefKind.RefReadonly => Mutability.Const,
                CsRefKind.Out => Mutability.Mut,
                _ => Mutability.Unknown,
            };
            return new AbiPointer(pointee, writes, ByRef: true, RefKindText: parameter.RefKind switch
            {
                CsRefKind.Ref => "ref",
                CsRefKind.Out => "out",
                CsRefKind.In => "in",
                _ => "ref readonly",
            });
        }
        return MapValue(parameter.Type, parameter.Marshal, context, ns, 0);
    }

    public AbiType MapField(CsField field, CsMarshalContext context, string ns) => MapField(field, context, ns, 1);

    private AbiType MapField(CsField field, CsMarshalContext context, string ns, int depth)
    {
        if (field.IsFixedBuffer)
        {
            return field.FixedBufferLength is { } n
                ? new AbiArray(MapValue(field.Type, CsMarshalInfo.None, context, ns, depth), n)
                : new AbiUnknown("fixed buffer length is not a constant");
        }
        if (field.Marshal.MarshalAs is { UnmanagedType: "ByValArray" } byVal && field.Type is CsArrayType array)
        {
            return byVal.SizeConst is { } count
                ? new AbiArray(MapValue(array.Element, CsMarshalInfo.None, context, ns, depth), count)
                : new AbiUnknown("ByValArray without SizeConst");
        }
        if (field.Marshal.MarshalAs is { UnmanagedType: "ByValTStr" } byValStr)
        {
            var unicode = context.CharSet == CsCharSet.Unicode || (context.CharSet == CsCharSet.Auto && target.IsWindows);
            return byValStr.SizeConst is { } count ? new AbiArray(new AbiChar(unicode ? 2 : 1), count) : new AbiUnknown("ByValTStr without SizeConst");
        }
        return MapValue(field.Type, field.Marshal, context, ns, depth);
    }

    /// <summary>
    /// The members' values: a member without <c>=</c> is the previous member's value plus one (the first is 0), as the C#
    /// compiler assigns them; after a value that cannot be evaluated the inferred ones are unknown (null) too.
    /// </summary>
    private ImmutableArray<(string Name, long? Value)> EnumValues(CsEnum e)
    {
        var values = ImmutableArray.CreateBuilder<(string Name, long? Value)>(e.Members.Length);
        long? previous = -1;
        foreach (var member in e.Members)
        {
            long? value = member.Value is null
                ? previous is { } p && p < long.MaxValue ? p + 1 : null
                : CsSymbols.ToLong(symbols.Evaluate(member.Value, e.FullName));
            values.Add((member.Name, value));
            previous = value;
        }
        return values.MoveToImmutable();
    }

    private AbiType MapValue(CsType type, CsMarshalInfo marshal, CsMarshalContext context, string? ns, int depth)
    {
        if (depth > MaxDepth)
            return new AbiUnknown("type nesting too deep");
        if (marshal.HasCustomMarshaller)
            return new AbiUnknown("[MarshalUsing] custom marshaller");
        if (marshal.MarshalAs is { } marshalAs && FromMarshalAs(marshalAs, type, context, ns, depth) is { } explicitType)
            return explicitType;

        switch (type)
        {
            case CsPrimitiveType p:
                return MapPrimitive(p.Kind, context);
            case CsPointerType ptr:
                return new AbiPointer(ptr.Pointee is CsPrimitiveType { Kind: CsPrimitive.Void } ? null : MapValue(ptr.Pointee, CsMarshalInfo.None, context with { DisableRuntimeMarshalling = true }, ns, depth + 1), Mutability.Unknown);
            case CsArrayType array:
                return new AbiPointer(MapValue(array.Element, CsMarshalInfo.None, context, ns, depth + 1), marshal.OutAttribute ? Mutability.Mut : Mutability.Unknown, IsArray: true);
            case CsNullableType:
                return new AbiUnknown("Nullable<T> is not marshallable");
            case CsFunctionPointerType fp:
                if (!fp.IsUnmanaged)
                    return new AbiUnknown("a managed function pointer cannot be called from native code");
                return new AbiFunctionPointer(
                    FunctionPointerConvention(fp.CallingConventions),
                    [.. fp.Parameters.Select(p => p.RefKind == CsRefKind.None
                        ? MapValue(p.Type, CsMarshalInfo.None, context with { DisableRuntimeMarshalling = true }, ns, depth + 1)
                        : new AbiPointer(MapValue(p.Type, CsMarshalInfo.None, context with { DisableRuntimeMarshalling = true }, ns, depth + 1), p.RefKind == CsRefKind.In ? Mutability.Const : Mutability.Unknown, true, p.RefKind.ToString().ToLowerInvariant()))],
                    MapValue(fp.Return, CsMarshalInfo.None, context with { DisableRuntimeMarshalling = true }, ns, depth + 1),
                    IsDelegate: false);
            case CsNamedType named:
                return MapNamed(named, context, ns, depth);
            default:
                return new AbiUnknown($"type '{type.Display}' is not understood");
        }
    }

    private AbiType MapPrimitive(CsPrimitive kind, CsMarshalContext context) => kind switch
    {
        CsPrimitive.Void => AbiVoid.Instance,
        CsPrimitive.Bool => context.DisableRuntimeMarshalling ? new AbiBool(1)
            : context.Kind == CsImportKind.LibraryImport ? new AbiUnknown("LibraryImport needs [MarshalAs] for bool (SYSLIB1051)")
            : new AbiBool(4),
        CsPrimitive.Char => context.DisableRuntimeMarshalling ? new AbiChar(2) : new AbiChar(IsUnicode(context) ? 2 : 1),
        CsPrimitive.SByte => new AbiInt(1, true),
        CsPrimitive.Byte => new AbiInt(1, false),
        CsPrimitive.Short => new AbiInt(2, true),
        CsPrimitive.UShort => new AbiInt(2, false),
        CsPrimitive.Int => new AbiInt(4, true),
        CsPrimitive.UInt => new AbiInt(4, false),
        CsPrimitive.Long => new AbiInt(8, true),
        CsPrimitive.ULong => new AbiInt(8, false),
        CsPrimitive.NInt => new AbiInt(target.PointerSize, true, "nint"),
        CsPrimitive.NUInt => new AbiInt(target.PointerSize, false, "nuint"),
        CsPrimitive.Float => new AbiFloat(4),
        CsPrimitive.Double => new AbiFloat(8),
        CsPrimitive.String => context.Kind == CsImportKind.LibraryImport && context.StringMarshalling is CsStringMarshalling.Unspecified
            ? new AbiUnknown("LibraryImport needs StringMarshalling or [MarshalAs] for string (SYSLIB1051)")
            : context.StringMarshalling == CsStringMarshalling.Custom ? new AbiUnknown("custom string marshalling")
            : new AbiString(StringEncodingOf(context), false),
        CsPrimitive.Decimal => new AbiUnknown("decimal is marshalled as DECIMAL/CURRENCY"),
        _ => new AbiUnknown($"'{kind.ToString().ToLowerInvariant()}' is marshalled as a COM variant or object"),
    };

    private AbiType MapNamed(CsNamedType named, CsMarshalContext context, string? ns, int depth)
    {
        var name = symbols.ResolveAlias(named.Name);
        switch (name)
        {
            case "IntPtr":
                return new AbiInt(target.PointerSize, true, "nint");
            case "UIntPtr":
                return new AbiInt(target.PointerSize, false, "nuint");
            case "CLong":
                return new AbiInt(target.CLongSize, true, "CLong");
            case "CULong":
                return new AbiInt(target.CLongSize, false, "CULong");
            case "NFloat":
                return new AbiFloat(target.PointerSize);
            case "HandleRef":
                return new AbiPointer(null, Mutability.Unknown);
            case "StringBuilder":
                return new AbiString(StringEncodingOf(context), true);
            case "Span" or "ReadOnlySpan" when named.TypeArguments.Length == 1:
                return new AbiPointer(MapValue(named.TypeArguments[0], CsMarshalInfo.None, context, ns, depth + 1), name == "ReadOnlySpan" ? Mutability.Const : Mutability.Unknown, IsArray: true);
            case "Boolean" or "Int32" or "UInt32" or "Int64" or "UInt64" or "Int16" or "UInt16" or "Byte" or "SByte" or "Single" or "Double" or "Char" or "String":
                break;
        }

        if (symbols.FindEnum(name, ns) is { } e)
        {
            var underlying = (AbiInt)MapPrimitive(e.Item.Underlying, context);
            return new AbiEnum(e.Item.Name, underlying, EnumValues(e.Item));
        }
        if (symbols.FindStruct(name, ns) is { } s)
            return s.Item.IsClass ? new AbiPointer(MapStruct(s.Item, context, depth + 1), Mutability.Unknown) : MapStruct(s.Item, context, depth + 1);
        if (symbols.FindDelegate(name, ns) is { } d)
            return MapDelegate(d.Item, context, depth + 1);
        if (symbols.IsSafeHandle(name))
            return new AbiPointer(null, Mutability.Unknown);
        return new AbiUnknown($"type '{named.Display}' is not declared in this project");
    }

    /// <summary>The layout of a C# struct as the marshaller copies it (or as it is, when blittable).</summary>
    public AbiType MapStruct(CsStruct s, CsMarshalContext outer, int depth = 0)
    {
        var key = (s, outer.DisableRuntimeMarshalling);
        if (_structs.TryGetValue(key, out var cached))
            return cached;
        if (!_mapping.Add(key))
            return new AbiUnknown($"struct '{s.Name}' contains itself through a pointer");
        try
        {
            var mapped = MapStructUncached(s, outer, depth);
            _structs[key] = mapped;
            return mapped;
        }
        finally
        {
            _mapping.Remove(key);
        }
    }

    private AbiType MapStructUncached(CsStruct s, CsMarshalContext outer, int depth)
    {
        if (s.HasNativeMarshalling)
            return new AbiUnknown("[NativeMarshalling] custom marshaller");
        if (depth > MaxDepth)
            return new AbiUnknown("struct nesting too deep");
        var kind = s.Layout.LayoutKind ?? (s.IsClass ? "Auto" : "Sequential");
        if (kind == "Auto")
            return new AbiStruct(s.Name, StructLayout.Unknown("LayoutKind.Auto has no defined layout and cannot be marshalled"));
        var context = outer with { CharSet = s.Layout.CharSet, StringMarshalling = CsStringMarshalling.Unspecified, Kind = CsImportKind.DllImport };
        var ns = Namespace(s.FullName);
        var fields = new List<LayoutCalculator.FieldInput>(s.Fields.Length);
        foreach (var field in s.Fields)
        {
            var type = MapField(field, context, ns ?? "", depth + 1);
            if (type is AbiStruct nested && nested.Layout.Unsupported is { } why)
                return new AbiStruct(s.Name, StructLayout.Unknown(why));
            fields.Add(new LayoutCalculator.FieldInput(field.Name, type, field.IsFixedBuffer ? $"fixed {field.Type.Display}[{field.FixedBufferLength}]" : field.Type.Display, field.FieldOffset));
        }
        var pack = s.Layout.Pack is > 0 ? s.Layout.Pack : null;
        var layout = kind == "Explicit"
            ? LayoutCalculator.Explicit(fields, pack, s.Layout.Size, target)
            : LayoutCalculator.Sequential(fields, pack, null, s.Layout.Size, target);
        return new AbiStruct(s.Name, layout);
    }

    public AbiFunctionPointer MapDelegate(CsDelegate d, CsMarshalContext context, int depth = 0)
    {
        var conv = d.UnmanagedFunctionPointer switch
        {
            CsCallingConvention.Cdecl => CallConv.C,
            CsCallingConvention.ThisCall => CallConv.ThisCall,
            CsCallingConvention.FastCall => CallConv.FastCall,
            CsCallingConvention.StdCall => CallConv.StdCall,
            // Winapi and no attribute: the platform default, stdcall on Windows x86.
            _ => target.IsWindows ? CallConv.StdCall : CallConv.C,
        };
        var ns = Namespace(d.FullName) ?? "";
        var delegateContext = context with { Kind = CsImportKind.DllImport };
        return new AbiFunctionPointer(
            conv,
            [.. d.Parameters.Select(p => MapParameter(p, delegateContext, d.FullName))],
            depth > MaxDepth ? new AbiUnknown("too deep") : MapValue(d.ReturnType, d.ReturnMarshal, delegateContext, ns, depth + 1),
            IsDelegate: true);
    }

    private CallConv FunctionPointerConvention(ImmutableArray<string> names)
    {
        foreach (var name in names.IsDefault ? [] : names)
        {
            switch (name)
            {
                case "Cdecl": return CallConv.C;
                case "Stdcall": return CallConv.StdCall;
                case "Thiscall": return CallConv.ThisCall;
                case "Fastcall": return CallConv.FastCall;
            }
        }
        // `unmanaged` alone is the platform default: stdcall on Windows x86, C elsewhere.
        return target.IsWindows ? CallConv.StdCall : CallConv.C;
    }

    private AbiType? FromMarshalAs(CsMarshalAs marshalAs, CsType type, CsMarshalContext context, string? ns, int depth) => marshalAs.UnmanagedType switch
    {
        "Bool" or "2" => new AbiBool(4),
        "VariantBool" or "37" => new AbiBool(2),
        "I1" or "1" => IsBool(type) ? new AbiBool(1) : new AbiInt(1, true),
        "U1" or "3" => IsBool(type) ? new AbiBool(1) : IsChar(type) ? new AbiChar(1) : new AbiInt(1, false),
        "I2" or "5" => new AbiInt(2, true),
        "U2" or "6" => IsChar(type) ? new AbiChar(2) : new AbiInt(2, false),
        "I4" or "7" => new AbiInt(4, true),
        "U4" or "8" => new AbiInt(4, false),
        "I8" or "9" => new AbiInt(8, true),
        "U8" or "10" => new AbiInt(8, false),
        "R4" or "11" => new AbiFloat(4),
        "R8" or "12" => new AbiFloat(8),
        "SysInt" or "31" => new AbiInt(target.PointerSize, true, "nint"),
        "SysUInt" or "32" => new AbiInt(target.PointerSize, false, "nuint"),
        "LPStr" or "20" => new AbiString(target.IsWindows ? StringEncoding.Ansi : StringEncoding.Utf8, IsStringBuilder(type)),
        "LPWStr" or "21" => new AbiString(StringEncoding.Utf16, IsStringBuilder(type)),
        "LPUTF8Str" or "48" => new AbiString(StringEncoding.Utf8, IsStringBuilder(type)),
        "LPTStr" or "22" => new AbiString(target.IsWindows ? StringEncoding.Utf16 : StringEncoding.Utf8, IsStringBuilder(type)),
        "BStr" or "19" => new AbiUnknown("BSTR is a length-prefixed COM string"),
        "FunctionPtr" or "38" => type is CsNamedType n && symbols.FindDelegate(symbols.ResolveAlias(n.Name), ns) is { } d ? MapDelegate(d.Item, context, depth + 1) : new AbiPointer(null, Mutability.Unknown),
        "LPArray" or "42" => type is CsArrayType array
            ? new AbiPointer(marshalAs.ArraySubType is { } sub ? FromMarshalAs(marshalAs with { UnmanagedType = sub }, array.Element, context, ns, depth + 1) ?? MapValue(array.Element, CsMarshalInfo.None, context, ns, depth + 1) : MapValue(array.Element, CsMarshalInfo.None, context, ns, depth + 1), Mutability.Unknown, IsArray: true)
            : null,
        "Struct" or "27" => null,
        "Interface" or "IUnknown" or "IDispatch" or "Error" or "Currency" or "AsAny" or "SafeArray" or "CustomMarshaler" => new AbiUnknown($"MarshalAs({marshalAs.UnmanagedType})"),
        _ => null,
    };

    private static bool IsBool(CsType type) => type is CsPrimitiveType { Kind: CsPrimitive.Bool } || type is CsNamedType { Name: "Boolean" };
    private static bool IsChar(CsType type) => type is CsPrimitiveType { Kind: CsPrimitive.Char } || type is CsNamedType { Name: "Char" };
    private static bool IsStringBuilder(CsType type) => type is CsNamedType { Name: "StringBuilder" };

    private bool IsUnicode(CsMarshalContext context) => context.Kind == CsImportKind.LibraryImport
        ? context.StringMarshalling == CsStringMarshalling.Utf16
        : context.CharSet == CsCharSet.Unicode || (context.CharSet == CsCharSet.Auto && target.IsWindows);

    private StringEncoding StringEncodingOf(CsMarshalContext context)
    {
        if (context.Kind == CsImportKind.LibraryImport)
            return context.StringMarshalling == CsStringMarshalling.Utf16 ? StringEncoding.Utf16 : StringEncoding.Utf8;
        return context.CharSet switch
        {
            CsCharSet.Unicode => StringEncoding.Utf16,
            CsCharSet.Auto => target.IsWindows ? StringEncoding.Utf16 : StringEncoding.Utf8,
            // CharSet.Ansi (the default): the ANSI code page on Windows, UTF-8 on Unix in .NET Core.
            _ => target.IsWindows ? StringEncoding.Ansi : StringEncoding.Utf8,
        };
    }

    public static string? Namespace(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot > 0 ? fullName[..dot] : null;
    }
}
