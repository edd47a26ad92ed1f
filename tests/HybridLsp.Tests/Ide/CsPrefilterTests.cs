using HybridLsp.Ide;

namespace HybridLsp.Tests.Ide;

/// <summary>The text test that spares the Roslyn parse of C# files without interop (CsPrefilter).</summary>
public sealed class CsPrefilterTests
{
    [Theory]
    [InlineData("class A { [DllImport(\"x\")] static extern void F(); }")]
    [InlineData("class A { [LibraryImport(\"x\")] static partial void F(); }")]
    [InlineData("struct P { int x; }")]
    [InlineData("enum E { A }")]
    [InlineData("class A { const string Lib = \"x\"; }")]
    [InlineData("delegate void Cb(int x);")]
    [InlineData("class H : SafeHandleZeroOrMinusOneIsInvalid { }")]
    [InlineData("[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]")]
    [InlineData("using Lib = My.Native.Names;\nclass A { }")]
    [InlineData("global using Handle2 = System.IntPtr;")]
    public void Text_that_may_declare_interop_is_parsed(string text) => Assert.True(CsPrefilter.MayDeclareInterop(text));

    [Theory]
    [InlineData("using System;\nusing System.Linq;\nnamespace N;\npublic sealed class Service { public int Twice(int x) => x * 2; }")]
    [InlineData("")]
    [InlineData("\0\u0001 binary-ish ((( ")]
    public void Ordinary_code_is_not(string text) => Assert.False(CsPrefilter.MayDeclareInterop(text));

    [Theory]
    [InlineData("")]
    [InlineData("class A { void F() { var x = 1; } }")]
    [InlineData("class A { [DllImport(\"x\")] static extern void F(); }")]
    [InlineData("record struct P(int X);")]
    [InlineData("// enum in a comment")]
    [InlineData("var h = new SafeFileHandle();")]
    [InlineData("[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]")]
    [InlineData("using Alias = System.Int32;")]
    [InlineData("constant structure delegated enumerable")]
    [InlineData("Dll Import Library import struc enu delegat cons")]
    public void The_one_pass_search_of_the_native_server_answers_as_the_word_by_word_one(string text)
    {
        Assert.Equal(CsPrefilter.MayDeclareInterop(text, null), CsPrefilter.MayDeclareInterop(text, CsPrefilter.CreateSearch()));
        var padded = new string(' ', 1000) + text + new string('x', 70);
        Assert.Equal(CsPrefilter.MayDeclareInterop(padded, null), CsPrefilter.MayDeclareInterop(padded, CsPrefilter.CreateSearch()));
    }

    [Fact]
    public void Called_names_are_identifiers_before_a_parenthesis_or_type_arguments()
    {
        const string text = "class A { void M() { Native.F12 (1); var x = @G<int>(2); H[0] = K; } }";
        foreach (var called in new[] { "F12", "G", "M" })
            Assert.True(CsPrefilter.CallsAny(text, new HashSet<string>(StringComparer.Ordinal) { "Other", called }), called);
        foreach (var notCalled in new[] { "H", "K", "A", "Native", "F1", "F123" })
            Assert.False(CsPrefilter.CallsAny(text, new HashSet<string>(StringComparer.Ordinal) { notCalled }), notCalled);
        Assert.False(CsPrefilter.CallsAny(text, new HashSet<string>(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_call_to_an_extern_from_a_file_without_interop_is_a_call_site()
    {
        var host = new AnalysisHost(new AnalysisOptions("/ws"));
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/ws/app/Native.cs", "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"libc\")] internal static extern int getpid(); }\n"),
            new FileChange("/ws/app/Caller.cs", "class Caller { int M() => Native.getpid(); }\n"),
            new FileChange("/ws/app/Other.cs", "class Other { int M() => Helper.getpid2(); }\n")));
        var sites = host.Snapshot().Model.CallSites;
        Assert.Equal("/ws/app/Caller.cs", Assert.Single(sites).Path);
    }

    [Fact]
    public void Without_call_sites_a_file_that_only_calls_is_not_parsed_and_the_findings_are_the_same()
    {
        var with = HybridLsp.Tests.Demo.DemoTests.LoadDemo();
        var without = HybridLsp.Tests.Demo.DemoTests.LoadDemo(callSites: false);
        Assert.NotEmpty(with.Model.CallSites);
        Assert.Empty(without.Model.CallSites);
        static string Key(HybridLsp.Ide.Diagnostic d) => $"{d.Path}:{d.Span.Start}:{d.Code}:{d.Message}";
        var expected = with.CheckDiagnostics(CancellationToken.None).Select(Key).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, without.CheckDiagnostics(CancellationToken.None).Select(Key));

        var host = new AnalysisHost(new AnalysisOptions("/ws") { CallSites = false });
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/ws/app/Native.cs", "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"libc\")] internal static extern int getpid(); }\n"),
            new FileChange("/ws/app/Caller.cs", "class Caller { int M() => Native.getpid(); }\n")));
        Assert.Single(host.Snapshot().Model.Bindings);
        host.ApplyChange(WorkspaceChange.Of(new FileChange("/ws/app/Caller.cs", "class Caller { int M() => Native.getpid() + Native.getpid(); }\n")));
        var edited = host.Snapshot();
        Assert.Empty(edited.Model.CallSites);
        Assert.Equal("getpid", Assert.Single(edited.Model.Bindings).Method.Name);
    }
}
