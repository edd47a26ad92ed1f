using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class ResolutionTests
{
    [Fact]
    public void Missing_export_suggests_the_closest_name() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", EntryPoint = "mc_dot_product")] static extern float Dot(float a, float b);
                                              //^^^^^^^^^^^^^^^^ error HL1001: library 'mathcore' (crate 'mathcore') exports no function 'mc_dot_product'; did you mean 'mc_dot' (fix)
            [DllImport("mathcore")] static extern float mc_dot(float a, float b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_dot(a: f32, b: f32) -> f32 { a * b }
        """);

    [Fact]
    public void Export_missing_on_some_targets_lists_them() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_epoll_fd();
                                                    //^^^^^^^^^^^ error HL1001: 'mc_epoll_fd' is not exported by crate 'mathcore' on win-x64, osx-arm64 (its #[cfg] excludes them)
        }
        //- /native/mathcore/src/lib.rs
        #[cfg(target_os = "linux")]
        #[no_mangle] pub extern "C" fn mc_epoll_fd() -> i32 { 3 }
        """);

    [Fact]
    public void Export_per_platform_variants_resolve_on_each_target() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_page_size();
        }
        //- /native/mathcore/src/lib.rs
        #[cfg(unix)]
        #[no_mangle] pub extern "C" fn mc_page_size() -> i32 { 4096 }
        #[cfg(windows)]
        #[no_mangle] pub extern "C" fn mc_page_size() -> i32 { 4096 }
        """);

    [Fact]
    public void Feature_gated_export_is_unknown_and_silent() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern long mc_fast();
        }
        //- /native/mathcore/src/lib.rs
        #[cfg(feature = "fast")]
        #[no_mangle] pub extern "C" fn mc_fast() -> i32 { 1 }
        """);

    [Fact]
    public void Pub_function_without_no_mangle_is_not_exported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
                                                    //^^^^^^ error HL2001: Rust function 'mc_add' exists in crate 'mathcore' but is not exported: it needs #[no_mangle] (or #[unsafe(no_mangle)] in edition 2024); 'pub' does not export it (fix)
        }
        //- /native/mathcore/src/lib.rs
        pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Export_name_and_unsafe_no_mangle_and_modules_resolve() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", EntryPoint = "mathcore_version")] static extern uint Version();
            [DllImport("mathcore")] static extern int mc_nested();
            [DllImport("mathcore")] static extern int mc_deep();
            [DllImport("libmathcore.so")] static extern int mc_inline();
        }
        //- /native/mathcore/src/lib.rs
        mod util;
        mod geometry;
        #[export_name = "mathcore_version"]
        pub extern "C" fn version() -> u32 { 1 }
        mod inner {
            #[unsafe(no_mangle)] extern "C" fn mc_inline() -> i32 { 0 }
        }
        //- /native/mathcore/src/util.rs
        #[no_mangle] pub extern "C" fn mc_nested() -> i32 { 1 }
        //- /native/mathcore/src/geometry/mod.rs
        mod deep;
        //- /native/mathcore/src/geometry/deep.rs
        #[no_mangle] pub extern "C" fn mc_deep() -> i32 { 2 }
        //- /native/mathcore/tests/it.rs
        #[no_mangle] pub extern "C" fn not_in_the_library() -> i32 { 2 }
        """);

    [Fact]
    public void Arity_mismatch_sits_on_the_parameter_list() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_clamp(int v, int lo);
                                                            //^^^^^^^^^^^^^^^ error HL1002: 'mc_clamp' declares 2 parameters but Rust 'mc_clamp' takes 3
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_clamp(v: i32, lo: i32, hi: i32) -> i32 { v }
        """);

    [Fact]
    public void Unresolved_library_is_info_with_did_you_mean_and_system_libraries_are_silent() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcor")] static extern int mc_add(int a, int b);
                     //^^^^^^^^^ info HL0001: library 'mathcor' matches no native module in this workspace nor in hybrid-lsp.toml; did you mean 'mathcore'
            [DllImport("libc", EntryPoint = "getpid")] static extern int GetPid();
            [DllImport("kernel32.dll")] static extern uint GetCurrentProcessId();
        }
        //- /native/mathcore/src/lib.rs
        """);

    [Fact]
    public void Crate_that_is_not_a_cdylib_is_reported_on_its_manifest() => CheckDiagnostics("""
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = ["rlib"]
                   //^^^^^^^^^^ error HL0002: crate 'mathcore' is loaded by C# as 'mathcore' but builds 'rlib', not a 'cdylib' (fix)
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        """);

    [Fact]
    public void Lib_name_differs_from_package_name() => CheckDiagnostics("""
        //- /native/fast-math/Cargo.toml
        [package]
        name = "fast-math"
        [lib]
        name = "fm"
        crate-type = ["cdylib", "rlib"]
        //- /native/fast-math/src/lib.rs
        #[no_mangle] pub extern "C" fn fm_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("fm")] static extern long fm_add(int a, int b);
                                          //^^^^ error HL1003: return type of 'fm_add': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        }
        """);

    [Fact]
    public void Library_mapping_in_config_resolves_a_crate() => CheckDiagnostics("""
        //- /hybrid-lsp.toml
        [libraries.engine]
        crate = "native/core"
        //- /native/core/Cargo.toml
        [package]
        name = "core-impl"
        [lib]
        crate-type = ["cdylib"]
        //- /native/core/src/lib.rs
        #[no_mangle] pub extern "C" fn engine_start() -> i32 { 0 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("engine")] static extern void engine_start();
                                              //^^^^ error HL1003: return type of 'engine_start': C# 'void' (nothing) vs Rust 'i32' (4 bytes, signed)
        }
        """);

    [Fact]
    public void Macro_generated_exports_are_never_reported_missing() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_generated_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        macro_rules! export_binary {
            ($name:ident, $op:tt) => {
                #[no_mangle] pub extern "C" fn $name(a: i32, b: i32) -> i32 { a $op b }
            };
        }
        export_binary!(mc_generated_add, +);
        """);
}

public sealed class WorkspaceDiscoveryTests
{
    [Fact]
    public void Cargo_workspace_members_and_nested_projects_are_found() => CheckDiagnostics("""
        //- /Cargo.toml
        [workspace]
        members = ["crates/*"]
        //- /crates/engine/Cargo.toml
        [package]
        name = "engine-core"
        [lib]
        crate-type = ["cdylib"]
        //- /crates/engine/src/lib.rs
        #[no_mangle] pub extern "C" fn engine_tick(dt: f32) -> i32 { 0 }
        //- /crates/engine/build.rs
        #[no_mangle] pub extern "C" fn not_part_of_the_library() {}
        //- /src/App/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework><DefineConstants>$(DefineConstants);USE_ENGINE</DefineConstants></PropertyGroup></Project>
        //- /src/App/Engine.cs
        using System.Runtime.InteropServices;
        static class Engine
        {
        #if USE_ENGINE
            [DllImport("engine_core")] static extern int engine_tick(double dt);
                                                                   //^^^^^^ error HL1003: parameter 'dt' of 'engine_tick': C# 'double' (8-byte float) vs Rust 'f32' (4-byte float) (fix)
        #endif
            [DllImport("engine_core")] static extern void not_part_of_the_library();
                                                        //^^^^^^^^^^^^^^^^^^^^^^^ error HL1001: library 'engine_core' (crate 'engine-core') exports no function 'not_part_of_the_library'
        }
        """);

    [Fact]
    public void Broken_project_file_is_a_diagnostic_on_that_file_and_its_sources_are_still_read()
    {
        var fixture = HybridLsp.Tests.Fixtures.Fixture.Parse("""
            //- /app/App.csproj
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</Target
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static class Native { [DllImport("nowhere")] static extern int f(); }
            """);
        var diagnostics = Load(fixture).CheckDiagnostics(CancellationToken.None);
        Assert.Equal([("HL0003", "/app/App.csproj"), ("HL0001", "/app/Native.cs")], diagnostics.Select(d => (d.Code, d.Path)));
    }
}

public sealed class OrphanModuleTests
{
    [Fact]
    public void Export_in_a_file_no_mod_declares_is_named_in_the_missing_export_message() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_sqlite_version();
                                                    //^^^^^^^^^^^^^^^^^ error HL1001: library 'mathcore' (crate 'mathcore') exports no function 'mc_sqlite_version': it is defined in 'src/sqlite_ffi.rs', which no `mod` declaration includes
        }
        //- /native/mathcore/src/lib.rs
        // mod sqlite_ffi;
        //- /native/mathcore/src/sqlite_ffi.rs
        #[no_mangle] pub extern "C" fn mc_sqlite_version() -> i32 { 3 }
        """);
}
