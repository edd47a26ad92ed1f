using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class NativeRuleTests
{
    [Fact]
    public void Ffi_unsafe_types_in_exports_are_reported_on_the_rust_side() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern nuint mc_len(nint text);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_len(text: String) -> usize { text.len() }
                                                  //^^^^^^ warning HL2002: exported 'mc_len' uses 'String', which has no C layout: 'String' has no C layout
        #[no_mangle] pub extern "C" fn mc_tuple() -> (i32, i32) { (1, 2) }
                                                   //^^^^^^^^^^ warning HL2002: exported 'mc_tuple' uses '(i32, i32)', which has no C layout: tuples have no C layout
                                     //^^^^^^^^ hint HL2004: 'mc_tuple' is exported by crate 'mathcore' but no C# declaration binds it
        """);

    [Fact]
    public void Allow_comment_suppresses_a_native_rule() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_first(nint values, nuint len);
        }
        //- /native/mathcore/src/lib.rs
        // hybrid-lsp: allow(HL2005)
        #[no_mangle] pub unsafe extern "C" fn mc_first(values: *const i32, len: usize) -> i32 {
            std::slice::from_raw_parts(values, len)[0]
        }
        // hybrid-lsp: allow(HL2004)
        #[no_mangle] pub extern "C" fn mc_internal_only() {}
        """);

    [Fact]
    public void Panics_in_exported_bodies_are_info() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_parse(nint text);
            [DllImport("mathcore")] static extern int mc_safe(nint text);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub unsafe extern "C" fn mc_parse(text: *const u8) -> i32 {
            let s = std::ffi::CStr::from_ptr(text.cast()).to_str().unwrap();
                                                                 //^^^^^^^^ info HL2005: 'mc_parse' can panic here (unwrap()): a panic cannot unwind into .NET and aborts the process; handle the error or use std::panic::catch_unwind
            s.len() as i32
        }
        #[no_mangle] pub unsafe extern "C" fn mc_safe(text: *const u8) -> i32 {
            std::panic::catch_unwind(|| { let v: Vec<i32> = Vec::new(); v[0] }).unwrap_or(-1)
        }
        """);

    [Fact]
    public void Unbound_exports_are_hints_only_for_crates_csharp_binds() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_sub(a: i32, b: i32) -> i32 { a - b }
                                     //^^^^^^ hint HL2004: 'mc_sub' is exported by crate 'mathcore' but no C# declaration binds it
        //- /native/other/Cargo.toml
        [package]
        name = "other"
        [lib]
        crate-type = ["cdylib"]
        //- /native/other/src/lib.rs
        #[no_mangle] pub extern "C" fn other_unbound() {}
        """);

    [Fact]
    public void Conflicting_csharp_declarations_are_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/A.cs
        using System.Runtime.InteropServices;
        static class A
        {
            [DllImport("libc")] static extern nint write(int fd, byte[] buffer, nint count);
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /app/B.cs
        using System.Runtime.InteropServices;
        static class B
        {
            [DllImport("libc.so.6")] static extern int write(int fd, byte[] buffer, int count);
                                                     //^^^^^ warning HL3001: 'write' of 'libc.so.6' is declared as 'int write(int fd, byte[] buffer, int count)' here but as 'nint write(int fd, byte[] buffer, nint count)' in 'A'
            [DllImport("mathcore")] static extern int mc_add(int a, uint b);
                                                                  //^^^^ warning HL1004: parameter 'b' of 'mc_add': C# 'uint' is unsigned but Rust 'i32' is signed (4 bytes) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Parse_failures_and_missing_modules_are_info_and_keep_missing_exports_silent() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_somewhere();
        }
        //- /native/mathcore/src/lib.rs
        mod missing;
          //^^^^^^^ info HL0003: module 'missing' not found: expected 'missing.rs'
        """);

    [Fact]
    public void Invalid_configuration_is_reported_on_the_file() => CheckDiagnostics("""
        //- /hybrid-lsp.toml
        targets = ["linux-x64", "amiga-68k"]
                              //^^^^^^^^^^^ error HL0004: unknown target 'amiga-68k'; known targets: linux-x64, linux-arm64, win-x64, win-x86, win-arm64, osx-x64, osx-arm64
          colour = "blue"
        //^^^^^^ warning HL0004: unknown key 'colour'
        [rules]
        HL1005 = "loud"
               //^^^^^^ error HL0004: 'rules.HL1005' must be one of "off", "hint", "info", "warning", "error", found a string
          HL9999 = "off"
        //^^^^^^ warning HL0004: unknown rule 'HL9999'
        """);

    [Fact]
    public void Rule_severity_can_be_configured() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        [rules]
        HL1004 = "error"
        HL1003 = "off"
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_seed(uint seed, long other);
                                                             //^^^^ error HL1004: parameter 'seed' of 'mc_seed': C# 'uint' is unsigned but Rust 'i32' is signed (4 bytes) (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_seed(seed: i32, other: i32) {}
        """);
}

public sealed class ConflictingDeclarationTests
{
    [Fact]
    public void Overloads_that_pass_the_same_bits_are_not_conflicts() => CheckDiagnostics("""
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /app/Native.cs
        using System;
        using System.Runtime.InteropServices;
        using Microsoft.Win32.SafeHandles;
        delegate int Visitor(int value);
        static unsafe class Native
        {
            [DllImport("libc")] static extern nint write(int fd, byte* buffer, nint count);
            [DllImport("libc")] static extern nint write(int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string text, nint count);
            [DllImport("libc")] static extern int close(SafeFileHandle fd);
            [DllImport("libc")] static extern int close(IntPtr fd);
            [DllImport("libc")] static extern uint getuid();
            [DllImport("libc")] static extern int getuid2();
            [DllImport("libc", EntryPoint = "getuid")] static extern int GetUid();
            [DllImport("libc")] static extern int qsort_visit(Visitor visitor);
            [DllImport("libc", EntryPoint = "qsort_visit")] static extern int QsortVisit(delegate* unmanaged<int, int> visitor);
        }
        //- /other/Other.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /other/Native.cs
        using System.Runtime.InteropServices;
        static class OtherNative
        {
            [DllImport("libc")] static extern long getuid();
        }
        """);
}
