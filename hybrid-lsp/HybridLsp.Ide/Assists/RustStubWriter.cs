using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// The Rust export a C# extern declaration calls: `#[no_mangle] pub extern "C" fn` with the FFI type of every parameter
/// and return value — the reverse of the C#→ABI mapping, on every configured target — and a body that returns a default
/// value. A stub never panics (`todo!()` would abort the .NET process: a panic cannot unwind across `extern "C"`, and
/// HL2005 reports it) and compiles as written. Null when any type has no certain Rust equivalent.
/// </summary>
internal static partial class RustStubWriter
{
    /// <summary>A stub: its Rust function name and the item text (attribute, signature, body), lines joined with '\n'.</summary>
    public sealed record Stub(string FunctionName, string Text);

    /// <param name="crate">The crate the stub goes into (its structs and enums are used by name), null for a new crate.</param>
    /// <param name="edition2024">Write `#[unsafe(no_mangle)]` (edition 2024; also accepted by older editions on Rust 1.82+).</param>
    public static Stub? Write(Binding binding, ImmutableArray<TargetPlatform> targets, RustCrate? crate, bool edition2024)
    {
        var method = binding.Method;
        var symbol = binding.EntryPoint;
        if (!IsIdentifier(symbol) || targets.IsDefaultOrEmpty || method.Parameters.Any(p => p.IsParams || p.IsThis))
            return null;
        var context = CsMarshalContext.For(method, binding.Symbols.DisableRuntimeMarshalling);
        var parameterTypes = new string?[method.Parameters.Length];
        string? returnType = null;
        string? returnDefault = null;
        var first = true;
        foreach (var target in targets)
        {
            var mapper = new CsAbiMapper(binding.Symbols, target);
            var writer = new TypeWriter(crate);
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var mapped = writer.Type(mapper.MapParameter(method.Parameters[i], context, method.Container), isReturn: false);
                if (mapped is null || !first && mapped != parameterTypes[i])
                    return null;
                parameterTypes[i] = mapped;
            }
            var ret = mapper.MapReturn(method, context);
            var (retType, retDefault) = ret is AbiVoid ? ("", "") : (writer.Type(ret, isReturn: true), writer.DefaultOf(ret));
            if (retType is null || retDefault is null || !first && retType != returnType)
                return null;
            (returnType, returnDefault) = (retType, retDefault);
            first = false;
        }

        var functionName = Snake(symbol);
        if (!IsIdentifier(functionName))
            return null;
        var names = new List<string>();
        foreach (var p in method.Parameters)
        {
            var name = Snake(p.Name);
            if (!IsIdentifier(name) || names.Contains(name))
                name = $"arg{names.Count}";
            names.Add(name);
        }

        var sb = new StringBuilder();
        if (functionName == symbol)
            sb.Append(edition2024 ? "#[unsafe(no_mangle)]\n" : "#[no_mangle]\n");
        else
            sb.Append(edition2024 ? $"#[unsafe(export_name = \"{symbol}\")]\n" : $"#[export_name = \"{symbol}\"]\n");
        sb.Append("pub extern \"C\" fn ").Append(functionName).Append('(')
            .Append(string.Join(", ", names.Select((n, i) => $"{n}: {parameterTypes[i]}"))).Append(')');
        if (returnType!.Length > 0)
            sb.Append(" -> ").Append(returnType);
        sb.Append(" {\n");
        sb.Append("    // Write the implementation here (it must not panic: a panic cannot unwind into .NET).\n");
        if (returnType!.Length > 0)
            sb.Append("    // Until then this stub returns a default value.\n");
        if (names.Count == 1)
            sb.Append("    let _ = ").Append(names[0]).Append(";\n");
        else if (names.Count > 1)
            sb.Append("    let _ = (").Append(string.Join(", ", names)).Append(");\n");
        if (returnDefault!.Length > 0)
            sb.Append("    ").Append(returnDefault).Append('\n');
        sb.Append('}');
        return new Stub(functionName, sb.ToString());
    }

    /// <summary>A C#-side name as a Rust one: `addNumbers` → `add_numbers`, `MC_Add` → `mc_add`.</summary>
    public static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || char.IsLower(next)))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsIdentifier(string name) => RustIdentifier().IsMatch(name) && !s_keywords.Contains(name);

    /// <summary>AbiType (one target) → Rust type text; null when there is no certain equivalent.</summary>
    private sealed class TypeWriter(RustCrate? crate)
    {
        public string? Type(AbiType type, bool isReturn) => type switch
        {
            AbiInt i => Int(i),
            AbiFloat { Bytes: 4 } => "f32",
            AbiFloat { Bytes: 8 } => "f64",
            AbiBool { Bytes: 1 } => "bool",
            AbiBool { Bytes: 4 } => "i32", // Win32 BOOL, C#'s default for bool: 0 is false, anything else true
            AbiChar { Bytes: 2, IsRustChar: false } => "u16",
            AbiString { Encoding: StringEncoding.Utf8, IsBuffer: false } when !isReturn => "*const std::ffi::c_char",
            AbiString { Encoding: StringEncoding.Utf16, IsBuffer: false } when !isReturn => "*const u16",
            AbiPointer { Pointee: null } p => (p.Writes == Mutability.Const ? "*const" : "*mut") + " std::ffi::c_void",
            AbiPointer { Pointee: { } pointee } p when pointee is not (AbiString or AbiPointer { ByRef: true }) =>
                Type(pointee, isReturn: false) is { } inner && !inner.StartsWith("extern", StringComparison.Ordinal) && !inner.StartsWith("Option", StringComparison.Ordinal)
                    ? (p.Writes == Mutability.Const ? "*const " : "*mut ") + inner : null,
            AbiStruct s => Struct(s.Name) is { } path ? path : null,
            AbiEnum e => Enum(e) is { } path ? path : null,
            AbiFunctionPointer { CallingConvention: CallConv.C, Variadic: false } f when !isReturn => FunctionPointer(f),
            _ => null,
        };

        /// <summary>The value the stub returns: zero, false, null, the zero-valued enum variant, or a zeroed plain struct.</summary>
        public string? DefaultOf(AbiType type) => type switch
        {
            AbiInt => "0",
            AbiFloat => "0.0",
            AbiBool { Bytes: 1 } => "false",
            AbiBool => "0",
            AbiChar => "0",
            AbiPointer { Writes: Mutability.Const } => "std::ptr::null()",
            AbiPointer => "std::ptr::null_mut()",
            AbiEnum e => ZeroVariant(e),
            // All-zero bytes are a valid value of a repr(C) struct of integers, floats, bools and raw pointers only.
            AbiStruct s when Struct(s.Name) is not null && ZeroIsValid(s.Name, 0) => "unsafe { std::mem::zeroed() }",
            _ => null,
        };

        private static string? Int(AbiInt i) => i.PlatformName switch
        {
            "nint" => "isize",
            "nuint" => "usize",
            "CLong" => "std::ffi::c_long",
            "CULong" => "std::ffi::c_ulong",
            null => (i.Signed ? "i" : "u") + (i.Bytes * 8) switch { 8 or 16 or 32 or 64 => (i.Bytes * 8).ToString(System.Globalization.CultureInfo.InvariantCulture), _ => "?" },
            _ => null,
        } is { } text && !text.EndsWith('?') ? text : null;

        private string? FunctionPointer(AbiFunctionPointer f)
        {
            var parameters = f.Parameters.Select(p => Type(p, isReturn: false)).ToList();
            if (parameters.Any(p => p is null))
                return null;
            var ret = f.Return is AbiVoid ? "" : Type(f.Return, isReturn: true);
            if (ret is null)
                return null;
            return $"extern \"C\" fn({string.Join(", ", parameters)})" + (ret.Length > 0 ? " -> " + ret : "");
        }

        /// <summary>A `repr(C)` struct of the crate with this name, as a path from the crate root.</summary>
        private string? Struct(string name)
        {
            // Only one declared in the crate root file: the stub goes there, and a path into another file's module is not known here.
            if (crate is null || crate.Structs.Where(s => s.Item.Name == name).ToList() is not [{ Item: { Repr.C: true, IsUnion: false, HasGenerics: false, Cfg: null } s } found]
                || found.Path != crate.LibRoot)
                return null;
            return ItemPath(s.ModulePath, name);
        }

        private string? Enum(AbiEnum e)
        {
            if (crate is null || crate.Enums.Where(x => x.Item.Name == e.Name).ToList() is not [{ Item: { Cfg: null } item } found]
                || found.Path != crate.LibRoot || item.Repr.Int is null || item.Variants.Any(v => v.HasFields))
                return null;
            return ItemPath(item.ModulePath, e.Name);
        }

        private string? ZeroVariant(AbiEnum e)
        {
            if (crate is null || Enum(e) is not { } path || crate.FindEnum(e.Name)?.Item is not { } item)
                return null;
            long next = 0;
            foreach (var v in item.Variants)
            {
                if (v.DiscriminantText is not null && v.Discriminant is null)
                    return null;
                var value = v.Discriminant ?? next;
                if (value == 0)
                    return path + "::" + v.Name;
                next = value + 1;
            }
            return null; // no variant is 0: any default would be a guess
        }

        private bool ZeroIsValid(string name, int depth)
        {
            if (depth > 8 || crate?.FindStruct(name)?.Item is not { } s || s.Fields.Any(f => f.Cfg is not null))
                return false;
            foreach (var field in s.Fields)
            {
                var ok = field.Type switch
                {
                    RustPtrType => true,
                    RustArrayType a => a.Element is RustPathType { GenericArgs.IsDefaultOrEmpty: true } ep && (IsPlainScalar(ep.Name) || ZeroIsValid(ep.Name, depth + 1)),
                    RustPathType { GenericArgs.IsDefaultOrEmpty: true } p => IsPlainScalar(p.Name) || ZeroIsValid(p.Name, depth + 1),
                    _ => false,
                };
                if (!ok)
                    return false;
            }
            return true;
        }

        private bool IsPlainScalar(string name) =>
            crate?.FindAlias(name) is null && name is "i8" or "u8" or "i16" or "u16" or "i32" or "u32" or "i64" or "u64" or "isize" or "usize"
                or "f32" or "f64" or "bool" or "c_char" or "c_schar" or "c_uchar" or "c_short" or "c_ushort" or "c_int" or "c_uint"
                or "c_long" or "c_ulong" or "c_longlong" or "c_ulonglong" or "c_float" or "c_double";

        private static string ItemPath(string modulePath, string name) =>
            string.IsNullOrEmpty(modulePath) ? name : modulePath + "::" + name;
    }

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
        "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
        "virtual", "yield", "try", "union", "_",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex RustIdentifier();
}
