using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustFunctionTests
{
    [Fact]
    public void No_mangle_extern_c_function_is_exported_with_exact_spans()
    {
        const string src = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n";
        var f = SingleFunction(src);
        Assert.Equal("mc_add", f.Name);
        Assert.Equal(SpanOf(src, "mc_add"), f.NameSpan);
        Assert.True(f.NoMangle);
        Assert.Equal(SpanOf(src, "#[no_mangle]"), f.NoMangleSpan);
        Assert.Equal("C", f.Abi);
        Assert.Equal(SpanOf(src, "extern \"C\""), f.AbiSpan);
        Assert.True(f.IsPub);
        Assert.Equal("mc_add", f.ExportedSymbol);
        Assert.Equal(SpanOf(src, "(a: i32, b: i32)"), f.ParameterListSpan);
        Assert.Equal(SpanOf(src, "{ a + b }"), f.BodySpan);
        Assert.Equal(0, f.FullSpan.Start);
        Assert.Equal(SpanOf(src, "}").End, f.FullSpan.End);
        Assert.Equal(["a", "b"], f.Parameters.Select(p => p.Name));
        Assert.Equal(SpanOf(src, "i32", 0), f.Parameters[0].Type.Span);
        Assert.Equal(SpanOf(src, "b: i32").Start, f.Parameters[1].NameSpan.Start);
        var ret = Assert.IsType<RustPathType>(f.Return);
        Assert.Equal("i32", ret.Name);
        Assert.Equal(SpanOf(src, "i32", 2), ret.Span);
        Assert.Empty(f.PanicSites);
        Assert.False(f.IsForeign);
    }

    [Fact]
    public void Pub_extern_without_no_mangle_is_not_exported()
    {
        var f = SingleFunction("pub extern \"C\" fn helper() {}");
        Assert.False(f.NoMangle);
        Assert.Null(f.ExportedSymbol);
        Assert.Equal("C", f.Abi);
    }

    [Fact]
    public void Private_no_mangle_function_is_exported()
    {
        var f = SingleFunction("#[no_mangle] extern \"C\" fn hidden() {}");
        Assert.False(f.IsPub);
        Assert.Equal("hidden", f.ExportedSymbol);
    }

    [Fact]
    public void Unsafe_no_mangle_edition_2024_covers_whole_attribute()
    {
        const string src = "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn f() {}";
        var f = SingleFunction(src);
        Assert.True(f.NoMangle);
        Assert.Equal(SpanOf(src, "#[unsafe(no_mangle)]"), f.NoMangleSpan);
        Assert.True(f.IsUnsafe);
    }

    [Fact]
    public void Export_name_gives_symbol_and_string_span()
    {
        const string src = "#[export_name = \"real_name\"]\npub extern \"C\" fn rust_name() {}";
        var f = SingleFunction(src);
        Assert.Equal("real_name", f.ExportName);
        Assert.Equal(SpanOf(src, "\"real_name\""), f.ExportNameSpan);
        Assert.Equal("real_name", f.ExportedSymbol);
        Assert.Equal("rust_name", f.Name);
    }

    [Fact]
    public void Unsafe_export_name_is_read()
    {
        const string src = "#[unsafe(export_name = \"x_y\")] extern \"C\" fn f() {}";
        var f = SingleFunction(src);
        Assert.Equal("x_y", f.ExportName);
        Assert.Equal(SpanOf(src, "\"x_y\""), f.ExportNameSpan);
    }

    [Fact]
    public void Bare_extern_fn_has_c_abi()
    {
        const string src = "#[no_mangle] pub extern fn f() {}";
        var f = SingleFunction(src);
        Assert.Equal("C", f.Abi);
        Assert.Equal(SpanOf(src, "extern"), f.AbiSpan);
    }

    [Fact]
    public void Rust_abi_function_has_null_abi()
    {
        var f = SingleFunction("fn f() {}");
        Assert.Null(f.Abi);
        Assert.Null(f.AbiSpan);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("C-unwind")]
    [InlineData("stdcall")]
    public void Other_abis_are_kept_as_written(string abi)
    {
        var f = SingleFunction($"pub extern \"{abi}\" fn f() {{}}");
        Assert.Equal(abi, f.Abi);
    }

    [Fact]
    public void Visibility_forms_are_pub()
    {
        var file = Parse("pub(crate) fn a() {} pub(super) fn b() {} pub(in crate::x) fn c() {} pub(self) fn d() {} fn e() {}");
        Assert.Empty(file.Errors);
        Assert.Equal([true, true, true, true, false], file.Functions.Select(f => f.IsPub));
        Assert.Equal(["a", "b", "c", "d", "e"], file.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Qualifiers_const_async_unsafe_are_read()
    {
        var file = Parse("pub const fn a() {} async fn b() {} pub const unsafe extern \"C\" fn c() {} async unsafe fn d() {}");
        Assert.Empty(file.Errors);
        var a = Function(file, "a");
        Assert.True(a.IsConst);
        Assert.False(a.IsAsync);
        Assert.True(Function(file, "b").IsAsync);
        var c = Function(file, "c");
        Assert.True(c.IsConst && c.IsUnsafe);
        Assert.Equal("C", c.Abi);
        var d = Function(file, "d");
        Assert.True(d.IsAsync && d.IsUnsafe);
    }

    [Fact]
    public void Generics_with_arrows_and_shifts_are_skipped()
    {
        const string src = "pub fn map<F: Fn(u8) -> u8, T: Into<Vec<Vec<u8>>>>(f: F, t: T) -> u8 where F: Clone, T: Sized { 0 }\nfn next() {}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var map = Function(file, "map");
        Assert.True(map.HasGenerics);
        Assert.Equal(["f", "t"], map.Parameters.Select(p => p.Name));
        Assert.Equal(SpanOf(src, "{ 0 }"), map.BodySpan);
        Assert.False(Function(file, "next").HasGenerics);
    }

    [Fact]
    public void Parameter_patterns_are_kept_as_text()
    {
        const string src = "fn f(mut a: i32, _: u8, (x, y): (i32, i32), &z: &u8, ref r: u8) {}";
        var f = SingleFunction(src);
        Assert.Equal(["mut a", "_", "(x, y)", "&z", "ref r"], f.Parameters.Select(p => p.Name));
        Assert.Equal(SpanOf(src, "mut a"), f.Parameters[0].NameSpan);
        Assert.Equal(SpanOf(src, "(x, y)"), f.Parameters[2].NameSpan);
        Assert.IsType<RustTupleType>(f.Parameters[2].Type);
    }

    [Fact]
    public void Variadic_parameters_set_is_variadic()
    {
        var file = Parse("extern \"C\" { fn printf(fmt: *const c_char, ...) -> c_int; }\n#[no_mangle] pub unsafe extern \"C\" fn v(n: i32, args: ...) {}");
        Assert.Empty(file.Errors);
        var printf = Function(file, "printf");
        Assert.True(printf.IsVariadic);
        Assert.Single(printf.Parameters);
        var v = Function(file, "v");
        Assert.True(v.IsVariadic);
        Assert.Single(v.Parameters);
    }

    [Fact]
    public void Function_without_return_type_has_null_return()
    {
        var f = SingleFunction("fn f(x: u8) {}");
        Assert.Null(f.Return);
    }

    [Fact]
    public void Raw_identifier_function_name_drops_prefix()
    {
        const string src = "#[no_mangle] pub extern \"C\" fn r#match() {}";
        var f = SingleFunction(src);
        Assert.Equal("match", f.Name);
        Assert.Equal("match", f.ExportedSymbol);
        Assert.Equal(SpanOf(src, "r#match"), f.NameSpan);
    }

    [Fact]
    public void Foreign_block_functions_are_imports_with_block_abi()
    {
        const string src = "extern \"system\" {\n    fn GetTickCount() -> u32;\n    static ERRNO: i32;\n    fn other(x: i32);\n}\nfn after() {}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var tick = Function(file, "GetTickCount");
        Assert.True(tick.IsForeign);
        Assert.Equal("system", tick.Abi);
        Assert.Null(tick.BodySpan);
        Assert.Null(tick.ExportedSymbol);
        Assert.True(tick.IsUnsafe);
        Assert.True(Function(file, "other").IsForeign);
        Assert.False(Function(file, "after").IsForeign);
        Assert.Equal(3, file.Functions.Length);
    }

    [Fact]
    public void Unsafe_extern_block_with_safe_and_unsafe_items()
    {
        const string src = "unsafe extern \"C\" {\n    pub safe fn sqrt(x: f64) -> f64;\n    pub unsafe fn strlen(p: *const c_char) -> usize;\n    safe static FLAG: i32;\n}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var sqrt = Function(file, "sqrt");
        Assert.False(sqrt.IsUnsafe);
        Assert.True(sqrt.IsForeign);
        Assert.True(sqrt.IsPub);
        Assert.Equal("C", sqrt.Abi);
        Assert.True(Function(file, "strlen").IsUnsafe);
    }

    [Fact]
    public void Bare_extern_block_defaults_to_c()
    {
        var file = Parse("extern { fn f(); }");
        Assert.Equal("C", Function(file, "f").Abi);
    }

    [Fact]
    public void Impl_and_trait_items_are_not_reported()
    {
        const string src = "impl<T> Foo<T> where T: Clone { pub fn method(&self) {} }\ntrait Bar { fn m(&self); fn d() {} }\nunsafe impl Send for X {}\nfn free() {}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        Assert.Equal("free", Assert.Single(file.Functions).Name);
    }

    [Fact]
    public void Functions_in_bodies_are_not_reported()
    {
        var file = Parse("fn outer() { fn inner() {} struct Local; }");
        Assert.Equal("outer", Assert.Single(file.Functions).Name);
        Assert.Empty(file.Structs);
    }

    [Fact]
    public void Declaration_without_body_is_accepted()
    {
        var file = Parse("fn f(x: i32) -> i32;");
        Assert.Null(Assert.Single(file.Functions).BodySpan);
    }

    [Fact]
    public void Static_extern_crate_and_statics_are_skipped_cleanly()
    {
        var file = Parse("extern crate alloc;\nstatic mut X: Foo = Foo { a: [1, 2] };\npub static Y: &str = \"}\";\nfn f() {}");
        Assert.Empty(file.Errors);
        Assert.Equal("f", Assert.Single(file.Functions).Name);
    }

    [Fact]
    public void Macros_2_0_and_auto_traits_are_skipped()
    {
        var file = Parse("pub macro m($x:expr) { $x }\nunsafe auto trait A {}\nfn f() {}");
        Assert.Empty(file.Errors);
        Assert.Equal("f", Assert.Single(file.Functions).Name);
    }

    [Fact]
    public void Cfg_attr_no_mangle_and_export_name_are_conditional_exports()
    {
        var f = SingleFunction("#[cfg_attr(not(test), no_mangle)] pub extern \"C\" fn f() {}");
        Assert.True(f.NoMangle);
        Assert.Equal(new RustCfg.Not(new RustCfg.Flag("test")), f.Cfg);
        var g = SingleFunction("#[cfg_attr(unix, unsafe(export_name = \"g_unix\"))] pub extern \"C\" fn g() {}");
        Assert.Equal("g_unix", g.ExportedSymbol);
    }

    [Fact]
    public void Exported_associated_functions_in_impl_blocks_are_reported_and_other_impl_items_are_not()
    {
        const string src = "struct S;\nimpl S {\n    const K: i32 = 1;\n    type T = i32;\n    pub fn helper(&self) -> i32 { 1 }\n    #[no_mangle]\n    pub extern \"C\" fn s_new() -> i32 { 0 }\n}\ntrait Tr { #[no_mangle] fn not_read(); }\n#[no_mangle] pub extern \"C\" fn after() {}";
        var file = Parse(src);
        Assert.Equal(["s_new", "after"], file.Functions.Select(f => f.Name));
        Assert.Empty(file.Consts);
        Assert.Empty(file.TypeAliases);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Full_span_of_foreign_function_ends_at_semicolon()
    {
        const string src = "extern \"C\" {\n    #[link_name = \"x\"]\n    pub fn f(a: u8) -> u8;\n}";
        var f = Function(Parse(src), "f");
        Assert.Equal(SpanOf(src, "#[link_name = \"x\"]\n    pub fn f(a: u8) -> u8;"), f.FullSpan);
    }
}
