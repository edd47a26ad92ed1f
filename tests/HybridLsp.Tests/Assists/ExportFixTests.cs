using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class ExportFixTests
{
    [Fact]
    public void Entry_point_literal_is_replaced_by_the_closest_export() => CheckAssist("Change entry point to 'mc_dot'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_dot(a: f64, b: f64) -> f64 { a * b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", EntryPoint = "mc_dot_pr$0oduct")] static extern double Dot(double a, double b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", EntryPoint = "mc_dot")] static extern double Dot(double a, double b);
        }
        """);

    [Fact]
    public void Entry_point_is_added_when_the_name_came_from_the_method() => CheckAssist("Change entry point to 'mc_dot'", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_dot(a: f64, b: f64) -> f64 { a * b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial double mc_d$0ott(double a, double b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", EntryPoint = "mc_dot")] internal static partial double mc_dott(double a, double b);
        }
        """);

    [Fact]
    public void Entry_point_constant_has_no_fix() => CheckNoAssistTitled("Change entry point", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_dot(a: f64, b: f64) -> f64 { a * b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            const string Name = "mc_dott";
            [DllImport("mathcore", EntryPoint = Na$0me)] static extern double Dot(double a, double b);
        }
        """);

    [Fact]
    public void Not_exported_function_gets_no_mangle_and_extern_c() => CheckAssist("Export 'mc_hidden' with #[no_mangle] and extern \"C\"", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        /// Docs.
        pub fn mc_hidden(a: i32) -> i32 { a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_hid$0den(int a);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        /// Docs.
        #[no_mangle]
        pub extern "C" fn mc_hidden(a: i32) -> i32 { a }
        """);

    [Fact]
    public void Not_exported_function_is_fixable_from_the_rust_side_in_edition_2024() => CheckAssist("Export 'mc_hidden' with #[unsafe(no_mangle)]", """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        edition = "2024"
        [lib]
        crate-type = ["cdylib"]
        //- /native/mathcore/src/lib.rs
        mod inner {
            pub unsafe extern "C" fn mc_hi$0dden(a: i32) -> i32 { a }
        }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_hidden(int a);
        }
        """, """
        //- /native/mathcore/src/lib.rs
        mod inner {
            #[unsafe(no_mangle)]
            pub unsafe extern "C" fn mc_hidden(a: i32) -> i32 { a }
        }
        """);

    [Fact]
    public void Crate_type_gets_cdylib() => CheckAssist("Add \"cdylib\" to crate-type", """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = [ # what we build
            "rlib",
        ]
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_one() -> i32 { 1 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_one();
        }
        """.Replace("crate-type = [", "crate-type = $0[", StringComparison.Ordinal), """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = ["cdylib",  # what we build
            "rlib",
        ]
        """);

    [Fact]
    public void Missing_lib_table_is_added() => CheckAssist("Add \"cdylib\" to crate-type", """
        //- /native/mathcore/Cargo.toml
        [pack$0age]
        name = "mathcore" # the crate
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_one() -> i32 { 1 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_one();
        }
        """, """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore" # the crate

        [lib]
        crate-type = ["cdylib", "rlib"]
        """);

    [Fact]
    public void Lib_table_without_crate_type_gets_the_key() => CheckAssist("Add \"cdylib\" to crate-type", """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [li$0b] # library
        name = "mathcore"
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_one() -> i32 { 1 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_one();
        }
        """, """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib] # library
        crate-type = ["cdylib", "rlib"]
        name = "mathcore"
        """);
}
