namespace DemoApp.Interop;

/// <summary>Names of the native libraries the app loads, shared by every binding.</summary>
internal static class LibraryNames
{
    /// <summary>
    /// The Rust crate in native/fastmath. The runtime probes libfastmath.so, libfastmath.dylib
    /// or fastmath.dll next to the app, depending on the operating system.
    /// </summary>
    public const string Fastmath = "fastmath";

    /// <summary>
    /// The C library in native/imageops, built with CMake: libimageops.so, libimageops.dylib or imageops.dll.
    /// </summary>
    public const string ImageOps = "imageops";
}
