// ============================================================================================
//  DELIBERATE BINDING BUGS IN BINDINGS OF THE C LIBRARY (native/imageops). DO NOT COPY.
//
//  Like BrokenBindings.cs for the Rust crate: each declaration disagrees with the C function it
//  names, in exactly one way, and the program never calls them. The correct bindings are in
//  ImageOps/ImageOpsMethods.cs.
//
//    (f) io_is_valid     C 'bool' is 1 byte; C# 'bool' marshals as a 4-byte BOOL
//    (g) io_buffer_size  returns 'size_t' (8 bytes on 64-bit targets); C# 'int' is 4 bytes
//    (h) io_row_bytes    defined in src/imageops.c but not exported: no IMAGEOPS_API, and the
//                        library is compiled with C_VISIBILITY_PRESET hidden
// ============================================================================================

using System.Runtime.InteropServices;
using DemoApp.ImageOps;

namespace DemoApp;

internal static class BrokenImageOpsBindings
{
    // (f) no [return: MarshalAs(UnmanagedType.U1)]: the 3 high bytes of the 4-byte BOOL are garbage.
    [DllImport("imageops")]
    static extern bool io_is_valid(ref IoImage image);

    // (g) the high 4 bytes of the size_t result are cut off: a large image's size comes out wrong.
    [DllImport("imageops")]
    static extern int io_buffer_size(IoFormat format, nuint width, nuint height);

    // (h) hidden visibility: EntryPointNotFoundException on the first call.
    [DllImport("imageops")]
    static extern nuint io_row_bytes(in IoImage image);
}
