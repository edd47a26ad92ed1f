using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Abi;

/// <summary>
/// Maps Rust types of a crate to the ABI model for one target: primitives, C types from `std::ffi`, `std::os::raw`,
/// `core::ffi` and `libc`, pointers and references, `Option` of non-null pointers and function pointers, `repr(C)`
/// structs, unions and enums of the crate, type aliases. Types without a C layout map to <see cref="AbiFfiUnsafe"/>.
/// </summary>
public sealed class RustAbiMapper(RustCrate crate, TargetPlatform target)
{
    private const int MaxDepth = 12;

    // Each struct is laid out once per mapper; one reached again while it is being laid out is an opaque pointee.
    private readonly Dictionary<RustStruct, AbiType> _structs = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<RustStruct> _mapping = new(ReferenceEqualityComparer.Instance);

    public TargetPlatform Target => target;

    public AbiType Map(RustType type) => Map(type, 0);

    /// <summary>A function's return type; no return type (or `()`) is void, `!` never returns.</summary>
    public AbiType MapReturn(RustType? type) => type is null or RustTupleType { IsUnit: true } or RustNeverType ? AbiVoid.Instance : Map(type, 0);

    private AbiType Map(RustType type, int depth)
    {
        if (depth > MaxDepth)
            return new AbiUnknown("type nesting too deep");
        switch (type)
        {
            case RustPtrType ptr:
                return new AbiPointer(Pointee(ptr.Pointee, depth), ptr.Mutable ? Mutability.Mut : Mutability.Const);
            case RustRefType r:
                if (r.Pointee is RustSliceType or RustPathType { Name: "str" } || r.Pointee is RustOtherType other && other.Text.StartsWith("dyn", StringComparison.Ordinal))
                    return new AbiFfiUnsafe(type.Display, "a reference to a dynamically sized type is a fat pointer (two words)");
                return new AbiPointer(Pointee(r.Pointee, depth), r.Mutable ? Mutability.Mut : Mutability.Const);
            case RustFnPtrType fn:
                if (fn.Abi is null or "Rust" or "rust-call")
                    return new AbiFfiUnsafe(type.Display, "a Rust-ABI function pointer cannot be called from C");
                return new AbiFunctionPointer(ConventionOf(fn.Abi), [.. fn.Parameters.Select(p => Map(p, depth + 1))], MapReturnInner(fn.Return, depth), IsDelegate: false, fn.IsVariadic);
            case RustTupleType { IsUnit: true }:
                return AbiVoid.Instance;
            case RustTupleType:
                return new AbiFfiUnsafe(type.Display, "tuples have no C layout");
            case RustSliceType:
                return new AbiFfiUnsafe(type.Display, "slices have no C layout");
            case RustArrayType array:
                return array.Length is { } n and <= int.MaxValue ? new AbiArray(Map(array.Element, depth + 1), (int)n) : new AbiUnknown("array length is not a literal");
            case RustNeverType:
                return AbiVoid.Instance;
            case RustPathType path:
                return MapPath(path, depth);
            default:
                return new AbiUnknown($"type '{type.Display}' is not understood");
        }
    }

    private AbiType MapReturnInner(RustType? type, int depth) => type is null or RustTupleType { IsUnit: true } or RustNeverType ? AbiVoid.Instance : Map(type, depth + 1);

    private AbiType? Pointee(RustType pointee, int depth)
    {
        var mapped = Map(pointee, depth + 1);
        return mapped switch
        {
            AbiVoid => null,
            AbiUnknown { Reason: "c_void" } => null,
            // A pointer to a type without a C layout is still a valid opaque pointer (Box<MyRustType> handles).
            AbiFfiUnsafe => null,
            AbiStruct { Layout.Unsupported: not null } => null,
            _ => mapped,
        };
    }

    private AbiType MapPath(RustPathType path, int depth)
    {
        var name = ResolveUseAlias(path);
        // The crate's own alias wins over a C type of the same name (`type c_long = i64;` in a crate means i64).
        if (path.Segments.Length == 1 && crate.FindAlias(name) is { Item.HasGenerics: false } local
            && !(local.Item.Type is RustPathType { Segments.Length: 1 } same && same.Name == name))
        {
            return Map(local.Item.Type, depth + 1);
        }
        if (path.Segments.Length == 1 || IsFfiModule(path.Segments))
        {
            if (Primitive(name) is { } primitive)
                return primitive;
        }
        switch (name)
        {
            case "c_void":
                return new AbiUnknown("c_void");
            case "Option" when path.GenericArgs.Length == 1:
                var inner = path.GenericArgs[0];
                var mapped = Map(inner, depth + 1);
                // Option of a non-null pointer type has the pointer's layout, with None as null.
                return mapped switch
                {
                    AbiFunctionPointer fp => fp,
                    AbiPointer p when inner is RustRefType or RustPathType { Name: "NonNull" or "Box" } => p,
                    _ => new AbiFfiUnsafe(path.Display, "Option<T> has a C layout only for references, Box, NonNull and function pointers"),
                };
            case "NonNull" when path.GenericArgs.Length == 1:
                return new AbiPointer(Pointee(path.GenericArgs[0], depth), Mutability.Mut);
            case "Box" when path.GenericArgs.Length == 1:
                return path.GenericArgs[0] is RustSliceType or RustPathType { Name: "str" }
                    ? new AbiFfiUnsafe(path.Display, "a boxed slice or str is a fat pointer")
                    : new AbiPointer(Pointee(path.GenericArgs[0], depth), Mutability.Mut);
            case "String" or "Vec" or "str" or "CString" or "CStr" or "OsString" or "PathBuf" or "Rc" or "Arc" or "HashMap" or "BTreeMap" or "Cell" or "RefCell":
                return new AbiFfiUnsafe(path.Display, $"'{name}' has no C layout");
            case "ManuallyDrop" or "MaybeUninit" when path.GenericArgs.Length == 1:
                return Map(path.GenericArgs[0], depth + 1);
            case "PhantomData":
                return new AbiUnknown("PhantomData is zero-sized");
        }

        if (crate.FindAlias(name) is { } alias && !alias.Item.HasGenerics)
            return Map(alias.Item.Type, depth + 1);
        if (crate.FindStruct(name) is { } s)
            return MapStruct(s.Item, depth + 1);
        if (crate.FindEnum(name) is { } e)
            return MapEnum(e.Item);
        return new AbiUnknown($"type '{path.Display}' is not declared in this crate");
    }

    public AbiType MapStruct(RustStruct s, int depth = 0)
    {
        if (_structs.TryGetValue(s, out var cached))
            return cached;
        // A struct laid out while no other is in progress does not depend on what reached it (a struct reached again inside
        // itself is opaque only relative to the ones in progress): that layout is shared by every mapper of the crate.
        var shared = _mapping.Count == 0 ? new RustCrate.LayoutKey(s, target, depth) : (RustCrate.LayoutKey?)null;
        if (shared is { } key && crate.Layouts.TryGetValue(key, out var known))
            return _structs[s] = known;
        if (!_mapping.Add(s))
            return new AbiUnknown($"struct '{s.Name}' contains itself through a pointer");
        try
        {
            var mapped = MapStructUncached(s, depth);
            _structs[s] = mapped;
            if (shared is { } done)
                crate.Layouts.TryAdd(done, mapped);
            return mapped;
        }
        finally
        {
            _mapping.Remove(s);
        }
    }

    private AbiType MapStructUncached(RustStruct s, int depth)
    {
        if (s.HasGenerics)
            return new AbiUnknown("generic struct");
        if (s.Repr.Transparent)
        {
            var single = s.Fields.FirstOrDefault(f => Map(f.Type, depth + 1) is not AbiUnknown { Reason: "PhantomData is zero-sized" });
            return single is null ? new AbiUnknown("empty transparent struct") : Map(single.Type, depth + 1);
        }
        if (!s.Repr.C)
            return new AbiFfiUnsafe(s.Name, $"'{s.Name}' is not #[repr(C)]: Rust may reorder its fields");
        // The opaque-type idiom (`struct Handle { _unused: [u8; 0] }`, `struct Handle {}`, `_private: [u8; 0], _marker: PhantomData<…>`):
        // only ever used behind pointers, so its layout is not part of the contract.
        if (s.Fields.All(f => f.Type is RustArrayType { Length: 0 } || f.Type is RustPathType { Name: "PhantomData" }))
            return new AbiUnknown($"'{s.Name}' is an opaque type");
        var fields = new List<LayoutCalculator.FieldInput>(s.Fields.Length);
        foreach (var field in s.Fields)
        {
            if (CfgEvaluator.Evaluate(field.Cfg, target) is not { } present)
                return new AbiStruct(s.Name, StructLayout.Unknown($"field '{field.Name}' depends on a cfg that cannot be evaluated"));
            if (!present)
                continue;
            var type = depth > MaxDepth ? new AbiUnknown("too deep") : Map(field.Type, depth + 1);
            if (type is AbiUnknown { Reason: "PhantomData is zero-sized" })
                continue;
            fields.Add(new LayoutCalculator.FieldInput(field.Name, type, field.Type.Display));
        }
        var layout = s.IsUnion
            ? LayoutCalculator.Union(fields, s.Repr.Packed, s.Repr.Align, target)
            : LayoutCalculator.Sequential(fields, s.Repr.Packed, s.Repr.Align, null, target);
        return new AbiStruct(s.Name, layout);
    }

    public AbiType MapEnum(RustEnum e) => crate.Layouts.GetOrAdd(new RustCrate.LayoutKey(e, target, -1), _ => MapEnumUncached(e));

    private AbiType MapEnumUncached(RustEnum e)
    {
        if (e.Variants.Any(v => v.HasFields))
            return new AbiFfiUnsafe(e.Name, "an enum with fields has no C layout");
        AbiInt? underlying = e.Repr.Int is { } repr ? Primitive(repr) as AbiInt : e.Repr.C ? new AbiInt(4, true) : null;
        if (underlying is null)
            return new AbiFfiUnsafe(e.Name, $"'{e.Name}' has no #[repr(C)] or #[repr(integer)]");
        long next = 0;
        var members = e.Variants
            .Where(v => CfgEvaluator.Evaluate(v.Cfg, target) != false)
            .Select(v =>
            {
                long? value = v.DiscriminantText is null ? next : v.Discriminant;
                next = (value ?? next) + 1;
                return (v.Name, value);
            })
            .ToImmutableArrayOf();
        return new AbiEnum(e.Name, underlying, members);
    }

    private AbiType? Primitive(string name) => name switch
    {
        "i8" or "int8_t" => new AbiInt(1, true),
        "u8" or "uint8_t" => new AbiInt(1, false),
        "i16" or "int16_t" => new AbiInt(2, true),
        "u16" or "uint16_t" => new AbiInt(2, false),
        "i32" or "int32_t" => new AbiInt(4, true),
        "u32" or "uint32_t" => new AbiInt(4, false),
        "i64" or "int64_t" => new AbiInt(8, true),
        "u64" or "uint64_t" => new AbiInt(8, false),
        "i128" => new AbiInt(16, true),
        "u128" => new AbiInt(16, false),
        "isize" => new AbiInt(target.PointerSize, true, "isize"),
        "usize" => new AbiInt(target.PointerSize, false, "usize"),
        "f32" or "c_float" => new AbiFloat(4),
        "f64" or "c_double" => new AbiFloat(8),
        "bool" => new AbiBool(1),
        "char" => new AbiFfiUnsafe("char", "Rust 'char' is a 4-byte Unicode scalar value with invalid bit patterns; use u32"),
        // c_char is signed on x86/x86_64 and Apple/Windows arm64, unsigned on Linux arm64.
        "c_char" => new AbiInt(1, !(target.Os == TargetOs.Linux && target.Arch == TargetArch.Arm64), "c_char"),
        "c_schar" => new AbiInt(1, true),
        "c_uchar" => new AbiInt(1, false),
        "c_short" => new AbiInt(2, true),
        "c_ushort" => new AbiInt(2, false),
        "c_int" => new AbiInt(4, true),
        "c_uint" => new AbiInt(4, false),
        "c_long" => new AbiInt(target.CLongSize, true, "c_long"),
        "c_ulong" => new AbiInt(target.CLongSize, false, "c_ulong"),
        "c_longlong" => new AbiInt(8, true),
        "c_ulonglong" => new AbiInt(8, false),
        "size_t" or "uintptr_t" => new AbiInt(target.PointerSize, false, "size_t"),
        "ssize_t" or "intptr_t" or "ptrdiff_t" or "c_ssize_t" or "c_ptrdiff_t" => new AbiInt(target.PointerSize, true, "ssize_t"),
        "c_size_t" => new AbiInt(target.PointerSize, false, "size_t"),
        "wchar_t" => new AbiInt(target.WCharSize, target.WCharSize == 4, "wchar_t"),
        _ => null,
    };

    private string ResolveUseAlias(RustPathType path)
    {
        if (path.Segments.Length != 1)
            return path.Name;
        var use = crate.Uses.FirstOrDefault(u => u.Alias == path.Name && u.Path.Length > 0);
        return use is null ? path.Name : use.Path[^1];
    }

    private static bool IsFfiModule(System.Collections.Immutable.ImmutableArray<string> segments) =>
        segments[0] is "std" or "core" or "libc" or "ffi" or "raw" or "os" or "crate" or "self" or "super"
        || segments.Contains("ffi") || segments.Contains("raw");

    public static CallConv ConventionOf(string? abi) => abi switch
    {
        "stdcall" or "stdcall-unwind" => CallConv.StdCall,
        "thiscall" or "thiscall-unwind" => CallConv.ThisCall,
        "fastcall" or "fastcall-unwind" => CallConv.FastCall,
        _ => CallConv.C,
    };

    /// <summary>The convention an ABI string means on a target (`system` is stdcall on Windows x86 only).</summary>
    public static CallConv ConventionOn(string? abi, TargetPlatform target) =>
        abi is "system" or "system-unwind" && target.IsWindows && target.Arch == TargetArch.X86 ? CallConv.StdCall : ConventionOf(abi);
}

internal static class EnumerableExtensions
{
    public static System.Collections.Immutable.ImmutableArray<T> ToImmutableArrayOf<T>(this IEnumerable<T> items) => [.. items];
}
