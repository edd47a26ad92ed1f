using HybridLsp.Syntax.CSharp;
using static HybridLsp.Tests.Syntax.CSharp.CsTestHelpers;

namespace HybridLsp.Tests.Syntax.CSharp;

public sealed class CsExtractorDeclarationTests
{
    [Fact]
    public void Sequential_struct_with_fields_in_order()
    {
        const string text = """
            namespace Demo;
            [StructLayout(LayoutKind.Sequential, Pack = 4, CharSet = CharSet.Ansi)]
            public struct Point
            {
                public static int Count;
                public const int Max = 3;
                public int X, Y;
                [MarshalAs(UnmanagedType.I1)] public bool Visible;
            }
            """;
        var s = Assert.Single(Extract(text).Structs);
        Assert.Equal("Point", s.Name);
        Assert.Equal("Demo.Point", s.FullName);
        Assert.Equal("Point", At(text, s.NameSpan));
        Assert.StartsWith("[StructLayout", At(text, s.FullSpan));
        Assert.False(s.IsClass);
        Assert.False(s.IsRecord);
        Assert.Equal(new CsStructLayout("Sequential", 4, null, CsCharSet.Ansi), s.Layout);
        Assert.Equal(["X", "Y", "Visible"], s.Fields.Select(f => f.Name));
        Assert.Equal("Y", At(text, s.Fields[1].NameSpan));
        Assert.Equal("I1", s.Fields[2].Marshal.MarshalAs!.UnmanagedType);
        Assert.Null(s.BaseTypeName);
    }

    [Fact]
    public void Struct_without_attribute_has_null_layout_kind()
    {
        var s = Assert.Single(Extract("struct S { int a; }").Structs);
        Assert.Null(s.Layout.LayoutKind);
        Assert.Single(s.Fields);
    }

    [Fact]
    public void Explicit_layout_with_field_offsets_and_size()
    {
        var s = Assert.Single(Extract("""
            [StructLayout(LayoutKind.Explicit, Size = 16)]
            struct U { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; [FieldOffset(8)] public long L; }
            """).Structs);
        Assert.Equal("Explicit", s.Layout.LayoutKind);
        Assert.Equal(16, s.Layout.Size);
        Assert.Equal([0, 0, 8], s.Fields.Select(f => f.FieldOffset));
    }

    [Fact]
    public void Numeric_layout_kind()
    {
        var s = Assert.Single(Extract("[StructLayout((LayoutKind)2)] struct U { }").Structs);
        Assert.Equal("Explicit", s.Layout.LayoutKind);
    }

    [Fact]
    public void Fixed_buffers()
    {
        var s = Assert.Single(Extract("unsafe struct B { public fixed byte Name[16]; public fixed char Other[Len]; int after; }").Structs);
        Assert.True(s.Fields[0].IsFixedBuffer);
        Assert.Equal(16, s.Fields[0].FixedBufferLength);
        Assert.Equal(CsPrimitive.Byte, Assert.IsType<CsPrimitiveType>(s.Fields[0].Type).Kind);
        Assert.True(s.Fields[1].IsFixedBuffer);
        Assert.Null(s.Fields[1].FixedBufferLength);
        Assert.False(s.Fields[2].IsFixedBuffer);
    }

    [Fact]
    public void Record_struct_with_positional_parameters()
    {
        var s = Assert.Single(Extract("[StructLayout(LayoutKind.Sequential)] record struct P(int X, int Y) { public long Z; }").Structs);
        Assert.True(s.IsRecord);
        Assert.False(s.IsClass);
        Assert.Equal(["X", "Y", "Z"], s.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Auto_properties_count_as_fields()
    {
        var s = Assert.Single(Extract("struct S { public int A { get; set; } public int B => 1; public int C { get { return 1; } } }").Structs);
        Assert.Equal(["A"], s.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Class_with_struct_layout_is_kept_plain_class_is_not()
    {
        var file = Extract("""
            [StructLayout(LayoutKind.Sequential)] class Data : Base { public int A; }
            class Plain { public int B; }
            """);
        var s = Assert.Single(file.Structs);
        Assert.True(s.IsClass);
        Assert.Equal("Base", s.BaseTypeName);
    }

    [Fact]
    public void Native_marshalling_flag()
    {
        var s = Assert.Single(Extract("[NativeMarshalling(typeof(M))] struct S { }").Structs);
        Assert.True(s.HasNativeMarshalling);
    }

    [Fact]
    public void Nested_struct_full_name()
    {
        var s = Assert.Single(Extract("namespace A { static class Outer { struct Inner { } } }").Structs);
        Assert.Equal("A.Outer.Inner", s.FullName);
    }

    [Fact]
    public void Enum_default_underlying_and_values()
    {
        const string text = """
            [Flags]
            enum Mode : byte { None, Read = 1, Write = 0x2, Both = Read | Write, Shifted = 1 << 3, Neg = -1, Other = Shifted << Read }
            """;
        var e = Assert.Single(Extract(text).Enums);
        Assert.Equal(CsPrimitive.Byte, e.Underlying);
        Assert.True(e.IsFlags);
        Assert.Null(e.Members[0].Value);
        Assert.Equal(1, Assert.IsType<CsValue.Literal>(e.Members[1].Value).Value);
        Assert.Equal(2, Assert.IsType<CsValue.Literal>(e.Members[2].Value).Value);
        var both = Assert.IsType<CsValue.BitOr>(e.Members[3].Value);
        Assert.Equal(["Read"], Assert.IsType<CsValue.ConstantReference>(both.Left).Name.ToArray());
        Assert.Equal(8, Assert.IsType<CsValue.Literal>(e.Members[4].Value).Value);
        Assert.Equal(-1, Assert.IsType<CsValue.Literal>(e.Members[5].Value).Value);
        Assert.IsType<CsValue.Shift>(e.Members[6].Value);
        Assert.Equal("Write", At(text, e.Members[2].NameSpan));
    }

    [Fact]
    public void Enum_without_base_is_int_and_qualified_base_is_read()
    {
        var file = Extract("enum A { X } enum B : System.UInt16 { Y } enum C : long { Z = unchecked((long)0xFFFFFFFFFFFFFFFF) }");
        Assert.Equal([CsPrimitive.Int, CsPrimitive.UShort, CsPrimitive.Long], file.Enums.Select(e => e.Underlying));
        Assert.False(file.Enums[0].IsFlags);
        Assert.Equal(-1L, Assert.IsType<CsValue.Literal>(file.Enums[2].Members[0].Value).Value);
    }

    [Fact]
    public void Delegate_with_unmanaged_function_pointer()
    {
        const string text = """
            namespace Demo;
            [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
            [return: MarshalAs(UnmanagedType.I1)]
            delegate bool Callback(int value, IntPtr user);
            delegate void Plain();
            """;
        var file = Extract(text);
        Assert.Equal(2, file.Delegates.Length);
        var d = file.Delegates[0];
        Assert.Equal("Demo.Callback", d.FullName);
        Assert.Equal(CsCallingConvention.Cdecl, d.UnmanagedFunctionPointer);
        Assert.Equal("I1", d.ReturnMarshal.MarshalAs!.UnmanagedType);
        Assert.Equal(2, d.Parameters.Length);
        Assert.Equal("Callback", At(text, d.NameSpan));
        Assert.Null(file.Delegates[1].UnmanagedFunctionPointer);
    }

    [Fact]
    public void Nested_delegate_full_name()
    {
        var d = Assert.Single(Extract("namespace N { class Host { public delegate int Cb(int x); } }").Delegates);
        Assert.Equal("N.Host.Cb", d.FullName);
    }

    [Fact]
    public void Classes_with_base_type()
    {
        var file = Extract("namespace N { sealed class MyHandle : SafeHandleZeroOrMinusOneIsInvalid { } class NoBase { } }");
        var c = Assert.Single(file.Classes);
        Assert.Equal("MyHandle", c.Name);
        Assert.Equal("N.MyHandle", c.FullName);
        Assert.Equal("SafeHandleZeroOrMinusOneIsInvalid", c.BaseTypeName);
        Assert.Empty(file.Structs);
    }

    [Fact]
    public void Constants_of_every_type()
    {
        const string text = """
            namespace N;
            static class Lib
            {
                public const string Name = "core", Other = Name + ".so";
                internal const int Size = 4 << 2;
                const bool Flag = true;
                static readonly string NotConst = "x";
            }
            """;
        var constants = Extract(text).Constants;
        Assert.Equal(["Name", "Other", "Size", "Flag"], constants.Select(c => c.Name));
        Assert.All(constants, c => Assert.Equal("N.Lib", c.ContainerFullName));
        Assert.All(constants, c => Assert.Equal("Lib", c.ContainerSimpleName));
        Assert.Equal("core", Assert.IsType<CsValue.Literal>(constants[0].Value).Value);
        Assert.IsType<CsValue.Concat>(constants[1].Value);
        Assert.Equal(16, Assert.IsType<CsValue.Literal>(constants[2].Value).Value);
        Assert.Equal(true, Assert.IsType<CsValue.Literal>(constants[3].Value).Value);
        Assert.Equal("Other", At(text, constants[1].NameSpan));
    }

    [Fact]
    public void Disable_runtime_marshalling_assembly_attribute()
    {
        Assert.True(Extract("[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]").DisableRuntimeMarshalling);
        Assert.True(Extract("using X; [assembly: DisableRuntimeMarshallingAttribute] namespace N;").DisableRuntimeMarshalling);
        Assert.False(Extract("[DisableRuntimeMarshalling] class C { }").DisableRuntimeMarshalling);
    }

    [Fact]
    public void Using_aliases()
    {
        var file = Extract("""
            using System;
            using Handle = System.IntPtr;
            using static System.Math;
            namespace N { using Size = nuint; using Pair = (int, int); }
            """);
        Assert.Equal(3, file.UsingAliases.Count);
        Assert.Equal("System.IntPtr", file.UsingAliases["Handle"]);
        Assert.Equal("nuint", file.UsingAliases["Size"]);
        Assert.Equal("(int, int)", file.UsingAliases["Pair"]);
    }
}
