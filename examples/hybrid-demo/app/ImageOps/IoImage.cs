using System.Runtime.InteropServices;

namespace DemoApp.ImageOps;

/// <summary>
/// C 'struct io_image'. 'size_t' is pointer-sized, so the fields are nuint: on 64-bit targets the struct is 32 bytes
/// with 4 bytes of padding after Format, exactly as the C compiler lays it out.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoImage
{
    public IoFormat Format;
    public nuint Width;
    public nuint Height;
    public byte* Pixels;
}
