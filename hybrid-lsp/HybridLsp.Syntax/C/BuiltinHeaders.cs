using System.Collections.Immutable;

namespace HybridLsp.Syntax.C;

/// <summary>
/// The product's own builtin headers (stddef.h, stdint.h, stdarg.h… written from clang's predefined macros) and
/// minimal per-target libc headers for foreign targets. They ship as embedded resources and reach libclang as
/// unsaved files under virtual directories that exist nowhere on disk, so the engine does no file IO for them.
/// </summary>
public static class BuiltinHeaders
{
    private const string ResourcePrefix = "HybridLsp.CHeaders/";

    /// <summary>The virtual root of the product's headers (never created on disk).</summary>
    public const string Root = "/__hybrid_lsp__/include";

    /// <summary>Compiler builtin headers (stddef.h, stdbool.h, stdarg.h, stdint.h, limits.h, float.h…), every target.</summary>
    public const string BuiltinDirectory = Root + "/builtin";

    /// <summary>Minimal libc headers for foreign targets (wchar.h, stdlib.h, string.h, stdio.h, sys/types.h…).</summary>
    public const string LibcDirectory = Root + "/libc";

    /// <summary>
    /// The C++ wrappers of the C headers for foreign targets (cstdint, cstddef, climits, cstdlib, cstring, cwchar…): the C
    /// header plus its std:: using-declarations, as libstdc++ and libc++ write them. C++ translation units only.
    /// </summary>
    public const string CxxDirectory = Root + "/cxx";

    /// <summary>Minimal Windows SDK type headers (windows.h with BOOL, DWORD, HANDLE, WINAPI…), Windows targets only.</summary>
    public const string WindowsDirectory = Root + "/windows";

    private static readonly Lazy<ImmutableArray<KeyValuePair<string, string>>> s_files = new(Load);

    /// <summary>Every product header as (virtual path, text).</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Files => s_files.Value;

    private static ImmutableArray<KeyValuePair<string, string>> Load()
    {
        var assembly = typeof(BuiltinHeaders).Assembly;
        var files = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
                continue;
            using var reader = new StreamReader(stream);
            files.Add(new(Root + "/" + name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }
        return files.ToImmutable();
    }

    /// <summary>True for a path under <see cref="Root"/>.</summary>
    public static bool IsBuiltin(string path) => path.StartsWith(Root + "/", StringComparison.Ordinal);
}
