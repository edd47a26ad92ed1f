using System.Collections.Immutable;

namespace HybridLsp.Ide;

/// <summary>
/// One file's new state, as the host (server or CLI) read it. <see cref="Text"/> null and <see cref="UnreadableReason"/>
/// null means the file was removed. A file the host could not read (binary, permission denied, vanished mid-read)
/// carries the reason instead of text.
/// </summary>
/// <param name="IsOpen">The text comes from an editor buffer (open files are never skipped for size).</param>
/// <param name="Length">The size of the file on disk in bytes when the host did not read it (too large to read at all).</param>
public sealed record FileChange(string Path, string? Text, bool IsOpen = false, string? UnreadableReason = null)
{
    public static FileChange Removed(string path) => new(path, null);
    public static FileChange Unreadable(string path, string reason) => new(path, null, false, reason);
    public bool IsRemoved => Text is null && UnreadableReason is null;
}

/// <summary>A batch of file changes applied atomically to the host.</summary>
public sealed record WorkspaceChange(ImmutableArray<FileChange> Files)
{
    public static WorkspaceChange Of(params FileChange[] files) => new([.. files]);
}

/// <summary>How the host was started.</summary>
/// <param name="RootPath">Absolute workspace root ('/' separators).</param>
/// <param name="ConfigPath">`--config FILE`: the configuration file to use instead of `ROOT/hybrid-lsp.toml`.</param>
/// <param name="TargetOverride">`--target LIST`: the targets to check instead of the configured ones.</param>
/// <param name="Clang">Which libclang and clang resource directory parse C/C++ (from the user only: CLI flag, environment, client setting); null for the bundled ones.</param>
public sealed record AnalysisOptions(string RootPath, string? ConfigPath = null, ImmutableArray<string> TargetOverride = default, Syntax.C.ClangOptions? Clang = null)
{
    /// <summary>The libclang service and its parse cache, shared by every snapshot of one host.</summary>
    internal Semantics.Model.CParseService? CParser { get; init; }

    /// <summary>
    /// Whether the host finds call sites (references, hover and call counts of the editor). `check` reports findings only,
    /// and no rule reads a call: without call sites, C# files that only call externs are not parsed at all and the files
    /// that declare interop are read without their invocations.
    /// </summary>
    public bool CallSites { get; init; } = true;
}
