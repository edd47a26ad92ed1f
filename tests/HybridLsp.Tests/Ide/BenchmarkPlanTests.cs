using HybridLsp.Ide.Benchmarks;
using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Ide;

/// <summary>"Benchmark managed vs native": which methods are compared, where the project goes, and the generated class.</summary>
public sealed class BenchmarkPlanTests
{
    /// <summary>The crate both the plan and the lens tests bind (BenchmarkLensTests).</summary>
    internal const string Lib = """
        //- /native/mathcore/src/lib.rs
        #[no_mangle]
        pub unsafe extern "C" fn mc_sum(values: *const i32, len: usize) -> i64 { 0 }
        #[no_mangle]
        pub extern "C" fn mc_square(x: i32) -> i32 { x * x }
        #[no_mangle]
        pub extern "C" fn mc_label(s: *const u8) -> i32 { 0 }

        """;

    [Fact]
    public void Extracted_pair_compares_name_with_name_managed_from_either_method()
    {
        foreach (var (cursor, twin) in new[] { ("Su$0m(", "SumManaged("), ("Sum(", "SumMan$0aged(") })
        {
            var result = BenchmarkPlan(Crates.MathCore + Lib + $$"""
                //- /app/Native.cs
                using System;
                using System.Runtime.InteropServices;
                namespace Demo;
                static unsafe partial class Native
                {
                    [LibraryImport("mathcore")] private static partial long mc_sum(int* values, nuint len);
                    internal static long {{cursor}}ReadOnlySpan<int> values) { fixed (int* p = values) return mc_sum(p, (nuint)values.Length); }
                    private static long {{twin}}ReadOnlySpan<int> values) { long s = 0; foreach (var v in values) s += v; return s; }
                }
                """);
            Assert.True(result.Plan is not null, $"{cursor}: {result.Error}");
            var plan = result.Plan;
            Assert.Equal(BenchmarkKind.ManagedVsNative, plan.Kind);
            Assert.Equal(("Sum", "SumManaged", "mc_sum", "mathcore"), (plan.NativeMethod, plan.ManagedMethod, plan.NativeSymbol, plan.Library));
            Assert.Equal("Sum: managed vs native (mc_sum)", plan.Title);
            Assert.Equal(("Demo.Native", "Demo.Native", "App"), (plan.Container, plan.ReflectionContainer, plan.AssemblyName));
            Assert.Equal("/app/App.csproj", plan.CSharpProject);
            Assert.Equal(new NativeModuleTarget(NativeBuildSystem.Cargo, "/native/mathcore", "mathcore"), plan.Module);
            Assert.Equal("/.hybrid-lsp/benchmarks/Native.Sum.Benchmarks", plan.ProjectDirectory);
            Assert.Equal("/.hybrid-lsp/benchmarks/Native.Sum.Benchmarks/Native.Sum.Benchmarks.csproj", plan.ProjectFile);
            Assert.Equal("""
                    private const string AssemblyName = "App";
                    private const string TypeName = "Demo.Native";

                    private delegate*<ReadOnlySpan<int>, long> _managed; // SumManaged
                    private delegate*<ReadOnlySpan<int>, long> _native; // Sum

                    [Params(1024, 65536)]
                    public int Size;
                    private int[] _valuesData = [];

                    [GlobalSetup]
                    public void Setup()
                    {
                        _managed = (delegate*<ReadOnlySpan<int>, long>)Methods.Pointer(AssemblyName, TypeName, "SumManaged", typeof(ReadOnlySpan<int>));
                        _native = (delegate*<ReadOnlySpan<int>, long>)Methods.Pointer(AssemblyName, TypeName, "Sum", typeof(ReadOnlySpan<int>));
                        _valuesData = Inputs.Data<int>(Size, 0);
                        Methods.Compare($"Size={Size}", _managed(_valuesData), _native(_valuesData));
                    }

                    [Benchmark(Baseline = true)]
                    public long Managed() => Checksum.Of(_managed(_valuesData));

                    [Benchmark]
                    public long Native() => Checksum.Of(_native(_valuesData));
                """, plan.MembersCode);
        }
    }

    [Fact]
    public void Bound_scalar_extern_alone_is_measured_over_an_input_array_without_a_baseline()
    {
        var plan = BenchmarkPlan(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static partial class Native
            {
                [LibraryImport("mathcore")]
                internal static partial int mc_sq$0uare(int x);
            }
            """).Plan!;
        Assert.Equal(BenchmarkKind.NativeOnly, plan.Kind);
        Assert.Null(plan.ManagedMethod);
        Assert.Equal("mc_square: native (mc_square)", plan.Title);
        Assert.Equal("""
                private const string AssemblyName = "App";
                private const string TypeName = "Native";
                private const int Count = 1024;

                private delegate*<int, int> _native; // mc_square
                private int[] _xValues = [];

                [GlobalSetup]
                public void Setup()
                {
                    _native = (delegate*<int, int>)Methods.Pointer(AssemblyName, TypeName, "mc_square", typeof(int));
                    _xValues = Inputs.Scalars<int>(Count, 0);
                }

                [Benchmark(OperationsPerInvoke = Count)]
                public long Native()
                {
                    long checksum = 0;
                    var xValues = _xValues;
                    for (var i = 0; i < xValues.Length; i++)
                        checksum += Checksum.Of(_native(xValues[i]));
                    return checksum;
                }
            """, plan.MembersCode);
    }

    [Fact]
    public void Pointer_with_length_gets_a_pinned_buffer_and_nested_types_their_reflection_name()
    {
        var plan = BenchmarkPlan(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            namespace Demo.Interop
            {
                static class Outer
                {
                    internal static unsafe class Inner
                    {
                        [DllImport("mathcore")] internal static extern long mc_s$0um(int* values, nuint len);
                    }
                }
            }
            """, new BenchmarkOptions([16])).Plan!;
        Assert.Equal(("Demo.Interop.Outer.Inner", "Demo.Interop.Outer+Inner"), (plan.Container, plan.ReflectionContainer));
        Assert.Equal("/.hybrid-lsp/benchmarks/Inner.mc_sum.Benchmarks", plan.ProjectDirectory);
        Assert.Contains("private const string TypeName = \"Demo.Interop.Outer+Inner\";", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("[Params(16)]", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("private int* _valuesPointer;", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("_valuesPointer = (int*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_valuesData));", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("public long Native() => Checksum.Of(_native(_valuesPointer, (nuint)_valuesData.Length));", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("Methods.Pointer(AssemblyName, TypeName, \"mc_sum\", typeof(int*), typeof(nuint))", plan.MembersCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_pair_with_ref_parameter_compares_nothing_it_may_write_and_loops_over_inputs()
    {
        var plan = BenchmarkPlan(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static partial class Native
            {
                [LibraryImport("mathcore")] private static partial int mc_square(int x);
                public static int Sq$0(int x, ref long total) { total++; return mc_square(x); }
                public static int SqManaged(int x, ref long total) { total++; return x * x; }
            }
            """).Plan!;
        Assert.Equal(BenchmarkKind.ManagedVsNative, plan.Kind);
        Assert.Contains("private delegate*<int, ref long, int> _managed; // SqManaged", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("typeof(int), typeof(long).MakeByRefType()", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("checksum += Checksum.Of(_managed(xValues[i], ref _totalValue));", plan.MembersCode, StringComparison.Ordinal);
        Assert.Contains("[Benchmark(Baseline = true, OperationsPerInvoke = Count)]", plan.MembersCode, StringComparison.Ordinal);
        Assert.DoesNotContain("Methods.Compare", plan.MembersCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_pair_checks_every_input_gives_the_same_result()
    {
        var plan = BenchmarkPlan(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static partial class Native
            {
                [LibraryImport("mathcore")] private static partial int mc_square(int x);
                public static int Square(int x) => mc_square(x);
                public static int SquareMana$0ged(int x) => x * x;
            }
            """).Plan!;
        Assert.Contains("""
                    for (var i = 0; i < Count; i++)
                        if (!Methods.Compare($"input {i}", _managed(_xValues[i]), _native(_xValues[i])))
                            break;
            """, plan.MembersCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
        static class Native
        {
            static int Tw$0ice(int x) => x * 2;
        }
        """, "'Twice' is not a [DllImport]/[LibraryImport] method and has no managed twin 'TwiceManaged' to compare with")]
    [InlineData("""
        static class Native
        {
            static int Twice(int x) => x * 2;
            static int Tw$0iceManaged(int x) => x * 2;
        }
        """, "'Twice' calls no [DllImport]/[LibraryImport] method of this file, so there is no native side to measure")]
    [InlineData("""
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_la$0bel(string s);
        }
        """, "parameter 's' of type 'string' has no benchmark input (supported: primitives, ReadOnlySpan<T>/Span<T>/T[] and 'T*' followed by an integer length for a primitive T, ref/in/out primitives)")]
    [InlineData("""
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("mathcore")] static extern long mc_s$0um(int* values);
        }
        """, "a pointer parameter of 'mc_sum' is not followed by an integer length parameter (supported: primitives, ReadOnlySpan<T>/Span<T>/T[] and 'T*' followed by an integer length for a primitive T, ref/in/out primitives)")]
    [InlineData("""
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("nosuchlib")] static extern int mc_s$0quare(int x);
        }
        """, "'mc_square' is not bound to a native function built in this workspace (library 'nosuchlib')")]
    [InlineData("""
        using System.Runtime.InteropServices;
        class Native
        {
            [DllImport("mathcore")] static extern int mc_square(int x);
            int Sq$0(int x) => mc_square(x);
            int SqManaged(int x) => x * x;
        }
        """, "only static methods can be benchmarked; 'Sq' is an instance method")]
    [InlineData("""
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern int mc_square(int x);
            $0
        }
        """, "place the cursor on a C# method: a bound extern, or a method 'Name' with a managed twin 'NameManaged'")]
    public void Nothing_to_measure_says_why(string native, string error)
    {
        var result = BenchmarkPlan(Crates.MathCore + Lib + "//- /app/Native.cs\n" + native);
        Assert.Null(result.Plan);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void A_file_no_project_compiles_has_no_benchmark()
    {
        var result = BenchmarkPlan("""
            //- /native/mathcore/Cargo.toml
            [package]
            name = "mathcore"
            [lib]
            crate-type = ["cdylib"]
            //- /native/mathcore/src/lib.rs
            #[no_mangle] pub extern "C" fn mc_square(x: i32) -> i32 { x * x }
            //- /loose/Native.cs
            using System.Runtime.InteropServices;
            static class Native { [DllImport("mathcore")] static extern int mc_sq$0uare(int x); }
            """);
        Assert.Equal("no .csproj in the folders above '/loose/Native.cs' compiles it", result.Error);
    }

    [Fact]
    public void Rendered_project_references_the_csproj_and_the_library_relatively_and_never_overwrites()
    {
        var plan = BenchmarkPlan(Crates.MathCore + Lib + """
            //- /app/Native.cs
            using System.Runtime.InteropServices;
            static partial class Native { [LibraryImport("mathcore")] internal static partial int mc_sq$0uare(int x); }
            """).Plan!;
        var rendering = BenchmarkProject.Render(plan, "/native/mathcore/target/release/libmathcore.so", "/", _ => false);
        Assert.True(rendering.Succeeded, rendering.Error);
        var files = rendering.Files.ToDictionary(f => f.Path, f => Assert.Single(f.Edits).NewText);
        Assert.Equal([
            "/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/.gitignore",
            "/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Inputs.cs",
            "/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Native.mc_square.Benchmarks.csproj",
            "/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Program.cs"], files.Keys.Order(StringComparer.Ordinal));
        var csproj = files["/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Native.mc_square.Benchmarks.csproj"];
        Assert.Contains("<ProjectReference Include=\"../../../app/App.csproj\" />", csproj, StringComparison.Ordinal);
        Assert.Contains("<None Include=\"$(MSBuildThisFileDirectory)../../../native/mathcore/target/release/libmathcore.so\" Link=\"libmathcore.so\"", csproj, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"BenchmarkDotNet\" Version=\"0.15.8\" />", csproj, StringComparison.Ordinal);
        // A pinned version restores even where the workspace manages versions centrally (BenchmarkCpmOracleTests).
        Assert.Contains("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>", csproj, StringComparison.Ordinal);
        var program = files["/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Program.cs"];
        Assert.StartsWith("// mc_square: native (mc_square)\n", program, StringComparison.Ordinal);
        Assert.Contains("public unsafe class ManagedVsNative\n{\n    private const string AssemblyName = \"App\";", program, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", string.Concat(files.Values), StringComparison.Ordinal);

        var again = BenchmarkProject.Render(plan, "/native/mathcore/target/release/libmathcore.so", "/", p => p.EndsWith("Program.cs", StringComparison.Ordinal));
        Assert.False(again.Succeeded);
        Assert.Equal("'/.hybrid-lsp/benchmarks/Native.mc_square.Benchmarks/Program.cs' already exists", again.Error);
    }

    [Theory]
    [InlineData("/repo/.hybrid-lsp/benchmarks/X", "/repo/app/App.csproj", "../../../app/App.csproj")]
    [InlineData("/repo/b", "/repo/b/lib.so", "lib.so")]
    [InlineData("/repo/b/", "/other/t/lib.so", "../../other/t/lib.so")]
    public void Relative_paths(string from, string to, string expected) => Assert.Equal(expected, BenchmarkProject.Relative(from, to));
}
