using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class LayoutFixTests
{
    private const string ModeBefore = Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(u8)]
        pub enum Mode { Sum = 1, Product = 2 }
        #[no_mangle] pub extern "C" fn mc_apply(mode: Mode, a: i32) -> i32 { a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mo$0de : int { Sum = 1, Product = 2 }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_apply(Mode mode, int a);
        }
        """;

    [Fact]
    public void Enum_size_fix_changes_the_csharp_underlying_type() => CheckAssist("Change C# enum 'Mode' to ': byte'", ModeBefore, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode : byte { Sum = 1, Product = 2 }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_apply(Mode mode, int a);
        }
        """);

    [Fact]
    public void Enum_size_fix_can_change_the_rust_repr_instead() => CheckAssist("Change Rust enum 'Mode' to #[repr(i32)]", ModeBefore, """
        //- /native/mathcore/src/lib.rs
        #[repr(i32)]
        pub enum Mode { Sum = 1, Product = 2 }
        #[no_mangle] pub extern "C" fn mc_apply(mode: Mode, a: i32) -> i32 { a }
        """);

    [Fact]
    public void Enum_without_a_written_base_gets_one() => CheckAssist("Change C# enum 'Mode' to ': ushort'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[derive(Clone, Copy)]
        #[repr(u16)]
        pub enum Mode { Sum, Product }
        #[no_mangle] pub extern "C" fn mc_apply(mode: Mode) -> Mode { mode }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mo$0de { Sum, Product }
        static class Native { [DllImport("mathcore")] static extern Mode mc_apply(Mode mode); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode : ushort { Sum, Product }
        static class Native { [DllImport("mathcore")] static extern Mode mc_apply(Mode mode); }
        """);

    [Fact]
    public void Enum_values_fix_sets_every_value_and_adds_the_missing_variants() => CheckAssist("Change C# enum 'Status' to the values of Rust 'Status'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(i32)]
        pub enum Status { Ok = 0, NotFound = 404, Failed = 500, Busy = 503 }
        #[no_mangle] pub extern "C" fn mc_status() -> Status { Status::Ok }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Status
        {
            Ok,
            Not$0Found,
            FAILED = 2
        }
        static class Native { [DllImport("mathcore")] static extern Status mc_status(); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Status
        {
            Ok = 0,
            NotFound = 404,
            FAILED = 500,
            Busy = 503,
        }
        static class Native { [DllImport("mathcore")] static extern Status mc_status(); }
        """);

    [Fact]
    public void Struct_field_fix_changes_the_csharp_field_to_the_exact_rust_scalar() => CheckAssist("Change type to 'long'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Sample { pub x: f32, pub ticks: i64 }
        #[no_mangle] pub extern "C" fn mc_take(s: Sample) -> f32 { s.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Sample { public float x; public int ti$0cks; }
        static class Native { [DllImport("mathcore")] static extern float mc_take(Sample s); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Sample { public float x; public long ticks; }
        static class Native { [DllImport("mathcore")] static extern float mc_take(Sample s); }
        """);

    [Fact]
    public void Fix_all_takes_the_csharp_side_of_an_either_side_fix() => CheckFixAll(ModeBefore, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode : byte { Sum = 1, Product = 2 }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_apply(Mode mode, int a);
        }
        """);

    [Fact]
    public void Layout_fixes_are_not_offered_when_not_certain()
    {
        // A C# member Rust lacks cannot be removed for sure.
        CheckNoAssistTitled("Change C# enum", Crates.MathCore + """
            //- /native/mathcore/src/lib.rs
            #[repr(i32)] pub enum Status { Ok = 0, Failed = 500 }
            #[no_mangle] pub extern "C" fn mc_status() -> Status { Status::Ok }
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            enum Status { Ok, Fai$0led = 1, Legacy = 7 }
            static class Native { [DllImport("mathcore")] static extern Status mc_status(); }
            """);
        // A C# value that does not fit the Rust repr: only the Rust side can change.
        CheckNoAssistTitled("Change C# enum", Crates.MathCore + """
            //- /native/mathcore/src/lib.rs
            #[repr(u8)] pub enum Mode { Sum = 1, Big = 2 }
            #[no_mangle] pub extern "C" fn mc_apply(mode: Mode) -> i32 { 0 }
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            enum Mo$0de : int { Sum = 1, Big = 2, Huge = 4000 }
            static class Native { [DllImport("mathcore")] static extern int mc_apply(Mode mode); }
            """);
        // Half-typed C# enum: no base-type edit into broken text.
        CheckNoAssistTitled("Change C# enum", Crates.MathCore + """
            //- /native/mathcore/src/lib.rs
            #[repr(u8)] pub enum Mode { Sum = 1 }
            #[no_mangle] pub extern "C" fn mc_apply(mode: Mode) -> i32 { 0 }
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            enum Mo$0de : { Sum = 1 }
            static class Native { [DllImport("mathcore")] static extern int mc_apply(Mode mode); }
            """);
    }

    [Fact]
    public void Struct_fix_adds_the_missing_trailing_rust_field() => CheckAssist("Match C# struct 'Vec2Legacy' to Rust 'Vec3' (add field 'z')", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)]
        pub struct Vec3 { pub x: f32, pub y: f32, pub z: f32 }
        #[no_mangle] pub unsafe extern "C" fn mc_length(v: *const Vec3) -> f32 { 0.0 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Vec2Leg$0acy
        {
            public float X;
            public float Y; // second
        }
        static class Native { [DllImport("mathcore")] static extern float mc_length(ref Vec2Legacy v); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Vec2Legacy
        {
            public float X;
            public float Y; // second
            public float z;
        }
        static class Native { [DllImport("mathcore")] static extern float mc_length(ref Vec2Legacy v); }
        """);

    [Fact]
    public void Struct_fix_puts_missing_fields_at_their_native_places_with_exact_types() => CheckAssist(
        "Match C# struct 'Sample' to Rust 'Sample' (add fields 'flags', 'len', 'ticks')", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        use std::ffi::c_ulong;
        #[repr(C)] pub struct Sample { pub x: f32, pub flags: u32, pub y: f64, pub len: usize, pub ticks: c_ulong }
        #[no_mangle] pub extern "C" fn mc_take(s: Sample) -> f32 { s.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Sample { public float X; public double $0Y; }
        static class Native { [DllImport("mathcore")] static extern float mc_take(Sample s); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Sample { public float X; public uint flags; public double Y; public nuint len; public CULong ticks; }
        static class Native { [DllImport("mathcore")] static extern float mc_take(Sample s); }
        """);

    [Fact]
    public void Struct_fix_removes_a_trailing_field_rust_does_not_have() => CheckAssist("Match C# struct 'Point' to Rust 'Point' (remove 1 extra field)", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Point { pub x: i32, pub y: i32 }
        #[no_mangle] pub extern "C" fn mc_norm(p: Point) -> i32 { p.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Point
        {
            public int X;
            public int Y; // rows
            [MarshalAs(UnmanagedType.I4)] public int Ex$0tra; // not in Rust
        }
        static class Native { [DllImport("mathcore")] static extern int mc_norm(Point p); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Point
        {
            public int X;
            public int Y; // rows
        }
        static class Native { [DllImport("mathcore")] static extern int mc_norm(Point p); }
        """);

    [Fact]
    public void Struct_fix_sets_pack_to_the_rust_packing() => CheckAssist("Match C# struct 'Header' to Rust 'Header' (Pack = 2)", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C, packed(2))] pub struct Header { pub tag: u8, pub len: u32 }
        #[no_mangle] pub extern "C" fn mc_header(h: Header) -> u32 { h.len }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Header { public byte Tag; public uint L$0en; }
        static class Native { [DllImport("mathcore")] static extern uint mc_header(Header h); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 2)]
        struct Header { public byte Tag; public uint Len; }
        static class Native { [DllImport("mathcore")] static extern uint mc_header(Header h); }
        """);

    [Fact]
    public void Struct_fix_removes_a_pack_rust_does_not_have() => CheckAssist("Match C# struct 'Header' to Rust 'Header' (no Pack)", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Header { pub tag: u8, pub len: u32 }
        #[no_mangle] pub extern "C" fn mc_header(h: Header) -> u32 { h.len }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        struct Header { public byte Tag; public uint L$0en; }
        static class Native { [DllImport("mathcore")] static extern uint mc_header(Header h); }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Header { public byte Tag; public uint Len; }
        static class Native { [DllImport("mathcore")] static extern uint mc_header(Header h); }
        """);

    [Fact]
    public void Struct_fix_adds_the_attribute_when_the_struct_has_none() => CheckAssist("Match C# struct 'Header' to Rust 'Header' (add field 'crc', Pack = 1)", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C, packed)] pub struct Header { pub tag: u8, pub len: u32, pub crc: u16 }
        #[no_mangle] pub extern "C" fn mc_header(h: Header) -> u32 { h.len }
        //- /app/Native.cs
        struct Header { public byte Tag; public uint L$0en; }
        static class Native { [System.Runtime.InteropServices.DllImport("mathcore")] static extern uint mc_header(Header h); }
        """, """
        //- /app/Native.cs
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
        struct Header { public byte Tag; public uint Len; public ushort crc; }
        static class Native { [System.Runtime.InteropServices.DllImport("mathcore")] static extern uint mc_header(Header h); }
        """);

    [Fact]
    public void No_struct_fix_when_a_missing_field_has_no_exact_csharp_type() =>
        CheckNoAssistTitled("Match C# struct", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Inner { pub a: i32 }
        #[repr(C)] pub struct Outer { pub x: f32, pub inner: Inner, pub ok: bool }
        #[no_mangle] pub extern "C" fn mc_outer(o: Outer) -> f32 { o.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Ou$0ter { public float X; }
        static class Native { [DllImport("mathcore")] static extern float mc_outer(Outer o); }
        """);

    [Fact]
    public void No_struct_fix_removes_a_trailing_field_that_names_a_native_one() =>
        CheckNoAssistTitled("Match C# struct", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Point { pub x: i32, pub y: i32 }
        #[no_mangle] pub extern "C" fn mc_norm(p: Point) -> i32 { p.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Point { public int Y; public int Z; public int X$0; }
        static class Native { [DllImport("mathcore")] static extern int mc_norm(Point p); }
        """);

    [Fact]
    public void Fix_all_adds_a_leading_missing_field_as_the_first_line_of_the_body() => CheckFixAll(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Tagged { pub tag: u32, pub x: f32, pub y: f32 }
        #[no_mangle] pub extern "C" fn mc_tagged(t: *mut Tagged) {}
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        namespace App
        {
            [StructLayout(LayoutKind.Sequential)]
            struct Tag$0ged
            {
                public float X;
                public float Y;
            }
            static class Native { [DllImport("mathcore")] static extern void mc_tagged(ref Tagged t); }
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        namespace App
        {
            [StructLayout(LayoutKind.Sequential)]
            struct Tagged
            {
                public uint tag;
                public float X;
                public float Y;
            }
            static class Native { [DllImport("mathcore")] static extern void mc_tagged(ref Tagged t); }
        }
        """);

    [Fact]
    public void No_struct_fix_removes_a_field_declared_together_with_a_kept_one() =>
        CheckNoAssistTitled("Match C# struct", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Point { pub x: i32 }
        #[no_mangle] pub extern "C" fn mc_norm(p: Point) -> i32 { p.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Point { public int X, W$0; }
        static class Native { [DllImport("mathcore")] static extern int mc_norm(Point p); }
        """);
}
