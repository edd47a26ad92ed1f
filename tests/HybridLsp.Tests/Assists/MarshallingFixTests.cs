using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class MarshallingFixTests
{
    private const string Lib = """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_set_flag(on: bool) {}
        #[no_mangle] pub extern "C" fn mc_set_wide(on: i32) {}
        #[no_mangle] pub extern "C" fn mc_log(msg: *const std::ffi::c_char) {}

        """;

    [Fact]
    public void Bool_return_gets_return_marshal_as_U1() => CheckAssist("Add [return: MarshalAs(UnmanagedType.U1)]", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern b$0ool mc_is_ready();
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] [return: MarshalAs(UnmanagedType.U1)] static extern bool mc_is_ready();
        }
        """);

    [Fact]
    public void Bool_parameter_gets_marshal_as_U1_qualified_without_the_using() => CheckAssist("Add [MarshalAs(UnmanagedType.U1)]", Crates.MathCore + Lib + """
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern void mc_set_flag(bo$0ol on);
        }
        """, """
        //- /app/Native.cs
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("mathcore")] static extern void mc_set_flag([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.U1)] bool on);
        }
        """);

    [Fact]
    public void Existing_marshal_as_is_replaced() => CheckAssist("Change to MarshalAs(UnmanagedType.U1)", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial void mc_set_flag([MarshalAs(UnmanagedType.Bool)] b$0ool on);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial void mc_set_flag([MarshalAs(UnmanagedType.U1)] bool on);
        }
        """);

    [Fact]
    public void Bool_against_a_4_byte_int_gets_marshal_as_Bool() => CheckAssist("Change to MarshalAs(UnmanagedType.Bool)", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_set_wide([MarshalAs(UnmanagedType.U1)] b$0ool on);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_set_wide([MarshalAs(UnmanagedType.Bool)] bool on);
        }
        """);

    [Fact]
    public void Bool_return_with_other_attributes_in_the_list_goes_before_it() => CheckAssist("Add [return: MarshalAs(UnmanagedType.U1)]", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore"), SuppressGCTransition]
            static extern b$0ool mc_is_ready();
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [return: MarshalAs(UnmanagedType.U1)] [DllImport("mathcore"), SuppressGCTransition]
            static extern bool mc_is_ready();
        }
        """);

    [Fact]
    public void DllImport_string_gets_LPUTF8Str() => CheckAssist("Add [MarshalAs(UnmanagedType.LPUTF8Str)]", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", CharSet = CharSet.Unicode)] static extern void mc_log(str$0ing msg);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore", CharSet = CharSet.Unicode)] static extern void mc_log([MarshalAs(UnmanagedType.LPUTF8Str)] string msg);
        }
        """);

    [Fact]
    public void LibraryImport_utf16_switches_to_StringMarshalling_Utf8() => CheckAssist("Marshal strings as UTF-8 (StringMarshalling.Utf8)", Crates.MathCore + Lib + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf16)] internal static partial void mc_log(str$0ing msg);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore", StringMarshalling = StringMarshalling.Utf8)] internal static partial void mc_log(string msg);
        }
        """);

    [Fact]
    public void Bool_by_ref_has_no_fix() => CheckNoAssist(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_get_flag(on: *mut bool) {}
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern void mc_get_flag(ref b$0ool on);
        }
        """);
}
