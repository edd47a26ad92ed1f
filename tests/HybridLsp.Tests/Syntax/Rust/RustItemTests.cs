using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustItemTests
{
    [Fact]
    public void Named_struct_with_repr_c_and_fields()
    {
        const string src = "#[repr(C)]\npub struct Point {\n    pub x: f64,\n    #[cfg(windows)] y: *mut u8,\n}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var s = Assert.Single(file.Structs);
        Assert.Equal("Point", s.Name);
        Assert.Equal(SpanOf(src, "Point"), s.NameSpan);
        Assert.True(s.Repr.C);
        Assert.False(s.IsTuple || s.IsUnion || s.HasGenerics);
        Assert.Equal(["x", "y"], s.Fields.Select(f => f.Name));
        Assert.Equal(SpanOf(src, "x"), s.Fields[0].NameSpan);
        Assert.Equal("f64", s.Fields[0].Type.Display);
        Assert.Equal(new RustCfg.Flag("windows"), s.Fields[1].Cfg);
        Assert.Equal("*mut u8", s.Fields[1].Type.Display);
        Assert.Equal(new HybridLsp.Syntax.Text.TextSpan(0, src.Length), s.FullSpan);
    }

    [Fact]
    public void Tuple_struct_fields_are_numbered()
    {
        const string src = "#[repr(transparent)] pub struct Handle(pub *mut c_void, u32);";
        var s = Assert.Single(Parse(src).Structs);
        Assert.True(s.IsTuple);
        Assert.True(s.Repr.Transparent);
        Assert.Equal(["0", "1"], s.Fields.Select(f => f.Name));
        Assert.Equal(SpanOf(src, "*mut c_void"), s.Fields[0].NameSpan);
    }

    [Fact]
    public void Unit_struct_and_generic_struct()
    {
        var file = Parse("struct Unit;\nstruct Wrapper<T: Copy> where T: Sized { value: T }");
        Assert.Empty(file.Errors);
        Assert.Empty(file.Structs[0].Fields);
        Assert.True(file.Structs[1].HasGenerics);
        Assert.Equal("value", Assert.Single(file.Structs[1].Fields).Name);
    }

    [Fact]
    public void Union_is_a_struct_with_is_union()
    {
        var file = Parse("#[repr(C)] pub union Bits { i: u32, f: f32 }\nfn union() {}");
        Assert.Empty(file.Errors);
        var u = Assert.Single(file.Structs);
        Assert.True(u.IsUnion);
        Assert.Equal(2, u.Fields.Length);
        Assert.Equal("union", Assert.Single(file.Functions).Name);
    }

    [Theory]
    [InlineData("#[repr(C, packed)]", true, false, null, 1, null)]
    [InlineData("#[repr(packed(2))]", false, false, null, 2, null)]
    [InlineData("#[repr(u8)]", false, false, "u8", null, null)]
    [InlineData("#[repr(align(8))]", false, false, null, null, 8)]
    [InlineData("#[repr(C, u32)]", true, false, "u32", null, null)]
    [InlineData("#[repr(transparent)]", false, true, null, null, null)]
    [InlineData("#[repr(C)] #[repr(align(16))]", true, false, null, null, 16)]
    public void Repr_forms(string attribute, bool c, bool transparent, string? integer, int? packed, int? align)
    {
        var s = Assert.Single(Parse(attribute + " struct S { a: u8 }").Structs);
        Assert.Equal(new RustRepr(c, transparent, integer, packed, align), s.Repr);
    }

    [Fact]
    public void No_repr_is_none()
    {
        Assert.True(Assert.Single(Parse("struct S { a: u8 }").Structs).Repr.IsNone);
    }

    [Fact]
    public void Enum_discriminants()
    {
        const string src = "#[repr(i32)]\npub enum E {\n    A,\n    B = 5,\n    C = -3,\n    D = 0x10,\n    F = 1 << 3,\n    G(u8),\n    H { x: i32 },\n    #[cfg(unix)] I = 0b1010u8,\n}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var e = Assert.Single(file.Enums);
        Assert.Equal("i32", e.Repr.Int);
        Assert.Equal(["A", "B", "C", "D", "F", "G", "H", "I"], e.Variants.Select(v => v.Name));
        Assert.Equal([null, 5L, -3L, 16L, null, null, null, 10L], e.Variants.Select(v => v.Discriminant));
        Assert.Equal([null, "5", "-3", "0x10", "1 << 3", null, null, "0b1010u8"], e.Variants.Select(v => v.DiscriminantText));
        Assert.Equal([false, false, false, false, false, true, true, false], e.Variants.Select(v => v.HasFields));
        Assert.Equal(new RustCfg.Flag("unix"), e.Variants[7].Cfg);
        Assert.Equal(SpanOf(src, "B = 5").Start, e.Variants[1].NameSpan.Start);
    }

    [Fact]
    public void Enum_discriminant_too_large_for_long_is_null_but_text_kept()
    {
        var e = Assert.Single(Parse("#[repr(u64)] enum E { Max = 0xFFFF_FFFF_FFFF_FFFF, Min = -9223372036854775808 }").Enums);
        Assert.Null(e.Variants[0].Discriminant);
        Assert.Equal("0xFFFF_FFFF_FFFF_FFFF", e.Variants[0].DiscriminantText);
        Assert.Equal(long.MinValue, e.Variants[1].Discriminant);
    }

    [Fact]
    public void Type_alias_and_generic_alias()
    {
        const string src = "pub type Callback = extern \"C\" fn(i32) -> i32;\ntype Res<T> = Result<T, Error>;\nextern \"C\" { type Opaque; }";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        Assert.Equal(2, file.TypeAliases.Length);
        var cb = file.TypeAliases[0];
        Assert.Equal("Callback", cb.Name);
        Assert.IsType<RustFnPtrType>(cb.Type);
        Assert.Equal(SpanOf(src, "extern \"C\" fn(i32) -> i32"), cb.Type.Span);
        Assert.True(file.TypeAliases[1].HasGenerics);
        Assert.Equal("Result<T, Error>", file.TypeAliases[1].Type.Display);
    }

    [Fact]
    public void Consts_with_integer_values()
    {
        var file = Parse("pub const MAX: usize = 1_024;\nconst NEG: i32 = -7;\nconst EXPR: u32 = 1 << 4;\nconst _: () = { assert!(true); };\nconst HEX: u8 = 0xFFu8;");
        Assert.Empty(file.Errors);
        Assert.Equal(["MAX", "NEG", "EXPR", "_", "HEX"], file.Consts.Select(c => c.Name));
        Assert.Equal([1024L, -7L, null, null, 255L], file.Consts.Select(c => c.Value));
        Assert.Equal("usize", file.Consts[0].Type!.Display);
        Assert.True(file.Consts[0].IsPub);
    }

    [Fact]
    public void Use_trees_are_flattened()
    {
        var file = Parse("use std::ffi::{c_int, CStr as Cs, os::raw::*, self};\nuse ::core::mem;\npub use crate::a::{b::{c, d}};");
        Assert.Empty(file.Errors);
        Assert.Equal(
            ["std::ffi::c_int=c_int", "std::ffi::CStr=Cs", "std::ffi::os::raw=*", "std::ffi=ffi", "core::mem=mem", "crate::a::b::c=c", "crate::a::b::d=d"],
            file.Uses.Select(u => string.Join("::", u.Path) + "=" + u.Alias));
    }

    [Fact]
    public void Mod_declarations_with_path_attribute()
    {
        const string src = "mod ffi;\n#[path = \"platform/win.rs\"]\n#[cfg(windows)]\nmod win;";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        Assert.Equal(2, file.ModDecls.Length);
        Assert.Null(file.ModDecls[0].PathAttribute);
        Assert.Equal("platform/win.rs", file.ModDecls[1].PathAttribute);
        Assert.Equal(new RustCfg.Flag("windows"), file.ModDecls[1].Cfg);
        Assert.Equal(SpanOf(src, "win;").Start, file.ModDecls[1].NameSpan.Start);
    }

    [Fact]
    public void Inline_modules_set_module_path_and_combine_cfg()
    {
        const string src = "#[cfg(unix)]\nmod a {\n    mod b {\n        #[cfg(feature = \"x\")]\n        #[no_mangle] pub extern \"C\" fn deep() {}\n        mod c;\n    }\n    pub struct S;\n}\nfn top() {}";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var deep = Function(file, "deep");
        Assert.Equal("a::b", deep.ModulePath);
        Assert.Equal("all(unix, feature = \"x\")", Cfg(deep.Cfg));
        Assert.Equal("a", Assert.Single(file.Structs).ModulePath);
        Assert.Equal(new RustCfg.Flag("unix"), file.Structs[0].Cfg);
        Assert.Equal("", Function(file, "top").ModulePath);
        Assert.Null(Function(file, "top").Cfg);
        var c = Assert.Single(file.ModDecls);
        Assert.Equal("a::b", c.ModulePath);
    }

    [Fact]
    public void Inner_cfg_attribute_applies_to_module_items()
    {
        var file = Parse("mod m {\n    #![cfg(test)]\n    fn f() {}\n}");
        Assert.Equal(new RustCfg.Flag("test"), Function(file, "f").Cfg);
    }

    [Fact]
    public void File_level_inner_attributes_are_skipped()
    {
        var file = Parse("#![allow(dead_code)]\n#![no_std]\nfn f() {}");
        Assert.Empty(file.Errors);
        Assert.Null(Function(file, "f").Cfg);
    }

    [Fact]
    public void Macro_rules_definition_mentioning_no_mangle()
    {
        const string src = "macro_rules! export {\n    ($name:ident) => { #[no_mangle] pub extern \"C\" fn $name() {} };\n}\nexport!(alpha);\nexport! { beta }\nother![gamma];";
        var file = Parse(src);
        Assert.Empty(file.Errors);
        Assert.Equal(4, file.Macros.Length);
        var def = file.Macros[0];
        Assert.True(def.IsDefinition);
        Assert.Equal("export", def.Name);
        Assert.Equal(SpanOf(src, "export"), def.NameSpan);
        Assert.True(def.MentionsExport);
        Assert.Contains("no_mangle", def.Identifiers);
        var alpha = file.Macros[1];
        Assert.False(alpha.IsDefinition);
        Assert.True(alpha.MentionsExport);
        Assert.Equal(["alpha"], alpha.Identifiers.ToArray());
        Assert.True(file.Macros[2].MentionsExport);
        Assert.Equal(["beta"], file.Macros[2].Identifiers.ToArray());
        Assert.False(file.Macros[3].MentionsExport);
        Assert.Equal("other", file.Macros[3].Name);
    }

    [Fact]
    public void Macro_invocation_with_export_name_in_tokens_mentions_export()
    {
        var file = Parse("my_crate::ffi_export! { #[export_name = \"z\"] fn z() {} }");
        var m = Assert.Single(file.Macros);
        Assert.Equal("ffi_export", m.Name);
        Assert.True(m.MentionsExport);
        Assert.Equal(["export_name", "fn", "z"], m.Identifiers.ToArray());
    }

    [Fact]
    public void Items_are_reported_after_macros_and_invocation_before_definition_is_linked()
    {
        var file = Parse("gen!(a);\nmacro_rules! gen { ($n:ident) => { #[unsafe(no_mangle)] extern \"C\" fn $n() {} } }\nfn after() {}");
        Assert.True(file.Macros.Single(m => !m.IsDefinition).MentionsExport);
        Assert.Equal("after", Assert.Single(file.Functions).Name);
    }

    [Fact]
    public void Allow_comment_above_item_and_its_attributes()
    {
        const string src = "// hybrid-lsp: allow(HL2002)\n#[no_mangle]\npub extern \"C\" fn a(s: String) {}\n\n// hybrid-lsp: allow(HL2002, HL2005)\n/// Docs.\nfn b() {}\n// hybrid-lsp: allow(HL2002)\n\nfn c() {}\nfn d() {}";
        var file = Parse(src);
        Assert.Equal(["HL2002"], Function(file, "a").Allowed.ToArray());
        Assert.Equal(["HL2002", "HL2005"], Function(file, "b").Allowed.ToArray());
        Assert.Empty(Function(file, "c").Allowed);
        Assert.Empty(Function(file, "d").Allowed);
    }

    [Fact]
    public void Allow_comment_works_with_crlf()
    {
        var file = Parse("// hybrid-lsp: allow(HL2004)\r\nfn a() {}\r\n");
        Assert.Equal(["HL2004"], Function(file, "a").Allowed.ToArray());
    }

    [Fact]
    public void Allow_comment_applies_to_structs_and_enums()
    {
        var file = Parse("// hybrid-lsp: allow(HL1009)\nstruct S;\n// hybrid-lsp: allow(HL1015)\nenum E { A }");
        Assert.Equal(["HL1009"], file.Structs[0].Allowed.ToArray());
        Assert.Equal(["HL1015"], file.Enums[0].Allowed.ToArray());
    }

    [Fact]
    public void Allow_comment_does_not_reach_an_item_that_does_not_start_its_line()
    {
        var file = Parse("// hybrid-lsp: allow(HL2002)\nfn a() {} fn b() {}");
        Assert.Equal(["HL2002"], Function(file, "a").Allowed.ToArray());
        Assert.Empty(Function(file, "b").Allowed);
    }

    [Fact]
    public void Minified_file_with_many_items_on_one_line()
    {
        var file = Parse(string.Concat(Enumerable.Repeat("fn f(){} ", 50_000)));
        Assert.Equal(50_000, file.Functions.Length);
    }

    [Fact]
    public void Allow_comment_between_attributes_and_item()
    {
        var file = Parse("// hybrid-lsp: allow(HL2002)\n#[no_mangle]\n// hybrid-lsp: allow(HL2005)\npub extern \"C\" fn a() {}");
        Assert.Equal(["HL2002", "HL2005"], Function(file, "a").Allowed.ToArray());
    }
}
