using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// Bind for a C/C++ export: the C# declaration of a C-linkage function, from its header declaration as libclang typed it
/// on every configured target (the action is not offered when the C# text would differ between targets). C integers
/// map to their exact C# type (`int32_t`→`int`, `size_t`→`nuint`, `long`→`CLong`), `bool` with `MarshalAs(U1)`,
/// `const char*` parameters to UTF-8 `string`, a returned `char*` to `nint`, pointers to scalars, structs and enums
/// to `T*` (`nint` without unsafe code, and for `void*` and opaque handles), function pointers to
/// `delegate* unmanaged[Cdecl]`, and structs and enums to the existing C# type of that name, else a generated one.
/// Variadic functions, bitfields, packed structs, unions, arrays and anything else: not bound.
/// </summary>
internal static partial class CBinding
{
    /// <param name="Prefix">"System.Runtime.InteropServices." when the file has no `using` for it.</param>
    /// <param name="InUnsafeContext">The containing class is `unsafe` (no `unsafe` modifier needed on the method).</param>
    public sealed record Style(bool LibraryImport, bool AllowUnsafe, string Prefix, bool InUnsafeContext, bool NameCdecl);

    public static string? Declaration(SemanticModel model, CLibrary library, string symbol, Style style, string libraryText,
        Dictionary<string, string> types, ILookup<string, string> csTypes)
    {
        var parsed = library.Targets.Values.Where(t => t.Parsed).OrderBy(t => t.Target.Name, StringComparer.Ordinal).ToList();
        if (parsed.Count == 0)
            return null;
        string? result = null;
        Dictionary<string, string>? newTypes = null;
        foreach (var target in parsed)
        {
            if (!target.ExportsBySymbol.TryGetValue(symbol, out var function))
                return null;
            var local = new Dictionary<string, string>(types, StringComparer.Ordinal);
            var text = Declare(function.Declaration, target, style, libraryText, local, csTypes);
            if (text is null || result is not null && (text != result || !SameTypes(local, newTypes!)))
                return null;
            (result, newTypes) = (text, local);
        }
        foreach (var (name, text) in newTypes!)
            types[name] = text;
        return result;
    }

    private static bool SameTypes(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static string? Declare(CFunction fn, CLibraryTarget target, Style style, string libraryText, Dictionary<string, string> types, ILookup<string, string> csTypes)
    {
        if (fn.IsVariadic || fn.Linkage != CLinkage.C || target.Target.HasDistinctCallingConventions && fn.CallingConvention is not (CCallingConvention.C or CCallingConvention.Unknown))
            return null;
        var q = style.Prefix;
        var mapper = new Mapper(target, style, types, csTypes, q);
        var parameters = new List<string>();
        var usesString = false;
        var unsafeNeeded = false;
        foreach (var p in fn.Parameters)
        {
            if (mapper.Map(p.Type, isReturn: false) is not { } mapped)
                return null;
            unsafeNeeded |= mapped.Unsafe;
            usesString |= mapped.Type == "string";
            var name = GenerateBinding.Identifier(p.Name) ?? (GenerateBinding.Keywords.Contains(p.Name) ? "@" + p.Name : $"arg{parameters.Count}");
            parameters.Add((mapped.Attribute is { } a ? $"[{a}] " : "") + mapped.Type + " " + name);
        }
        var ret = fn.ReturnType.Kind == CTypeKind.Void ? new Mapped("void", null, false) : mapper.Map(fn.ReturnType, isReturn: true);
        if (ret is null || GenerateBinding.Identifier(fn.Name) is not { } methodName)
            return null;
        unsafeNeeded |= ret.Unsafe;
        var sb = new StringBuilder();
        if (style.LibraryImport)
        {
            sb.Append($"[{q}LibraryImport({libraryText}, EntryPoint = \"{fn.EntryPoint}\"");
            if (usesString)
                sb.Append($", StringMarshalling = {q}StringMarshalling.Utf8");
            sb.Append(")]\n");
            if (style.NameCdecl)
                sb.Append($"[{q}UnmanagedCallConv(CallConvs = new[] {{ typeof(System.Runtime.CompilerServices.CallConvCdecl) }})]\n");
        }
        else
            sb.Append($"[{q}DllImport({libraryText}, EntryPoint = \"{fn.EntryPoint}\", CallingConvention = {q}CallingConvention.Cdecl)]\n");
        if (ret.Attribute is { } ra)
            sb.Append($"[return: {ra}]\n");
        var isUnsafe = unsafeNeeded && !style.InUnsafeContext;
        sb.Append("internal static ").Append(isUnsafe ? "unsafe " : "").Append(style.LibraryImport ? "partial " : "extern ")
            .Append(ret.Type).Append(' ').Append(methodName).Append('(').Append(string.Join(", ", parameters)).Append(");");
        return sb.ToString();
    }

    private sealed record Mapped(string Type, string? Attribute, bool Unsafe);

    private sealed class Mapper(CLibraryTarget target, Style style, Dictionary<string, string> types, ILookup<string, string> csTypes, string q)
    {
        public Mapped? Map(CType type, bool isReturn)
        {
            switch (type.Kind)
            {
                case CTypeKind.Bool:
                    return new Mapped("bool", $"{q}MarshalAs({q}UnmanagedType.U1)", false);
                case CTypeKind.Float:
                    return new Mapped("float", null, false);
                case CTypeKind.Double when type.Size == 8:
                    return new Mapped("double", null, false);
                case CTypeKind.Record:
                    return Record(type) is { } record ? new Mapped(record, null, false) : null;
                case CTypeKind.Enum:
                    return Enum(type) is { } e ? new Mapped(e, null, false) : null;
                case CTypeKind.Pointer:
                    return Pointer(type, isReturn);
                case CTypeKind.FunctionPointer:
                    return FunctionPointer(type.Function ?? type.Pointee?.Function);
                default:
                    return Integer(type) is { } i ? new Mapped(i, null, false) : null;
            }
        }

        /// <summary>The exact C# integer type, as <c>CAbiMapper</c> sizes it: platform typedefs first, then `long`, then the fixed widths.</summary>
        private string? Integer(CType type)
        {
            if (type.Kind is not (CTypeKind.Char or CTypeKind.SChar or CTypeKind.UChar or CTypeKind.Short or CTypeKind.UShort or CTypeKind.Int or CTypeKind.UInt
                or CTypeKind.Long or CTypeKind.ULong or CTypeKind.LongLong or CTypeKind.ULongLong))
                return null;
            foreach (var name in type.TypedefChain)
            {
                switch (name)
                {
                    case "size_t" or "uintptr_t" or "SIZE_T" or "ULONG_PTR" or "UINT_PTR" or "DWORD_PTR":
                        return "nuint";
                    case "ssize_t" or "intptr_t" or "ptrdiff_t" or "SSIZE_T" or "LONG_PTR" or "INT_PTR":
                        return "nint";
                    case "wchar_t" or "WCHAR":
                        return null;
                }
            }
            var fixedWidth = type.TypedefChain.Any(FixedWidth().IsMatch);
            return type.Kind switch
            {
                CTypeKind.Long when !fixedWidth => q + "CLong",
                CTypeKind.ULong when !fixedWidth => q + "CULong",
                CTypeKind.Char => type.IsSigned ? "sbyte" : "byte",
                _ => (type.Size, type.IsSigned || type.Kind is CTypeKind.SChar or CTypeKind.Short or CTypeKind.Int or CTypeKind.Long or CTypeKind.LongLong) switch
                {
                    (1, true) => "sbyte",
                    (1, false) => "byte",
                    (2, true) => "short",
                    (2, false) => "ushort",
                    (4, true) => "int",
                    (4, false) => "uint",
                    (8, true) => "long",
                    (8, false) => "ulong",
                    _ => null,
                },
            };
        }

        private Mapped? Pointer(CType type, bool isReturn)
        {
            var pointee = type.Pointee;
            if (pointee is null)
                return null;
            if (pointee.Kind == CTypeKind.Function)
                return FunctionPointer(pointee.Function);
            if (pointee.Kind == CTypeKind.Char && pointee.TypedefChain.IsEmpty)
            {
                if (isReturn)
                    return new Mapped("nint", null, false); // who frees it is the library's contract: the caller gets the pointer
                if (pointee.IsConst)
                    return style.LibraryImport ? new Mapped("string", null, false) : new Mapped("string", $"{q}MarshalAs({q}UnmanagedType.LPUTF8Str)", false);
            }
            if (pointee.Kind is CTypeKind.Void or CTypeKind.Pointer or CTypeKind.FunctionPointer
                || pointee.Kind == CTypeKind.Record && (!pointee.IsComplete || Lookup(pointee) is not { IsComplete: true }))
                return new Mapped("nint", null, false); // void*, pointer to pointer, an opaque handle
            var element = pointee.Kind switch
            {
                CTypeKind.Float => "float",
                CTypeKind.Double when pointee.Size == 8 => "double",
                CTypeKind.Record => Record(pointee),
                CTypeKind.Enum => Enum(pointee),
                CTypeKind.Bool => null,
                _ => Integer(pointee),
            };
            if (element is null)
                return null;
            return style.AllowUnsafe ? new Mapped(element + "*", null, true) : new Mapped("nint", null, false);
        }

        private Mapped? FunctionPointer(CFunctionSignature? signature)
        {
            if (!style.AllowUnsafe || signature is null || signature.IsVariadic
                || target.Target.HasDistinctCallingConventions && signature.CallingConvention is not (CCallingConvention.C or CCallingConvention.Unknown))
                return null;
            var parts = new List<string>();
            foreach (var p in signature.Parameters.Append(signature.ReturnType))
            {
                var t = p.Kind == CTypeKind.Void && parts.Count == signature.Parameters.Length ? "void"
                    : p.Kind is CTypeKind.Float ? "float" : p.Kind is CTypeKind.Double && p.Size == 8 ? "double"
                    : p.Kind == CTypeKind.Pointer && p.Pointee is { Kind: not CTypeKind.Function } ? "nint" : Integer(p);
                if (t is null)
                    return null;
                parts.Add(t);
            }
            return new Mapped($"delegate* unmanaged[Cdecl]<{string.Join(", ", parts)}>", null, true);
        }

        private CRecord? Lookup(CType type) =>
            type.TypedefChain.Prepend(type.DeclarationName ?? "").Where(n => n.Length > 0).Select(n => target.Records.GetValueOrDefault(n)).FirstOrDefault(r => r is not null);

        /// <summary>The existing C# struct of that name, else a generated `[StructLayout(Sequential)]` struct of scalar and pointer fields.</summary>
        private string? Record(CType type)
        {
            if (Lookup(type) is not { IsComplete: true, Kind: not CRecordKind.Union, HasBitFields: false, IsPacked: false } record
                || GenerateBinding.Identifier(record.Name) is null || record.Name != record.QualifiedName)
                return null;
            if (csTypes[record.Name].ToList() is { Count: > 0 } existing)
                return existing.Count == 1 ? "global::" + existing[0] : null;
            if (types.ContainsKey(record.Name))
                return record.Name;
            var fields = new List<string>();
            long offset = 0;
            foreach (var field in record.Fields)
            {
                // Sequential C# layout equals C's natural layout only with the same field types in order and no gaps C# would not make.
                var fieldType = field.Type.Kind switch
                {
                    CTypeKind.Float => "float",
                    CTypeKind.Double when field.Type.Size == 8 => "double",
                    CTypeKind.Pointer or CTypeKind.FunctionPointer => "nint",
                    _ => Integer(field.Type),
                };
                if (fieldType is null || field.Name.Length == 0 || field.OffsetInBits % 8 != 0 || field.Type.Align <= 0)
                    return null;
                var natural = (offset + field.Type.Align - 1) / field.Type.Align * field.Type.Align;
                if (field.OffsetInBits / 8 != natural)
                    return null;
                offset = natural + field.Type.Size;
                fields.Add($"    public {fieldType} {GenerateBinding.Identifier(field.Name) ?? "@" + field.Name};");
            }
            if (fields.Count == 0)
                return null;
            types[record.Name] = $"[{q}StructLayout({q}LayoutKind.Sequential)]\npublic struct {record.Name}\n{{\n{string.Join("\n", fields)}\n}}\n";
            return record.Name;
        }

        /// <summary>The existing C# enum of that name, else a generated enum with the C underlying type and every constant's value.</summary>
        private string? Enum(CType type)
        {
            if (type.TypedefChain.Prepend(type.DeclarationName ?? "").FirstOrDefault(n => n.Length > 0 && target.Enums.ContainsKey(n)) is not { } name)
            {
                // An enum the index has no name for (an anonymous `typedef enum { … } t;`) is passed as its integer type.
                // Its values are unknown here, so only a size every compiler agrees on with a signedness that does not matter is certain: not offered.
                return null;
            }
            if (target.Enums.GetValueOrDefault(name) is not { } e
                || GenerateBinding.Identifier(e.Name) is null || e.Name != e.QualifiedName || Integer(e.IntegerType) is not { } underlying
                || underlying is "nint" or "nuint" || underlying.Contains("CLong", StringComparison.Ordinal) || underlying.Contains("CULong", StringComparison.Ordinal))
                return null;
            if (csTypes[e.Name].ToList() is { Count: > 0 } existing)
                return existing.Count == 1 ? "global::" + existing[0] : null;
            // Compilers disagree on the signedness of an enum's type (MSVC: always int; others: unsigned without negative values),
            // never on its size: the C# enum takes the signed type of that size when every value fits, as C# enums usually do.
            var signedName = SignedOfSize(e.IntegerType.Size);
            if (signedName is not null && e.Constants.All(c => FitsSigned(c.Value, e.IntegerType.Size)))
                underlying = signedName;
            if (!types.ContainsKey(e.Name))
            {
                if (e.Constants.Any(c => GenerateBinding.Identifier(c.Name) is null))
                    return null;
                var members = e.Constants.Select(c => $"    {c.Name} = {c.Value.ToString(CultureInfo.InvariantCulture)},");
                types[e.Name] = $"public enum {e.Name} : {underlying}\n{{\n{string.Join("\n", members)}\n}}\n";
            }
            return e.Name;
        }
    }

    private static string? SignedOfSize(long size) => size switch { 1 => "sbyte", 2 => "short", 4 => "int", 8 => "long", _ => null };

    private static bool FitsSigned(Int128 value, long size) => size is > 0 and <= 8 && value >= -(Int128.One << (int)(size * 8 - 1)) && value < Int128.One << (int)(size * 8 - 1);

    [GeneratedRegex(@"^(__)?u?int(_least|_fast)?(8|16|32|64)(_t)?$|^(DWORD|ULONG|LONG|INT32|UINT32|INT64|UINT64|LONG32|ULONG32|LONG64|ULONG64|DWORD32|DWORD64)$")]
    private static partial Regex FixedWidth();
}
