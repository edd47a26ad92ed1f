using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

// The Rust type syntax the item parser understands. One file for the closed hierarchy: it is read as a unit.

/// <summary>A Rust type as written. <see cref="Span"/> covers the whole type in the file.</summary>
public abstract record RustType(TextSpan Span)
{
    /// <summary>The type as source-like text, normalised (single spaces), for messages and hovers.</summary>
    public abstract string Display { get; }
}

/// <summary>`a::b::C&lt;T, U&gt;`; a primitive such as `i32` is a one-segment path.</summary>
public sealed record RustPathType(TextSpan Span, ImmutableArray<string> Segments, ImmutableArray<RustType> GenericArgs, bool IsGlobal) : RustType(Span)
{
    public string Name => Segments[^1];

    public override string Display =>
        (IsGlobal ? "::" : "") + string.Join("::", Segments)
        + (GenericArgs.IsDefaultOrEmpty ? "" : "<" + string.Join(", ", GenericArgs.Select(a => a.Display)) + ">");
}

/// <summary>`&amp;T`, `&amp;'a mut T`.</summary>
public sealed record RustRefType(TextSpan Span, bool Mutable, RustType Pointee) : RustType(Span)
{
    public override string Display => (Mutable ? "&mut " : "&") + Pointee.Display;
}

/// <summary>`*const T`, `*mut T`.</summary>
public sealed record RustPtrType(TextSpan Span, bool Mutable, RustType Pointee) : RustType(Span)
{
    public override string Display => (Mutable ? "*mut " : "*const ") + Pointee.Display;
}

/// <summary>`[T; N]`; <see cref="Length"/> is null when N is not an integer literal.</summary>
public sealed record RustArrayType(TextSpan Span, RustType Element, long? Length, string LengthText) : RustType(Span)
{
    public override string Display => $"[{Element.Display}; {LengthText}]";
}

/// <summary>`[T]`.</summary>
public sealed record RustSliceType(TextSpan Span, RustType Element) : RustType(Span)
{
    public override string Display => $"[{Element.Display}]";
}

/// <summary>`(A, B)`; `()` is the unit type (zero elements).</summary>
public sealed record RustTupleType(TextSpan Span, ImmutableArray<RustType> Elements) : RustType(Span)
{
    public bool IsUnit => Elements.IsDefaultOrEmpty;

    public override string Display => Elements.Length == 1 ? $"({Elements[0].Display},)" : "(" + string.Join(", ", Elements.Select(e => e.Display)) + ")";
}

/// <summary>`unsafe extern "C" fn(i32, ...) -> i32`. <see cref="Abi"/> is null for a Rust-ABI `fn`, "C" for a bare `extern fn`.</summary>
public sealed record RustFnPtrType(TextSpan Span, bool IsUnsafe, string? Abi, ImmutableArray<RustType> Parameters, RustType? Return, bool IsVariadic) : RustType(Span)
{
    public override string Display =>
        (IsUnsafe ? "unsafe " : "") + (Abi is null ? "" : $"extern \"{Abi}\" ") + "fn("
        + string.Join(", ", Parameters.Select(p => p.Display).Concat(IsVariadic ? ["..."] : []))
        + ")" + (Return is null ? "" : " -> " + Return.Display);
}

/// <summary>`!`.</summary>
public sealed record RustNeverType(TextSpan Span) : RustType(Span)
{
    public override string Display => "!";
}

/// <summary>`impl Trait`, `dyn Trait`, `_`, or anything the parser could not read; FFI rules treat it as unknown.</summary>
public sealed record RustOtherType(TextSpan Span, string Text) : RustType(Span)
{
    public override string Display => Text;
}
