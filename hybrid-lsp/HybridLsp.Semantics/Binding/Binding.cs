using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Binding;

public enum ResolutionKind { Resolved, SystemLibrary, UnresolvedLibrary, MissingExport, Unknown }

/// <summary>A C# extern declaration and what its library and entry point resolved to.</summary>
/// <param name="Library">The library value after constant folding; null when it could not be folded.</param>
/// <param name="Natives">The exported functions with this symbol (per-cfg variants), empty when unresolved.</param>
/// <param name="NotExported">Functions named like the entry point that are not exported (HL2001), when <see cref="Natives"/> is empty.</param>
public sealed record Binding(
    CsSourceFile File, CsExternMethod Method, CsSymbols Symbols, string? Library, string EntryPoint,
    ResolutionKind Resolution, RustCrate? Crate, ImmutableArray<CrateItem<Syntax.Rust.RustFunction>> Natives,
    ImmutableArray<CrateItem<Syntax.Rust.RustFunction>> NotExported, string? UnknownReason)
{
    /// <summary>For a missing export: an exported function of that name in a file of the crate's folder that no `mod` includes.</summary>
    public CrateItem<Syntax.Rust.RustFunction>? OutsideModuleTree { get; init; }

    /// <summary>The C/C++ library the binding resolved to (then <see cref="Crate"/> is null).</summary>
    public CLibrary? CLibrary { get; init; }

    /// <summary>The C/C++ functions exported under the entry point, one per target where the export differs (declaration first).</summary>
    public ImmutableArray<CLibraryFunction> CNatives { get; init; } = [];

    /// <summary>C/C++ functions named like the entry point that are not exported under it (static, hidden, C++ mangled, not defined).</summary>
    public ImmutableArray<CLibraryFunction> CNotExported { get; init; } = [];

    /// <summary>The language of the native side: "Rust", "C" or "C++"; null when unresolved.</summary>
    public string? NativeLanguage => Crate is not null ? "Rust" : CLibrary?.Language;

    public string Path => File.Path;
}

/// <summary>A call of an extern method in C#.</summary>
public sealed record CallSite(string Path, CsInvocation Invocation, Binding Binding);
