using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.C;

namespace HybridLsp.Ide.Assists;

/// <summary>
/// The C function a C# extern declaration calls: a prototype and a definition whose types are the reverse of the C#
/// marshalling (the inverse of <see cref="CAbiMapper"/>) on every configured target, and a body that returns a zero value.
/// Null when any type has no certain C equivalent. The text is valid C99 and C++ alike.
/// </summary>
internal static partial class CStubWriter
{
    /// <summary>A stub: the function name, its prototype (no export macro, no `;`), its definition, the headers its types need, and new struct declarations.</summary>
    public sealed record Stub(string FunctionName, string Prototype, string Definition, ImmutableSortedSet<string> Includes, ImmutableArray<(string Name, string Text)> NewTypes);

    /// <param name="library">The library the stub goes into (its structs and enums are used by name), null for a new library.</param>
    /// <param name="spelling">How a record or enum of the library is written in a C declaration (`struct S` or `S`); null when unknown.</param>
    public static Stub? Write(Binding binding, ImmutableArray<TargetPlatform> targets, CLibrary? library, bool cxx, Func<string, bool, string?> spelling)
    {
        var method = binding.Method;
        var symbol = binding.EntryPoint;
        if (!IsIdentifier(symbol) || targets.IsDefaultOrEmpty || method.Parameters.Any(p => p.IsParams || p.IsThis))
            return null;
        var context = CsMarshalContext.For(method, binding.Symbols.DisableRuntimeMarshalling);
        var names = new List<string>();
        foreach (var p in method.Parameters)
            names.Add(IsIdentifier(p.Name) && !names.Contains(p.Name) ? p.Name : $"arg{names.Count}");

        string[]? parameters = null;
        string? returnType = null;
        string[]? returnLines = null;
        TypeWriter? writer = null;
        var local = names.Contains("result") ? "result_" : "result";
        foreach (var target in targets)
        {
            var mapper = new CsAbiMapper(binding.Symbols, target);
            var w = new TypeWriter(library, target, cxx, spelling);
            var texts = new string[method.Parameters.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                if (w.Declarator(mapper.MapParameter(method.Parameters[i], context, method.Container), names[i]) is not { } text
                    || parameters is not null && parameters[i] != text)
                    return null;
                texts[i] = text;
            }
            var ret = mapper.MapReturn(method, context);
            var (retType, retLines) = ret is AbiVoid ? ("void", []) : (w.Type(ret, isReturn: true), w.Return(ret, local));
            if (retType is null || retLines is null || returnType is not null && (retType != returnType || !retLines.SequenceEqual(returnLines!)))
                return null;
            if (writer is not null && !writer.SameTypes(w))
                return null;
            (parameters, returnType, returnLines, writer) = (texts, retType, retLines, w);
        }

        var prototype = $"{Pointer(returnType!, symbol)}({(parameters!.Length == 0 ? "void" : string.Join(", ", parameters))})";
        var body = new StringBuilder();
        body.Append(prototype).Append("\n{\n");
        body.Append("    // Write the implementation here").Append(cxx ? " (no C++ exception may escape: unwinding into .NET ends the process)" : "").Append(".\n");
        if (returnLines!.Length > 0)
            body.Append("    // Until then this stub returns a zero value.\n");
        foreach (var name in names)
            body.Append("    (void)").Append(name).Append(";\n");
        foreach (var line in returnLines)
            body.Append("    ").Append(line).Append('\n');
        body.Append('}');
        return new Stub(symbol, prototype, body.ToString(), [.. writer!.Includes], [.. writer.NewTypes]);
    }

    /// <summary>A declarator: `T name`; pointer types are written `T*`, so this gives `T* name`.</summary>
    private static string Pointer(string type, string name) => type + " " + name;

    public static bool IsIdentifier(string name) => CIdentifier().IsMatch(name) && !s_keywords.Contains(name) && !name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>AbiType (one target) → C type text; null when there is no certain equivalent.</summary>
    private sealed class TypeWriter(CLibrary? library, TargetPlatform target, bool cxx, Func<string, bool, string?> spelling)
    {
        public SortedSet<string> Includes { get; } = new(StringComparer.Ordinal);

        public List<(string Name, string Text)> NewTypes { get; } = [];

        public bool SameTypes(TypeWriter other) =>
            Includes.SetEquals(other.Includes) && NewTypes.Select(t => t.Text).SequenceEqual(other.NewTypes.Select(t => t.Text));

        /// <summary>A parameter: `T name`, or `R (*name)(P…)` for a function pointer.</summary>
        public string? Declarator(AbiType type, string name)
        {
            // `unmanaged` alone means stdcall on Windows, which only x86 distinguishes from cdecl.
            if (type is AbiFunctionPointer { Variadic: false } f && (f.CallingConvention == CallConv.C || !target.HasDistinctCallingConventions))
            {
                var ps = f.Parameters.Select(p => Type(p, isReturn: false)).ToList();
                var r = f.Return is AbiVoid ? "void" : Type(f.Return, isReturn: true);
                if (r is null || ps.Any(p => p is null || p.Contains('(')))
                    return null;
                return $"{r} (*{name})({(ps.Count == 0 ? "void" : string.Join(", ", ps))})";
            }
            return Type(type, isReturn: false) is { } text ? Pointer(text, name) : null;
        }

        public string? Type(AbiType type, bool isReturn) => type switch
        {
            AbiInt i => Int(i),
            AbiFloat { Bytes: 4 } => "float",
            AbiFloat { Bytes: 8 } => "double",
            AbiBool { Bytes: 1 } => Bool(),
            AbiBool { Bytes: 4 } => Fixed("int32_t"), // Win32 BOOL, C#'s default for bool: 0 is false, anything else true
            AbiChar { Bytes: 2, IsRustChar: false } => Fixed("uint16_t"),
            AbiString { Encoding: StringEncoding.Utf8, IsBuffer: false } when !isReturn => "const char*",
            AbiString { Encoding: StringEncoding.Utf16, IsBuffer: false } when !isReturn => "const " + Fixed("uint16_t") + "*",
            AbiPointer { Pointee: null } p => (p.Writes == Mutability.Const ? "const " : "") + "void*",
            AbiPointer { Pointee: { } pointee } p when pointee is not (AbiString or AbiPointer or AbiFunctionPointer or AbiArray) =>
                Type(pointee, isReturn: false) is { } inner ? (p.Writes == Mutability.Const ? "const " : "") + inner + "*" : null,
            AbiStruct s => Struct(s),
            AbiEnum e => Enum(e),
            _ => null,
        };

        /// <summary>The statements that return a zero value: `return 0;`, or a zero-initialised local for a struct.</summary>
        public string[]? Return(AbiType type, string local)
        {
            var value = type switch
            {
                AbiInt or AbiChar or AbiBool { Bytes: 4 } => "0",
                AbiFloat { Bytes: 4 } => "0.0f",
                AbiFloat => "0.0",
                AbiBool { Bytes: 1 } => "false",
                AbiPointer => cxx ? "nullptr" : Null(),
                AbiEnum e when Enum(e) is { } name => library?.Targets.GetValueOrDefault(target)?.Enums.GetValueOrDefault(e.Name) is { } c
                    ? c.Constants.FirstOrDefault(k => k.Value == 0)?.Name ?? (cxx ? $"static_cast<{name}>(0)" : $"({name})0")
                    : "0",
                _ => null,
            };
            if (value is not null)
                return ["return " + value + ";"];
            if (type is AbiStruct s && Struct(s) is { } structName)
                return [$"{structName} {local} = {(cxx ? "{}" : "{0}")};", $"return {local};"];
            return null;
        }

        private string Null()
        {
            Includes.Add("stddef.h");
            return "NULL";
        }

        private string Fixed(string name)
        {
            Includes.Add("stdint.h");
            return name;
        }

        private string Bool()
        {
            if (!cxx)
                Includes.Add("stdbool.h");
            return "bool";
        }

        private string? Int(AbiInt i)
        {
            switch (i.PlatformName)
            {
                case "nint":
                    return Fixed("intptr_t");
                case "nuint":
                    Includes.Add("stddef.h");
                    return "size_t";
                case "CLong":
                    return "long";
                case "CULong":
                    return "unsigned long";
                case null when i.Bytes is 1 or 2 or 4 or 8:
                    return Fixed((i.Signed ? "int" : "uint") + (i.Bytes * 8).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_t");
                default:
                    return null;
            }
        }

        private string? Struct(AbiStruct s)
        {
            if (s.Layout.Unsupported is not null || !IsIdentifier(s.Name))
                return null;
            if (library?.Targets.GetValueOrDefault(target) is { } parsed && parsed.Records.TryGetValue(s.Name, out var record))
                return record.IsComplete && record.Name == record.QualifiedName && record.Kind != CRecordKind.Union ? spelling(s.Name, true) : null;
            if (NewTypes.Any(t => t.Name == s.Name))
                return s.Name;
            // A new struct: only fields C lays out the same way C# did (natural alignment, no Pack, no padding C would not add).
            var fields = new List<string>();
            var offset = 0;
            var align = 1;
            foreach (var field in s.Layout.Fields)
            {
                if (!IsIdentifier(field.Name) || field.Type is AbiStruct or AbiEnum or AbiArray or AbiFunctionPointer or AbiString
                    || Type(field.Type, isReturn: false) is not { } fieldType)
                    return null;
                var size = field.Type is AbiPointer ? target.PointerSize : field.Type.Size ?? 0;
                var fieldAlign = size == 8 && field.Type is AbiInt or AbiFloat ? target.Int64Alignment : size;
                if (size <= 0)
                    return null;
                offset = (offset + fieldAlign - 1) / fieldAlign * fieldAlign;
                if (field.Offset != offset)
                    return null;
                offset += size;
                align = Math.Max(align, fieldAlign);
                fields.Add("    " + Pointer(fieldType, field.Name) + ";");
            }
            if (fields.Count == 0 || (offset + align - 1) / align * align != s.Layout.Size)
                return null;
            NewTypes.Add((s.Name, $"typedef struct {s.Name}\n{{\n{string.Join("\n", fields)}\n}} {s.Name};"));
            return s.Name;
        }

        /// <summary>The library's enum of that name, else the C# enum's underlying integer type (an enum is passed as that integer).</summary>
        private string? Enum(AbiEnum e)
        {
            if (library?.Targets.GetValueOrDefault(target) is not { } parsed || !parsed.Enums.TryGetValue(e.Name, out var c))
                return Int(e.Underlying);
            if (c.Name != c.QualifiedName || c.IntegerType.Size != e.Underlying.Bytes)
                return null;
            return spelling(e.Name, false);
        }
    }

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if",
        "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
        "unsigned", "void", "volatile", "while", "bool", "true", "false", "alignas", "alignof", "asm", "catch", "class", "const_cast", "constexpr",
        "consteval", "constinit", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept",
        "nullptr", "operator", "private", "protected", "public", "reinterpret_cast", "static_assert", "static_cast", "template", "this",
        "thread_local", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t", "char8_t", "char16_t", "char32_t", "concept",
        "requires", "co_await", "co_return", "co_yield", "and", "or", "not", "xor", "bitand", "bitor", "compl", "and_eq", "or_eq", "xor_eq",
        "not_eq", "main", "NULL",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CIdentifier();
}
