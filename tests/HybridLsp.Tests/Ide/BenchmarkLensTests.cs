using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Ide;

/// <summary>"Benchmark" lenses: on an extracted pair's native side and on bound externs, wherever the benchmark command would plan a run.</summary>
public sealed class BenchmarkLensTests
{
    private const string Lib = BenchmarkPlanTests.Lib;

    private static List<string> Lenses(string text, string path = "/app/Native.cs")
    {
        var analysis = Load(Fixtures.Fixture.Parse(text));
        var source = analysis.GetText(path)!;
        var lenses = analysis.BenchmarkLenses(path, CancellationToken.None);
        // Each lens runs the benchmark command at its position: that must plan (the lens never offers what fails).
        Assert.All(lenses, l => Assert.True(analysis.BenchmarkPlan(new HybridLsp.Ide.FilePosition(path, l.Span.Start), null, CancellationToken.None).Plan is not null, l.Method));
        return [.. lenses.Select(l => $"{source.Substring(l.Span.Start, l.Span.Length)}: {l.Title}")];
    }

    [Fact]
    public void Pairs_and_bound_externs_get_a_lens_where_a_benchmark_can_run()
    {
        var lenses = Lenses(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System;
            using System.Runtime.InteropServices;
            namespace Demo;
            static unsafe partial class Native
            {
                [LibraryImport("mathcore")] private static partial long mc_sum(int* values, nuint len);
                [LibraryImport("mathcore")] internal static partial int mc_square(int x);
                [LibraryImport("mathcore")] internal static partial int mc_label(byte* s);
                [LibraryImport("elsewhere")] internal static partial int ext_unknown(int x);
                internal static long Sum(ReadOnlySpan<int> values) { fixed (int* p = values) return mc_sum(p, (nuint)values.Length); }
                private static long SumManaged(ReadOnlySpan<int> values) { long s = 0; foreach (var v in values) s += v; return s; }
                internal static int Twice(int x) => mc_square(x) * 2;
                internal static int Cube(int x) => x * x * x;
                internal static int CubeManaged(int x) => x * x * x;
                internal static int Quad(int x, int y) => mc_square(x);
                internal static int QuadManaged(int x) => x;
            }
            """);
        // Sum/SumManaged: one lens, on the native side. Externs: mc_sum (pointer + length), mc_square. Not: mc_label (a
        // pointer without a length), ext_unknown (no native function), Twice (no twin), Cube (calls no extern), Quad (the
        // twin's parameters differ).
        Assert.Equal(["mc_sum: Benchmark native", "mc_square: Benchmark native", "Sum: Benchmark managed vs native"], lenses);
    }

    [Fact]
    public void No_lenses_for_instance_methods_files_without_a_project_or_bindings_and_other_files()
    {
        var text = Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            partial class Native
            {
                [LibraryImport("mathcore")] internal static partial int mc_square(int x);
                internal int Square(int x) => mc_square(x);
                internal int SquareManaged(int x) => x * x;
            }
            //- /loose/Loose.cs
            using System.Runtime.InteropServices;
            static partial class Loose { [LibraryImport("mathcore")] internal static partial int mc_square(int x); }
            //- /app/Plain.cs
            static class Plain { static int Add(int a, int b) => a + b; static int AddManaged(int a, int b) => a + b; }
            """;
        Assert.Equal(["mc_square: Benchmark native"], Lenses(text));
        Assert.Empty(Lenses(text, "/loose/Loose.cs"));
        Assert.Empty(Lenses(text, "/app/Plain.cs"));
        Assert.Empty(Lenses(text, "/native/mathcore/src/lib.rs"));
        Assert.Empty(Load(Fixtures.Fixture.Parse(text)).BenchmarkLenses("/app/Missing.cs", CancellationToken.None));
    }

    [Fact]
    public void A_half_typed_file_gets_lenses_only_for_what_still_parses()
    {
        var lenses = Lenses(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static partial class Native
            {
                [LibraryImport("mathcore")] internal static partial int mc_square(int x);
                internal static int Square(int x) => mc_square(x);
                internal static int SquareManaged(int x) => x * (
            """);
        Assert.Contains("mc_square: Benchmark native", lenses);
    }

    [Fact]
    public void A_binding_class_of_thousands_of_externs_gets_one_lens_each()
    {
        var externs = string.Concat(Enumerable.Range(0, 3000).Select(i =>
            $"    [LibraryImport(\"mathcore\", EntryPoint = \"mc_square\")] internal static partial int Square{i}(int x);\n"));
        var text = Crates.MathCore + Lib + "//- /app/Native.cs\nusing System.Runtime.InteropServices;\nstatic partial class Native\n{\n" + externs
            + "    internal static int Square(int x) => Square7(x);\n    internal static int SquareManaged(int x) => x * x;\n}\n";
        var lenses = Load(Fixtures.Fixture.Parse(text)).BenchmarkLenses("/app/Native.cs", CancellationToken.None);
        Assert.Equal(3001, lenses.Length);
        Assert.Equal(3000, lenses.Count(l => l.Title == "Benchmark native"));
        Assert.Equal("Square", Assert.Single(lenses, l => l.Pair).Method);
    }
}
