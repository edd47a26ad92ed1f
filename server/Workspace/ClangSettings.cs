using HybridLsp.Syntax.C;

namespace HybridLsp.Server.Workspace;

/// <summary>
/// Which libclang and clang resource directory parse C/C++: only from the user — a CLI flag, else the environment
/// (`HYBRID_LSP_LIBCLANG`, set by the VS Code client from its `hybridLsp.libclang.path` setting, and
/// `HYBRID_LSP_CLANG_RESOURCE_DIR`) — never from a file in the repository (DESIGN §7). Unset means the libclang bundled
/// with the server and the product's own builtin headers.
/// </summary>
internal static class ClangSettings
{
    public static ClangOptions Resolve(string? libraryFlag = null, string? resourceDirectoryFlag = null) =>
        new(NonEmpty(libraryFlag) ?? NonEmpty(Environment.GetEnvironmentVariable(ClangOptions.LibraryPathVariable)),
            NonEmpty(resourceDirectoryFlag) ?? NonEmpty(Environment.GetEnvironmentVariable(ClangOptions.ResourceDirectoryVariable)));

    /// <summary>One line for the log: which libclang is used, its version, or why it cannot be loaded.</summary>
    public static string Describe(ClangOptions options) =>
        ClangParser.Unavailable(options) is { } error
            ? $"libclang unavailable ({error}): C/C++ libraries are not analysed"
            : $"libclang {ClangParser.Version(options) ?? "(unknown version)"} from {options.LibraryPath ?? "the server's bundle"}; resource dir: {options.ResourceDirectory ?? "product builtin headers"}";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
