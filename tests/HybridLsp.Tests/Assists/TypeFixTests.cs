using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class TypeFixTests
{
    private const string Lib = """
        //- /native/mathcore/src/lib.rs
        use std::ffi::{c_long, c_ulong};
        #[no_mangle] pub extern "C" fn mc_scale(x: f64, factor: i32) -> f64 { x }
        #[no_mangle] pub extern "C" fn mc_len(n: usize) -> u64 { 0 }
        #[no_mangle] pub extern "C" fn mc_clong(v: c_long) -> c_ulong { 0 }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        """;

    [Fact]
    public void Long_parameter_against_i32_becomes_int() => CheckAssist("Change type to 'int'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double x, lo$0ng factor);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double x, int factor);
        }
        """);

    [Fact]
    public void Signed_return_against_u64_becomes_ulong() => CheckAssist("Change type to 'ulong'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern lo$0ng mc_len(nuint n);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern ulong mc_len(nuint n);
        }
        """);

    [Fact]
    public void Fixed_width_against_usize_becomes_nuint() => CheckAssist("Change type to 'nuint'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern ulong mc_len(ul$0ong n);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern ulong mc_len(nuint n);
        }
        """);

    [Fact]
    public void Long_against_c_long_becomes_CLong() => CheckAssist("Change type to 'CLong'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern CULong mc_clong(lo$0ng v);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern CULong mc_clong(CLong v);
        }
        """);

    [Fact]
    public void CULong_is_qualified_without_the_using() => CheckAssist("Change type to 'CULong'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern ui$0nt mc_clong(System.Runtime.InteropServices.CLong v);
        }
        """, """
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern System.Runtime.InteropServices.CULong mc_clong(System.Runtime.InteropServices.CLong v);
        }
        """);

    [Fact]
    public void Float_against_i32_becomes_int() => CheckAssist("Change type to 'int'", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, flo$0at b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        """);

    [Fact]
    public void Enum_parameter_has_no_type_fix() => CheckNoAssist(Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode : long { A }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, Mo$0de b);
        }
        """);

    [Fact]
    public void Fix_all_applies_every_fix_of_the_file() => CheckFixAll(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {$0
            [DllImport("mathcore")] static extern double mc_scale(double x, long factor);
            [DllImport("mathcore")] static extern long mc_len(ulong n);
            [DllImport("mathcore")] static extern bool mc_is_ready();
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_scale(x: f64, factor: i32) -> f64 { x }
        #[no_mangle] pub extern "C" fn mc_len(n: usize) -> u64 { 0 }
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double x, int factor);
            [DllImport("mathcore")] static extern ulong mc_len(nuint n);
            [DllImport("mathcore")] [return: MarshalAs(UnmanagedType.U1)] static extern bool mc_is_ready();
        }
        """);

    // A crate's own `type c_long = i64;` is i64 (the mapper follows the alias, so the finding says 8 bytes); the fix
    // planner works from type names, sees that the name does not mean what it says, and offers nothing rather than 'CLong'.
    [Fact]
    public void A_local_alias_named_like_a_ffi_type_is_the_alias_and_no_name_based_fix_is_offered() => CheckNoAssist(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[allow(non_camel_case_types)]
        type c_long = i64;
        #[no_mangle] pub extern "C" fn mc_clong(v: c_long) {}
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_clong(i$0nt v);
        }
        """);

    [Fact]
    public void A_local_alias_named_like_a_ffi_type_is_reported_as_the_aliased_type() => CheckDiagnostics(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[allow(non_camel_case_types)]
        type c_long = i64;
        #[no_mangle] pub extern "C" fn mc_clong(v: c_long) {}
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_clong(int v);
                                                              //^^^ error HL1003: parameter 'v' of 'mc_clong': C# 'int' (4 bytes, signed) vs Rust 'c_long' (8 bytes, signed)
        }
        """);

    [Fact]
    public void Type_fix_is_offered_on_the_rust_side_too() => CheckAssist("Change type to 'int'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_scale(x: f64, factor: i$032) -> f64 { x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double x, long factor);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double x, int factor);
        }
        """);
}
