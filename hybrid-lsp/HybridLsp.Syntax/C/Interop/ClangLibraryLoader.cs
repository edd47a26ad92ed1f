using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace HybridLsp.Syntax.C.Interop;

/// <summary>
/// Loads libclang once per path and resolves its functions. A library that cannot be loaded yields an error text,
/// never an exception: C/C++ support is then unavailable and everything else keeps working.
/// </summary>
internal static class ClangLibraryLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<(LibClang? Api, string? Error)>> s_loaded = new(StringComparer.Ordinal);

    public static (LibClang? Api, string? Error) Load(string? libraryPath)
    {
        var key = string.IsNullOrWhiteSpace(libraryPath) ? "" : libraryPath;
        return s_loaded.GetOrAdd(key, k => new Lazy<(LibClang?, string?)>(() => LoadCore(k))).Value;
    }

    private static (LibClang? Api, string? Error) LoadCore(string libraryPath)
    {
        IntPtr handle;
        try
        {
            if (libraryPath.Length > 0)
            {
                if (!NativeLibrary.TryLoad(libraryPath, out handle))
                    return (null, $"cannot load libclang from '{libraryPath}' (set {ClangOptions.LibraryPathVariable} or --libclang to a libclang shared library)");
            }
            else if (!TryLoadBundled(out handle))
            {
                return (null, $"the bundled libclang is not present for {RuntimeInformation.RuntimeIdentifier} (set {ClangOptions.LibraryPathVariable} or --libclang to a libclang shared library)");
            }
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException)
        {
            return (null, $"cannot load libclang from '{libraryPath}': {e.Message}");
        }
        var api = LibClang.TryCreate(handle, out var error);
        return api is null ? (null, $"'{(libraryPath.Length > 0 ? libraryPath : "libclang")}' is not a usable libclang: {error}") : (api, null);
    }

    // The runtime package puts libclang.so under runtimes/<rid>/native; the host adds that folder to the native
    // probing paths (deps.json), which NativeLibrary.TryLoad with an assembly uses. The explicit path covers hosts
    // that run without a deps.json (single-file or copied outputs).
    private static bool TryLoadBundled(out IntPtr handle)
    {
        var assembly = typeof(ClangLibraryLoader).Assembly;
        if (NativeLibrary.TryLoad("libclang", assembly, DllImportSearchPath.AssemblyDirectory, out handle))
            return true;
        var nextToApp = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libclang.so");
        return RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && NativeLibrary.TryLoad(nextToApp, out handle);
    }
}
