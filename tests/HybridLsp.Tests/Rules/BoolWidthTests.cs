using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

public sealed class BoolWidthTests
{
    [Fact]
    public void DllImport_bool_return_without_marshal_as_is_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern bool mc_is_ready();
                                                //^^^^ error HL1005: 'mc_is_ready' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        """);

    [Fact]
    public void DllImport_bool_parameter_without_marshal_as_is_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_set_flag(bool on);
                                                                 //^^^^ error HL1005: parameter 'on' of 'mc_set_flag' is a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_set_flag(on: bool) {}
        """);

    [Fact]
    public void Marshal_as_U1_and_I1_are_correct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [DllImport("mathcore")] [return: MarshalAs(UnmanagedType.U1)] static extern bool mc_is_ready();
            [LibraryImport("mathcore")] [return: MarshalAs(UnmanagedType.I1)] internal static partial bool mc_check([MarshalAs(UnmanagedType.U1)] bool strict);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_check(strict: bool) -> bool { strict }
        """);

    [Fact]
    public void Marshal_as_Bool_against_i32_is_correct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] [return: MarshalAs(UnmanagedType.Bool)] static extern bool mc_ok([MarshalAs(UnmanagedType.Bool)] bool flag);
            [DllImport("mathcore")] static extern bool mc_win32_style(bool flag);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_ok(flag: i32) -> i32 { flag }
        #[no_mangle] pub extern "C" fn mc_win32_style(flag: std::os::raw::c_int) -> std::os::raw::c_int { flag }
        """);

    [Fact]
    public void Byte_for_bool_is_correct() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern byte mc_is_ready(byte input);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready(input: bool) -> bool { input }
        """);

    [Fact]
    public void Marshal_as_U1_against_i32_is_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_set([MarshalAs(UnmanagedType.U1)] bool value);
                                                                                          //^^^^ error HL1005: parameter 'value' of 'mc_set' is a 4-byte Rust 'i32'; C# 'bool' marshals as a 1-byte bool (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_set(value: i32) {}
        """);

    [Fact]
    public void Disable_runtime_marshalling_makes_bool_one_byte() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Assembly.cs
        [assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial bool mc_is_ready();
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        """);

    [Fact]
    public void Pragma_warning_disable_suppresses_the_finding() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable HL1005
            [DllImport("mathcore")] static extern bool mc_is_ready();
        #pragma warning restore HL1005
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        """);
}
