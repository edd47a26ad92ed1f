using System.Runtime.InteropServices;

namespace DemoApp.ImageOps;

/// <summary>C 'struct io_stats': uint8_t, uint32_t, uint8_t, double — 24 bytes with the C compiler's padding.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IoStats
{
    public byte Min;
    public uint Count;
    public byte Max;
    public double Mean;
}
