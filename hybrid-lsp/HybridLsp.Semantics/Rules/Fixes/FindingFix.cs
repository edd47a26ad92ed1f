using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules.Fixes;

// What a certain quick fix of a finding does, in terms of the declarations it touches (spans into the files the
// model was built from). The Ide layer turns a fix into exact text edits; one file for the closed set of fixes.

public abstract record FindingFix;

/// <summary>
/// Add `[MarshalAs(UnmanagedType.X)]` (`[return: …]` when <see cref="IsReturn"/>) to a C# parameter or return value, or
/// replace an existing `MarshalAs(…)` attribute (<see cref="ExistingMarshalAs"/>, the attribute without its brackets).
/// </summary>
/// <param name="TypeSpan">The parameter's type: the attribute goes before it.</param>
/// <param name="ImportAttributeSpan">The `DllImport(…)`/`LibraryImport(…)` attribute: a `[return: …]` list goes after its list.</param>
public sealed record MarshalAsFix(string Path, bool IsReturn, TextSpan TypeSpan, TextSpan ImportAttributeSpan, TextSpan? ExistingMarshalAs, string UnmanagedType) : FindingFix;

/// <summary>Replace a C# parameter or return type with <see cref="NewType"/> (a keyword or a System.Runtime.InteropServices type name).</summary>
public sealed record ChangeTypeFix(string Path, TextSpan TypeSpan, string NewType, bool NeedsInteropNamespace) : FindingFix;

/// <summary>`StringMarshalling = StringMarshalling.Utf8` on a `[LibraryImport(…)]` attribute (replacing another value).</summary>
public sealed record StringMarshallingUtf8Fix(string Path, TextSpan ImportAttributeSpan) : FindingFix;

/// <summary>Set the entry point to <see cref="Name"/>: replace the string literal at <see cref="LiteralSpan"/>, or add `EntryPoint = "…"` to the attribute.</summary>
public sealed record EntryPointFix(string Path, TextSpan ImportAttributeSpan, TextSpan? LiteralSpan, string Name) : FindingFix;

/// <summary>Export a Rust function: `#[no_mangle]` (or `#[unsafe(no_mangle)]`) before the item, and `extern "C"` before `fn` when it has no ABI.</summary>
/// <param name="Edition">The crate's edition, or null when it is not known (inherited from a workspace).</param>
public sealed record RustExportFix(string Path, TextSpan ItemSpan, TextSpan NameSpan, bool AddExternC, string? Edition, string ManifestPath) : FindingFix;

/// <summary>Make a crate build a `cdylib`: add it to `[lib] crate-type` (<see cref="CrateTypeSpan"/>, the array) or add the key.</summary>
/// <param name="CrateTypeSpan">The `crate-type` array value, or null when the key is absent.</param>
/// <param name="LibHeaderSpan">The `[lib]` header when the table exists.</param>
public sealed record CdylibFix(string ManifestPath, TextSpan? CrateTypeSpan, TextSpan? LibHeaderSpan) : FindingFix;

/// <summary>Set a C# enum's underlying type (`enum E : byte`): replace the written one or add it after the name. The Ide checks the text.</summary>
public sealed record EnumUnderlyingFix(string Path, TextSpan NameSpan, TextSpan FullSpan, string NewType) : FindingFix;

/// <summary>Change the integer of a Rust enum's `#[repr(…)]` from <see cref="CurrentRepr"/> to <see cref="NewRepr"/> (within the item's attributes).</summary>
public sealed record RustEnumReprFix(string Path, TextSpan FullSpan, TextSpan NameSpan, string CurrentRepr, string NewRepr) : FindingFix;

/// <summary>A C# enum member and the value it must have: its initializer (<see cref="ValueSpan"/>) is replaced, or ` = value` added after its name.</summary>
public sealed record EnumMemberValue(TextSpan NameSpan, TextSpan? ValueSpan, long Value);

/// <summary>Give a C# enum the Rust enum's values: every member explicitly, and the Rust variants it lacks appended (name, value).</summary>
public sealed record EnumValuesFix(string Path, TextSpan FullSpan, string EnumName, string NativeName, ImmutableArray<EnumMemberValue> Members, ImmutableArray<(string Name, long Value)> Added) : FindingFix
{
    /// <summary>"Rust", "C" or "C++": the language of <see cref="NativeName"/> (titles).</summary>
    public string NativeLanguage { get; init; } = "Rust";
}

/// <summary>Two certain fixes, one per side ("change C#" first, "change Rust" second); fix-all applies the C# one.</summary>
public sealed record EitherSideFix(FindingFix CSharp, FindingFix Native) : FindingFix;

/// <summary>What <see cref="CExportFix"/> does to a C/C++ function so the library exports it under its plain name.</summary>
public enum CExportFixKind
{
    /// <summary>HL2003: `extern "C"` on the header declaration (guarded by `#ifdef __cplusplus` in a `.h`) and on the definition.</summary>
    ExternC,
    /// <summary>HL2001 `static`: remove `static` from the definition (and add the library's export macro when it needs one).</summary>
    RemoveStatic,
    /// <summary>HL2001 hidden visibility: the library's export macro (or `visibility("default")`) on the declaration.</summary>
    AddExportMacro,
}

/// <summary>Export a C/C++ function of <paramref name="Library"/>; the Ide checks the text and finds the export macro.</summary>
public sealed record CExportFix(CExportFixKind Kind, Model.CLibrary Library, Model.CLibraryFunction Function) : FindingFix;

/// <summary>A field to add to a C# struct: after the field whose name is at <see cref="AfterName"/> (null: first in the body).</summary>
/// <param name="CsType">The exact C# type (a keyword, or `CLong`/`CULong` when <see cref="NeedsInteropNamespace"/>).</param>
public sealed record StructFieldInsert(TextSpan? AfterName, string CsType, string Name, bool NeedsInteropNamespace);

/// <summary>
/// Make a C# struct's layout the native struct's (HL1009): add the fields it lacks, remove trailing fields the native
/// struct does not have (<see cref="RemovedNames"/>, the name spans of the last fields), and set `Pack`
/// (<see cref="ChangePack"/>; <see cref="NewPack"/> null removes it). The planner has checked that the result has the
/// native layout on every target; the Ide checks the text.
/// </summary>
public sealed record StructLayoutFix(
    string Path, TextSpan NameSpan, TextSpan FullSpan, string StructName, string NativeName, string NativeLanguage,
    ImmutableArray<StructFieldInsert> Inserts, ImmutableArray<TextSpan> RemovedNames, bool ChangePack, int? NewPack) : FindingFix;
