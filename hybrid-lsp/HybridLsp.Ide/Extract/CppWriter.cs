using System.Globalization;
using System.Text;

namespace HybridLsp.Ide.Extract;

/// <summary>
/// Writes an <see cref="NMethod"/> as a C++17 function with C linkage. Signed overflow is undefined behaviour in C++, so
/// C# wrapping arithmetic is done in the unsigned type of the same width and cast back (two's complement, as every
/// supported compiler does and C++20 guarantees); shifts mask their count like C#; float-to-integer conversions saturate
/// (NaN → 0) as in .NET 9+; `checked` arithmetic uses the GCC/Clang overflow builtins. What C# throws for (division by
/// zero, `int.MinValue / -1`, an index out of range, `Math.Abs(int.MinValue)`, NaN in `Math.Sign`) calls `std::abort()`.
/// Helpers are lambdas local to the function, so extracting several functions into one file never clashes.
/// </summary>
internal sealed class CppWriter : NativeWriter
{
    private readonly Dictionary<NVariable, string> _lengths = [];
    private CppWriter(NMethod method) : base(method)
    {
    }

    /// <summary>The headers the definitions need (included before them; repeating an include is harmless).</summary>
    public const string Includes = "#include <algorithm>\n#include <cmath>\n#include <cstddef>\n#include <cstdint>\n#include <cstdlib>\n#include <limits>\n#include <type_traits>\n";

    /// <summary>A C struct for the header (C and C++ callers), fields as C# names them.</summary>
    public static string Struct(NStruct s)
    {
        var sb = new StringBuilder();
        sb.Append("/* C# struct '").Append(s.Name).Append("' ([StructLayout(LayoutKind.Sequential)]). */\n");
        sb.Append("typedef struct ").Append(s.Name).Append(" {\n");
        foreach (var f in s.Fields)
            sb.Append("    ").Append(Type(f.Type)).Append(' ').Append(Field(f.Name)).Append(";\n");
        return sb.Append("} ").Append(s.Name).Append(";\n").ToString();
    }

    public static string Field(string name) => Names.CppKeywords.Contains(name) ? name + "_" : name;

    /// <summary>The header prototype (with the library's export macro) and the source definition.</summary>
    public static (string Declaration, string Definition) Function(NMethod method, string exportName, string exportMacro, string csharpOrigin)
    {
        var writer = new CppWriter(method);
        return writer.Write(exportName, exportMacro, csharpOrigin);
    }

    private (string, string) Write(string exportName, string exportMacro, string csharpOrigin)
    {
        Reserve(exportName);
        var parameters = new List<string>();
        var prelude = new StringBuilder();
        foreach (var p in _method.Parameters)
        {
            var name = Declare(p);
            if (p.Type.Kind == NKind.Span)
            {
                var len = Unique(name + "_len");
                _lengths[p] = len;
                parameters.Add($"{(p.Type.ReadOnly ? "const " : "")}{Type(p.Type.Element!)}* {name}");
                parameters.Add($"size_t {len}");
                if (!p.Read)
                    prelude.Append($"    (void){name};\n    (void){len};\n");
            }
            else
            {
                parameters.Add($"{Type(p.Type)} {name}");
                if (!p.Read && !p.Mutated)
                    prelude.Append($"    (void){name};\n");
            }
        }
        foreach (var s in _method.Body.Statements)
            Statement(s);
        var signature = $"{(_method.Return.Kind == NKind.Void ? "void" : Type(_method.Return))} {exportName}({(parameters.Count == 0 ? "void" : string.Join(", ", parameters))})";
        var definition = new StringBuilder();
        definition.Append("// Translated from C# ").Append(csharpOrigin).Append(" by hybrid-lsp (C# integer semantics kept explicit: docs/extract-to-native.md).\n");
        definition.Append("extern \"C\" ").Append(signature).Append("\n{\n");
        foreach (var helper in _helpers.Values)
            definition.Append(helper);
        definition.Append(prelude).Append(_body).Append("}\n");
        return ($"{exportMacro} {signature};", definition.ToString());
    }

    private string Declare(NVariable v)
    {
        var name = Unique(v.Name.TrimStart('@'));
        _names[v] = name;
        return name;
    }

    private string Unique(string name)
    {
        if (Names.CppKeywords.Contains(name) || name.StartsWith("hl_", StringComparison.Ordinal) || name.StartsWith("__", StringComparison.Ordinal))
            name += "_";
        return Claim(name);
    }

    public static string Type(NType t) => t.Kind switch
    {
        NKind.I8 => "int8_t", NKind.U8 => "uint8_t", NKind.I16 => "int16_t", NKind.U16 => "uint16_t", NKind.I32 => "int32_t", NKind.U32 => "uint32_t",
        NKind.I64 => "int64_t", NKind.U64 => "uint64_t", NKind.NInt => "intptr_t", NKind.NUInt => "uintptr_t", NKind.F32 => "float", NKind.F64 => "double",
        NKind.Bool => "bool", NKind.Char => "char16_t", NKind.Struct => t.Struct!.Name, NKind.Void => "void",
        _ => Type(t.Element!) + "*",
    };

    private static string UnsignedType(NType t) => t.Kind switch
    {
        NKind.I8 => "uint8_t", NKind.I16 => "uint16_t", NKind.I32 => "uint32_t", NKind.I64 => "uint64_t", NKind.NInt => "uintptr_t", _ => Type(t),
    };

    // ---------------------------------------------------------------- statements



    protected override void Statement(NStmt statement)
    {
        switch (statement)
        {
            case NLocal local:
            {
                var name = Declare(local.Variable);
                Line($"{Type(local.Variable.Type)} {name} = {(local.Initializer is { } init ? Expr(init) : Zero(local.Variable.Type))};");
                if (!local.Variable.Read)
                    Line($"(void){name};");
                break;
            }
            case NAssign assign:
                Line($"{Expr(assign.Target)} = {Expr(assign.Value)};");
                break;
            case NBlock block:
                Line("{");
                Nested(block);
                Line("}");
                break;
            case NIf conditional:
                Line($"if ({Expr(conditional.Condition)}) {{");
                Nested(conditional.Then);
                var otherwise = conditional.Else;
                while (otherwise is { Statements: [NIf inner] })
                {
                    Line($"}} else if ({Expr(inner.Condition)}) {{");
                    Nested(inner.Then);
                    otherwise = inner.Else;
                }
                if (otherwise is not null)
                {
                    Line("} else {");
                    Nested(otherwise);
                }
                Line("}");
                break;
            case NWhile loop:
                Line($"while ({(loop.Condition is null ? "true" : Expr(loop.Condition))}) {{");
                Nested(loop.Body);
                Line("}");
                break;
            case NDoWhile loop:
                Line("do {");
                Nested(loop.Body);
                Line($"}} while ({Expr(loop.Condition)});");
                break;
            case NFor loop:
            {
                Line("{");
                _indent++;
                foreach (var init in loop.Initializers)
                    Statement(init);
                var increments = string.Join(", ", loop.Incrementors.OfType<NAssign>().Select(a => $"{Expr(a.Target)} = {Expr(a.Value)}"));
                Line($"for (; {(loop.Condition is null ? "" : Expr(loop.Condition))}; {increments}) {{");
                Nested(loop.Body);
                Line("}");
                _indent--;
                Line("}");
                break;
            }
            case NForeach loop:
            {
                var index = Unique("i_" + loop.Loop.Id);
                var (pointer, length) = SpanParts(loop.Span);
                Line($"for (size_t {index} = 0; {index} < {length}; ++{index}) {{");
                _indent++;
                var name = Declare(loop.Variable);
                Line($"const {Type(loop.Variable.Type)} {name} = {pointer}[{index}];");
                if (!loop.Variable.Read)
                    Line($"(void){name};");
                foreach (var s in loop.Body.Statements)
                    Statement(s);
                _indent--;
                Line("}");
                break;
            }
            case NBreak:
                Line("break;");
                break;
            case NContinue:
                Line("continue;");
                break;
            case NReturn r:
                Line(r.Value is null ? "return;" : $"return {Expr(r.Value)};");
                break;
        }
    }

    private (string Pointer, string Length) SpanParts(NExpr span) => span is NVar { Variable: var v } && _lengths.TryGetValue(v, out var len)
        ? (_names[v], len)
        : throw new InvalidOperationException("a span is always a parameter");

    // ---------------------------------------------------------------- expressions

    /// <summary>Every compound subexpression is parenthesised: C++ precedence never has to be argued about (and -Wparentheses stays quiet).</summary>
    private string Expr(NExpr e) => e switch
    {
        NLiteral literal => Literal(literal),
        NVar v => _names[v.Variable],
        NFieldAccess f => $"{Expr(f.Target)}.{Field(f.Field)}",
        NIndex index => Index(index),
        NLength length => $"static_cast<int32_t>({SpanParts(length.Span).Length})",
        NConditional c => $"({Expr(c.Condition)} ? {Expr(c.WhenTrue)} : {Expr(c.WhenFalse)})",
        NUnary u => Unary(u),
        NBinary b => Binary(b),
        NConvert c => Convert(c),
        NCall call => Call(call),
        NStructValue s => $"{s.Type.Struct!.Name}{{{string.Join(", ", s.Type.Struct.Fields.Select(f => s.Fields.FirstOrDefault(x => x.Field == f.Name).Value is { } value ? Expr(value) : Zero(f.Type)))}}}",
        _ => throw new InvalidOperationException("unexpected expression " + e.GetType().Name),
    };

    private string Index(NIndex index)
    {
        var (pointer, length) = SpanParts(index.Span);
        _helpers["hl_at"] = "    // C# checks every index (IndexOutOfRangeException): out of range aborts here.\n"
            + "    auto hl_at = [](auto* data, size_t length, auto index) -> decltype(*data)& {\n"
            + "        if constexpr (std::is_signed_v<decltype(index)>) {\n            if (index < 0) std::abort();\n        }\n"
            + "        if (static_cast<uint64_t>(index) >= length) std::abort();\n        return data[index];\n    };\n";
        return $"hl_at({pointer}, {length}, {Expr(index.Index)})";
    }

    private static string Literal(NLiteral literal)
    {
        var t = literal.Type;
        switch (literal.Value)
        {
            case long v when t.Kind == NKind.Bool:
                return v != 0 ? "true" : "false";
            case long v when t.Kind == NKind.I32:
                return v == int.MinValue ? "INT32_MIN" : $"INT32_C({v.ToString(CultureInfo.InvariantCulture)})";
            case long v when t.Kind == NKind.I64:
                return v == long.MinValue ? "INT64_MIN" : $"INT64_C({v.ToString(CultureInfo.InvariantCulture)})";
            case long v:
                return $"static_cast<{Type(t)}>({v.ToString(CultureInfo.InvariantCulture)})";
            case ulong u when t.Kind == NKind.U32:
                return $"UINT32_C({u.ToString(CultureInfo.InvariantCulture)})";
            case ulong u when t.Kind == NKind.U64:
                return $"UINT64_C({u.ToString(CultureInfo.InvariantCulture)})";
            case ulong u:
                return $"static_cast<{Type(t)}>({u.ToString(CultureInfo.InvariantCulture)}u)";
            case double d:
            {
                var type = Type(t);
                if (double.IsNaN(d))
                    return $"std::numeric_limits<{type}>::quiet_NaN()";
                if (double.IsInfinity(d))
                    return $"{(d < 0 ? "-" : "")}std::numeric_limits<{type}>::infinity()";
                var text = Names.FloatText(d, t.Kind == NKind.F32);
                return "(" + text + (t.Kind == NKind.F32 ? "f" : "") + ")";
            }
            default:
                throw new InvalidOperationException("unexpected literal");
        }
    }

    private static string Zero(NType t) => t.Kind switch
    {
        NKind.Bool => "false",
        NKind.F32 => "0.0f",
        NKind.F64 => "0.0",
        NKind.Struct => t.Struct!.Name + "{" + string.Join(", ", t.Struct.Fields.Select(f => Zero(f.Type))) + "}",
        _ => $"static_cast<{Type(t)}>(0)",
    };

    private string Unary(NUnary u)
    {
        var operand = Expr(u.Operand);
        var t = u.Type;
        switch (u.Op)
        {
            case NUnaryOp.Not:
                return $"(!{operand})";
            case NUnaryOp.Complement:
                return $"static_cast<{Type(t)}>(~{operand})";
            default:
                if (t.IsFloat)
                    return $"(-{operand})";
                if (u.Checked)
                {
                    _helpers["hl_checked_neg"] = "    auto hl_checked_neg = [](auto a) { if (a == std::numeric_limits<decltype(a)>::min()) std::abort(); return static_cast<decltype(a)>(-a); };\n";
                    return $"hl_checked_neg({operand})";
                }
                return $"static_cast<{Type(t)}>({UnsignedType(t)}(0) - static_cast<{UnsignedType(t)}>({operand}))";
        }
    }

    private string Binary(NBinary b)
    {
        var t = b.OperandType;
        var l = Expr(b.Left);
        var r = Expr(b.Right);
        string Infix(string op) => $"({l} {op} {r})";
        switch (b.Op)
        {
            case NBinaryOp.LogicalAnd: return Infix("&&");
            case NBinaryOp.LogicalOr: return Infix("||");
            case NBinaryOp.Eq: return Infix("==");
            case NBinaryOp.Ne: return Infix("!=");
            case NBinaryOp.Lt: return Infix("<");
            case NBinaryOp.Le: return Infix("<=");
            case NBinaryOp.Gt: return Infix(">");
            case NBinaryOp.Ge: return Infix(">=");
        }
        if (t.Kind == NKind.Bool)
            return $"static_cast<bool>({Infix(b.Op switch { NBinaryOp.And => "&", NBinaryOp.Or => "|", _ => "^" })})";
        if (t.IsFloat)
        {
            return b.Op switch
            {
                NBinaryOp.Add => Infix("+"), NBinaryOp.Sub => Infix("-"), NBinaryOp.Mul => Infix("*"), NBinaryOp.Div => Infix("/"),
                _ => $"std::fmod({l}, {r})",
            };
        }
        var type = Type(t);
        var unsigned = UnsignedType(t);
        switch (b.Op)
        {
            case NBinaryOp.Add or NBinaryOp.Sub or NBinaryOp.Mul:
            {
                var op = b.Op switch { NBinaryOp.Add => "+", NBinaryOp.Sub => "-", _ => "*" };
                if (b.Checked)
                {
                    var name = "hl_checked_" + b.Op.ToString().ToLowerInvariant();
                    var builtin = b.Op switch { NBinaryOp.Add => "__builtin_add_overflow", NBinaryOp.Sub => "__builtin_sub_overflow", _ => "__builtin_mul_overflow" };
                    _helpers[name] = $"    // checked: C# throws OverflowException; here the process aborts.\n    auto {name} = [](auto a, decltype(a) b) {{ decltype(a) r; if ({builtin}(a, b, &r)) std::abort(); return r; }};\n";
                    return $"{name}({l}, {r})";
                }
                // Wrapping: computed in the unsigned type (defined overflow), converted back (two's complement).
                return $"static_cast<{type}>(static_cast<{unsigned}>({l}) {op} static_cast<{unsigned}>({r}))";
            }
            case NBinaryOp.Div or NBinaryOp.Rem:
            {
                var name = b.Op == NBinaryOp.Div ? "hl_div" : "hl_rem";
                _helpers[name] = $"    // C# throws for a zero divisor and for MIN {(b.Op == NBinaryOp.Div ? "/" : "%")} -1; here the process aborts.\n"
                    + $"    auto {name} = [](auto a, decltype(a) b) {{\n        using T = decltype(a);\n        if (b == 0) std::abort();\n"
                    + "        if constexpr (std::is_signed_v<T>) {\n            if (a == std::numeric_limits<T>::min() && b == T(-1)) std::abort();\n        }\n"
                    + $"        return static_cast<T>(a {(b.Op == NBinaryOp.Div ? "/" : "%")} b);\n    }};\n";
                return $"{name}({l}, {r})";
            }
            case NBinaryOp.And: return Infix("&");
            case NBinaryOp.Or: return Infix("|");
            case NBinaryOp.Xor: return Infix("^");
            default:
            {
                var mask = t.Bits == 64 ? 63 : 31;
                var count = b.Right is NLiteral { Value: long n } ? (n & mask).ToString(CultureInfo.InvariantCulture) : $"({r} & {mask})";
                return b.Op switch
                {
                    NBinaryOp.Shl => $"static_cast<{type}>(static_cast<{unsigned}>({l}) << {count})",
                    NBinaryOp.Shr => $"static_cast<{type}>({l} >> {count})", // arithmetic for signed types (GCC, Clang, MSVC; C++20)
                    _ => $"static_cast<{type}>(static_cast<{unsigned}>({l}) >> {count})",
                };
            }
        }
    }

    private string Convert(NConvert c)
    {
        var from = c.Operand.Type;
        var to = c.Type;
        var operand = Expr(c.Operand);
        if (from.IsFloat && !to.IsFloat)
        {
            // .NET 9+ saturates (NaN → 0); types narrower than int go through int first, as the runtime does.
            var direct = to.Kind is NKind.I8 or NKind.U8 or NKind.I16 or NKind.U16 or NKind.Char ? NType.I32 : to;
            var name = $"hl_{Type(from)}_to_{Type(direct)}";
            var limits = $"std::numeric_limits<{Type(direct)}>";
            _helpers[name] = $"    auto {name} = []({Type(from)} v) -> {Type(direct)} {{\n        if (v != v) return 0;\n"
                + $"        if (v <= static_cast<{Type(from)}>({limits}::min())) return {limits}::min();\n"
                + $"        if (v >= static_cast<{Type(from)}>({limits}::max())) return {limits}::max();\n        return static_cast<{Type(direct)}>(v);\n    }};\n";
            var converted = $"{name}({operand})";
            return direct == to ? converted : $"static_cast<{Type(to)}>({converted})";
        }
        if (c.Checked)
        {
            var name = $"hl_checked_{Type(from)}_to_{Type(to)}";
            _helpers[name] = $"    // checked: C# throws OverflowException; here the process aborts.\n    auto {name} = []({Type(from)} v) -> {Type(to)} {{\n"
                + $"        const auto r = static_cast<{Type(to)}>(v);\n        if (static_cast<{Type(from)}>(r) != v || (r < {Type(to)}{{}}) != (v < {Type(from)}{{}})) std::abort();\n        return r;\n    }};\n";
            return $"{name}({operand})";
        }
        return $"static_cast<{Type(to)}>({operand})";
    }

    private string Call(NCall call)
    {
        var a = call.Arguments.Select(Expr).ToArray();
        var t = call.Arguments.Length > 0 ? call.Arguments[0].Type : call.Type;
        switch (call.Function)
        {
            case "IsNaN": return $"std::isnan({a[0]})";
            case "IsInfinity": return $"std::isinf({a[0]})";
            case "IsFinite": return $"std::isfinite({a[0]})";
            case "IsPositiveInfinity": return $"({a[0]} == std::numeric_limits<{Type(t)}>::infinity())";
            case "IsNegativeInfinity": return $"({a[0]} == -std::numeric_limits<{Type(t)}>::infinity())";
            case "Abs" when t.IsFloat: return $"std::fabs({a[0]})";
            case "Abs":
                _helpers["hl_abs"] = "    // Math.Abs throws for MIN (no positive counterpart); here the process aborts.\n"
                    + "    auto hl_abs = [](auto a) { using T = decltype(a); if (a == std::numeric_limits<T>::min()) std::abort(); return static_cast<T>(a < 0 ? -a : a); };\n";
                return $"hl_abs({a[0]})";
            case "Min" or "Max" when t.IsFloat:
            {
                var max = call.Function == "Max";
                var name = max ? "hl_fmax" : "hl_fmin";
                _helpers[name] = $"    // Math.{call.Function}: NaN if either is NaN; {(max ? "+0 over -0" : "-0 under +0")} (IEEE 754-2019 {(max ? "maximum" : "minimum")}).\n"
                    + $"    auto {name} = [](auto a, decltype(a) b) {{\n        if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<decltype(a)>::quiet_NaN();\n"
                    + $"        if (a == b) return std::signbit(a) ? {(max ? "b" : "a")} : {(max ? "a" : "b")};\n        return a {(max ? ">" : "<")} b ? a : b;\n    }};\n";
                return $"{name}({a[0]}, {a[1]})";
            }
            case "Min": return $"std::min<{Type(t)}>({a[0]}, {a[1]})";
            case "Max": return $"std::max<{Type(t)}>({a[0]}, {a[1]})";
            case "Clamp":
                _helpers["hl_clamp"] = "    // Math.Clamp throws when min > max; here the process aborts. A NaN value stays NaN, as in C#.\n"
                    + "    auto hl_clamp = [](auto value, decltype(value) min, decltype(value) max) {\n        if (min > max) std::abort();\n"
                    + "        if (value < min) return min;\n        if (value > max) return max;\n        return value;\n    };\n";
                return $"hl_clamp({a[0]}, {a[1]}, {a[2]})";
            case "Sign" when t.IsFloat:
                _helpers["hl_fsign"] = "    // Math.Sign throws for NaN; here the process aborts.\n"
                    + "    auto hl_fsign = [](auto x) -> int32_t { if (std::isnan(x)) std::abort(); return x > 0 ? 1 : (x < 0 ? -1 : 0); };\n";
                return $"hl_fsign({a[0]})";
            case "Sign": return $"static_cast<int32_t>(({a[0]} > 0) - ({a[0]} < 0))";
            case "Ceiling": return $"std::ceil({a[0]})";
            case "Truncate": return $"std::trunc({a[0]})";
            case "Round": return $"std::nearbyint({a[0]})"; // the default rounding mode rounds half to even, as Math.Round(x)
            case "FusedMultiplyAdd": return $"std::fma({a[0]}, {a[1]}, {a[2]})";
            default: return $"std::{call.Function.ToLowerInvariant()}({string.Join(", ", a)})"; // Sqrt, Floor, Pow, Exp, Log, Log2, Log10, Sin, … Atan2, Hypot, Cbrt
        }
    }
}
