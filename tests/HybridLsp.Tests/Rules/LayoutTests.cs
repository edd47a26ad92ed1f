using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class LayoutTests
{
    [Fact]
    public void Struct_that_lost_a_field_is_reported_on_the_struct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Vec2
             //^^^^ error HL1009: C# struct 'Vec2' (8 bytes) lacks field 'z' ('f32' at offset 8) of Rust 'Vec3' (12 bytes) (fix)
        {
            public float X;
            public float Y;
        }
        static class Native
        {
            [DllImport("mathcore")] static extern float mc_length(ref Vec2 v);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec3 { pub x: f32, pub y: f32, pub z: f32 }
        #[no_mangle] pub unsafe extern "C" fn mc_length(v: *const Vec3) -> f32 { 0.0 }
        """);

    [Fact]
    public void Differing_field_type_sits_on_the_field() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Header
        {
            public int Magic;
            public long Length;
                      //^^^^^^ error HL1009: field 'Length' of C# struct 'Header' differs from 'length' of Rust 'Header': C# 'long' (8 bytes, signed) vs Rust 'u32' (4 bytes, unsigned) (fix)
        }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_read(Header header);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Header { pub magic: i32, pub length: u32 }
        #[no_mangle] pub extern "C" fn mc_read(header: Header) -> i32 { 0 }
        """);

    [Fact]
    public void Packing_and_explicit_offsets_that_agree_are_correct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        struct Packed { public byte Tag; public int Value; }
        [StructLayout(LayoutKind.Explicit)]
        struct Number { [FieldOffset(0)] public long AsInt; [FieldOffset(0)] public double AsFloat; }
        unsafe struct Name { public fixed byte Bytes[16]; public int Length; }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_packed(Packed p, Number n, Name name);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C, packed)] pub struct Packed { pub tag: u8, pub value: i32 }
        #[repr(C)] pub union Number { pub as_int: i64, pub as_float: f64 }
        #[repr(C)] pub struct Name { pub bytes: [u8; 16], pub length: i32 }
        #[no_mangle] pub extern "C" fn mc_packed(p: Packed, n: Number, name: Name) -> i32 { 0 }
        """);

    [Fact]
    public void Packing_difference_moves_an_offset() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Packed { public byte Tag; public int Value; }
                                                  //^^^^^ error HL1009: field 'Value' of C# struct 'Packed' is at offset 4 but 'value' of Rust 'Packed' is at offset 1 (fix)
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_packed(Packed p);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C, packed)] pub struct Packed { pub tag: u8, pub value: i32 }
        #[no_mangle] pub extern "C" fn mc_packed(p: Packed) -> i32 { 0 }
        """);

    [Fact]
    public void Bool_field_marshals_as_four_bytes() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Options { public bool Verbose; public int Level; }
                                   //^^^^^^^ error HL1009: field 'Verbose' of C# struct 'Options' differs from 'verbose' of Rust 'Options': C# 'bool' marshals as a 4-byte Win32 BOOL; Rust 'bool' is 1 byte
        struct GoodOptions { [MarshalAs(UnmanagedType.U1)] public bool Verbose; public int Level; }
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_configure(Options options);
            [DllImport("mathcore")] static extern void mc_configure_good(GoodOptions options);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Options { pub verbose: bool, pub level: i32 }
        #[no_mangle] pub extern "C" fn mc_configure(options: Options) {}
        #[no_mangle] pub extern "C" fn mc_configure_good(options: Options) {}
        """);

    [Fact]
    public void Enum_size_and_values_are_compared() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Status { Ok = 0, NotFound = 1, Failed = 2 }
        enum Color : byte { Red, Green, Blue }
        enum Level : byte { Low, High }
           //^^^^^ error HL1010: C# enum 'Level' is 1 byte but Rust 'Level' is 4 bytes
        enum Mode { Read = 1, Write = 3 }
                            //^^^^^ warning HL1015: C# enum member 'Mode.Write' = 3 but Rust 'Mode::Write' = 2 (fix)
        static class Native
        {
            [DllImport("mathcore")] static extern Status mc_status(Color color, Level level, Mode mode);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub enum Status { Ok, NotFound, Failed }
        #[repr(u8)] pub enum Color { Red, Green, Blue }
        #[repr(C)] pub enum Level { Low, High }
        #[repr(i32)] pub enum Mode { Read = 1, Write = 2 }
        #[no_mangle] pub extern "C" fn mc_status(color: Color, level: Level, mode: Mode) -> Status { Status::Ok }
        """);
}

public sealed class LayoutEdgeTests
{
    [Fact]
    public void Partial_struct_parts_are_one_type_and_opaque_rust_types_and_linked_structs_are_fine() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Buffer.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        unsafe partial struct ByteBuffer { public byte* Ptr; public int Length; }
        unsafe struct Node { public Node* Next; public Node* Prev; public int Value; }
        struct Handle { }
        //- /app/BufferExtensions.cs
        partial struct ByteBuffer
        {
            public int Size() => Length;
        }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern ByteBuffer mc_buffer();
            [DllImport("mathcore")] static extern int mc_walk(Node* head);
            [DllImport("mathcore")] static extern void mc_close(Handle* handle);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct ByteBuffer { pub ptr: *mut u8, pub length: i32 }
        #[repr(C)] pub struct Node { pub next: *mut Node, pub prev: *mut Node, pub value: i32 }
        #[repr(C)] pub struct Handle { _unused: [u8; 0] }
        #[no_mangle] pub extern "C" fn mc_buffer() -> ByteBuffer { ByteBuffer { ptr: std::ptr::null_mut(), length: 0 } }
        #[no_mangle] pub unsafe extern "C" fn mc_walk(head: *mut Node) -> i32 { 0 }
        #[no_mangle] pub unsafe extern "C" fn mc_close(handle: *mut Handle) {}
        """);

    [Fact]
    public void Element_size_of_an_inline_array_is_compared() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        unsafe struct Points { public fixed byte Values[4]; }
                                               //^^^^^^ error HL1009: field 'Values' of C# struct 'Points' differs from 'values' of Rust 'Points': C# 'fixed byte[4]' (4 × 1 bytes) vs Rust '[u32; 4]' (4 × 4 bytes)
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_points(Points p);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Points { pub values: [u32; 4] }
        #[no_mangle] pub extern "C" fn mc_points(p: Points) {}
        """);
}
