using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using static HybridLsp.Tests.Syntax.CSharp.CsTestHelpers;

namespace HybridLsp.Tests.Syntax.CSharp;

public sealed class CsExtractorEdgeTests
{
    [Fact]
    public void Method_target_and_shared_attribute_list()
    {
        var file = Extract("""
            class N
            {
                [method: DllImport("a")] static extern void A();
                [SuppressGCTransition, DllImport("b", EntryPoint = "bb")] static extern void B();
                [return: DllImport("c")] static extern void NotAnImport();
            }
            """);
        Assert.Equal(["A", "B"], file.Externs.Select(e => e.Name));
        Assert.Equal("bb", Assert.IsType<CsValue.Literal>(file.Externs[1].EntryPoint).Value);
    }

    [Fact]
    public void Attribute_span_covers_the_import_attribute_only()
    {
        const string text = "class N { [SuppressGCTransition, DllImport(\"b\")] static extern void B(); }";
        Assert.Equal("DllImport(\"b\")", At(text, Single(text).AttributeSpan));
    }

    [Fact]
    public void Generic_invocation_name_span()
    {
        const string text = "class C { void M() { Native.Get<int>(1); } }";
        var call = Assert.Single(Extract(text).Invocations);
        Assert.Equal("Get", call.Name);
        Assert.Equal("Get", At(text, call.NameSpan));
        Assert.Equal("Native", call.Qualifier);
    }

    [Fact]
    public void Invocation_qualifier_with_global_and_this()
    {
        var calls = Extract("class C { void M() { global::Demo.Native.F(); this.G(); } }").Invocations;
        Assert.Equal(["Demo.Native", "this"], calls.Select(c => c.Qualifier));
    }

    [Fact]
    public void Partial_struct_parts_are_separate_entries()
    {
        // FIXME: the parts of a partial struct are reported separately; the semantics layer has to merge them by FullName.
        var structs = Extract("partial struct S { int a; } partial struct S { int b; }").Structs;
        Assert.Equal(2, structs.Length);
        Assert.All(structs, s => Assert.Equal("S", s.FullName));
    }

    [Fact]
    public void Field_attribute_on_auto_property_and_record_parameter()
    {
        var s = Assert.Single(Extract("""
            record struct R([field: MarshalAs(UnmanagedType.U1)] bool A)
            {
                [field: MarshalAs(UnmanagedType.I1)] public bool B { get; set; }
                [MarshalAs(UnmanagedType.I4)] public bool C { get; set; }
            }
            """).Structs);
        Assert.Equal(["U1", "I1", null], s.Fields.Select(f => f.Marshal.MarshalAs?.UnmanagedType));
    }

    [Fact]
    public void Enum_member_values_edge_forms()
    {
        var e = Assert.Single(Extract("enum E : uint { A = 0xFFFFFFFF, B = ~0u, C = (uint)-1, D = 'x', E = Other.Value, F = A + 1 }").Enums);
        Assert.Equal(0xFFFFFFFFu, Assert.IsType<CsValue.Literal>(e.Members[0].Value).Value);
        Assert.Equal(0xFFFFFFFFu, Assert.IsType<CsValue.Literal>(e.Members[1].Value).Value);
        Assert.Equal(0xFFFFFFFFu, Assert.IsType<CsValue.Literal>(e.Members[2].Value).Value);
        Assert.Equal('x', Assert.IsType<CsValue.Literal>(e.Members[3].Value).Value);
        Assert.Equal(["Other", "Value"], Assert.IsType<CsValue.ConstantReference>(e.Members[4].Value).Name.ToArray());
        Assert.IsType<CsValue.Concat>(e.Members[5].Value);
    }

    [Fact]
    public void Default_options()
    {
        Assert.Empty(CsExtractOptions.Default.PreprocessorSymbols);
        Assert.True(CsExtractOptions.Default.CollectInvocations);
    }

    [Fact]
    public void Display_of_extracted_types()
    {
        var m = Single("unsafe class N { [DllImport(\"x\")] static extern int* F(IntPtr[] a, Span<byte> b, delegate* unmanaged[Cdecl]<int, void> c, nint d); }");
        Assert.Equal("int*", m.ReturnType.Display);
        Assert.Equal(["IntPtr[]", "Span<byte>", "delegate* unmanaged[Cdecl]<int, void>", "nint"], m.Parameters.Select(p => p.Type.Display));
    }

    [Fact]
    public void Constant_in_nested_and_generic_types()
    {
        var constants = Extract("namespace N { class Outer<T> { class Inner { const string L = \"x\"; } } }").Constants;
        var constant = Assert.Single(constants);
        Assert.Equal("N.Outer.Inner", constant.ContainerFullName);
        Assert.Equal("Inner", constant.ContainerSimpleName);
    }

    [Fact]
    public void Huge_single_line_of_nul_characters()
    {
        var file = CsExtractor.Extract(new string('\0', 1_000_000), new CsExtractOptions(ImmutableArray<string>.Empty));
        Assert.Empty(file.Externs);
        Assert.True(file.Errors.Length <= CsExtractor.MaxErrors);
    }
}
