using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HybridLsp.Ide.Extract;

/// <summary>
/// Writes an <see cref="NMethod"/> as an exported Rust function that compiles without warnings (edition 2021 and 2024)
/// and keeps C# semantics explicit: integer arithmetic wraps (`wrapping_*`), `checked` contexts abort on overflow,
/// shifts mask their count like C#, casts truncate (`as`), float-to-integer casts saturate (`as`, NaN → 0, as .NET 9+),
/// and what C# throws for (division by zero, `int.MinValue / -1`, an index out of range, `Math.Abs(int.MinValue)`)
/// aborts the process: a panic cannot unwind out of an `extern "C"` function. Spans and arrays arrive as pointer +
/// length and become slices (a zero length never touches the pointer, which may be null or dangling).
/// </summary>
internal sealed class RustWriter : NativeWriter
{
    private RustWriter(NMethod method) : base(method)
    {
    }

    /// <summary>The `#[repr(C)]` definition of a struct the signature uses (fields in snake_case, declaration order).</summary>
    public static string Struct(NStruct s)
    {
        var sb = new StringBuilder();
        sb.Append("/// C# struct '").Append(s.Name).Append("' ([StructLayout(LayoutKind.Sequential)]).\n");
        sb.Append("#[repr(C)]\n#[derive(Clone, Copy, Debug, PartialEq)]\npub struct ").Append(s.Name).Append(" {\n");
        foreach (var (f, name) in FieldNames(s))
            sb.Append("    pub ").Append(name).Append(": ").Append(Type(f.Type)).Append(",\n");
        return sb.Append("}\n").ToString();
    }

    public static IEnumerable<(NStructField Field, string Name)> FieldNames(NStruct s)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in s.Fields)
        {
            var name = Names.Snake(f.Name);
            if (Names.RustKeywords.Contains(name))
                name += "_";
            while (!used.Add(name))
                name += "_";
            yield return (f, name);
        }
    }

    /// <summary>The exported function; <paramref name="edition2024"/> selects `#[unsafe(no_mangle)]`.</summary>
    public static string Function(NMethod method, string exportName, bool edition2024, string csharpOrigin)
    {
        var writer = new RustWriter(method);
        return writer.Write(exportName, edition2024, csharpOrigin);
    }

    private string Write(string exportName, bool edition2024, string csharpOrigin)
    {
        Reserve(exportName);
        var parameters = new List<string>();
        var prelude = new StringBuilder();
        var hasPointers = false;
        foreach (var p in _method.Parameters)
        {
            var name = Declare(p);
            if (p.Type.Kind == NKind.Span)
            {
                hasPointers = true;
                var len = Unique(Names.Snake(p.Name).TrimStart('_') + "_len", !p.Read);
                var mutable = !p.Type.ReadOnly;
                parameters.Add($"{name}: *{(mutable ? "mut" : "const")} {Type(p.Type.Element!)}");
                parameters.Add($"{len}: usize");
                if (p.Read)
                {
                    var write = p.ElementsWritten;
                    prelude.Append($"    // SAFETY: the caller passes {len} valid elements at {name} (any pointer when {len} is 0).\n");
                    prelude.Append($"    let {name}: &{(write ? "mut " : "")}[{Type(p.Type.Element!)}] = if {len} == 0 {{\n        &{(write ? "mut " : "")}[]\n    }} else {{\n");
                    prelude.Append($"        unsafe {{ std::slice::from_raw_parts{(write ? "_mut" : "")}({name}, {len}) }}\n    }};\n");
                }
            }
            else
                parameters.Add($"{(p.Mutated ? "mut " : "")}{name}: {Type(p.Type)}");
        }
        foreach (var s in _method.Body.Statements)
            Statement(s);

        var sb = new StringBuilder();
        sb.Append("/// Translated from C# ").Append(csharpOrigin).Append(" by hybrid-lsp (C# integer semantics kept explicit: docs/extract-to-native.md).\n");
        if (hasPointers)
            sb.Append("///\n/// # Safety\n///\n/// Each pointer must address as many valid elements as its length says (any pointer when the length is 0).\n");
        // A C# local given a value that every path overwrites before reading it (definite assignment) is kept as written.
        sb.Append("#[allow(unused_assignments)]\n");
        sb.Append(edition2024 ? "#[unsafe(no_mangle)]\n" : "#[no_mangle]\n");
        sb.Append("pub ").Append(hasPointers ? "unsafe " : "").Append("extern \"C\" fn ").Append(exportName).Append('(').Append(string.Join(", ", parameters)).Append(')');
        if (_method.Return.Kind != NKind.Void)
            sb.Append(" -> ").Append(Type(_method.Return));
        sb.Append(" {\n");
        foreach (var helper in _helpers.Values)
            sb.Append(helper);
        sb.Append(prelude).Append(_body).Append("}\n");
        return sb.ToString();
    }

    private string Declare(NVariable v)
    {
        var name = Unique(Names.Snake(v.Name), !v.Read);
        _names[v] = name;
        return name;
    }

    private string Unique(string name, bool unused)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
            name = "v" + name;
        if (unused && !name.StartsWith('_'))
            name = "_" + name;
        if (Names.RustKeywords.Contains(name))
            name += "_";
        return Claim(name);
    }

    public static string Type(NType t) => t.Kind switch
    {
        NKind.I8 => "i8", NKind.U8 => "u8", NKind.I16 => "i16", NKind.U16 => "u16", NKind.I32 => "i32", NKind.U32 => "u32", NKind.I64 => "i64",
        NKind.U64 => "u64", NKind.NInt => "isize", NKind.NUInt => "usize", NKind.F32 => "f32", NKind.F64 => "f64", NKind.Bool => "bool",
        NKind.Char => "u16", NKind.Struct => t.Struct!.Name, NKind.Void => "()",
        _ => "[" + Type(t.Element!) + "]",
    };

    // ---------------------------------------------------------------- statements


    protected override void Statement(NStmt statement)
    {
        switch (statement)
        {
            case NLocal local:
            {
                var name = Declare(local.Variable);
                var value = local.Initializer is { } init ? Expr(init, 0) : Zero(local.Variable.Type);
                Line($"let {(local.Variable.Mutated ? "mut " : "")}{name}: {Type(local.Variable.Type)} = {value};");
                break;
            }
            case NAssign assign:
                Line($"{Expr(assign.Target, 0)} = {Expr(assign.Value, 0)};");
                break;
            case NBlock block:
                Line("{");
                Nested(block);
                Line("}");
                break;
            case NIf conditional:
                If(conditional);
                break;
            case NWhile loop:
                Line($"{Label(loop.Loop)}{(loop.Condition is null ? "loop" : "while " + Expr(loop.Condition, 0))} {{");
                Nested(loop.Body);
                Line("}");
                break;
            case NDoWhile loop:
            {
                if (loop.Loop.HasContinue)
                    _continueBlocks.Add(loop.Loop);
                Line($"{Label(loop.Loop)}loop {{");
                _indent++;
                Body(loop.Body, loop.Loop);
                if (Reachable(loop.Body, loop.Loop) && !(loop.Condition is NLiteral { Value: 1L }))
                {
                    Line($"if {Not(loop.Condition)} {{");
                    Line("    break;");
                    Line("}");
                }
                _indent--;
                Line("}");
                break;
            }
            case NFor loop:
            {
                var scoped = !loop.Initializers.IsEmpty;
                if (scoped)
                {
                    Line("{");
                    _indent++;
                    foreach (var init in loop.Initializers)
                        Statement(init);
                }
                if (loop.Loop.HasContinue && !loop.Incrementors.IsEmpty)
                    _continueBlocks.Add(loop.Loop);
                Line($"{Label(loop.Loop)}{(loop.Condition is null ? "loop" : "while " + Expr(loop.Condition, 0))} {{");
                _indent++;
                Body(loop.Body, loop.Loop);
                if (Reachable(loop.Body, loop.Loop))
                {
                    foreach (var inc in loop.Incrementors)
                        Statement(inc);
                }
                _indent--;
                Line("}");
                if (scoped)
                {
                    _indent--;
                    Line("}");
                }
                break;
            }
            case NForeach loop:
            {
                var index = Unique("i_" + loop.Loop.Id, false);
                var span = Expr(loop.Span, 14);
                Line($"{Label(loop.Loop)}for {index} in 0..{span}.len() {{");
                _indent++;
                var name = Declare(loop.Variable);
                Line($"let {name}: {Type(loop.Variable.Type)} = {span}[{index}];");
                foreach (var s in loop.Body.Statements)
                    Statement(s);
                _indent--;
                Line("}");
                break;
            }
            case NBreak b:
                Line($"break '{LabelName(b.Loop)};");
                break;
            case NContinue c:
                Line(UsesContinueBlock(c.Loop) ? $"break '{ContinueLabel(c.Loop)};" : $"continue '{LabelName(c.Loop)};");
                break;
            case NReturn r:
                Line(r.Value is null ? "return;" : $"return {Expr(r.Value, 0)};");
                break;
        }
    }

    private readonly HashSet<NLoop> _continueBlocks = [];

    private bool UsesContinueBlock(NLoop loop) => _continueBlocks.Contains(loop);

    /// <summary>The loop body; with a `continue` that must still run the incrementors or the condition, inside a labeled block `continue` breaks out of.</summary>
    private void Body(NBlock body, NLoop loop)
    {
        if (!_continueBlocks.Contains(loop))
        {
            foreach (var s in body.Statements)
                Statement(s);
            return;
        }
        Line($"'{ContinueLabel(loop)}: {{");
        Nested(body);
        Line("}");
    }

    private static string LabelName(NLoop loop) => "loop" + loop.Id;

    private static string ContinueLabel(NLoop loop) => "next" + loop.Id;

    /// <summary>A loop label, only when a break or continue names it (an unused label is a warning).</summary>
    private string Label(NLoop loop) => loop.HasBreak || loop.HasContinue && !_continueBlocks.Contains(loop) ? $"'{LabelName(loop)}: " : "";

    /// <summary>Whether the end of a loop body is reached: it does not always exit, or a `continue` breaks out of its labeled block.</summary>
    private bool Reachable(NBlock body, NLoop loop) => _continueBlocks.Contains(loop) || !AlwaysExits(body, loop);

    /// <summary>Whether control never reaches the end of <paramref name="s"/> (Rust warns about code after it); a continue of <paramref name="loop"/> does reach it.</summary>
    private static bool AlwaysExits(NStmt s, NLoop loop) => s switch
    {
        NReturn => true,
        NBreak => true,
        NContinue c => c.Loop != loop,
        NBlock b => b.Statements.Any(x => AlwaysExits(x, loop)),
        NIf { Else: { } e } i => AlwaysExits(i.Then, loop) && AlwaysExits(e, loop),
        _ => false,
    };


    private void If(NIf conditional)
    {
        Line($"if {Expr(conditional.Condition, 0)} {{");
        Nested(conditional.Then);
        ElseChain(conditional.Else);
    }

    private void ElseChain(NBlock? otherwise)
    {
        if (otherwise is { Statements: [NIf inner] })
            IfElse(inner);
        else
        {
            if (otherwise is not null)
            {
                Line("} else {");
                Nested(otherwise);
            }
            Line("}");
        }
    }

    private void IfElse(NIf conditional)
    {
        Line($"}} else if {Expr(conditional.Condition, 0)} {{");
        Nested(conditional.Then);
        ElseChain(conditional.Else);
    }

    private string Not(NExpr condition) => Expr(new NUnary(NType.Bool, NUnaryOp.Not, condition, false), 0);

    // ---------------------------------------------------------------- expressions

    // Precedence, tightest first: 14 postfix (calls, fields, indexing, literals, paths), 13 unary, 12 `as`, 11 * / %,
    // 10 + -, 9 shifts, 8 &, 7 ^, 6 |, 5 comparisons (non-associative), 4 &&, 3 ||, 0 `if` expressions.

    private string Expr(NExpr e, int min)
    {
        var (text, precedence) = Render(e);
        return precedence < min ? "(" + text + ")" : text;
    }

    private (string Text, int Precedence) Render(NExpr e)
    {
        switch (e)
        {
            case NLiteral literal:
                return Literal(literal);
            case NVar v:
                return (_names[v.Variable], 14);
            case NFieldAccess f:
                return (Expr(f.Target, 14) + "." + RustFieldName(f), 14);
            case NIndex index:
                return ($"{Expr(index.Span, 14)}[{Index(index.Index)}]", 14);
            case NLength length:
                return ($"{Expr(length.Span, 14)}.len() as i32", 12);
            case NConditional c:
                return ($"if {Expr(c.Condition, 0)} {{ {Expr(c.WhenTrue, 0)} }} else {{ {Expr(c.WhenFalse, 0)} }}", 0);
            case NUnary u:
                return Unary(u);
            case NBinary b:
                return Binary(b);
            case NConvert c:
                return Convert(c);
            case NCall call:
                return Call(call);
            case NStructValue s:
            {
                var fields = RustWriter.FieldNames(s.Type.Struct!).Select(p =>
                    p.Name + ": " + (s.Fields.FirstOrDefault(f => f.Field == p.Field.Name).Value is { } value ? Expr(value, 0) : Zero(p.Field.Type)));
                return ($"{s.Type.Struct!.Name} {{ {string.Join(", ", fields)} }}", 14);
            }
            default:
                throw new InvalidOperationException("unexpected expression " + e.GetType().Name);
        }
    }

    private static string RustFieldName(NFieldAccess f) => FieldNames(f.Target.Type.Struct!).First(p => p.Field.Name == f.Field).Name;

    private string Index(NExpr index) => index is NLiteral { Value: long v and >= 0 } ? v.ToString(CultureInfo.InvariantCulture)
        : index is NLiteral { Value: ulong u } ? u.ToString(CultureInfo.InvariantCulture)
        : Expr(index, 12) + " as usize";

    private static (string, int) Literal(NLiteral literal)
    {
        var t = literal.Type;
        switch (literal.Value)
        {
            case long v when t.Kind == NKind.Bool:
                return (v != 0 ? "true" : "false", 14);
            case long v when t.Kind is NKind.I32 && v == int.MinValue || t.Kind is NKind.I64 && v == long.MinValue || t.Kind is NKind.I16 && v == short.MinValue || t.Kind is NKind.I8 && v == sbyte.MinValue:
                return (Type(t) + "::MIN", 14);
            case long v:
                return (v.ToString(CultureInfo.InvariantCulture) + Type(t), v < 0 ? 13 : 14);
            case ulong u:
                return (u.ToString(CultureInfo.InvariantCulture) + Type(t), 14);
            case double d:
            {
                var type = Type(t);
                if (double.IsNaN(d))
                    return (type + "::NAN", 14);
                if (double.IsInfinity(d))
                    return (type + (d > 0 ? "::INFINITY" : "::NEG_INFINITY"), 14);
                var text = Names.FloatText(d, t.Kind == NKind.F32).Replace("E+", "e", StringComparison.Ordinal).Replace("E", "e", StringComparison.Ordinal);
                return (text + type, text.StartsWith('-') ? 13 : 14);
            }
            default:
                throw new InvalidOperationException("unexpected literal");
        }
    }

    private static string Zero(NType t) => t.Kind switch
    {
        NKind.Bool => "false",
        NKind.F32 or NKind.F64 => "0.0" + Type(t),
        NKind.Struct => t.Struct!.Name + " { " + string.Join(", ", FieldNames(t.Struct).Select(p => p.Name + ": " + Zero(p.Field.Type))) + " }",
        _ => "0" + Type(t),
    };

    private const string Abort = "std::process::abort()";

    private (string, int) Unary(NUnary u)
    {
        switch (u.Op)
        {
            case NUnaryOp.Not:
            case NUnaryOp.Complement:
                return ("!" + Expr(u.Operand, 13), 13);
            default:
                if (u.Type.IsFloat)
                {
                    var operand = Expr(u.Operand, 13);
                    return ("-" + (operand.StartsWith('-') ? "(" + operand + ")" : operand), 13);
                }
                return u.Checked
                    ? ($"{Expr(u.Operand, 14)}.checked_neg().unwrap_or_else(|| {Abort})", 14)
                    : ($"{Expr(u.Operand, 14)}.wrapping_neg()", 14);
        }
    }

    private (string, int) Binary(NBinary b)
    {
        var t = b.OperandType;
        string Method(string name) => $"{Expr(b.Left, 14)}.{name}({Expr(b.Right, 0)})";
        (string, int) Infix(string op, int precedence, bool comparison = false)
        {
            var left = Expr(b.Left, comparison ? precedence + 1 : precedence);
            // `a as i64 < b` would parse `<` as the start of generic arguments.
            if (op is "<" or "<=" or "<<" && Render(b.Left).Precedence == 12)
                left = "(" + left + ")";
            return ($"{left} {op} {Expr(b.Right, precedence + 1)}", precedence);
        }
        switch (b.Op)
        {
            case NBinaryOp.LogicalAnd: return Infix("&&", 4);
            case NBinaryOp.LogicalOr: return Infix("||", 3);
            case NBinaryOp.Eq: return Infix("==", 5, true);
            case NBinaryOp.Ne: return Infix("!=", 5, true);
            case NBinaryOp.Lt: return Infix("<", 5, true);
            case NBinaryOp.Le: return Infix("<=", 5, true);
            case NBinaryOp.Gt: return Infix(">", 5, true);
            case NBinaryOp.Ge: return Infix(">=", 5, true);
            case NBinaryOp.And: return Infix("&", 8);
            case NBinaryOp.Or: return Infix("|", 6);
            case NBinaryOp.Xor: return Infix("^", 7);
        }
        if (t.IsFloat)
        {
            return b.Op switch
            {
                NBinaryOp.Add => Infix("+", 10), NBinaryOp.Sub => Infix("-", 10), NBinaryOp.Mul => Infix("*", 11), NBinaryOp.Div => Infix("/", 11),
                _ => Infix("%", 11), // fmod, as C#
            };
        }
        switch (b.Op)
        {
            case NBinaryOp.Add or NBinaryOp.Sub or NBinaryOp.Mul:
            {
                var name = b.Op switch { NBinaryOp.Add => "add", NBinaryOp.Sub => "sub", _ => "mul" };
                return b.Checked ? ($"{Method("checked_" + name)}.unwrap_or_else(|| {Abort})", 14) : (Method("wrapping_" + name), 14);
            }
            case NBinaryOp.Div:
                // Rust panics (an abort across extern "C") where C# throws: division by zero and MIN / -1.
                return Infix("/", 11);
            case NBinaryOp.Rem:
                return Infix("%", 11);
            default:
            {
                var mask = t.Bits == 64 ? 63 : 31;
                var count = b.Right is NLiteral { Value: long n } ? (n & mask).ToString(CultureInfo.InvariantCulture) + "u32" : $"({Expr(b.Right, 9)} & {mask}) as u32";
                if (b.Op == NBinaryOp.UShr && t.IsSigned)
                {
                    var unsigned = Type(Unsigned(t));
                    return ($"({Expr(b.Left, 12)} as {unsigned}).wrapping_shr({count}) as {Type(t)}", 12);
                }
                return ($"{Expr(b.Left, 14)}.{(b.Op == NBinaryOp.Shl ? "wrapping_shl" : "wrapping_shr")}({count})", 14);
            }
        }
    }

    private static NType Unsigned(NType t) => t.Kind switch { NKind.I32 => NType.U32, NKind.I64 => NType.U64, NKind.NInt => NType.NUInt, _ => t };

    private (string, int) Convert(NConvert c)
    {
        var from = c.Operand.Type;
        var to = c.Type;
        if (c.Checked && from.IsInteger | from.Kind == NKind.Char && to.IsInteger | to.Kind == NKind.Char)
            return ($"{Type(to)}::try_from({Expr(c.Operand, 0)}).unwrap_or_else(|_| {Abort})", 14);
        // Integer ↔ integer truncates or extends as C# does; float → integer saturates with NaN → 0 (.NET 9+ and Rust agree).
        var operand = Expr(c.Operand, 12);
        if (from.IsFloat && to.Kind is NKind.I8 or NKind.U8 or NKind.I16 or NKind.U16 or NKind.Char)
            return ($"{operand} as i32 as {Type(to)}", 12); // .NET converts to int first, then truncates (see docs)
        return ($"{operand} as {Type(to)}", 12);
    }

    private (string, int) Call(NCall call)
    {
        var a = call.Arguments;
        var t = a.Length > 0 ? a[0].Type : call.Type;
        string Recv(int i = 0) => Expr(a[i], 14);
        switch (call.Function)
        {
            case "IsNaN": return ($"{Recv()}.is_nan()", 14);
            case "IsInfinity": return ($"{Recv()}.is_infinite()", 14);
            case "IsFinite": return ($"{Recv()}.is_finite()", 14);
            case "IsPositiveInfinity": return ($"{Expr(a[0], 6)} == {Type(t)}::INFINITY", 5);
            case "IsNegativeInfinity": return ($"{Expr(a[0], 6)} == {Type(t)}::NEG_INFINITY", 5);
            case "Abs" when t.IsFloat: return ($"{Recv()}.abs()", 14);
            case "Abs" when t.IsSigned: return ($"{Recv()}.checked_abs().unwrap_or_else(|| {Abort})", 14); // C# throws for MIN
            case "Abs": return (Expr(a[0], 0), 0);
            case "Min" or "Max" when t.IsFloat:
            {
                var name = "hl_" + call.Function.ToLowerInvariant() + "_" + Type(t);
                var max = call.Function == "Max";
                var ty = Type(t);
                _helpers[name] = $"    // Math.{call.Function}: NaN if either is NaN; {(max ? "+0 over -0" : "-0 under +0")} (IEEE 754-2019 {(max ? "maximum" : "minimum")}).\n"
                    + $"    fn {name}(a: {ty}, b: {ty}) -> {ty} {{\n"
                    + $"        if a.is_nan() || b.is_nan() {{\n            {ty}::NAN\n        }} else if a == b {{\n            if a.is_sign_negative() {{ {(max ? "b" : "a")} }} else {{ {(max ? "a" : "b")} }}\n"
                    + $"        }} else if a {(max ? ">" : "<")} b {{\n            a\n        }} else {{\n            b\n        }}\n    }}\n";
                return ($"{name}({Expr(a[0], 0)}, {Expr(a[1], 0)})", 14);
            }
            case "Min": return ($"{Recv()}.min({Expr(a[1], 0)})", 14);
            case "Max": return ($"{Recv()}.max({Expr(a[1], 0)})", 14);
            case "Clamp":
                _helpers["hl_clamp"] = "    // Math.Clamp: throws (here: aborts) when min > max; otherwise compares as C# does (a NaN value stays NaN).\n"
                    + "    fn hl_clamp<T: PartialOrd>(value: T, min: T, max: T) -> T {\n        if min > max {\n            std::process::abort();\n        }\n"
                    + "        if value < min {\n            min\n        } else if value > max {\n            max\n        } else {\n            value\n        }\n    }\n";
                return ($"hl_clamp({Expr(a[0], 0)}, {Expr(a[1], 0)}, {Expr(a[2], 0)})", 14);
            case "Sign" when t.IsFloat:
            {
                var name = "hl_sign_" + Type(t);
                _helpers[name] = $"    // Math.Sign: throws (here: aborts) for NaN.\n    fn {name}(x: {Type(t)}) -> i32 {{\n        if x.is_nan() {{\n            std::process::abort();\n        }}\n"
                    + "        if x > 0.0 {\n            1\n        } else if x < 0.0 {\n            -1\n        } else {\n            0\n        }\n    }\n";
                return ($"{name}({Expr(a[0], 0)})", 14);
            }
            case "Sign" when t.Kind == NKind.I32: return ($"{Recv()}.signum()", 14);
            case "Sign": return ($"{Recv()}.signum() as i32", 12);
            case "Sqrt": return ($"{Recv()}.sqrt()", 14);
            case "Floor": return ($"{Recv()}.floor()", 14);
            case "Ceiling": return ($"{Recv()}.ceil()", 14);
            case "Truncate": return ($"{Recv()}.trunc()", 14);
            case "Round": return ($"{Recv()}.round_ties_even()", 14); // Math.Round(x) rounds half to even
            case "Exp": return ($"{Recv()}.exp()", 14);
            case "Log": return ($"{Recv()}.ln()", 14);
            case "Log2": return ($"{Recv()}.log2()", 14);
            case "Log10": return ($"{Recv()}.log10()", 14);
            case "Cbrt": return ($"{Recv()}.cbrt()", 14);
            case "Pow": return ($"{Recv()}.powf({Expr(a[1], 0)})", 14);
            case "Atan2": return ($"{Recv()}.atan2({Expr(a[1], 0)})", 14);
            case "Hypot": return ($"{Recv()}.hypot({Expr(a[1], 0)})", 14);
            case "FusedMultiplyAdd": return ($"{Recv()}.mul_add({Expr(a[1], 0)}, {Expr(a[2], 0)})", 14);
            default: return ($"{Recv()}.{call.Function.ToLowerInvariant()}()", 14); // Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh
        }
    }
}
