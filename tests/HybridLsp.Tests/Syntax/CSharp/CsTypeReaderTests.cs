using HybridLsp.Syntax.CSharp;
using static HybridLsp.Tests.Syntax.CSharp.CsTestHelpers;

namespace HybridLsp.Tests.Syntax.CSharp;

public sealed class CsTypeReaderTests
{
    [Theory]
    [InlineData("int", CsPrimitive.Int)]
    [InlineData("System.Int32", CsPrimitive.Int)]
    [InlineData("Int32", CsPrimitive.Int)]
    [InlineData("global::System.Int32", CsPrimitive.Int)]
    [InlineData("Boolean", CsPrimitive.Bool)]
    [InlineData("bool", CsPrimitive.Bool)]
    [InlineData("nint", CsPrimitive.NInt)]
    [InlineData("nuint", CsPrimitive.NUInt)]
    [InlineData("string", CsPrimitive.String)]
    [InlineData("String", CsPrimitive.String)]
    [InlineData("System.UInt64", CsPrimitive.ULong)]
    [InlineData("sbyte", CsPrimitive.SByte)]
    [InlineData("ushort", CsPrimitive.UShort)]
    [InlineData("float", CsPrimitive.Float)]
    [InlineData("Double", CsPrimitive.Double)]
    [InlineData("char", CsPrimitive.Char)]
    [InlineData("object", CsPrimitive.Object)]
    [InlineData("decimal", CsPrimitive.Decimal)]
    public void Primitives(string type, CsPrimitive expected)
    {
        Assert.Equal(expected, Assert.IsType<CsPrimitiveType>(ParamType(type)).Kind);
    }

    [Theory]
    [InlineData("IntPtr", "IntPtr")]
    [InlineData("UIntPtr", "UIntPtr")]
    [InlineData("CLong", "CLong")]
    [InlineData("CULong", "CULong")]
    [InlineData("NFloat", "NFloat")]
    [InlineData("StringBuilder", "StringBuilder")]
    [InlineData("SafeHandle", "SafeHandle")]
    [InlineData("MyStruct", "MyStruct")]
    public void Named_types(string type, string name)
    {
        var named = Assert.IsType<CsNamedType>(ParamType(type));
        Assert.Equal(name, named.Name);
        Assert.Empty(named.Qualifiers);
        Assert.Empty(named.TypeArguments);
    }

    [Fact]
    public void Qualified_named_type_keeps_qualifiers()
    {
        var named = Assert.IsType<CsNamedType>(ParamType("System.Runtime.InteropServices.CLong"));
        Assert.Equal("CLong", named.Name);
        Assert.Equal(["System", "Runtime", "InteropServices"], named.Qualifiers.ToArray());
        Assert.Equal("System.Runtime.InteropServices.CLong", named.Display);
    }

    [Fact]
    public void Global_qualified_named_type_drops_global()
    {
        var named = Assert.IsType<CsNamedType>(ParamType("global::Demo.Point"));
        Assert.Equal("Point", named.Name);
        Assert.Equal(["Demo"], named.Qualifiers.ToArray());
    }

    [Fact]
    public void Generic_span_types()
    {
        var span = Assert.IsType<CsNamedType>(ParamType("Span<byte>"));
        Assert.Equal("Span", span.Name);
        Assert.Equal(CsPrimitive.Byte, Assert.IsType<CsPrimitiveType>(Assert.Single(span.TypeArguments)).Kind);
        var readOnly = Assert.IsType<CsNamedType>(ParamType("System.ReadOnlySpan<char>"));
        Assert.Equal("ReadOnlySpan<char>", readOnly.Display[(readOnly.Display.IndexOf('.') + 1)..]);
    }

    [Fact]
    public void Pointers_and_double_pointers()
    {
        var pointer = Assert.IsType<CsPointerType>(ParamType("byte**"));
        var inner = Assert.IsType<CsPointerType>(pointer.Pointee);
        Assert.Equal(CsPrimitive.Byte, Assert.IsType<CsPrimitiveType>(inner.Pointee).Kind);
        Assert.Equal("byte**", pointer.Display);
        Assert.Equal("void*", ParamType("void*").Display);
    }

    [Fact]
    public void Arrays_with_rank()
    {
        var array = Assert.IsType<CsArrayType>(ParamType("int[,]"));
        Assert.Equal(2, array.Rank);
        var jagged = Assert.IsType<CsArrayType>(ParamType("int[][,]"));
        Assert.Equal(1, jagged.Rank);
        Assert.Equal(2, Assert.IsType<CsArrayType>(jagged.Element).Rank);
    }

    [Fact]
    public void Nullable_value_type()
    {
        var nullable = Assert.IsType<CsNullableType>(ParamType("int?"));
        Assert.Equal(CsPrimitive.Int, Assert.IsType<CsPrimitiveType>(nullable.Underlying).Kind);
        // `string?` only annotates a reference type.
        Assert.Equal(CsPrimitive.String, Assert.IsType<CsPrimitiveType>(ParamType("string?")).Kind);
    }

    [Fact]
    public void Unmanaged_function_pointer_with_conventions()
    {
        const string text = "unsafe class N { [DllImport(\"x\")] static extern void F(delegate* unmanaged[Cdecl, SuppressGCTransition]<int, ref int, void> cb); }";
        var type = Assert.IsType<CsFunctionPointerType>(Assert.Single(Single(text).Parameters).Type);
        Assert.True(type.IsUnmanaged);
        Assert.Equal(["Cdecl", "SuppressGCTransition"], type.CallingConventions.ToArray());
        Assert.Equal(2, type.Parameters.Length);
        Assert.Equal(CsRefKind.None, type.Parameters[0].RefKind);
        Assert.Equal(CsRefKind.Ref, type.Parameters[1].RefKind);
        Assert.Equal(CsPrimitive.Void, Assert.IsType<CsPrimitiveType>(type.Return).Kind);
        Assert.Equal("delegate* unmanaged[Cdecl, SuppressGCTransition]<int, ref int, void>", At(text, type.Span));
    }

    [Fact]
    public void Managed_and_plain_unmanaged_function_pointers()
    {
        var managed = Assert.IsType<CsFunctionPointerType>(ParamType("delegate*<int, int>"));
        Assert.False(managed.IsUnmanaged);
        var plain = Assert.IsType<CsFunctionPointerType>(ParamType("delegate* unmanaged<int>"));
        Assert.True(plain.IsUnmanaged);
        Assert.Empty(plain.CallingConventions);
        Assert.Empty(plain.Parameters);
    }

    [Theory]
    [InlineData("(int, int)")]
    [InlineData("dynamic")]
    public void Unknown_types(string type)
    {
        Assert.Equal(type, Assert.IsType<CsUnknownType>(ParamType(type)).Text);
    }

    [Fact]
    public void Type_spans_are_exact()
    {
        const string text = "class N { [DllImport(\"x\")] static extern System.IntPtr F(  Span<byte>  a, int*b); }";
        var m = Single(text);
        Assert.Equal("System.IntPtr", At(text, m.ReturnType.Span));
        Assert.Equal("Span<byte>", At(text, m.Parameters[0].Type.Span));
        Assert.Equal("byte", At(text, ((CsNamedType)m.Parameters[0].Type).TypeArguments[0].Span));
        Assert.Equal("int*", At(text, m.Parameters[1].Type.Span));
    }
}
