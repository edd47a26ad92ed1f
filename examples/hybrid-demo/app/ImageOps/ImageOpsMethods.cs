using System.Runtime.InteropServices;
using DemoApp.Interop;

namespace DemoApp.ImageOps;

/// <summary>
/// Correct bindings for every function the C library native/imageops exports (include/imageops.h).
/// The comment above each method is the C declaration it binds.
/// </summary>
internal static unsafe partial class ImageOpsMethods
{
    // uint32_t io_version(void);
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_version")]
    internal static partial uint Version();

    // size_t io_buffer_size(io_format format, size_t width, size_t height);      (size_t is pointer-sized: nuint)
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_buffer_size")]
    internal static partial nuint BufferSize(IoFormat format, nuint width, nuint height);

    // bool io_is_valid(const io_image *image);      (C bool is 1 byte: marshal as U1)
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_is_valid")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool IsValid(in IoImage image);

    // int io_fill(io_image *image, uint8_t value);
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_fill")]
    internal static partial int Fill(ref IoImage image, byte value);

    // int io_invert(io_image *image);
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_invert")]
    internal static partial int Invert(ref IoImage image);

    // bool io_stats_compute(const io_image *image, io_stats *stats);
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_stats_compute")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ComputeStats(in IoImage image, out IoStats stats);

    // uint64_t io_checksum(const io_image *image, io_progress_fn progress, void *user_data);
    // typedef void (*io_progress_fn)(size_t rows_done, size_t rows_total, void *user_data);
    [LibraryImport(LibraryNames.ImageOps, EntryPoint = "io_checksum")]
    internal static partial ulong Checksum(in IoImage image, delegate* unmanaged[Cdecl]<nuint, nuint, void*, void> progress, void* userData);
}
