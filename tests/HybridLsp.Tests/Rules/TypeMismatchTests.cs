using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class TypeMismatchTests
{
    [Fact]
    public void Long_against_i32_is_a_type_mismatch() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern double mc_scale(double value, long factor);
                                                                              //^^^^ error HL1003: parameter 'factor' of 'mc_scale': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_scale(value: f64, factor: i32) -> f64 { value * factor as f64 }
        """);

    [Fact]
    public void Float_against_f64_return_is_a_type_mismatch() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern float mc_pi();
                                                //^^^^^ error HL1003: return type of 'mc_pi': C# 'float' (4-byte float) vs Rust 'f64' (8-byte float) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_pi() -> f64 { 3.14 }
        """);

    [Fact]
    public void C_long_bound_as_long_breaks_on_windows_only() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern long mc_ticks();
                                                //^^^^ error HL1003: return type of 'mc_ticks': C# 'long' (8 bytes, signed) vs Rust 'std::os::raw::c_long' (4 bytes, signed) on win-x64 (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_ticks() -> std::os::raw::c_long { 0 }
        """);

    [Fact]
    public void CLong_for_c_long_is_correct_everywhere() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern CLong mc_ticks(CULong since);
        }
        //- /native/mathcore/src/lib.rs
        use std::ffi::{c_long, c_ulong};
        #[no_mangle] pub extern "C" fn mc_ticks(since: c_ulong) -> c_long { 0 }
        """);

    [Fact]
    public void Signedness_differs() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_seed(uint seed);
                                                             //^^^^ warning HL1004: parameter 'seed' of 'mc_seed': C# 'uint' is unsigned but Rust 'i32' is signed (4 bytes) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_seed(seed: i32) {}
        """);

    [Fact]
    public void Fixed_width_for_platform_type_is_a_warning_when_all_targets_match() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        targets = ["linux-x64", "osx-arm64"]
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern long mc_ticks();
                                                //^^^^ warning HL1008: return type of 'mc_ticks': Rust 'c_long' changes size with the platform but C# 'long' is always 8 bytes; it breaks on win-x64, win-x86, win-arm64 (fix)
        }
        //- /native/mathcore/src/lib.rs
        use std::os::raw::c_long;
        #[no_mangle] pub extern "C" fn mc_ticks() -> c_long { 0 }
        """);

    [Fact]
    public void Nuint_for_usize_is_correct_and_ulong_breaks_on_32_bit() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern nuint mc_len(ulong count);
                                                             //^^^^^ warning HL1008: parameter 'count' of 'mc_len': Rust 'usize' changes size with the platform but C# 'ulong' is always 8 bytes; it breaks on win-x86 (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_len(count: usize) -> usize { count }
        """);

    [Fact]
    public void IntPtr_void_pointer_and_SafeHandle_are_accepted_for_any_pointer() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System;
        using System.Runtime.InteropServices;
        using Microsoft.Win32.SafeHandles;
        sealed class ContextHandle : SafeHandleZeroOrMinusOneIsInvalid
        {
            public ContextHandle() : base(true) { }
            protected override bool ReleaseHandle() => true;
        }
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern IntPtr mc_new();
            [DllImport("mathcore")] static extern void mc_free(void* context);
            [DllImport("mathcore")] static extern int mc_use(ContextHandle context, nint other);
        }
        //- /native/mathcore/src/lib.rs
        pub struct Context { value: i32 }
        #[no_mangle] pub extern "C" fn mc_new() -> *mut Context { std::ptr::null_mut() }
        #[no_mangle] pub unsafe extern "C" fn mc_free(context: *mut Context) {}
        #[no_mangle] pub extern "C" fn mc_use(context: *const Context, other: *mut std::ffi::c_void) -> i32 { 0 }
        """);

    [Fact]
    public void Library_name_from_a_constant_in_another_file() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Interop/Libraries.cs
        namespace App.Interop;
        internal static class Libraries
        {
            internal const string MathCore = "mathcore";
        }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        using App.Interop;
        namespace App;
        static class Native
        {
            [DllImport(Libraries.MathCore)] static extern long mc_add(int a, int b);
                                                        //^^^^ error HL1003: return type of 'mc_add': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void If_directive_uses_the_project_symbols() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #if NET8_0_OR_GREATER
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        #else
            [DllImport("mathcore")] static extern long mc_add(long a, long b);
        #endif
        #if SOME_UNDEFINED_SYMBOL
            [DllImport("mathcore")] static extern long mc_sub(long a, long b);
        #endif
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);
}
