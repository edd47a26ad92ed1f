using System.Runtime.InteropServices;

namespace DemoApp;

/// <summary>Mirrors Rust's <c>#[repr(C)] pub struct Vec3 { x: f32, y: f32, z: f32 }</c>: 12 bytes, 4-byte aligned.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Vec3
{
    public float X;
    public float Y;
    public float Z;

    public Vec3(float x, float y, float z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public override readonly string ToString() => $"({X}, {Y}, {Z})";
}
