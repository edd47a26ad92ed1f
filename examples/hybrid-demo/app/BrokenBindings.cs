// ============================================================================================
//  DELIBERATE BINDING BUGS FOR THE CHECKER DEMO. DO NOT COPY.
//
//  Each declaration below disagrees with the Rust export it names, in exactly one way, so that
//  `hybrid-lsp check` (and the editor) have something to report. The program never calls these
//  methods: calling them would corrupt data or throw. The correct bindings are in NativeMethods.cs.
//
//    (a) fm_is_even   HL1005 bool-width-mismatch     C# bool marshals as a 4-byte BOOL; Rust bool is 1 byte
//    (b) fm_scale     HL1003 type-mismatch           C# long (8 bytes) vs Rust i32 (4 bytes)
//    (c) DotProduct   HL1001 missing-export          no 'fm_dot_product' export; did you mean 'fm_dot'
//    (d) fm_clamp     HL1002 arity-mismatch          2 parameters vs 3 in Rust
//    (e) Length       HL1009 struct-layout-mismatch  Vec2Legacy (2 floats, 8 bytes) vs Rust Vec3 (3 floats, 12 bytes)
// ============================================================================================

using System.Runtime.InteropServices;

namespace DemoApp;

internal static class BrokenBindings
{
    // (a) HL1005: no [return: MarshalAs(UnmanagedType.U1)], so the runtime reads a 4-byte BOOL
    //     where Rust returns a 1-byte bool; the 3 high bytes are whatever was left in the register.
    [DllImport("fastmath")]
    static extern bool fm_is_even(int x);

    // (b) HL1003: Rust takes 'factor: i32'; an 8-byte long is passed where 4 bytes are read.
    [DllImport("fastmath")]
    static extern double fm_scale(double value, long factor);

    // (c) HL1001: the export was renamed to 'fm_dot'; this throws EntryPointNotFoundException.
    [DllImport("fastmath", EntryPoint = "fm_dot_product")]
    static extern float DotProduct(Vec3 a, Vec3 b);

    // (d) HL1002: Rust takes (v, lo, hi); 'hi' would be read from whatever is in the third argument register.
    [DllImport("fastmath")]
    static extern int fm_clamp(int v, int lo);

    // (e) HL1009: Rust reads 12 bytes (x, y, z) through the pointer; this struct has only 8.
    [DllImport("fastmath", EntryPoint = "fm_length")]
    static extern float Length(ref Vec2Legacy v);
}

/// <summary>An old 2-D vector type, used by (e) above. Rust's Vec3 has a third field, 'z'.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Vec2Legacy
{
    public float X;
    public float Y;
}
