using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

/// <summary>"Suppress HLnnnn for this declaration": applied, the finding is gone and the suppression is used (no HL0005).</summary>
public sealed class SuppressTests
{
    [Fact]
    public void CSharp_declaration_gets_pragma_disable_and_restore() => CheckAssist("Suppress HL1005 for this declaration", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            /// <summary>Ready?</summary>
            [DllImport("mathcore")]
            static extern b$0ool mc_is_ready(); // kept as BOOL on purpose
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            /// <summary>Ready?</summary>
            #pragma warning disable HL1005
            [DllImport("mathcore")]
            static extern bool mc_is_ready(); // kept as BOOL on purpose
            #pragma warning restore HL1005
        }
        """);

    [Fact]
    public void Struct_finding_is_suppressed_around_the_struct() => CheckAssist("Suppress HL1009 for this declaration", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[repr(C)] pub struct Pair { pub a: i32, pub b: i64 }
        #[no_mangle] pub extern "C" fn mc_pair(p: Pair) -> i32 { p.a }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Pair { public int a; public int $0b; }
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_pair(Pair p);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        #pragma warning disable HL1009
        [StructLayout(LayoutKind.Sequential)]
        struct Pair { public int a; public int b; }
        #pragma warning restore HL1009
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_pair(Pair p);
        }
        """);

    [Fact]
    public void Rust_item_gets_an_allow_comment() => CheckAssist("Suppress HL2004 for this declaration", Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        mod inner {
            /// Only for Python.
            #[no_mangle]
            pub extern "C" fn mc_$0py() {}
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        mod inner {
            /// Only for Python.
            // hybrid-lsp: allow(HL2004)
            #[no_mangle]
            pub extern "C" fn mc_py() {}
        }
        """);

    [Fact]
    public void C_declaration_gets_an_allow_comment() => CheckAssist("Suppress HL2004 for this declaration", HybridLsp.Tests.Rules.CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_bound(void);
        /* Only for the Python wrapper. */
        IMAGEOPS_API int io_$0py(void);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_bound(void) { return 1; }
        int io_py(void) { return 2; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] static extern int io_bound();
        }
        """, """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_bound(void);
        /* Only for the Python wrapper. */
        // hybrid-lsp: allow(HL2004)
        IMAGEOPS_API int io_py(void);
        """);

    [Fact]
    public void Code_is_added_to_an_allow_comment_already_above() => CheckAssist("Suppress HL2005 for this declaration", Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_first(nint values, nuint len);
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        // hybrid-lsp: allow(HL2004) -- bound by a tool
        #[no_mangle] pub unsafe extern "C" fn mc_first(values: *const i32, len: usize) -> i32 {
            std::slice::from_raw_parts(values, len)[$00]
        }
        """, """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        // hybrid-lsp: allow(HL2004, HL2005) -- bound by a tool
        #[no_mangle] pub unsafe extern "C" fn mc_first(values: *const i32, len: usize) -> i32 {
            std::slice::from_raw_parts(values, len)[0]
        }
        """);

    [Fact]
    public void Declaration_sharing_its_line_gets_no_suppression() => CheckNoRefactor("Suppress HL1005 for this declaration", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native { [DllImport("mathcore")] static extern b$0ool mc_is_ready(); }
        """);

    [Fact]
    public void Parse_failures_get_no_suppression() => CheckNoRefactor("Suppress HL0003 for this declaration", Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b$0;
        }
        """);
}
