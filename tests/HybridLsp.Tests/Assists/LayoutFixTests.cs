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
}
