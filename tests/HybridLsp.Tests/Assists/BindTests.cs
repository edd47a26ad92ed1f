using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class BindTests
{
    [Fact]
    public void Binding_is_inserted_into_the_existing_library_import_class() => CheckRefactor("Generate C# binding for 'mc_sub'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_s$0ub(a: i64, b: u64) -> f64 { 0.0 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_sub")]
            internal static partial double mc_sub(long a, ulong b);
        }
        """);

    [Fact]
    public void Dll_import_class_gets_a_dll_import_with_bool_marshalling() => CheckRefactor("Generate C# binding for 'mc_flag'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_fl$0ag(on: bool, n: usize) -> bool { on }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        namespace Demo
        {
            static class Native
            {
                const string Lib = "mathcore";
                [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] static extern int mc_add(int a, int b);
            }
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        namespace Demo
        {
            static class Native
            {
                const string Lib = "mathcore";
                [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] static extern int mc_add(int a, int b);
                [DllImport(Lib, EntryPoint = "mc_flag", CallingConvention = CallingConvention.Cdecl)]
                [return: MarshalAs(UnmanagedType.U1)]
                internal static extern bool mc_flag([MarshalAs(UnmanagedType.U1)] bool on, nuint n);
            }
        }
        """);

    [Fact]
    public void Pointers_strings_c_types_and_function_pointers_map_to_unsafe_types() => CheckRefactor("Generate C# binding for 'mc_fill'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        use std::os::raw::{c_char, c_int, c_long};
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub unsafe extern "C" fn mc_f$0ill(out: *mut f64, len: c_int, name: *const c_char, n: c_long, cb: extern "C" fn(i32) -> i32) -> *mut c_char { std::ptr::null_mut() }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_fill", StringMarshalling = StringMarshalling.Utf8)]
            internal static unsafe partial nint mc_fill(double* @out, int len, string name, CLong n, delegate* unmanaged[Cdecl]<int, int> cb);
        }
        """);

    [Fact]
    public void Struct_and_enum_are_generated_beside_the_binding() => CheckRefactor("Generate C# binding for 'mc_len'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec2 { pub x: f32, pub y: f32 }
        #[repr(u8)] pub enum Mode { Fast = 1, Exact }
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_l$0en(v: Vec2, p: *const Vec2, m: Mode) -> f32 { v.x }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [StructLayout(LayoutKind.Sequential)]
            public struct Vec2
            {
                public float x;
                public float y;
            }

            public enum Mode : byte
            {
                Fast = 1,
                Exact = 2,
            }

            [LibraryImport("mathcore", EntryPoint = "mc_len")]
            internal static partial float mc_len(Vec2 v, Vec2* p, Mode m);
        }
        """);

    [Fact]
    public void New_file_next_to_the_only_project_when_nothing_binds_the_crate() => CheckRefactor("Generate C# binding for 'mc_add'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: *mut i32) -> i32 { a }
        """, """
        //- /app/NativeMethods.Mathcore.cs
        using System.Runtime.InteropServices;

        internal static unsafe partial class MathcoreNative
        {
            [LibraryImport("mathcore", EntryPoint = "mc_add")]
            internal static partial int mc_add(int a, int* b);
        }
        """);

    [Fact]
    public void New_file_uses_dll_import_and_nint_without_unsafe_blocks() => CheckRefactor("Generate C# binding for 'mc_add'", """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = ["cdylib"]
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: *mut i32) -> i32 { a }
        """, """
        //- /app/NativeMethods.Mathcore.cs
        using System.Runtime.InteropServices;

        internal static partial class MathcoreNative
        {
            [DllImport("mathcore", EntryPoint = "mc_add", CallingConvention = CallingConvention.Cdecl)]
            internal static extern int mc_add(int a, nint b);
        }
        """);

    [Fact]
    public void Bind_all_skips_exports_without_a_certain_binding() => CheckRefactor("Bind all unbound exports of 'mathcore'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_n$0eg(a: i32) -> i32 { -a }
        #[no_mangle] pub unsafe extern "C" fn mc_flags(p: *const bool) -> usize { 0 }
        #[no_mangle] pub extern "C" fn mc_half(a: f32) -> f32 { a / 2.0 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_half")]
            internal static partial float mc_half(float a);
            [LibraryImport("mathcore", EntryPoint = "mc_neg")]
            internal static partial int mc_neg(int a);
        }
        """);

    [Theory]
    [InlineData("s: String")]
    [InlineData("s: &str")]
    [InlineData("s: &[u8]")]
    [InlineData("s: Vec<i32>")]
    [InlineData("s: (i32, i32)")]
    [InlineData("s: char")]
    [InlineData("s: *const bool")]
    [InlineData("s: NotReprC")]
    public void Not_offered_for_types_without_a_certain_binding(string parameter) => CheckNoRefactor("Generate C# binding for 'mc_bad'", Crates.MathCore + $$"""
        //- /native/mathcore/src/lib.rs
        pub struct NotReprC { pub x: i32 }
        #[no_mangle] pub extern "C" fn mc_b$0ad({{parameter}}) -> i32 { 0 }
        """);

    [Fact]
    public void Not_offered_for_a_generic_or_rust_abi_or_bound_export() => CheckNoRefactor("Generate C# binding for 'mc_add'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """);

    [Fact]
    public void Not_offered_for_a_rust_abi_export() => CheckNoRefactor("Generate C# binding for 'mc_add'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub fn mc_a$0dd(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void New_file_is_never_created_over_an_existing_one() => CheckNoRefactor("Generate C# binding for 'mc_add'", Crates.MathCore + """
        //- /app/NativeMethods.Mathcore.cs
        class Other { }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_a$0dd(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Bind_command_file_binds_every_export() => Assert.Equal("""
        using System.Runtime.InteropServices;

        internal static unsafe partial class MathcoreNative
        {
            [LibraryImport("mathcore", EntryPoint = "mc_add")]
            internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_half")]
            internal static partial float mc_half(float a);
        }

        """.ReplaceLineEndings("\n"), BindingFile(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_half(a: f32) -> f32 { a / 2.0 }
        #[no_mangle] pub extern "C" fn mc_name(s: &str) -> usize { s.len() }
        """, "mathcore"));

    [Fact]
    public void Bind_command_knows_no_unknown_library() => Assert.Null(BindingFile(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """, "nosuchlib"));

    [Fact]
    public void Not_offered_when_the_binding_class_is_half_typed() => CheckNoRefactor("Generate C# binding for 'mc_neg'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_n$0eg(a: i32) -> i32 { -a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        """);

    [Fact]
    public void Export_name_is_the_entry_point_and_a_pascal_case_method_name_when_not_an_identifier() => CheckRefactor("Generate C# binding for 'mc.neg'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[export_name = "mc.neg"] pub extern "C" fn n$0eg(a: i32) -> i32 { -a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc.neg")]
            internal static partial int McNeg(int a);
        }
        """);

    [Fact]
    public void Without_the_interop_using_names_are_qualified() => CheckRefactor("Generate C# binding for 'mc_ok'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn mc_o$0k() -> bool { true }
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        """, """
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern int mc_add(int a, int b);
            [System.Runtime.InteropServices.DllImport("mathcore", EntryPoint = "mc_ok", CallingConvention = System.Runtime.InteropServices.CallingConvention.Cdecl)]
            [return: System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.U1)]
            internal static extern bool mc_ok();
        }
        """);
}

public sealed class BindConventionTests
{
    [Fact]
    public void Library_import_names_cdecl_when_an_x86_target_is_configured() => CheckRefactor("Generate C# binding for 'mc_neg'", Crates.MathCore + """
        //- /hybrid-lsp.toml
        targets = ["win-x86", "linux-x64"]
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_n$0eg(a: i32) -> i32 { -a }
        """, """
        //- /app/NativeMethods.Mathcore.cs
        using System.Runtime.InteropServices;

        internal static unsafe partial class MathcoreNative
        {
            [LibraryImport("mathcore", EntryPoint = "mc_neg")]
            [UnmanagedCallConv(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
            internal static partial int mc_neg(int a);
        }
        """);

    [Fact]
    public void An_existing_csharp_struct_of_that_name_is_used() => CheckRefactor("Generate C# binding for 'mc_len'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Vec2 { pub x: f32, pub y: f32 }
        #[no_mangle] pub extern "C" fn mc_l$0en(v: Vec2) -> f32 { v.x }
        //- /app/Vec.cs
        using System.Runtime.InteropServices;
        namespace Demo.Interop
        {
            [StructLayout(LayoutKind.Sequential)] public struct Vec2 { public float x; public float y; }
        }
        """, """
        //- /app/NativeMethods.Mathcore.cs
        using System.Runtime.InteropServices;

        internal static unsafe partial class MathcoreNative
        {
            [LibraryImport("mathcore", EntryPoint = "mc_len")]
            internal static partial float mc_len(global::Demo.Interop.Vec2 v);
        }
        """);
}
