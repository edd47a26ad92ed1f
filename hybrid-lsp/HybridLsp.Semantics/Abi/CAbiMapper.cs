using System.Collections.Immutable;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.C;

namespace HybridLsp.Semantics.Abi;

/// <summary>
/// Maps C and C++ types, as libclang laid them out for one target, to the ABI model. Sizes, offsets and alignments come
/// from clang; platform-dependent types (`long`, `wchar_t`, `size_t`, `intptr_t`…) are tagged so HL1008 can name the
/// targets where they change. Mapping for a target other than the parsed one (to name where HL1008 breaks) recomputes
/// only those platform-dependent widths. Bitfields are an unsupported layout, never guessed.
/// </summary>
public sealed class CAbiMapper(Func<string, CRecord?> findRecord, Func<string, CEnum?> findEnum, TargetPlatform target)
{
    private const int MaxDepth = 12;

    private readonly Dictionary<string, AbiType> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mapping = new(StringComparer.Ordinal);

    // How often a mapping was cut short (nesting too deep, a record reached inside itself): a record whose mapping was is
    // not remembered, since from another starting point it would be cut elsewhere.
    private int _cuts;

    public TargetPlatform Target => target;

    /// <summary>A parameter's type: arrays decay to pointers, as C passes them.</summary>
    public AbiType MapParameter(CType type) => type.Kind == CTypeKind.Array ? new AbiPointer(Pointee(type.Element, 0), Writes(type.Element)) : Map(type, 0);

    public AbiType Map(CType type) => Map(type, 0);

    private AbiType Map(CType type, int depth)
    {
        if (depth > MaxDepth)
        {
            _cuts++;
            return new AbiUnknown("type nesting too deep");
        }
        if (type.IsInvalid)
            return Invalid(type.Spelling);
        switch (type.Kind)
        {
            case CTypeKind.Void:
                return AbiVoid.Instance;
            case CTypeKind.Bool:
                return new AbiBool(Bytes(type, 1));
            case CTypeKind.Char:
                return new AbiInt(1, type.IsSigned, "char");
            case CTypeKind.SChar:
                return new AbiInt(1, true);
            case CTypeKind.UChar:
                return new AbiInt(1, false);
            case CTypeKind.Short or CTypeKind.UShort or CTypeKind.Int or CTypeKind.UInt or CTypeKind.LongLong or CTypeKind.ULongLong or CTypeKind.Int128 or CTypeKind.UInt128:
                return Integer(type);
            case CTypeKind.Long or CTypeKind.ULong when IsFixedWidth(type):
                // `int64_t` is `long` on 64-bit Linux: written through a fixed-width typedef, its size is the same everywhere.
                return Integer(type);
            case CTypeKind.Long or CTypeKind.ULong:
                return Integer(type) with { Bytes = target.CLongSize, PlatformName = PlatformName(type) ?? (type.Kind == CTypeKind.Long ? "long" : "unsigned long") };
            case CTypeKind.WChar:
                return new AbiInt(target.WCharSize, target.WCharSize == 4, "wchar_t");
            case CTypeKind.Char16:
                return new AbiChar(2);
            case CTypeKind.Char32:
                return new AbiInt(4, false);
            case CTypeKind.Half or CTypeKind.Float or CTypeKind.Double or CTypeKind.LongDouble:
                return new AbiFloat(Bytes(type, 8));
            case CTypeKind.NullPtr:
                return new AbiPointer(null, Mutability.Unknown);
            case CTypeKind.Pointer or CTypeKind.Reference:
                return type.Pointee is { Kind: CTypeKind.Function } fn
                    ? FunctionPointer(fn.Function, depth)
                    : new AbiPointer(Pointee(type.Pointee, depth), Writes(type.Pointee));
            case CTypeKind.FunctionPointer:
                return FunctionPointer(type.Function ?? type.Pointee?.Function, depth);
            case CTypeKind.Array:
                return type.Element is { } element && type.ArrayLength is >= 0 and <= int.MaxValue
                    ? new AbiArray(Map(element, depth + 1), (int)type.ArrayLength)
                    : new AbiUnknown($"'{type.Spelling}' is an array of unknown length");
            case CTypeKind.Record:
                return Record(type, depth);
            case CTypeKind.Enum:
                return Enum(type);
            default:
                return new AbiUnknown($"'{type.Spelling}' is not a type the binding rules compare");
        }
    }

    /// <summary>Integers keep clang's width, except the platform-dependent ones, which take this target's width.</summary>
    private AbiInt Integer(CType type)
    {
        var signed = type.Kind is CTypeKind.Short or CTypeKind.Int or CTypeKind.Long or CTypeKind.LongLong or CTypeKind.Int128;
        var name = PlatformName(type);
        var bytes = name switch
        {
            "size_t" or "ssize_t" or "intptr_t" or "uintptr_t" or "ptrdiff_t" => target.PointerSize,
            "wchar_t" => target.WCharSize,
            _ => Bytes(type, 4),
        };
        return new AbiInt(bytes, signed, name);
    }

    /// <summary>The platform-dependent typedef an integer was written with (`size_t`, `wchar_t`…), if any.</summary>
    private static string? PlatformName(CType type)
    {
        foreach (var name in type.TypedefChain)
        {
            switch (name)
            {
                case "size_t" or "ssize_t" or "intptr_t" or "uintptr_t" or "ptrdiff_t" or "wchar_t":
                    return name;
                case "SIZE_T" or "ULONG_PTR" or "UINT_PTR" or "DWORD_PTR":
                    return "uintptr_t";
                case "SSIZE_T" or "LONG_PTR" or "INT_PTR":
                    return "intptr_t";
                case "WCHAR":
                    return "wchar_t";
            }
        }
        return null;
    }

    private static readonly System.Text.RegularExpressions.Regex s_fixedWidth =
        new(@"^(__)?u?int(_least|_fast)?(8|16|32|64)(_t)?$|^u?intmax_t$|^(DWORD|ULONG|LONG|INT32|UINT32|INT64|UINT64|LONG32|ULONG32|LONG64|ULONG64|DWORD32|DWORD64)$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether an integer was written through a typedef whose width is fixed on every platform (`int64_t`, `uint32_t`, `intmax_t`, Win32 `DWORD`).</summary>
    private static bool IsFixedWidth(CType type) => PlatformName(type) is null && type.TypedefChain.Any(s_fixedWidth.IsMatch);

    private static int Bytes(CType type, int fallback) => type.Size is > 0 and <= 64 ? (int)type.Size : fallback;

    private static Mutability Writes(CType? pointee) => pointee is { IsConst: true } ? Mutability.Const : Mutability.Mut;

    private AbiType? Pointee(CType? pointee, int depth)
    {
        if (pointee is null)
            return null;
        if (pointee.Kind == CTypeKind.Record && !pointee.IsComplete && Lookup(pointee) is not { IsComplete: true })
            return null; // an opaque handle: compatible with any pointer
        var mapped = Map(pointee, depth + 1);
        return mapped switch
        {
            AbiVoid => null,
            AbiStruct { Layout.Unsupported: not null } => null,
            _ => mapped,
        };
    }

    private AbiType FunctionPointer(CFunctionSignature? signature, int depth)
    {
        if (signature is null)
            return new AbiUnknown("function pointer without a signature");
        return new AbiFunctionPointer(Convention(signature.CallingConvention),
            [.. signature.Parameters.Select(p => p.Kind == CTypeKind.Array ? new AbiPointer(Pointee(p.Element, depth + 1), Writes(p.Element)) : Map(p, depth + 1))],
            Map(signature.ReturnType, depth + 1), IsDelegate: false, signature.IsVariadic);
    }

    private CRecord? Lookup(CType type) => type.DeclarationName is { Length: > 0 } name ? findRecord(name) : null;

    private AbiType Record(CType type, int depth)
    {
        var name = type.DeclarationName ?? type.Spelling;
        if (_records.TryGetValue(name, out var cached))
            return cached;
        if (Lookup(type) is not { } record)
            return new AbiUnknown($"the definition of '{type.Spelling}' was not found");
        if (!record.IsComplete)
            return new AbiUnknown($"'{record.Name}' is only declared (an opaque type)");
        if (record.IsInvalid)
            return Invalid(record.Name);
        if (!_mapping.Add(name))
        {
            _cuts++;
            return new AbiUnknown($"'{record.Name}' contains itself");
        }
        try
        {
            var cuts = _cuts;
            var mapped = MapRecord(record, depth);
            if (_cuts == cuts)
                _records[name] = mapped;
            return mapped;
        }
        finally
        {
            _mapping.Remove(name);
        }
    }

    /// <summary>A complete record's layout on this target (the struct fixes compare a planned C# struct against it).</summary>
    public AbiStruct MapRecord(CRecord record) => MapRecord(record, 0);

    private AbiStruct MapRecord(CRecord record, int depth)
    {
        if (record.IsInvalid)
            return new AbiStruct(record.Name, StructLayout.Unknown(InvalidReason(record.Name)));
        if (record.HasBitFields)
        {
            var bitfield = record.Fields.First(f => f.IsBitField);
            return new AbiStruct(record.Name, StructLayout.Unknown($"field '{bitfield.Name}' of '{record.Name}' is a bitfield, whose layout is compiler-specific"));
        }
        var fields = ImmutableArray.CreateBuilder<FieldLayout>(record.Fields.Length);
        foreach (var field in record.Fields)
        {
            var type = Map(field.Type, depth + 1);
            var size = type.Size ?? (field.Type.Size > 0 ? (int)field.Type.Size : 0);
            if (type is AbiPointer or AbiString or AbiFunctionPointer)
                size = target.PointerSize;
            fields.Add(new FieldLayout(field.Name, type, (int)(field.OffsetInBits / 8), size, field.Type.Spelling));
        }
        return new AbiStruct(record.Name, new StructLayout((int)record.Size, (int)Math.Max(1, record.Align), fields.ToImmutable()));
    }

    private AbiType Enum(CType type)
    {
        var e = type.DeclarationName is { Length: > 0 } name ? findEnum(name) : null;
        var integer = e?.IntegerType ?? type.EnumIntegerType;
        if (integer is null)
            return new AbiUnknown($"the underlying type of '{type.Spelling}' is unknown");
        var underlying = Integer(integer);
        var members = e is null ? ImmutableArray<(string, long?)>.Empty
            : [.. e.Constants.Select(c => (c.Name, c.Value >= long.MinValue && c.Value <= long.MaxValue ? (long?)(long)c.Value : null))];
        return new AbiEnum(e?.Name ?? type.Spelling, underlying, members);
    }

    /// <summary>A type clang declared with errors (usually a system header missing for a foreign target): silence, not a guess (DESIGN §5).</summary>
    private AbiUnknown Invalid(string name) => new(InvalidReason(name));

    private string InvalidReason(string name) => $"'{name}' has errors on {target.Name} (a header missing for this target?)";

    public static CallConv Convention(CCallingConvention convention) => convention switch
    {
        CCallingConvention.StdCall => CallConv.StdCall,
        CCallingConvention.FastCall => CallConv.FastCall,
        CCallingConvention.ThisCall => CallConv.ThisCall,
        _ => CallConv.C,
    };
}
