using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Extract;

// The typed model of a C# method that "Extract to native" translates: what the analyzer (Roslyn syntax → model) gives
// the Rust and C++ writers. One file: the records are read together. Every conversion C# makes implicitly is explicit
// here (NConvert), every operator carries the type it computes in, so the writers never re-derive C# typing rules.

public enum NKind { I8, U8, I16, U16, I32, U32, I64, U64, NInt, NUInt, F32, F64, Bool, Char, Void, Span, Struct }

/// <summary>A type of the subset: a primitive, a span or array of a primitive (crosses as pointer + length), or a workspace struct.</summary>
public sealed record NType(NKind Kind, NType? Element = null, bool ReadOnly = false, bool IsArray = false, NStruct? Struct = null)
{
    public static readonly NType I8 = new(NKind.I8), U8 = new(NKind.U8), I16 = new(NKind.I16), U16 = new(NKind.U16), I32 = new(NKind.I32), U32 = new(NKind.U32),
        I64 = new(NKind.I64), U64 = new(NKind.U64), NInt = new(NKind.NInt), NUInt = new(NKind.NUInt), F32 = new(NKind.F32), F64 = new(NKind.F64),
        Bool = new(NKind.Bool), Char = new(NKind.Char), Void = new(NKind.Void);

    public bool IsInteger => Kind is >= NKind.I8 and <= NKind.NUInt;
    public bool IsFloat => Kind is NKind.F32 or NKind.F64;
    public bool IsNumeric => IsInteger || IsFloat || Kind == NKind.Char;
    public bool IsSigned => Kind is NKind.I8 or NKind.I16 or NKind.I32 or NKind.I64 or NKind.NInt;
    /// <summary>Bits of an integer type; nint/nuint count as 64 (the masks of shifts use the C# rule for them: 63).</summary>
    public int Bits => Kind switch { NKind.I8 or NKind.U8 => 8, NKind.I16 or NKind.U16 or NKind.Char => 16, NKind.I32 or NKind.U32 => 32, _ => 64 };

    public string CsName => Kind switch
    {
        NKind.I8 => "sbyte", NKind.U8 => "byte", NKind.I16 => "short", NKind.U16 => "ushort", NKind.I32 => "int", NKind.U32 => "uint",
        NKind.I64 => "long", NKind.U64 => "ulong", NKind.NInt => "nint", NKind.NUInt => "nuint", NKind.F32 => "float", NKind.F64 => "double",
        NKind.Bool => "bool", NKind.Char => "char", NKind.Void => "void",
        NKind.Span => IsArray ? Element!.CsName + "[]" : (ReadOnly ? "ReadOnlySpan<" : "Span<") + Element!.CsName + ">",
        _ => Struct!.Name,
    };

    public bool Equals(NType? other) =>
        other is not null && Kind == other.Kind && Equals(Element, other.Element) && ReadOnly == other.ReadOnly && IsArray == other.IsArray && Struct?.Name == other.Struct?.Name;

    public override int GetHashCode() => HashCode.Combine(Kind, Element, ReadOnly, IsArray, Struct?.Name);
}

/// <summary>A `[StructLayout(Sequential)]` struct of primitive fields, declared in the workspace.</summary>
/// <param name="FullName">Namespace-qualified (nested types as `Outer.Inner`), for the C# binding.</param>
public sealed record NStruct(string Name, string FullName, ImmutableArray<NStructField> Fields);

public sealed record NStructField(string Name, NType Type);

/// <summary>A parameter or local. <see cref="Mutated"/>: assigned after its declaration; <see cref="Read"/>: its value is used.</summary>
public sealed class NVariable(string name, NType type, bool isParameter)
{
    public string Name { get; } = name;
    public NType Type { get; } = type;
    public bool IsParameter { get; } = isParameter;
    public bool Mutated { get; set; }
    public bool Read { get; set; }
    /// <summary>Spans: an element is written (Rust then builds a mutable slice).</summary>
    public bool ElementsWritten { get; set; }
}

/// <summary>A loop; the writers give it a label only when a break or continue needs one.</summary>
public sealed class NLoop(int id)
{
    public int Id { get; } = id;
    public bool HasBreak { get; set; }
    public bool HasContinue { get; set; }
}

public abstract record NExpr(NType Type);

/// <summary>A constant: long (signed kinds, bool as 0/1, char), ulong (unsigned kinds) or double (floats).</summary>
public sealed record NLiteral(NType Type, object Value) : NExpr(Type);

public sealed record NVar(NType Type, NVariable Variable) : NExpr(Type);

public enum NBinaryOp { Add, Sub, Mul, Div, Rem, Shl, Shr, UShr, And, Or, Xor, LogicalAnd, LogicalOr, Eq, Ne, Lt, Le, Gt, Ge }

/// <summary>
/// <see cref="OperandType"/>: the type both operands have (C# binary numeric promotion applied); for shifts the left
/// operand's type (the count is an int). <see cref="NExpr.Type"/> is bool for comparisons. <see cref="Checked"/>: a
/// `checked` context (integer overflow fails instead of wrapping).
/// </summary>
public sealed record NBinary(NType Type, NBinaryOp Op, NExpr Left, NExpr Right, NType OperandType, bool Checked) : NExpr(Type);

public enum NUnaryOp { Neg, Not, Complement }

public sealed record NUnary(NType Type, NUnaryOp Op, NExpr Operand, bool Checked) : NExpr(Type);

/// <summary>A numeric conversion with C# semantics: integer truncation (or a failure when checked), float to integer saturating (NaN → 0).</summary>
public sealed record NConvert(NType Type, NExpr Operand, bool Checked) : NExpr(Type);

public sealed record NConditional(NType Type, NExpr Condition, NExpr WhenTrue, NExpr WhenFalse) : NExpr(Type);

/// <summary>`span[index]`; <see cref="Index"/> is converted to long (C# accepts int, uint, long, ulong, nint indexes).</summary>
public sealed record NIndex(NType Type, NExpr Span, NExpr Index) : NExpr(Type);

/// <summary>`span.Length` (an int).</summary>
public sealed record NLength(NType Type, NExpr Span) : NExpr(Type);

public sealed record NFieldAccess(NType Type, NExpr Target, string Field) : NExpr(Type);

/// <summary>A function of System.Math/MathF or a floating-point test (`double.IsNaN`), by its C# name; arguments already converted.</summary>
public sealed record NCall(NType Type, string Function, ImmutableArray<NExpr> Arguments) : NExpr(Type);

/// <summary>`new S { F = v }`, `new S()`, `default(S)`: fields not named are zero.</summary>
public sealed record NStructValue(NType Type, ImmutableArray<(string Field, NExpr Value)> Fields) : NExpr(Type);

public abstract record NStmt;

public sealed record NLocal(NVariable Variable, NExpr? Initializer) : NStmt;

/// <summary>An assignment to a variable, a span element or a struct field (compound assignment and ++/-- are lowered to it).</summary>
public sealed record NAssign(NExpr Target, NExpr Value) : NStmt;

public sealed record NIf(NExpr Condition, NBlock Then, NBlock? Else) : NStmt;

/// <summary>`while`; a null condition loops forever.</summary>
public sealed record NWhile(NExpr? Condition, NBlock Body, NLoop Loop) : NStmt;

public sealed record NDoWhile(NBlock Body, NExpr Condition, NLoop Loop) : NStmt;

public sealed record NFor(ImmutableArray<NStmt> Initializers, NExpr? Condition, ImmutableArray<NStmt> Incrementors, NBlock Body, NLoop Loop) : NStmt;

public sealed record NForeach(NVariable Variable, NExpr Span, NBlock Body, NLoop Loop) : NStmt;

public sealed record NBreak(NLoop Loop) : NStmt;

public sealed record NContinue(NLoop Loop) : NStmt;

public sealed record NReturn(NExpr? Value) : NStmt;

public sealed record NBlock(ImmutableArray<NStmt> Statements) : NStmt;

/// <summary>A method the writers can translate. <see cref="Structs"/>: the workspace structs its signature and body use.</summary>
public sealed record NMethod(string Name, ImmutableArray<NVariable> Parameters, NType Return, NBlock Body, ImmutableArray<NStruct> Structs, int LoopCount);

/// <summary>A construct that keeps the method in managed code, with where it is (1-based line) and why.</summary>
public sealed record ExtractBlocker(TextSpan Span, int Line, string Reason)
{
    public override string ToString() => $"{Reason} (line {Line})";
}

/// <summary>What the analyzer found: a translatable method, or the constructs that block it.</summary>
public sealed record MethodAnalysis(string MethodName, TextSpan MethodSpan, TextSpan HeaderSpan, NMethod? Method, ImmutableArray<ExtractBlocker> Blockers);
