using System.Text;
using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustRecoveryTests
{
    [Fact]
    public void Garbage_item_is_one_error_and_parsing_resumes()
    {
        const string src = "fn a() {}\nthis is not rust ( 1, 2 ) ;\nfn b() {}";
        var file = Parse(src);
        Assert.Equal(["a", "b"], file.Functions.Select(f => f.Name));
        var error = Assert.Single(file.Errors);
        Assert.Equal(SpanOf(src, "this is not rust ( 1, 2 ) ;"), error.Span);
        Assert.Contains("expected an item", error.Message);
    }

    [Fact]
    public void Garbage_inside_module_resyncs_at_same_depth()
    {
        var file = Parse("mod m {\n    123 456\n    pub fn inside() {}\n}\nfn outside() {}");
        Assert.Single(file.Errors);
        Assert.Equal("m", Function(file, "inside").ModulePath);
        Assert.Equal("", Function(file, "outside").ModulePath);
    }

    [Fact]
    public void Unclosed_body_at_eof_is_one_error_and_earlier_items_survive()
    {
        const string src = "fn a() {}\nstruct S;\nfn b() {\n    if x {\n";
        var file = Parse(src);
        Assert.Equal(["a", "b"], file.Functions.Select(f => f.Name));
        Assert.Single(file.Structs);
        var error = Assert.Single(file.Errors);
        Assert.Contains("'}'", error.Message);
        Assert.Equal(src.Length, error.Span.End);
    }

    [Fact]
    public void Half_typed_signature_at_eof_yields_function_and_error()
    {
        const string src = "#[no_mangle] pub extern \"C\" fn foo(a: i32, b";
        var file = Parse(src);
        var f = Assert.Single(file.Functions);
        Assert.Equal("foo", f.Name);
        Assert.True(f.NoMangle);
        Assert.Equal(["a"], f.Parameters.Select(p => p.Name));
        Assert.NotEmpty(file.Errors);
        Assert.Contains(file.Errors, e => e.Message.Contains("')'"));
    }

    [Fact]
    public void Half_typed_signature_does_not_swallow_next_items()
    {
        const string src = "#[no_mangle] pub extern \"C\" fn foo(a: i32, b\n\n#[no_mangle]\npub extern \"C\" fn bar() {}\nstruct After;";
        var file = Parse(src);
        Assert.Equal(["foo", "bar"], file.Functions.Select(f => f.Name));
        Assert.True(Function(file, "bar").NoMangle);
        Assert.Equal(SpanOf(src, "#[no_mangle]", 1).Start, Function(file, "bar").FullSpan.Start);
        Assert.Single(file.Structs);
    }

    [Fact]
    public void Missing_body_reports_error_and_keeps_function()
    {
        var file = Parse("fn a() -> i32\nfn b() {}");
        Assert.Equal(["a", "b"], file.Functions.Select(f => f.Name));
        Assert.Single(file.Errors);
    }

    [Fact]
    public void Parameter_without_type_is_an_error_but_function_is_kept()
    {
        const string src = "fn f(a: i32, b, c: u8) -> u8 { 0 }";
        var file = Parse(src);
        var f = Assert.Single(file.Functions);
        Assert.Equal(["a", "c"], f.Parameters.Select(p => p.Name));
        var error = Assert.Single(file.Errors);
        Assert.Equal(SpanOf(src, "b"), error.Span);
    }

    [Fact]
    public void Stray_closing_brace_is_reported()
    {
        const string src = "fn a() {}\n}\nfn b() {}";
        var file = Parse(src);
        Assert.Equal(2, file.Functions.Length);
        Assert.Equal(SpanOf(src, "}", 1), Assert.Single(file.Errors).Span);
    }

    [Fact]
    public void Attribute_at_eof()
    {
        const string src = "fn a() {}\n#[";
        var file = Parse(src);
        Assert.Single(file.Functions);
        var error = Assert.Single(file.Errors);
        Assert.Equal(SpanOf(src, "["), error.Span);
        Assert.Contains("']'", error.Message);
    }

    [Fact]
    public void Attributes_without_item_at_eof()
    {
        var file = Parse("#[no_mangle]");
        Assert.Empty(file.Functions);
        Assert.Contains("after the attributes", Assert.Single(file.Errors).Message);
    }

    [Fact]
    public void Struct_with_bad_field_keeps_other_fields()
    {
        var file = Parse("struct S { a: u8, 42, b: u16 }\nfn f() {}");
        Assert.Equal(["a", "b"], Assert.Single(file.Structs).Fields.Select(f => f.Name));
        Assert.Single(file.Errors);
        Assert.Single(file.Functions);
    }

    [Fact]
    public void Fn_without_name_recovers()
    {
        var file = Parse("fn (x: i32) {}\nfn ok() {}");
        Assert.Equal("ok", Assert.Single(file.Functions).Name);
        Assert.Single(file.Errors);
    }

    [Fact]
    public void Unterminated_raw_string_is_an_error()
    {
        var file = Parse("fn a() {}\nconst S: &str = r##\"never closed \"# fn b() {}");
        Assert.Single(file.Functions);
        Assert.Contains(file.Errors, e => e.Message.Contains("raw string"));
    }

    [Fact]
    public void Unterminated_block_comment_is_an_error()
    {
        var file = Parse("fn a() {}\n/* /* */ fn hidden() {}");
        Assert.Single(file.Functions);
        Assert.Contains(file.Errors, e => e.Message.Contains("block comment"));
    }

    [Fact]
    public void Unterminated_string_in_body()
    {
        var file = Parse("fn a() { let s = \"abc; }");
        Assert.Single(file.Functions);
        Assert.NotEmpty(file.Errors);
    }

    [Fact]
    public void Hundred_thousand_open_braces_do_not_overflow()
    {
        var src = "fn a() {}\n" + new string('{', 100_000);
        var file = Parse(src);
        Assert.Single(file.Functions);
        Assert.Single(file.Errors);
    }

    [Fact]
    public void Deeply_nested_balanced_braces_in_body()
    {
        var src = "fn a() " + new string('{', 100_000) + new string('}', 100_000) + "\nfn b() {}";
        var file = Parse(src);
        Assert.Equal(["a", "b"], file.Functions.Select(f => f.Name));
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Deeply_nested_modules_do_not_overflow()
    {
        var src = string.Concat(Enumerable.Repeat("mod m { ", 200)) + "fn deep() {}" + new string('}', 200);
        var file = Parse(src);
        Assert.Equal(200, Assert.Single(file.Functions).ModulePath.Split("::").Length);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Absurdly_nested_modules_are_cut_off_with_one_error()
    {
        var src = string.Concat(Enumerable.Repeat("mod m { ", 100_000)) + "fn deep() {}" + new string('}', 100_000) + "\nfn after() {}";
        var file = Parse(src);
        Assert.Equal("after", Assert.Single(file.Functions).Name);
        Assert.Contains("nested deeper", Assert.Single(file.Errors).Message);
    }

    [Fact]
    public void Deep_cfg_and_use_nesting_does_not_overflow()
    {
        var cfg = string.Concat(Enumerable.Repeat("not(", 10_000)) + "x" + new string(')', 10_000);
        var use = "use " + string.Concat(Enumerable.Repeat("a::{", 10_000)) + "b" + new string('}', 10_000) + ";";
        var file = Parse($"#[cfg({cfg})] fn f() {{}}\n{use}\nfn g() {{}}");
        Assert.IsType<RustCfg.Invalid>(Function(file, "f").Cfg);
        Assert.Single(file.Functions, f => f.Name == "g");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(12345);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 2000)];
            for (var k = 0; k < chars.Length; k++)
                chars[k] = round % 2 == 0 ? (char)random.Next(0, 0x10000) : "fn(){}[]<>#!'\"r#b:;,.-=>&*mut const extern\"C\" struct enum x\n\\/*"[random.Next(0, 62)];
            var file = RustParser.Parse(new string(chars));
            Assert.NotNull(file);
        }
    }

    [Fact]
    public void Nul_bytes_and_lone_surrogates()
    {
        var file = Parse("\0\0fn\0 a() {}\n\uD800 fn b() {} \uDC00\nfn c() { '\uD83D\uDE00'; }");
        Assert.Contains(file.Functions, f => f.Name == "b");
        Assert.Contains(file.Functions, f => f.Name == "c");
    }

    [Fact]
    public void Every_prefix_of_a_realistic_file_parses()
    {
        const string src = "#![allow(x)]\n// hybrid-lsp: allow(HL2002)\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn f<'a, T: Fn() -> u8>(a: &'a [u8; 4], cb: extern \"C\" fn(i32) -> i32, ...) -> *mut T where T: Copy { a[0]; r#\"raw\"#; b'x'; 'c'; }\n#[repr(C, packed(2))] pub struct S(u8);\nenum E { A = -1 }\nuse a::{b as c};\nmod m { macro_rules! x { () => {} } }";
        for (var k = 0; k <= src.Length; k++)
            Assert.NotNull(RustParser.Parse(src[..k]));
        var file = Parse(src);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Two_megabyte_generated_file()
    {
        var sb = new StringBuilder();
        var n = 0;
        while (sb.Length < 2_000_000)
        {
            sb.Append("// hybrid-lsp: allow(HL2005)\n#[no_mangle]\npub extern \"C\" fn f").Append(n).Append("(a: i32, b: *const u8) -> i32 { let v = [1, 2]; v[0] + a.unwrap() }\n");
            sb.Append("#[repr(C)] pub struct S").Append(n).Append(" { x: u32, y: [u8; 4] }\n");
            n++;
        }
        var file = Parse(sb.ToString());
        Assert.Empty(file.Errors);
        Assert.Equal(n, file.Functions.Length);
        Assert.Equal(n, file.Structs.Length);
        Assert.All(file.Functions, f => Assert.Equal(2, f.PanicSites.Length));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var src = string.Concat(Enumerable.Repeat("fn f() {}\n", 10_000));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RustParser.Parse(src, cts.Token));
    }

    [Fact]
    public void Empty_and_whitespace_files()
    {
        Assert.Empty(Parse("").Functions);
        Assert.Empty(Parse("   \n\t ").Errors);
        Assert.Empty(Parse("// only a comment").Errors);
    }

    [Fact]
    public void Missing_parameter_type_is_an_error()
    {
        const string src = "fn f(x: ) {}";
        var file = Parse(src);
        var f = Assert.Single(file.Functions);
        Assert.Equal("", Assert.Single(f.Parameters).Type.Display);
        Assert.Contains("type", Assert.Single(file.Errors).Message);
    }

    [Fact]
    public void Unclosed_inline_module_reports_once_and_keeps_items()
    {
        var file = Parse("fn a() {}\nmod m {\n    fn b() {}\n");
        Assert.Equal(["a", "b"], file.Functions.Select(f => f.Name));
        Assert.Equal("m", Function(file, "b").ModulePath);
        Assert.Single(file.Errors);
    }

    [Fact]
    public void Unclosed_generics_recover()
    {
        var file = Parse("fn f<T(x: T) {}\nstruct S<T { a: T }\nfn ok() {}");
        Assert.Contains(file.Functions, f => f.Name == "ok");
        Assert.NotEmpty(file.Errors);
    }

    [Fact]
    public void Mismatched_bracket_inside_parameters()
    {
        var file = Parse("fn f(a: [u8; 4) {}\nfn g() {}");
        Assert.Contains(file.Functions, f => f.Name == "g");
    }

    [Fact]
    public void Extern_without_fn_or_block_is_an_error()
    {
        var file = Parse("extern \"C\" 42;\nfn g() {}");
        Assert.Equal("g", Assert.Single(file.Functions).Name);
        Assert.Contains("'extern'", Assert.Single(file.Errors).Message);
    }
}
