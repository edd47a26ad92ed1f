using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustTypeTests
{
    private static (RustType Type, string Source) ParamType(string type)
    {
        var src = $"fn f(x: {type}) {{}}";
        var f = SingleFunction(src);
        var t = Assert.Single(f.Parameters).Type;
        Assert.Equal(SpanOf(src, type), t.Span);
        return (t, src);
    }

    [Theory]
    [InlineData("i32", "i32")]
    [InlineData("std::ffi::c_int", "std::ffi::c_int")]
    [InlineData("::core::ffi::c_char", "::core::ffi::c_char")]
    [InlineData("Option<extern \"C\" fn(i32)>", "Option<extern \"C\" fn(i32)>")]
    [InlineData("&'a  mut   T", "&mut T")]
    [InlineData("& str", "&str")]
    [InlineData("*const   u8", "*const u8")]
    [InlineData("*mut *mut c_char", "*mut *mut c_char")]
    [InlineData("[u8; 16]", "[u8; 16]")]
    [InlineData("[u8;N]", "[u8; N]")]
    [InlineData("[i32]", "[i32]")]
    [InlineData("()", "()")]
    [InlineData("(u8,)", "(u8,)")]
    [InlineData("(u8, String)", "(u8, String)")]
    [InlineData("HashMap<String, Vec<Vec<u8>>>", "HashMap<String, Vec<Vec<u8>>>")]
    [InlineData("Vec<&'static str>", "Vec<&str>")]
    [InlineData("unsafe extern \"C\" fn(*mut c_void, ...) -> i32", "unsafe extern \"C\" fn(*mut c_void, ...) -> i32")]
    [InlineData("extern fn()", "extern \"C\" fn()")]
    [InlineData("fn(a: u8) -> u8", "fn(u8) -> u8")]
    [InlineData("impl Fn(u8) -> u8", "impl Fn(u8) -> u8")]
    [InlineData("Box<dyn Fn() + Send>", "Box<dyn Fn() + Send>")]
    [InlineData("<T as Trait>::Assoc", "<T as Trait>::Assoc")]
    [InlineData("_", "_")]
    [InlineData("Vec<u8,>", "Vec<u8>")]
    public void Display_is_normalised(string type, string display) => Assert.Equal(display, ParamType(type).Type.Display);

    [Fact]
    public void Path_type_segments_and_args()
    {
        var t = Assert.IsType<RustPathType>(ParamType("std::vec::Vec<u8>").Type);
        Assert.Equal(["std", "vec", "Vec"], t.Segments.ToArray());
        Assert.Equal("Vec", t.Name);
        Assert.False(t.IsGlobal);
        var arg = Assert.IsType<RustPathType>(Assert.Single(t.GenericArgs));
        Assert.Equal("u8", arg.Name);
    }

    [Fact]
    public void Reference_with_lifetime_and_mut()
    {
        var (type, src) = ParamType("&'a mut [u8]");
        var r = Assert.IsType<RustRefType>(type);
        Assert.True(r.Mutable);
        var slice = Assert.IsType<RustSliceType>(r.Pointee);
        Assert.Equal(SpanOf(src, "[u8]"), slice.Span);
    }

    [Fact]
    public void Pointer_mutability()
    {
        Assert.False(Assert.IsType<RustPtrType>(ParamType("*const u8").Type).Mutable);
        Assert.True(Assert.IsType<RustPtrType>(ParamType("*mut u8").Type).Mutable);
    }

    [Fact]
    public void Array_length_literal_or_null()
    {
        var a = Assert.IsType<RustArrayType>(ParamType("[u8; 0x10]").Type);
        Assert.Equal(16, a.Length);
        Assert.Equal("0x10", a.LengthText);
        var b = Assert.IsType<RustArrayType>(ParamType("[u8; SIZE * 2]").Type);
        Assert.Null(b.Length);
        Assert.Equal("SIZE * 2", b.LengthText);
    }

    [Fact]
    public void Tuple_and_unit()
    {
        Assert.True(Assert.IsType<RustTupleType>(ParamType("()").Type).IsUnit);
        Assert.Equal(2, Assert.IsType<RustTupleType>(ParamType("(i32, f64)").Type).Elements.Length);
    }

    [Fact]
    public void Function_pointer_parts()
    {
        var (type, src) = ParamType("unsafe extern \"system\" fn(u32, *const u16, ...) -> bool");
        var fp = Assert.IsType<RustFnPtrType>(type);
        Assert.True(fp.IsUnsafe);
        Assert.Equal("system", fp.Abi);
        Assert.True(fp.IsVariadic);
        Assert.Equal(2, fp.Parameters.Length);
        Assert.Equal(SpanOf(src, "bool"), fp.Return!.Span);
        Assert.Null(Assert.IsType<RustFnPtrType>(ParamType("fn()").Type).Abi);
    }

    [Fact]
    public void Never_and_other_types()
    {
        var f = SingleFunction("fn f(a: impl Into<u8>, b: dyn Tr, c: _) -> ! { loop {} }");
        Assert.IsType<RustNeverType>(f.Return);
        Assert.All(f.Parameters, p => Assert.IsType<RustOtherType>(p.Type));
        Assert.Equal("impl Into<u8>", f.Parameters[0].Type.Display);
    }

    [Fact]
    public void Return_impl_trait_stops_at_body()
    {
        const string src = "fn f() -> impl Fn(u8) -> u8 { |x| x }";
        var f = SingleFunction(src);
        Assert.Equal(SpanOf(src, "impl Fn(u8) -> u8"), f.Return!.Span);
        Assert.Equal(SpanOf(src, "{ |x| x }"), f.BodySpan);
    }

    [Fact]
    public void Deeply_nested_type_does_not_overflow()
    {
        var type = string.Concat(Enumerable.Repeat("&", 50_000)) + "u8";
        var file = Parse($"fn f(x: {type}) {{}}\nfn g() {{}}");
        Assert.Equal(2, file.Functions.Length);
    }
}
