using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.C;

/// <summary>The language a translation unit is parsed as.</summary>
public enum CLanguage { C, Cxx }

/// <summary>
/// One translation unit to parse: a main file, the workspace's files as unsaved buffers (path → text), the compile
/// flags that matter for declarations and layout, and the clang target triple (e.g. x86_64-pc-windows-msvc).
/// Declarations are reported only for files in <see cref="UnsavedFiles"/> (the workspace); system and builtin
/// headers shape the types but are not reported.
/// </summary>
/// <param name="MainFile">Absolute path of the file to parse; its text should be in <see cref="UnsavedFiles"/>.</param>
/// <param name="UnsavedFiles">Workspace files by absolute path; libclang reads these instead of the disk.</param>
/// <param name="TargetTriple">A clang triple such as x86_64-unknown-linux-gnu or i686-pc-windows-msvc.</param>
/// <param name="Language">C or C++.</param>
/// <param name="Standard">The -std= value (c11, gnu17, c++17…), or null for clang's default.</param>
/// <param name="IncludeDirectories">-I directories, searched in order (they may exist only as unsaved buffers).</param>
/// <param name="Defines">Macro definitions: NAME or NAME=VALUE.</param>
/// <param name="ExtraFlags">Further flags; only those on the DESIGN §7 allow-list are passed on, the rest are reported as dropped.</param>
/// <param name="TimeLimit">How long the parse may take before the result says timed out; null means 10 seconds.</param>
/// <param name="UseSystemHeaders">
/// Whether the machine's system headers (/usr/include) are searched. Null: only when the triple is the machine's
/// own (Linux on this architecture); foreign targets get -nostdinc plus the product's per-target libc headers.
/// </param>
public sealed record CParseRequest(
    string MainFile,
    ImmutableDictionary<string, string> UnsavedFiles,
    string TargetTriple,
    CLanguage Language = CLanguage.C,
    string? Standard = null,
    ImmutableArray<string> IncludeDirectories = default,
    ImmutableArray<string> Defines = default,
    ImmutableArray<string> ExtraFlags = default,
    TimeSpan? TimeLimit = null,
    bool? UseSystemHeaders = null)
{
    /// <summary>
    /// Workspace files whose declarations this unit does not report, because another unit (a library's headers unit)
    /// reports them: a source's unit then reads only its own declarations, not those of every public header again.
    /// Their text still shapes the parse; the result's dependencies include them.
    /// </summary>
    public ImmutableHashSet<string> OmitDeclarationsFrom { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// Read the signature of every reported function. False (the default): a function whose first declaration is in an
    /// <see cref="OmitDeclarationsFrom"/> file is reported without its signature (<see cref="CFunction.SignatureOmitted"/>),
    /// since the unit that reports that declaration reads it; a caller that finds it missing there parses with this set.
    /// A unit with errors reads every signature anyway (it may have read the header differently).
    /// </summary>
    public bool ReadAllSignatures { get; init; }

    /// <summary>
    /// A file of <see cref="OmitDeclarationsFrom"/> whose functions are reported all the same (its other declarations are
    /// not, and signatures are still left to it): <see cref="ClangSplice"/> needs the names an edit of it declares.
    /// </summary>
    internal string? ReportFunctionsFrom { get; init; }

    /// <summary>
    /// Spans of workspace files that libclang reads as spaces (line breaks kept; each span ASCII): <see cref="ClangSplice"/>'s
    /// skeleton of a unit, without a copy of its texts. Declarations are still located in, and read against, the real texts.
    /// </summary>
    internal IReadOnlyDictionary<string, ImmutableArray<TextSpan>>? Blanks { get; init; }

    /// <summary>The time limit used when <see cref="TimeLimit"/> is null.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(10);
}
