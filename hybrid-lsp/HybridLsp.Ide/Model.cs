using System.Collections.Immutable;
using HybridLsp.Syntax;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

// The records of the engine's public API, in editor terms. One file: they are the API's vocabulary.
// Files are identified by absolute paths with '/' separators; spans are UTF-16 offsets into the snapshot's text.

public enum Severity { Error, Warning, Info, Hint }

/// <summary>A position in a file of the snapshot.</summary>
public readonly record struct FilePosition(string Path, int Offset);

public sealed record FileSpan(string Path, TextSpan Span);

public sealed record RelatedLocation(string Path, TextSpan Span, string Message);

/// <summary>One diagnostic. <see cref="Targets"/> lists the target names where the finding holds (empty when target-independent).</summary>
/// <param name="HasFix">A certain quick fix exists for it.</param>
/// <param name="Symbol">A stable key for baselines: the entry point or item the finding is about.</param>
public sealed record Diagnostic(
    string Code, string Name, Severity Severity, string Message, string Path, TextSpan Span,
    ImmutableArray<RelatedLocation> Related, ImmutableArray<string> Targets, bool HasFix, string Symbol)
{
    /// <summary>The baseline named in hybrid-lsp.toml accepts it; it is then a hint whatever its rule's severity.</summary>
    public bool Baselined { get; init; }
}

/// <summary>A place to navigate to. <see cref="FocusSpan"/> is the name; <see cref="FullSpan"/> the whole declaration.</summary>
public sealed record NavigationTarget(string Path, TextSpan FullSpan, TextSpan FocusSpan, string Name, SourceLanguage Language);

/// <summary>What a navigation query started from (the LSP originSelectionRange).</summary>
public sealed record NavigationResult(TextSpan OriginSpan, ImmutableArray<NavigationTarget> Targets);

public enum ReferenceKind { Declaration, CallSite, NativeDefinition }

public sealed record ReferenceLocation(string Path, TextSpan Span, ReferenceKind Kind);

/// <summary>Hover contents as Markdown, and the span it is about.</summary>
public sealed record HoverResult(TextSpan Span, string Markdown);

public enum SymbolKind { Function, Struct, Enum }

public sealed record WorkspaceSymbol(string Name, string ContainerName, SymbolKind Kind, SourceLanguage Language, string Path, TextSpan Span);

public enum BindingResolution { Resolved, SystemLibrary, UnresolvedLibrary, MissingExport, Unknown }

public sealed record NativeLocation(SourceLanguage Language, string Path, TextSpan Span, string Symbol);

/// <summary>One C# extern declaration and what it resolved to (the `bindings` of `check --format json`).</summary>
public sealed record BindingInfo(
    string Path, TextSpan Span, string Name, string Container, string Library, string EntryPoint,
    BindingResolution Resolution, NativeLocation? Native, ImmutableArray<NativeLocation> Also, string? UnknownReason = null);

/// <summary>Indexing state for the server's status notification.</summary>
public sealed record IndexStatus(int CSharpFiles, int RustFiles, int Projects, int Crates, int Bindings, int Exports);

/// <summary>Whether an export exists on a target: its cfg is true, false, or cannot be evaluated (features, custom cfgs).</summary>
public enum Availability { Yes, No, Unknown }

public sealed record NativeExportInfo(string Symbol, string FunctionName, string Path, TextSpan Span, Availability Availability);

/// <summary>A native module built in this workspace (a Rust crate with a library target, or a C/C++ shared library: then
/// <see cref="PackageName"/> is the CMake target and <see cref="ManifestPath"/> its CMakeLists.txt) and its exports on one target.</summary>
/// <param name="ExportsComplete">False when exports may come from macros or unread files: a name missing here may still be exported.</param>
public sealed record NativeModuleInfo(string LibName, string? PackageName, string ManifestPath, bool IsCdylib, bool ExportsComplete, ImmutableArray<NativeExportInfo> Exports);

/// <summary>
/// A C/C++ library whose flags come from a CMake build tree instead of static evaluation (for the server's log).
/// </summary>
/// <param name="Library">The CMake target name.</param>
/// <param name="Origin">The compile_commands.json or the File API reply folder the flags were read from.</param>
/// <param name="Sources">How many of the library's sources the build tree compiles.</param>
/// <param name="DroppedFlags">The build tree's flags that the allow-list (DESIGN §7) dropped, once each.</param>
public sealed record BuildTreeFlagsInfo(string Library, string Origin, int Sources, ImmutableArray<string> DroppedFlags);
