using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Ide;

public sealed class NavigationTests
{
    [Fact]
    public void Definition_LibraryImport_jumps_to_rust_export() => CheckDefinition(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", EntryPoint = "mc_add")]
            internal static partial int A$0dd(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle]
        pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
                        //^^^^^^
        """);

    [Fact]
    public void Definition_from_a_call_site_jumps_to_rust_export() => CheckDefinition(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")]
            internal static partial int mc_add(int a, int b);
        }
        //- /app/Program.cs
        static class Program
        {
            static int Main() => Native.mc_a$0dd(1, 2);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
                                     //^^^^^^
        """);

    [Fact]
    public void Definition_from_rust_export_jumps_to_every_csharp_declaration() => CheckDefinition(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")]
            internal static partial int mc_add(int a, int b);
                                      //^^^^^^
            [DllImport("mathcore", EntryPoint = "mc_add")]
            static extern int Add(int a, int b);
                            //^^^
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Definition_on_a_struct_jumps_to_the_paired_rust_struct() => CheckDefinition(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Ve$0c3 { public float X, Y, Z; }
        static class Native
        {
            [DllImport("mathcore")] static extern float mc_length(in Vec3 v);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec3 { pub x: f32, pub y: f32, pub z: f32 }
                            //^^^^
        #[no_mangle] pub unsafe extern "C" fn mc_length(v: *const Vec3) -> f32 { 0.0 }
        """);

    [Fact]
    public void Definition_elsewhere_returns_nothing() => CheckDefinition(Crates.MathCore + """
        //- /app/Native.cs
        static class Native
        {
            static int He$0lper() => 1;
        }
        //- /native/mathcore/src/lib.rs
        """);

    [Fact]
    public void References_of_a_rust_export_list_declarations_and_call_sites() => CheckReferences(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")]
            internal static partial int mc_add(int a, int b);
                                      //^^^^^^ decl
        }
        //- /app/Program.cs
        static class Program
        {
            static int Main() => Native.mc_add(1, 2) + Native.mc_add(3, 4);
                                      //^^^^^^ call
                                                            //^^^^^^ call
        }
        //- /app/More.cs
        static class More
        {
            static int Twice() => Native.mc_add(1, 1);
                                       //^^^^^^ call
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: i32) -> i32 { a + b }
                                     //^^^^^^ native
        """);

    [Fact]
    public void Hover_on_an_extern_shows_the_rust_signature_and_mapping() => CheckHover(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_sc$0ale(double value, long factor);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_scale(value: f64, factor: i32) -> f64 { value }
        """,
        "pub extern \"C\" fn mc_scale(value: f64, factor: i32) -> f64",
        "| `factor` | `long` (8 bytes, signed) | `i32` (4 bytes, signed) | ✗ HL1003 |",
        "| `value` | `double` (8-byte float) | `f64` (8-byte float) | ✓ |");

    [Fact]
    public void Hover_on_a_rust_export_shows_the_csharp_declaration() => CheckHover(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        namespace Demo;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_$0add(a: i32, b: i32) -> i32 { a + b }
        """,
        "static extern int mc_add(int a, int b);",
        "in `Demo.Native`");
}
