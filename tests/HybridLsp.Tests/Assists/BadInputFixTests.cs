using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

/// <summary>On half-typed code a fix is either correct or not offered.</summary>
public sealed class BadInputFixTests
{
    private const string Lib = """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_dot(a: f64, b: f64) -> f64 { a * b }
        #[no_mangle] pub extern "C" fn mc_log(a: *const std::ffi::c_char, b: *const std::ffi::c_char) {}

        """;

    [Fact]
    public void Attribute_without_closing_parenthesis_gets_no_added_entry_point() => CheckNoAssist(Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore"]
            internal static partial double mc_d$0ott(double a, double b);
        }
        """);

    [Fact]
    public void Diagnostic_whose_fix_does_not_fit_the_text_is_not_marked_fix() => CheckDiagnostics(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_dot(a: f64, b: f64) -> f64 { a * b }
                                     //^^^^^^ hint HL2004: 'mc_dot' is exported by crate 'mathcore' but no C# declaration binds it
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore"]
                                   //^ info HL0003: C# file could only be partly understood: CS1026: ) expected
            internal static partial double mc_dott(double a, double b);
                                         //^^^^^^^ error HL1001: library 'mathcore' (crate 'mathcore') exports no function 'mc_dott'; did you mean 'mc_dot'
        }
        """);

    [Fact]
    public void Half_typed_declaration_gets_a_correct_return_fix() => CheckAssist("Add [return: MarshalAs(UnmanagedType.U1)]", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")]
            static extern bo$0ol mc_is_ready();
            static void Main() { var x = 
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] [return: MarshalAs(UnmanagedType.U1)]
            static extern bool mc_is_ready();
            static void Main() { var x = 
        }
        """);

    [Fact]
    public void Rust_function_with_an_explicit_rust_abi_has_no_export_fix() => CheckNoAssist(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        pub extern "Rust" fn mc_hidden(a: i32) -> i32 { a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_hid$0den(int a);
        }
        """);

    [Fact]
    public void Generic_rust_function_has_no_export_fix() => CheckNoAssist(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        pub fn mc_hidden<T>(a: i32) -> i32 { a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_hid$0den(int a);
        }
        """);

    [Fact]
    public void Fix_all_sets_string_marshalling_once_for_two_strings() => CheckFixAll(Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {$0
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf16)] internal static partial void mc_log(string a, string b);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf8)] internal static partial void mc_log(string a, string b);
        }
        """);

    [Fact]
    public void Crate_type_that_is_not_an_array_has_no_fix() => CheckNoAssist("""
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        [lib]
        crate-type = "rl$0ib"
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_one() -> i32 { 1 }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_one();
        }
        """);
}
