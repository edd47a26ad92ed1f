namespace HybridLsp.Syntax.C;

/// <summary>
/// Which libclang and which clang resource directory to use. Both come only from the user (client setting,
/// environment variable, CLI flag — DESIGN §7), never from a file in the workspace. Null means the default: the
/// libclang bundled next to the application (NuGet runtime package) and the product's own builtin headers.
/// </summary>
/// <param name="LibraryPath">A libclang shared library (e.g. /usr/lib/llvm-18/lib/libclang.so.1), or null for the bundled one.</param>
/// <param name="ResourceDirectory">
/// A clang resource directory (the folder that holds include/stddef.h, e.g. /usr/lib/llvm-18/lib/clang/18), or null
/// to use the product-owned builtin headers. Passed to libclang as <c>-resource-dir</c>.
/// </param>
public sealed record ClangOptions(string? LibraryPath = null, string? ResourceDirectory = null)
{
    /// <summary>The environment variable the VS Code client sets for <see cref="LibraryPath"/>.</summary>
    public const string LibraryPathVariable = "HYBRID_LSP_LIBCLANG";

    /// <summary>The environment variable for <see cref="ResourceDirectory"/>.</summary>
    public const string ResourceDirectoryVariable = "HYBRID_LSP_CLANG_RESOURCE_DIR";

    /// <summary>The bundled library and the product's builtin headers.</summary>
    public static ClangOptions Default { get; } = new();
}
