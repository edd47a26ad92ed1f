using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using static HybridLsp.Tests.Syntax.CSharp.CsTestHelpers;

namespace HybridLsp.Tests.Syntax.CSharp;

public sealed class CsExtractorExternTests
{
    private const string Basic = """
        using System.Runtime.InteropServices;
        namespace Demo;
        static class Native
        {
            [DllImport("mathcore", EntryPoint = "mc_add")]
            internal static extern int Add(int a, int b);
        }
        """;

    [Fact]
    public void DllImport_basic_fields()
    {
        var m = Single(Basic);
        Assert.Equal("Add", m.Name);
        Assert.Equal("Add", At(Basic, m.NameSpan));
        Assert.Equal("Demo.Native", m.Container);
        Assert.Equal("Native", m.ContainerSimpleName);
        Assert.Equal(CsImportKind.DllImport, m.Kind);
        Assert.Equal("""DllImport("mathcore", EntryPoint = "mc_add")""", At(Basic, m.AttributeSpan));
        Assert.StartsWith("[DllImport", At(Basic, m.FullSpan));
        Assert.EndsWith("int b);", At(Basic, m.FullSpan));
        Assert.Equal("mathcore", Assert.IsType<CsValue.Literal>(m.Library).Value);
        Assert.Equal("\"mathcore\"", At(Basic, m.Library.Span));
        Assert.Equal("mc_add", Assert.IsType<CsValue.Literal>(m.EntryPoint).Value);
        Assert.True(m.IsStatic);
        Assert.False(m.IsPartial);
        Assert.Equal("(int a, int b)", At(Basic, m.ParameterListSpan));
        Assert.Equal(2, m.Parameters.Length);
        Assert.Equal("b", At(Basic, m.Parameters[1].NameSpan));
        Assert.Equal(CsPrimitive.Int, Assert.IsType<CsPrimitiveType>(m.ReturnType).Kind);
        Assert.Equal("int", At(Basic, m.ReturnType.Span));
        Assert.True(m.UnmanagedCallConvs.IsDefault);
        Assert.Empty(m.SuppressedCodes);
    }

    [Fact]
    public void No_entry_point_is_null_and_defaults_are_unspecified()
    {
        var m = Single("""class N { [DllImport("lib")] static extern void F(); }""");
        Assert.Null(m.EntryPoint);
        Assert.Equal(CsCharSet.Unspecified, m.CharSet);
        Assert.Equal(CsCallingConvention.Unspecified, m.CallingConvention);
        Assert.Null(m.SetLastError);
        Assert.Null(m.ExactSpelling);
        Assert.Equal(CsStringMarshalling.Unspecified, m.StringMarshalling);
        Assert.Equal(CsPrimitive.Void, Assert.IsType<CsPrimitiveType>(m.ReturnType).Kind);
    }

    [Theory]
    [InlineData("DllImport")]
    [InlineData("DllImportAttribute")]
    [InlineData("System.Runtime.InteropServices.DllImport")]
    [InlineData("global::System.Runtime.InteropServices.DllImportAttribute")]
    public void DllImport_name_forms(string attribute)
    {
        var m = Single("class N { [" + attribute + "(\"lib\")] static extern void F(); }");
        Assert.Equal(CsImportKind.DllImport, m.Kind);
    }

    [Theory]
    [InlineData("LibraryImport")]
    [InlineData("LibraryImportAttribute")]
    [InlineData("System.Runtime.InteropServices.LibraryImport")]
    public void LibraryImport_name_forms(string attribute)
    {
        var m = Single("partial class N { [" + attribute + "(\"lib\")] static partial void F(); }");
        Assert.Equal(CsImportKind.LibraryImport, m.Kind);
        Assert.True(m.IsPartial);
    }

    [Fact]
    public void Other_attributes_are_not_externs()
    {
        Assert.Empty(Extract("class N { [Obsolete(\"x\")] static void F() { } [DllImportish(\"x\")] static extern void G(); }").Externs);
    }

    [Fact]
    public void All_named_arguments()
    {
        var m = Single("""
            class N
            {
                [DllImport("lib", CharSet = CharSet.Unicode, CallingConvention = CallingConvention.StdCall, SetLastError = true, ExactSpelling = false)]
                static extern void F();
            }
            """);
        Assert.Equal(CsCharSet.Unicode, m.CharSet);
        Assert.Equal(CsCallingConvention.StdCall, m.CallingConvention);
        Assert.True(m.SetLastError);
        Assert.False(m.ExactSpelling);
    }

    [Fact]
    public void Fully_qualified_enum_values_and_numeric_casts()
    {
        var m = Single("""
            class N
            {
                [DllImport("lib", CharSet = System.Runtime.InteropServices.CharSet.Ansi, CallingConvention = (CallingConvention)2)]
                static extern void F();
            }
            """);
        Assert.Equal(CsCharSet.Ansi, m.CharSet);
        Assert.Equal(CsCallingConvention.Cdecl, m.CallingConvention);
    }

    [Fact]
    public void LibraryImport_string_marshalling()
    {
        var m = Single("""
            partial class N
            {
                [LibraryImport("lib", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
                private static partial int F(string s);
            }
            """);
        Assert.Equal(CsStringMarshalling.Utf8, m.StringMarshalling);
        Assert.True(m.SetLastError);
        Assert.Null(m.StringMarshallingCustomType);
    }

    [Fact]
    public void LibraryImport_custom_string_marshalling_type()
    {
        const string text = """
            partial class N
            {
                [LibraryImport("lib", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(MyMarshaller))]
                private static partial void F(string s);
            }
            """;
        var m = Single(text);
        Assert.Equal(CsStringMarshalling.Custom, m.StringMarshalling);
        var type = Assert.IsType<CsNamedType>(m.StringMarshallingCustomType);
        Assert.Equal("MyMarshaller", type.Name);
        Assert.Equal("MyMarshaller", At(text, type.Span));
    }

    [Fact]
    public void Library_constant_reference_in_another_class()
    {
        const string text = """
            static class Libs { public const string Math = "mathcore"; }
            static class N { [DllImport(Libs.Math)] static extern void F(); }
            """;
        var file = Extract(text);
        var m = Assert.Single(file.Externs);
        var reference = Assert.IsType<CsValue.ConstantReference>(m.Library);
        Assert.Equal(["Libs", "Math"], reference.Name.ToArray());
        Assert.Equal("Libs.Math", At(text, reference.Span));
        var constant = Assert.Single(file.Constants);
        Assert.Equal("Math", constant.Name);
        Assert.Equal("Libs", constant.ContainerFullName);
        Assert.Equal("mathcore", Assert.IsType<CsValue.Literal>(constant.Value).Value);
    }

    [Fact]
    public void Library_simple_and_global_qualified_constant()
    {
        var simple = Single("class N { const string Lib = \"a\"; [DllImport(Lib)] static extern void F(); }");
        Assert.Equal(["Lib"], Assert.IsType<CsValue.ConstantReference>(simple.Library).Name.ToArray());
        var global = Single("class N { [DllImport(global::Demo.Libs.Name)] static extern void F(); }");
        Assert.Equal(["Demo", "Libs", "Name"], Assert.IsType<CsValue.ConstantReference>(global.Library).Name.ToArray());
    }

    [Fact]
    public void Library_concatenation()
    {
        const string text = """class N { [DllImport(Prefix + "core")] static extern void F(); }""";
        var concat = Assert.IsType<CsValue.Concat>(Single(text).Library);
        Assert.Equal("Prefix + \"core\"", At(text, concat.Span));
        Assert.Equal(["Prefix"], Assert.IsType<CsValue.ConstantReference>(concat.Left).Name.ToArray());
        Assert.Equal("core", Assert.IsType<CsValue.Literal>(concat.Right).Value);
    }

    [Fact]
    public void Library_nameof_is_folded()
    {
        var m = Single("class N { [DllImport(nameof(mathcore), EntryPoint = nameof(Native.mc_add))] static extern void F(); }");
        Assert.Equal("mathcore", Assert.IsType<CsValue.Literal>(m.Library).Value);
        Assert.Equal("mc_add", Assert.IsType<CsValue.Literal>(m.EntryPoint).Value);
    }

    [Fact]
    public void Library_interpolated_is_unsupported()
    {
        var m = Single("class N { [DllImport($\"lib{X}\")] static extern void F(); }");
        var unsupported = Assert.IsType<CsValue.Unsupported>(m.Library);
        Assert.Equal("$\"lib{X}\"", unsupported.Text);
    }

    [Fact]
    public void Library_named_constructor_argument()
    {
        var m = Single("class N { [DllImport(EntryPoint = \"e\", dllName: \"lib\")] static extern void F(); }");
        Assert.Equal("lib", Assert.IsType<CsValue.Literal>(m.Library).Value);
    }

    [Fact]
    public void Library_missing_is_unsupported()
    {
        var m = Single("class N { [DllImport] static extern void F(); }");
        Assert.IsType<CsValue.Unsupported>(m.Library);
    }

    [Fact]
    public void Entry_point_constant_reference()
    {
        var m = Single("class N { [DllImport(\"lib\", EntryPoint = Names.Add)] static extern void F(); }");
        Assert.Equal(["Names", "Add"], Assert.IsType<CsValue.ConstantReference>(m.EntryPoint).Name.ToArray());
    }

    [Fact]
    public void Container_block_namespaces_and_nested_types()
    {
        var m = Single("""
            namespace A.B
            {
                namespace C
                {
                    class Outer { static class Inner { [DllImport("x")] static extern void F(); } }
                }
            }
            """);
        Assert.Equal("A.B.C.Outer.Inner", m.Container);
        Assert.Equal("Inner", m.ContainerSimpleName);
    }

    [Fact]
    public void Container_after_a_sibling_type_is_not_nested()
    {
        var file = Extract("""
            namespace A { class First { } }
            namespace B { class Second { [DllImport("x")] static extern void F(); } }
            class Third { [DllImport("x")] static extern void G(); }
            """);
        Assert.Equal(["B.Second", "Third"], file.Externs.Select(e => e.Container));
    }

    [Fact]
    public void Unmanaged_call_conv_array_forms()
    {
        var m = Single("""
            partial class N
            {
                [LibraryImport("x")]
                [UnmanagedCallConv(CallConvs = new[] { typeof(CallConvCdecl), typeof(System.Runtime.CompilerServices.CallConvSuppressGCTransition) })]
                static partial void F();
            }
            """);
        Assert.Equal(["Cdecl", "SuppressGCTransition"], m.UnmanagedCallConvs.ToArray());
        var typed = Single("partial class N { [LibraryImport(\"x\")][UnmanagedCallConv(CallConvs = new Type[] { typeof(CallConvStdcall) })] static partial void F(); }");
        Assert.Equal(["Stdcall"], typed.UnmanagedCallConvs.ToArray());
    }

    [Fact]
    public void Unmanaged_call_conv_collection_expression()
    {
        var m = Single("partial class N { [LibraryImport(\"x\"), UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])] static partial void F(); }");
        Assert.Equal(["Stdcall"], m.UnmanagedCallConvs.ToArray());
    }

    [Fact]
    public void Unmanaged_call_conv_without_types_is_empty()
    {
        var m = Single("partial class N { [LibraryImport(\"x\")][UnmanagedCallConv] static partial void F(); }");
        Assert.False(m.UnmanagedCallConvs.IsDefault);
        Assert.Empty(m.UnmanagedCallConvs);
    }

    [Fact]
    public void Return_marshal_as()
    {
        const string text = """
            class N
            {
                [DllImport("x")]
                [return: MarshalAs(UnmanagedType.I1)]
                static extern bool Ready();
            }
            """;
        var m = Single(text);
        Assert.Equal("I1", m.ReturnMarshal.MarshalAs!.UnmanagedType);
        Assert.Equal("MarshalAs(UnmanagedType.I1)", At(text, m.ReturnMarshal.MarshalAs.Span));
        Assert.Equal("bool", At(text, m.ReturnType.Span));
    }

    [Fact]
    public void Return_marshal_using_is_custom()
    {
        var m = Single("partial class N { [LibraryImport(\"x\")] [return: MarshalUsing(typeof(M))] static partial Foo F(); }");
        Assert.True(m.ReturnMarshal.HasCustomMarshaller);
        Assert.Null(m.ReturnMarshal.MarshalAs);
    }

    [Fact]
    public void Method_without_return_attribute_has_no_marshal_info()
    {
        var m = Single("class N { [DllImport(\"x\")] static extern bool F([MarshalAs(UnmanagedType.Bool)] bool b); }");
        Assert.Same(CsMarshalInfo.None, m.ReturnMarshal);
    }

    [Fact]
    public void Parameter_ref_kinds()
    {
        var m = Single("class N { [DllImport(\"x\")] static extern void F(ref int a, out int b, in int c, ref readonly int d, scoped ref int e, int f); }");
        Assert.Equal(
            [CsRefKind.Ref, CsRefKind.Out, CsRefKind.In, CsRefKind.RefReadonly, CsRefKind.Ref, CsRefKind.None],
            m.Parameters.Select(p => p.RefKind));
    }

    [Fact]
    public void Parameter_params_and_this()
    {
        var m = Single("static class N { [DllImport(\"x\")] static extern void F(this IntPtr h, params int[] rest); }");
        Assert.True(m.Parameters[0].IsThis);
        Assert.False(m.Parameters[0].IsParams);
        Assert.True(m.Parameters[1].IsParams);
    }

    [Fact]
    public void Parameter_marshal_as_with_all_named_arguments()
    {
        var p = Param("[MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.U1, SizeConst = 16, SizeParamIndex = 2)] byte[] data");
        var marshalAs = p.Marshal.MarshalAs!;
        Assert.Equal("LPArray", marshalAs.UnmanagedType);
        Assert.Equal("U1", marshalAs.ArraySubType);
        Assert.Equal(16, marshalAs.SizeConst);
        Assert.Equal(2, marshalAs.SizeParamIndex);
    }

    [Theory]
    [InlineData("(UnmanagedType)4", "4")]
    [InlineData("4", "4")]
    [InlineData("System.Runtime.InteropServices.UnmanagedType.LPUTF8Str", "LPUTF8Str")]
    [InlineData("unmanagedType: UnmanagedType.LPWStr", "LPWStr")]
    public void Parameter_marshal_as_forms(string argument, string expected)
    {
        var p = Param("[MarshalAs(" + argument + ")] string s");
        Assert.Equal(expected, p.Marshal.MarshalAs!.UnmanagedType);
    }

    [Fact]
    public void Parameter_in_out_attributes()
    {
        var p = Param("[In, Out] int[] values");
        Assert.True(p.Marshal.InAttribute);
        Assert.True(p.Marshal.OutAttribute);
        Assert.False(p.Marshal.HasCustomMarshaller);
        var attributeForm = Param("[InAttribute][System.Runtime.InteropServices.OutAttribute] int[] values");
        Assert.True(attributeForm.Marshal.InAttribute);
        Assert.True(attributeForm.Marshal.OutAttribute);
    }

    [Fact]
    public void Parameter_marshal_using_is_custom()
    {
        Assert.True(Param("[MarshalUsing(typeof(M))] Foo f").Marshal.HasCustomMarshaller);
    }

    [Fact]
    public void Parameter_without_attributes_is_none()
    {
        Assert.Same(CsMarshalInfo.None, Param("int x").Marshal);
    }

    [Fact]
    public void Non_static_extern_is_reported_as_not_static()
    {
        var m = Single("class N { [DllImport(\"x\")] extern void F(); }");
        Assert.False(m.IsStatic);
    }

    [Fact]
    public void Top_level_extern_local_function()
    {
        const string text = """
            using System.Runtime.InteropServices;
            Console.WriteLine(Add(1, 2));
            [DllImport("mathcore")] static extern int Add(int a, int b);
            """;
        foreach (var collect in new[] { true, false })
        {
            var file = CsExtractor.Extract(text, new CsExtractOptions(ImmutableArray<string>.Empty, collect));
            var m = Assert.Single(file.Externs);
            Assert.Equal("Program", m.Container);
            Assert.Equal("Add", At(text, m.NameSpan));
        }
    }

    [Fact]
    public void Local_function_extern_inside_a_method_is_found_when_bodies_are_read()
    {
        const string text = "class C { void M() { [DllImport(\"x\")] static extern void Local(); } }";
        Assert.Equal("C", Assert.Single(Extract(text).Externs).Container);
        // Without call sites, bodies are not entered (the local function is visible only inside M).
        Assert.Empty(CsExtractor.Extract(text, new CsExtractOptions(ImmutableArray<string>.Empty, CollectInvocations: false)).Externs);
    }
}
