using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

/// <summary>Suppressions silence exactly their findings, and a suppression that silences nothing is HL0005.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void Pragma_suppresses_only_its_code_and_only_inside_its_scope() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable HL1005
            [DllImport("mathcore")] static extern bool mc_is_ready();
            [DllImport("mathcore")] static extern long mc_count();
                                                //^^^^ error HL1003: return type of 'mc_count': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        #pragma warning restore HL1005
            [DllImport("mathcore")] static extern bool mc_is_done();
                                                //^^^^ error HL1005: 'mc_is_done' returns a 1-byte Rust 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_is_done() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_count() -> i32 { 0 }
        """);

    [Fact]
    public void Pragma_that_suppresses_nothing_is_a_hint() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable HL1005, HL1003
                                      //^^^^^^ hint HL0005: '#pragma warning disable HL1003' suppresses nothing: no HL1003 finding is reported before its restore
            [DllImport("mathcore")] static extern bool mc_is_ready();
        #pragma warning restore HL1005, HL1003
        #pragma warning disable HL1004
                              //^^^^^^ hint HL0005: '#pragma warning disable HL1004' suppresses nothing: no HL1004 finding is reported before its restore
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        """);

    [Fact]
    public void Pragma_for_unresolved_library_is_used() => CheckDiagnostics("""
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable HL0001
            [DllImport("vendorlib")] static extern int v_open();
        #pragma warning restore HL0001
        }
        """);

    [Fact]
    public void Bare_pragma_disable_is_not_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        #pragma warning restore
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Stale_allow_comments_are_hints() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
            [DllImport("mathcore")] static extern int mc_first(nint values, nuint len);
        }
        //- /native/mathcore/src/lib.rs
        // hybrid-lsp: allow(HL2005, HL2002)
                                   //^^^^^^ hint HL0005: 'allow(HL2002)' suppresses nothing: 'mc_first' has no HL2002 finding
        #[no_mangle] pub unsafe extern "C" fn mc_first(values: *const i32, len: usize) -> i32 {
            std::slice::from_raw_parts(values, len)[0]
        }
        /// Adds.
        // hybrid-lsp: allow(HL2005)
                           //^^^^^^ hint HL0005: 'allow(HL2005)' suppresses nothing: 'mc_add' has no HL2005 finding
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }

        // hybrid-lsp: allow(HL9999)
                           //^^^^^^ hint HL0005: 'HL9999' is not a HybridLsp rule code: the suppression suppresses nothing
        #[no_mangle] pub extern "C" fn mc_internal() {}
                                     //^^^^^^^^^^^ hint HL2004: 'mc_internal' is exported by crate 'mathcore' but no C# declaration binds it
        // hybrid-lsp: allow(HL2004)
                           //^^^^^^ hint HL0005: 'allow(HL2004)' suppresses nothing: no item starts on the line below it

        """);

    [Fact]
    public void Allow_comment_between_attributes_is_used() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_add(int a, int b);
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle]
        // hybrid-lsp: allow(HL2004)
        pub extern "C" fn mc_internal() {}
        """);

    [Fact]
    public void Allow_comments_in_unbound_crates_are_not_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        // hybrid-lsp: allow(HL2005)
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Suppression_of_a_rule_configured_off_is_not_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /hybrid-lsp.toml
        [rules]
        HL1005 = "off"
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
        #pragma warning disable HL1005
            [DllImport("mathcore")] static extern bool mc_is_ready();
        #pragma warning restore HL1005
            [DllImport("mathcore")] static extern bool mc_is_done();
        }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_is_ready() -> bool { true }
        #[no_mangle] pub extern "C" fn mc_is_done() -> bool { true }
        """);
}
