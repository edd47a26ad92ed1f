using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class MarshallingTests
{
    [Fact]
    public void Utf16_string_against_c_char_pointer_is_an_encoding_mismatch() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", CharSet = CharSet.Unicode)] static extern int mc_parse(string text);
                                                                                        //^^^^^^ warning HL1006: parameter 'text' of 'mc_parse': C# 'string' is marshalled as UTF-16 (2-byte units) but Rust '*const c_char' expects 1-byte characters (fix)
        }
        //- /native/mathcore/src/lib.rs
        use std::ffi::c_char;
        #[no_mangle] pub unsafe extern "C" fn mc_parse(text: *const c_char) -> i32 { 0 }
        """);

    [Fact]
    public void Ansi_string_is_reported_on_windows_only_and_utf8_is_correct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [DllImport("mathcore")] static extern int mc_parse(string text);
                                                             //^^^^^^ warning HL1006: parameter 'text' of 'mc_parse': C# 'string' is marshalled with the ANSI code page on Windows but Rust '*const c_char' is conventionally UTF-8; use StringMarshalling.Utf8 or [MarshalAs(UnmanagedType.LPUTF8Str)] on win-x64 (fix)
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf8)] internal static partial int mc_parse_utf8(string text);
            [DllImport("mathcore")] static extern int mc_parse_marshal([MarshalAs(UnmanagedType.LPUTF8Str)] string text);
        }
        //- /native/mathcore/src/lib.rs
        use std::ffi::c_char;
        #[no_mangle] pub unsafe extern "C" fn mc_parse(text: *const c_char) -> i32 { 0 }
        #[no_mangle] pub unsafe extern "C" fn mc_parse_utf8(text: *const c_char) -> i32 { 0 }
        #[no_mangle] pub unsafe extern "C" fn mc_parse_marshal(text: *const u8) -> i32 { 0 }
        """);

    [Fact]
    public void Returning_a_native_string_as_string_is_an_ownership_problem() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf8)] internal static partial string mc_name();
                                                                                                          //^^^^^^ warning HL1013: 'mc_name' returns Rust '*mut c_char' as C# 'string': the runtime frees the native buffer with its own allocator (free/CoTaskMemFree); return 'nint' and release it with the library's own free function
            [LibraryImport("mathcore")] internal static partial nint mc_name_raw();
        }
        //- /native/mathcore/src/lib.rs
        use std::ffi::{c_char, CString};
        #[no_mangle] pub extern "C" fn mc_name() -> *mut c_char { CString::new("x").map(|s| s.into_raw()).unwrap_or(std::ptr::null_mut()) }
        #[no_mangle] pub extern "C" fn mc_name_raw() -> *mut c_char { std::ptr::null_mut() }
        """);

    [Fact]
    public void Explicit_stdcall_is_info_on_x64_and_error_on_x86() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", CallingConvention = CallingConvention.StdCall)] static extern int mc_add(int a, int b);
                                                                                                   //^^^^^^ info HL1007: 'mc_add' is called as stdcall but Rust 'mc_add' is extern "C" (cdecl)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Default_winapi_convention_is_an_error_when_win_x86_is_a_target() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        targets = ["win-x86", "win-x64"]
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
                                                    //^^^^^^ error HL1007: 'mc_add' is called as stdcall but Rust 'mc_add' is extern "C" (cdecl) on win-x86
            [DllImport("mathcore", CallingConvention = CallingConvention.Cdecl)] static extern int mc_sub(int a, int b);
            [DllImport("mathcore")] static extern int mc_mul(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_sub(a: i32, b: i32) -> i32 { a - b }
        #[no_mangle] pub extern "system" fn mc_mul(a: i32, b: i32) -> i32 { a * b }
        """);

    [Fact]
    public void By_value_struct_against_pointer_is_a_by_ref_mismatch() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Vec3 { public float X, Y, Z; }
        static class Native
        {
            [DllImport("mathcore")] static extern float mc_length(Vec3 v);
                                                                //^^^^ warning HL1011: parameter 'v' of 'mc_length': C# passes 'Vec3' by value but Rust takes a pointer ('*const Vec3')
            [DllImport("mathcore")] static extern float mc_length_in(in Vec3 v);
            [DllImport("mathcore")] static extern float mc_length_ref(ref Vec3 v);
            [DllImport("mathcore")] static extern void mc_normalize(in Vec3 v);
                                                                     //^^^^ warning HL1011: parameter 'v' of 'mc_normalize': Rust may write through '*mut Vec3' but C# passes 'in Vec3' as read-only (in)
            [DllImport("mathcore")] static extern void mc_zero(out Vec3 v);
        }
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec3 { pub x: f32, pub y: f32, pub z: f32 }
        #[no_mangle] pub unsafe extern "C" fn mc_length(v: *const Vec3) -> f32 { 0.0 }
        #[no_mangle] pub unsafe extern "C" fn mc_length_in(v: *const Vec3) -> f32 { 0.0 }
        #[no_mangle] pub unsafe extern "C" fn mc_length_ref(v: &Vec3) -> f32 { 0.0 }
        #[no_mangle] pub unsafe extern "C" fn mc_normalize(v: *mut Vec3) {}
        #[no_mangle] pub unsafe extern "C" fn mc_zero(v: *mut Vec3) {}
        """);

    [Fact]
    public void Callback_signatures_are_compared() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int Visitor(int value);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int BadVisitor(long value);
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern void mc_visit(Visitor visitor);
            [DllImport("mathcore")] static extern void mc_visit_bad(BadVisitor visitor);
                                                                  //^^^^^^^^^^ error HL1012: parameter 'visitor' of 'mc_visit_bad': callback 'BadVisitor' differs from Rust 'Option<extern "C" fn(i32) -> i32>' in parameter 1: 8 bytes, signed vs 4 bytes, signed
            [DllImport("mathcore")] static extern void mc_visit_ptr(delegate* unmanaged[Cdecl]<int, int> visitor);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_visit(visitor: extern "C" fn(i32) -> i32) {}
        #[no_mangle] pub extern "C" fn mc_visit_bad(visitor: Option<extern "C" fn(i32) -> i32>) {}
        #[no_mangle] pub extern "C" fn mc_visit_ptr(visitor: Option<unsafe extern "C" fn(i32) -> i32>) {}
        """);
}

public sealed class ByRefScalarTests
{
    [Fact]
    public void Scalar_by_value_against_a_pointer_and_by_reference_against_a_value_are_by_ref_mismatches() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_inc(int counter);
                                                            //^^^ warning HL1011: parameter 'counter' of 'mc_inc': C# passes 'int' by value but Rust takes a pointer ('*mut i32'); use 'ref', 'out' or 'in'
            [DllImport("mathcore")] static extern int mc_twice(ref int value);
                                                                 //^^^ warning HL1011: parameter 'value' of 'mc_twice': C# passes 'ref int' by reference (ref) but Rust takes 'i32' by value
            [DllImport("mathcore")] static extern void mc_inc_ok(ref int counter);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub unsafe extern "C" fn mc_inc(counter: *mut i32) {}
        #[no_mangle] pub extern "C" fn mc_twice(value: i32) -> i32 { value * 2 }
        #[no_mangle] pub unsafe extern "C" fn mc_inc_ok(counter: &mut i32) {}
        """);

    [Fact]
    public void Export_with_the_rust_abi_is_an_error() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
                                                    //^^^^^^ error HL1007: Rust 'mc_add' is exported with the Rust ABI, which has no stable calling convention; declare it 'extern "C"'
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);
}
