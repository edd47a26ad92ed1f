using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustPanicScanTests
{
    private static RustFunction Body(string body) => SingleFunction("#[no_mangle] pub extern \"C\" fn f(p: *const u8, i: usize) -> u8 " + body);

    [Fact]
    public void Unwrap_and_expect_with_spans()
    {
        const string body = "{ let a = x.unwrap(); let b = y.expect(\"msg\"); a }";
        var f = Body(body);
        Assert.Equal(["unwrap()", "expect()"], f.PanicSites.Select(s => s.What));
        var src = "#[no_mangle] pub extern \"C\" fn f(p: *const u8, i: usize) -> u8 " + body;
        Assert.Equal(SpanOf(src, "unwrap()"), f.PanicSites[0].Span);
        Assert.Equal(SpanOf(src, "expect(\"msg\")"), f.PanicSites[1].Span);
        Assert.False(f.UsesCatchUnwind);
    }

    [Fact]
    public void Panic_macros_are_found()
    {
        var f = Body("{ panic!(\"x\"); unreachable!(); todo!(); unimplemented!(); assert!(a); assert_eq!(a, b); std::assert_ne!{a, b}; 0 }");
        Assert.Equal(["panic!", "unreachable!", "todo!", "unimplemented!", "assert!", "assert_eq!", "assert_ne!"], f.PanicSites.Select(s => s.What));
    }

    [Fact]
    public void Debug_assert_is_not_reported()
    {
        // Decision (PanicScanner remarks): debug_assert! is compiled out of release builds, so it is not a site.
        Assert.Empty(Body("{ debug_assert!(i < 4); debug_assert_eq!(1, 1); 0 }").PanicSites);
    }

    [Fact]
    public void Indexing_is_found_but_not_array_literals_attributes_or_vec()
    {
        const string body = "{ let a = [1, 2, 3]; let v = vec![1]; #[allow(unused)] let s = &data[1..]; let t = foo()[0]; let w = m[i][j]; let u: &[u8] = &[]; let all = &x[..]; a[i] }";
        var src = "#[no_mangle] pub extern \"C\" fn f(p: *const u8, i: usize) -> u8 " + body;
        var f = SingleFunction(src);
        Assert.All(f.PanicSites, s => Assert.Equal("indexing", s.What));
        Assert.Equal(["[1..]", "[0]", "[i]", "[j]", "[i]"], f.PanicSites.Select(s => Slice(src, s.Span)));
    }

    [Fact]
    public void Index_after_keyword_is_not_indexing()
    {
        Assert.Empty(Body("{ for x in [1, 2] {} let m: &mut [u8] = &mut []; return [0][..].len() as u8; }").PanicSites);
    }

    [Fact]
    public void Catch_unwind_clears_sites()
    {
        var f = Body("{ std::panic::catch_unwind(|| { x.unwrap() }).unwrap_or(0) }");
        Assert.True(f.UsesCatchUnwind);
        Assert.Empty(f.PanicSites);
    }

    [Fact]
    public void Method_named_like_macro_is_not_a_macro()
    {
        Assert.Empty(Body("{ self.panic(); x.todo; 0 }").PanicSites);
    }

    [Fact]
    public void Unwrap_or_is_not_unwrap()
    {
        Assert.Empty(Body("{ x.unwrap_or(0).unwrap_or_default() }").PanicSites);
    }

    [Fact]
    public void Panic_in_string_or_comment_is_ignored()
    {
        Assert.Empty(Body("{ let s = \"x.unwrap() panic!()\"; /* a[0] */ // b.unwrap()\n 0 }").PanicSites);
    }

    [Fact]
    public void Foreign_functions_have_no_panic_sites()
    {
        var f = Function(Parse("extern \"C\" { fn f(); }"), "f");
        Assert.Empty(f.PanicSites);
        Assert.False(f.UsesCatchUnwind);
    }

    [Fact]
    public void Path_call_of_unwrap_is_found()
    {
        Assert.Equal(["unwrap()"], Body("{ Option::unwrap(x) }").PanicSites.Select(s => s.What));
    }

    [Fact]
    public void Indexing_in_closures_and_macro_arguments()
    {
        const string body = "{ let f = |x: &[u8]| x[0]; println!(\"{}\", a[1]); let [p, q] = arr; match s { [h, ..] => h, _ => 0 } }";
        var src = "#[no_mangle] pub extern \"C\" fn f(p: *const u8, i: usize) -> u8 " + body;
        var f = SingleFunction(src);
        Assert.Equal(["[0]", "[1]"], f.PanicSites.Select(s => Slice(src, s.Span)));
    }

    [Fact]
    public void Sites_are_reported_for_every_non_foreign_function_with_a_body()
    {
        var file = Parse("fn private_helper(v: &[u8]) -> u8 { v[0] }");
        Assert.Single(Function(file, "private_helper").PanicSites);
    }
}
