using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

// The items of a Rust file the FFI analysis needs. One file for the records: they are read together.

/// <summary>Attributes common to every item the parser reports.</summary>
/// <param name="ModulePath">Inline module path inside the file (`a::b` for `mod a { mod b { … } }`), empty at file level.</param>
/// <param name="Cfg">The item's own `#[cfg]` combined with the cfgs of enclosing inline modules (and `#[cfg_attr]` is ignored).</param>
/// <param name="Allowed">Rule codes allowed by a `// hybrid-lsp: allow(HLnnnn, …)` comment on the line(s) directly above the item.</param>
public abstract record RustItem(string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed);

/// <summary>A function parameter. <see cref="Name"/> is the pattern text (`a`, `_`, `mut x`, `(a, b)`).</summary>
public sealed record RustParam(string Name, TextSpan NameSpan, RustType Type);

/// <summary>A place in an exported function's own body that can panic.</summary>
public sealed record RustPanicSite(TextSpan Span, string What);

/// <summary>
/// A free function (not a method in an `impl`). Exports are functions with <see cref="NoMangle"/> or <see cref="ExportName"/>.
/// Functions declared inside `extern "C" { … }` blocks are imports: <see cref="IsForeign"/> is true and they have no body.
/// </summary>
/// <param name="Abi">null for the Rust ABI; "C" for a bare `extern fn`; otherwise the string as written ("C", "system", "C-unwind", "stdcall"…).</param>
/// <param name="BodySpan">The `{ … }` of the body, null for a declaration without body.</param>
/// <param name="PanicSites">Panicking constructs of the body itself (`unwrap`, `expect`, `panic!`, `unreachable!`, `todo!`, `unimplemented!`, `assert!` family, indexing `x[i]`), empty when the body calls `catch_unwind`.</param>
/// <param name="UsesCatchUnwind">The body calls `catch_unwind`.</param>
public sealed record RustFunction(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed,
    bool NoMangle, TextSpan? NoMangleSpan, string? ExportName, TextSpan? ExportNameSpan,
    string? Abi, TextSpan? AbiSpan, bool IsUnsafe, bool IsConst, bool IsAsync, bool IsForeign, bool IsVariadic, bool HasGenerics,
    ImmutableArray<RustParam> Parameters, TextSpan ParameterListSpan, RustType? Return,
    TextSpan? BodySpan, ImmutableArray<RustPanicSite> PanicSites, bool UsesCatchUnwind)
    : RustItem(Name, NameSpan, FullSpan, ModulePath, Cfg, IsPub, Allowed)
{
    /// <summary>The symbol a cdylib exports for this function, or null when it is not exported (mangled).</summary>
    public string? ExportedSymbol => IsForeign ? null : ExportName ?? (NoMangle ? Name : null);
}

/// <summary>`#[repr(...)]` of a struct, union or enum.</summary>
/// <param name="Int">An integer repr such as "u8", "i32", "usize" (enums), or null.</param>
/// <param name="Packed">`packed` is 1, `packed(N)` is N, null when not packed.</param>
/// <param name="Align">`align(N)`, null when absent.</param>
public sealed record RustRepr(bool C, bool Transparent, string? Int, int? Packed, int? Align)
{
    public static readonly RustRepr None = new(false, false, null, null, null);
    public bool IsNone => this == None;
}

public sealed record RustField(string Name, TextSpan NameSpan, RustType Type, RustCfg? Cfg);

/// <summary>A struct (named fields, tuple struct or unit struct) or a union.</summary>
public sealed record RustStruct(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed,
    bool IsUnion, bool IsTuple, RustRepr Repr, bool HasGenerics, ImmutableArray<RustField> Fields)
    : RustItem(Name, NameSpan, FullSpan, ModulePath, Cfg, IsPub, Allowed);

/// <summary>An enum variant; <see cref="DiscriminantText"/> is the expression as written, <see cref="Discriminant"/> its value when it is an integer literal (with optional sign).</summary>
public sealed record RustVariant(string Name, TextSpan NameSpan, long? Discriminant, string? DiscriminantText, bool HasFields, RustCfg? Cfg);

public sealed record RustEnum(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed,
    RustRepr Repr, ImmutableArray<RustVariant> Variants)
    : RustItem(Name, NameSpan, FullSpan, ModulePath, Cfg, IsPub, Allowed);

/// <summary>`type Name = Type;` (generic aliases have <see cref="HasGenerics"/>).</summary>
public sealed record RustTypeAlias(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed,
    RustType Type, bool HasGenerics)
    : RustItem(Name, NameSpan, FullSpan, ModulePath, Cfg, IsPub, Allowed);

/// <summary>`const NAME: T = expr;` — <see cref="Value"/> when expr is an integer literal.</summary>
public sealed record RustConst(
    string Name, TextSpan NameSpan, TextSpan FullSpan, string ModulePath, RustCfg? Cfg, bool IsPub, ImmutableArray<string> Allowed,
    RustType? Type, long? Value)
    : RustItem(Name, NameSpan, FullSpan, ModulePath, Cfg, IsPub, Allowed);

/// <summary>`mod name;` (out of line). <see cref="PathAttribute"/> is the `#[path = "…"]` value when present.</summary>
public sealed record RustModDecl(string Name, TextSpan NameSpan, string ModulePath, RustCfg? Cfg, string? PathAttribute);

/// <summary>`use a::b::c;` / `use a::b::{c as d, e};` flattened: one entry per imported name.</summary>
/// <param name="Path">The full path of the imported item (`std::ffi::c_int`).</param>
/// <param name="Alias">The name it is visible under in this module (`c_int`, or `d` for `as d`); "*" for a glob.</param>
public sealed record RustUse(ImmutableArray<string> Path, string Alias, string ModulePath, RustCfg? Cfg);

/// <summary>A `macro_rules!` definition or an item-level macro invocation (`name! { … }` / `name!(…);`).</summary>
/// <param name="IsDefinition">true for `macro_rules! name`, false for an invocation of `name!`.</param>
/// <param name="MentionsExport">The macro's tokens contain `no_mangle` or `export_name` (for an invocation: the invocation tokens or a same-file definition does).</param>
/// <param name="Identifiers">Identifiers appearing in the tokens (for an invocation, so a binding whose entry point appears there can be treated as possibly macro-generated).</param>
public sealed record RustMacro(string Name, TextSpan NameSpan, string ModulePath, bool IsDefinition, bool MentionsExport, ImmutableArray<string> Identifiers);

/// <summary>Everything the parser extracted from one file, plus the regions it could not read.</summary>
public sealed record RustFileSyntax(
    ImmutableArray<RustFunction> Functions,
    ImmutableArray<RustStruct> Structs,
    ImmutableArray<RustEnum> Enums,
    ImmutableArray<RustTypeAlias> TypeAliases,
    ImmutableArray<RustConst> Consts,
    ImmutableArray<RustModDecl> ModDecls,
    ImmutableArray<RustUse> Uses,
    ImmutableArray<RustMacro> Macros,
    ImmutableArray<SyntaxError> Errors)
{
    /// <summary>Every `// hybrid-lsp: allow(…)` comment of the file, one entry per code (for unused-suppression reports).</summary>
    public ImmutableArray<Suppressions.Suppression> Suppressions { get; init; } = [];
}
