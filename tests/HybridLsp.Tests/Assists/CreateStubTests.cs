using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class CreateStubTests
{
    [Fact]
    public void Rust_function_with_scalars_bool_string_and_pointers_is_appended_to_lib_rs() => CheckAssist("Create Rust function 'mc_scale' in crate 'mathcore'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore", EntryPoint = "mc_scale")]
            static extern long Sc$0ale(long value, uint factor, nint offset, double* samples, [MarshalAs(UnmanagedType.U1)] bool clamp, [MarshalAs(UnmanagedType.LPUTF8Str)] string label, CLong big);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        #[no_mangle]
        pub extern "C" fn mc_scale(value: i64, factor: u32, offset: isize, samples: *mut f64, clamp: bool, label: *const std::ffi::c_char, big: std::ffi::c_long) -> i64 {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = (value, factor, offset, samples, clamp, label, big);
            0
        }
        """);

    [Fact]
    public void Edition_2024_crate_gets_unsafe_no_mangle_and_pascal_entry_point_an_export_name() => CheckAssist("Create Rust function 'add_numbers' in crate 'mathcore'", """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        edition = "2024"
        [lib]
        crate-type = ["cdylib"]
        //- /native/mathcore/src/lib.rs
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")]
            [return: MarshalAs(UnmanagedType.U1)]
            internal static partial bool AddN$0umbers(float x, out int result);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[unsafe(export_name = "AddNumbers")]
        pub extern "C" fn add_numbers(x: f32, result: *mut i32) -> bool {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = (x, result);
            false
        }
        """);

    [Fact]
    public void Struct_of_the_crate_is_used_by_name_and_returned_zeroed() => CheckAssist("Create Rust function 'mc_len' in crate 'mathcore'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec2 { pub x: f32, pub y: f32 }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Vec2 { public float x; public float y; }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore")] static extern Vec2 mc_len$0(Vec2 v, in Vec2 w, ref Vec2 r);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec2 { pub x: f32, pub y: f32 }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        #[no_mangle]
        pub extern "C" fn mc_len(v: Vec2, w: *const Vec2, r: *mut Vec2) -> Vec2 {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = (v, w, r);
            unsafe { std::mem::zeroed() }
        }
        """);

    [Fact]
    public void Enum_return_defaults_to_its_zero_variant_and_default_bool_is_a_win32_bool() => CheckAssist("Create Rust function 'mc_mode' in crate 'mathcore'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(i32)] pub enum Mode { Fast = 1, Off = 0 }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode : int { Fast = 1, Off = 0 }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore")] static extern Mode mc_m$0ode(bool on);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[repr(i32)] pub enum Mode { Fast = 1, Off = 0 }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        #[no_mangle]
        pub extern "C" fn mc_mode(on: i32) -> Mode {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = on;
            Mode::Off
        }
        """);

    [Fact]
    public void New_crate_is_rendered_under_native_with_every_stub_of_the_library() => CheckAssist("Create a new Rust crate named 'fastmath' in 'native/fastmath'", """
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("fast$0math")] static extern int fm_add(int a, int b);
            [DllImport("fastmath")] static extern void fm_reset();
        }
        """, """
        //- /native/fastmath/Cargo.toml
        [package]
        name = "fastmath"
        version = "0.1.0"
        edition = "2024"
        publish = false

        [lib]
        # cdylib: the shared library .NET loads (libfastmath.so, fastmath.dll, libfastmath.dylib);
        # rlib: lets `cargo test` and other Rust crates use it too.
        crate-type = ["cdylib", "rlib"]
        //- /native/fastmath/.gitignore
        /target
        //- /native/fastmath/src/lib.rs
        //! fastmath: functions exported with the C ABI for .NET P/Invoke.
        //!
        //! Every export is `extern "C"` with an unmangled name, takes and returns only FFI-safe types, and must not
        //! panic: a panic cannot unwind into .NET and aborts the process.

        #[unsafe(no_mangle)]
        pub extern "C" fn fm_add(a: i32, b: i32) -> i32 {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = (a, b);
            0
        }

        #[unsafe(no_mangle)]
        pub extern "C" fn fm_reset() {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
        }
        """);

    [Fact]
    public void New_crate_beside_the_others_is_added_to_the_workspace_members() => CheckAssist("Create a new Rust crate named 'imaging' in 'crates/imaging'", """
        //- /Cargo.toml
        [workspace]
        # the native side
        members = [
            "crates/mathcore",
        ]
        resolver = "2"
        //- /crates/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        edition = "2021"
        [lib]
        crate-type = ["cdylib"]
        //- /crates/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("libimaging")] static extern nuint im_$0size(nuint width, nuint height);
        }
        """, """
        //- /Cargo.toml
        [workspace]
        # the native side
        members = [
            "crates/mathcore",
            "crates/imaging",
        ]
        resolver = "2"
        //- /crates/imaging/Cargo.toml
        [package]
        name = "imaging"
        version = "0.1.0"
        edition = "2024"
        publish = false

        [lib]
        # cdylib: the shared library .NET loads (libimaging.so, imaging.dll, libimaging.dylib);
        # rlib: lets `cargo test` and other Rust crates use it too.
        crate-type = ["cdylib", "rlib"]
        //- /crates/imaging/.gitignore
        /target
        //- /crates/imaging/src/lib.rs
        //! imaging: functions exported with the C ABI for .NET P/Invoke.
        //!
        //! Every export is `extern "C"` with an unmangled name, takes and returns only FFI-safe types, and must not
        //! panic: a panic cannot unwind into .NET and aborts the process.

        #[unsafe(no_mangle)]
        pub extern "C" fn im_size(width: usize, height: usize) -> usize {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            // Until then this stub returns a default value.
            let _ = (width, height);
            0
        }
        """);

    [Fact]
    public void Workspace_glob_that_already_matches_needs_no_member_edit() => CheckAssist("Create a new Rust crate named 'imaging' in 'crates/imaging'", """
        //- /Cargo.toml
        [workspace]
        members = ["crates/*"]
        //- /crates/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = ["cdylib"]
        //- /crates/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("imaging")] static extern void im_$0clear();
        }
        """, """
        //- /crates/imaging/Cargo.toml
        [package]
        name = "imaging"
        version = "0.1.0"
        edition = "2024"
        publish = false

        [lib]
        # cdylib: the shared library .NET loads (libimaging.so, imaging.dll, libimaging.dylib);
        # rlib: lets `cargo test` and other Rust crates use it too.
        crate-type = ["cdylib", "rlib"]
        //- /crates/imaging/.gitignore
        /target
        //- /crates/imaging/src/lib.rs
        //! imaging: functions exported with the C ABI for .NET P/Invoke.
        //!
        //! Every export is `extern "C"` with an unmangled name, takes and returns only FFI-safe types, and must not
        //! panic: a panic cannot unwind into .NET and aborts the process.

        #[unsafe(no_mangle)]
        pub extern "C" fn im_clear() {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
        }
        """);

    [Fact]
    public void Function_pointer_and_utf16_string_parameters_map_to_extern_c_fn_and_u16_pointer() => CheckAssist("Create Rust function 'mc_each' in crate 'mathcore'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore", CharSet = CharSet.Unicode)] static extern void mc_e$0ach(delegate* unmanaged[Cdecl]<int, double, void> callback, string name, char sep, void* state);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        #[no_mangle]
        pub extern "C" fn mc_each(callback: extern "C" fn(i32, f64), name: *const u16, sep: u16, state: *mut std::ffi::c_void) {
            // Write the implementation here (it must not panic: a panic cannot unwind into .NET).
            let _ = (callback, name, sep, state);
        }
        """);

    [Theory]
    [InlineData("static extern string mc_na$0me();")]                                    // a returned string would be freed with the wrong allocator
    [InlineData("static extern int mc_cou$0nt(object value);")]                            // marshalled as a COM variant
    [InlineData("static extern int mc_bad$0(Unknown u);")]                                 // an undeclared type
    [InlineData("static extern int mc_half$0(int a, ")]                                    // half-typed
    [InlineData("static extern int mc_semi$0(int a)")]                                     // no `;` yet
    [InlineData("static extern int mc_w$0ide([MarshalAs(UnmanagedType.LPStr)] string s);")] // ANSI strings have no Rust type
    public void Create_rust_function_is_not_offered_when_a_type_is_not_certain(string declaration) => CheckNoAssistTitled("Create Rust function", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore")] 
        """ + declaration + "\n}\n");

    [Fact]
    public void Create_rust_function_is_not_offered_on_an_unclosed_import_attribute() => CheckNoAssistTitled("Create Rust function", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore"]
            internal static partial double mc_d$0ott(double a, double b);
        }
        """);

    [Fact]
    public void Create_rust_function_is_not_offered_when_the_function_exists_unexported_or_a_name_clashes()
    {
        CheckNoAssistTitled("Create Rust function", Crates.MathCore + """
            //- /native/mathcore/src/lib.rs
            pub extern "C" fn mc_sub(a: i32, b: i32) -> i32 { a - b }
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static class Native { [DllImport("mathcore")] static extern int mc_s$0ub(int a, int b); }
            """);
        CheckNoAssistTitled("Create Rust function", Crates.MathCore + """
            //- /native/mathcore/src/lib.rs
            #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
            pub struct add_numbers;
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static class Native { [DllImport("mathcore")] static extern int Add$0Numbers(int a, int b); }
            """);
    }

    [Fact]
    public void New_crate_is_not_offered_for_paths_odd_names_existing_folders_or_system_libraries()
    {
        foreach (var library in new[] { "./bin/libfoo.so", "My-Lib", "std", "kernel32" })
        {
            CheckNoAssistTitled("Create a new Rust crate", $$"""
                //- /app/Native.cs
                using System.Runtime.InteropServices;
                static class Native { [DllImport("{{library}}")] static extern int f$0oo(int a); }
                """);
        }
        CheckNoAssistTitled("Create a new Rust crate", """
            //- /native/fastmath/README.md
            a folder that is already there
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static class Native { [DllImport("fastmath")] static extern int f$0oo(int a); }
            """);
    }
}
