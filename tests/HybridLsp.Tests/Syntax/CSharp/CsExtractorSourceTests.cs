using System.Collections.Immutable;
using System.Text;
using HybridLsp.Syntax.CSharp;
using static HybridLsp.Tests.Syntax.CSharp.CsTestHelpers;

namespace HybridLsp.Tests.Syntax.CSharp;

/// <summary>Invocations, preprocessor directives, pragmas, errors and hostile input.</summary>
public sealed class CsExtractorSourceTests
{
    [Fact]
    public void Invocations_simple_qualified_and_generic()
    {
        const string text = """
            namespace App;
            class Program
            {
                void Run()
                {
                    Add(1, 2);
                    Native.Add(1, 2);
                    Demo.Native.Sub<int>(3);
                    Generic<int>();
                    var n = nameof(Run);
                }
            }
            """;
        var calls = Extract(text).Invocations;
        Assert.Equal(["Add", "Add", "Sub", "Generic"], calls.Select(c => c.Name));
        Assert.Equal([null, "Native", "Demo.Native", null], calls.Select(c => c.Qualifier));
        Assert.All(calls, c => Assert.Equal("App.Program", c.EnclosingType));
        Assert.Equal("Sub", At(text, calls[2].NameSpan));
        Assert.Equal("Add", At(text, calls[1].NameSpan));
    }

    [Fact]
    public void Invocations_in_lambdas_initializers_and_nested_types()
    {
        var calls = Extract("""
            class Outer
            {
                static int F = Native.Init();
                class Inner { void M() { Action a = () => Native.Go(); } }
                void After() => Native.Stop();
            }
            """).Invocations;
        Assert.Equal(["Init", "Go", "Stop"], calls.Select(c => c.Name));
        Assert.Equal(["Outer", "Outer.Inner", "Outer"], calls.Select(c => c.EnclosingType));
    }

    [Fact]
    public void Invocations_in_top_level_statements()
    {
        var call = Assert.Single(Extract("Native.Hello();").Invocations);
        Assert.Equal("Program", call.EnclosingType);
        Assert.Equal("Native", call.Qualifier);
    }

    [Fact]
    public void Invocations_qualifier_of_call_chain_is_text()
    {
        var calls = Extract("class C { void M() { Get().Run(); } }").Invocations;
        Assert.Equal(["Run", "Get"], calls.Select(c => c.Name));
        Assert.Equal("Get()", calls[0].Qualifier);
    }

    [Fact]
    public void Invocations_not_collected_when_disabled()
    {
        var file = CsExtractor.Extract("class C { [DllImport(\"x\")] static extern void F(); void M() { F(); } }",
            new CsExtractOptions(ImmutableArray<string>.Empty, CollectInvocations: false));
        Assert.Empty(file.Invocations);
        Assert.Single(file.Externs);
    }

    [Fact]
    public void Precheck_returns_empty_without_parsing()
    {
        var file = CsExtractor.Extract("this is { not C# at all", new CsExtractOptions(ImmutableArray<string>.Empty, CollectInvocations: false));
        Assert.Same(CsExtractor.Empty, file);
    }

    private const string Conditional = """
        class N
        {
        #if USE_FAST
            [DllImport("fast")] static extern void F();
        #else
            [DllImport("slow")] static extern void F();
        #endif
        }
        """;

    [Fact]
    public void If_without_symbol_takes_else_branch()
    {
        Assert.Equal("slow", Assert.IsType<CsValue.Literal>(Single(Conditional).Library).Value);
    }

    [Fact]
    public void If_with_symbol_takes_if_branch()
    {
        Assert.Equal("fast", Assert.IsType<CsValue.Literal>(Single(Conditional, "USE_FAST").Library).Value);
    }

    [Fact]
    public void Framework_symbols_select_branches()
    {
        const string text = """
            partial class N
            {
            #if NET7_0_OR_GREATER
                [LibraryImport("x")] static partial void New();
            #else
                [DllImport("x")] static extern void Old();
            #endif
            }
            """;
        var symbols = CsProjectReader.FrameworkSymbols("net10.0").ToArray();
        Assert.Equal("New", Single(text, symbols).Name);
        Assert.Equal("Old", Single(text, CsProjectReader.FrameworkSymbols("netstandard2.0").ToArray()).Name);
    }

    [Fact]
    public void Invalid_preprocessor_symbols_are_ignored()
    {
        Assert.Equal("slow", Assert.IsType<CsValue.Literal>(Single(Conditional, "", "A B", "X;Y").Library).Value);
    }

    [Fact]
    public void Pragma_disable_with_restore()
    {
        var file = Extract("""
            class N
            {
            #pragma warning disable HL1005, HL1003 // bool is fine here
                [DllImport("x")] static extern bool A();
            #pragma warning restore HL1005
                [DllImport("x")] static extern bool B();
            #pragma warning restore HL1003
                [DllImport("x")] static extern bool C();
            }
            """);
        Assert.Equal(["HL1003", "HL1005"], file.Externs[0].SuppressedCodes.ToArray());
        Assert.Equal(["HL1003"], file.Externs[1].SuppressedCodes.ToArray());
        Assert.Empty(file.Externs[2].SuppressedCodes);
    }

    [Fact]
    public void Pragma_disable_without_restore_lasts_to_end_of_file()
    {
        var file = Extract("""
            #pragma warning disable HL1001
            class N { [DllImport("x")] static extern void A(); }
            struct S { }
            enum E { }
            """);
        Assert.Equal(["HL1001"], file.Externs[0].SuppressedCodes.ToArray());
        Assert.Equal(["HL1001"], file.Structs[0].SuppressedCodes.ToArray());
        Assert.Equal(["HL1001"], file.Enums[0].SuppressedCodes.ToArray());
    }

    [Fact]
    public void Pragma_disable_all_is_star_and_other_codes_are_ignored()
    {
        var file = Extract("""
            class N
            {
            #pragma warning disable CS0618
                [DllImport("x")] static extern void A();
            #pragma warning disable
                [DllImport("x")] static extern void B();
            #pragma warning restore
                [DllImport("x")] static extern void C();
            }
            """);
        Assert.Empty(file.Externs[0].SuppressedCodes);
        Assert.Equal(["*"], file.Externs[1].SuppressedCodes.ToArray());
        Assert.Empty(file.Externs[2].SuppressedCodes);
    }

    [Fact]
    public void Pragma_in_inactive_region_is_ignored()
    {
        var m = Single("""
            #if NEVER
            #pragma warning disable HL1005
            #endif
            class N { [DllImport("x")] static extern bool A(); }
            """);
        Assert.Empty(m.SuppressedCodes);
    }

    [Fact]
    public void Syntax_errors_are_reported_and_extraction_goes_on()
    {
        const string text = """
            class N
            {
                [DllImport("a")] static extern int A(int x;
                [DllImport("b")] static extern int B();
            }
            """;
        var file = Extract(text);
        Assert.NotEmpty(file.Errors);
        Assert.Contains(file.Externs, e => e.Name == "B");
    }

    [Fact]
    public void Errors_are_capped()
    {
        // Each unit closes its brace: 1,000 unclosed brackets would be refused before parsing (CsNestingGuard).
        var text = string.Concat(Enumerable.Repeat("class { ( ; } ", 500));
        var file = Extract(text);
        Assert.Equal(CsExtractor.MaxErrors, file.Errors.Length);
    }

    [Fact]
    public void Half_typed_attribute_at_end_of_file()
    {
        var file = Extract("class N { [DllImport(\"x\"");
        Assert.NotEmpty(file.Errors);
        var file2 = Extract("class N { [DllImport(");
        Assert.NotEmpty(file2.Errors);
    }

    [Fact]
    public void Unbalanced_braces()
    {
        var file = Extract("namespace A { class N { [DllImport(\"x\")] static extern void F(); } } } } class M { [DllImport(\"y\")] static extern void G(); ");
        Assert.Equal(["F", "G"], file.Externs.Select(e => e.Name));
        Assert.Equal("A.N", file.Externs[0].Container);
    }

    [Fact]
    public void Random_bytes_and_nul_characters_do_not_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
        {
            var chars = new char[random.Next(0, 2000)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = (char)random.Next(0, 0x3000);
            var text = new string(chars) + "\0class N { [DllImport(\"x\"\0)] static extern void F(); }";
            var file = Extract(text);
            Assert.NotNull(file);
        }
        Assert.NotNull(Extract("\0\0\0"));
        Assert.NotNull(Extract(""));
    }

    [Fact]
    public void Random_tokens_do_not_throw()
    {
        string[] tokens = ["[", "]", "(", ")", "{", "}", "DllImport", "\"x\"", "static", "extern", "class", "struct", "enum", "delegate*",
            "unmanaged", "<", ">", ",", ";", "=", "const", "#if X\n", "#endif\n", "#pragma warning disable HL1\n", "fixed", "int", "ref", "readonly"];
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var builder = new StringBuilder();
            for (var j = 0; j < 80; j++)
                builder.Append(tokens[random.Next(tokens.Length)]).Append(' ');
            Assert.NotNull(Extract(builder.ToString()));
        }
    }

    [Fact]
    public void Huge_generated_file()
    {
        var builder = new StringBuilder("namespace Big;\n");
        const int classes = 2000;
        for (var i = 0; i < classes; i++)
        {
            builder.Append("static class N").Append(i).Append(" {\n");
            builder.Append("  [DllImport(\"lib\", EntryPoint = \"f").Append(i).Append("\")] static extern int F(int a, ref long b);\n");
            builder.Append("  const string C = \"c\";\n");
            builder.Append("  static void Use() { F(1, ref x); N0.F(2, ref y); }\n");
            builder.Append("  struct S { int a; fixed byte b[4]; }\n");
            builder.Append("}\n");
        }
        var text = builder.ToString();
        var file = Extract(text);
        Assert.Equal(classes, file.Externs.Length);
        Assert.Equal(classes, file.Structs.Length);
        Assert.Equal(classes, file.Constants.Length);
        Assert.Equal(2 * classes, file.Invocations.Length);
        Assert.Equal("Big.N1999", file.Externs[^1].Container);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Deeply_nested_expression_does_not_throw()
    {
        var text = "class C { const int X = " + string.Concat(Enumerable.Repeat("1 + ", 20000)) + "1; void M() { F(" + new string('(', 500) + "1" + new string(')', 500) + "); } }";
        var file = Extract(text);
        Assert.Equal("X", Assert.Single(file.Constants).Name);
        Assert.Contains(file.Invocations, i => i.Name == "F");
    }

    [Fact]
    public void Deeply_nested_types_and_names_do_not_throw()
    {
        var pointer = "int" + new string('*', 5000);
        var generic = string.Concat(Enumerable.Repeat("A<", 3000)) + "int" + new string('>', 3000);
        var dotted = string.Join(".", Enumerable.Repeat("a", 5000));
        var text = "unsafe class C { [DllImport(" + dotted + ")] static extern " + pointer + " F(" + generic + " g); }";
        var file = Extract(text);
        Assert.NotNull(file);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CsExtractor.Extract("class C { }", new CsExtractOptions(ImmutableArray<string>.Empty), source.Token));
    }

    [Fact]
    public void Default_preprocessor_symbols_array_is_accepted()
    {
        var file = CsExtractor.Extract("class N { [DllImport(\"x\")] static extern void F(); }", new CsExtractOptions(default));
        Assert.Single(file.Externs);
    }
}
