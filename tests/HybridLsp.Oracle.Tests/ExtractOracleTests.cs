using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// "Extract to native" keeps behaviour: real C# methods (numeric loops that overflow, span processing, struct math, early
/// exits, nested loops with break/continue, saturating casts, checked arithmetic, Math functions with NaN) are extracted
/// to Rust (a new edition-2024 crate and an existing edition-2021 crate) and to C++ (a new CMake library, then the same
/// library again), the native code is built for real (cargo with warnings denied; cmake), and the rewritten C# — compiled
/// in memory with the generated bindings — runs the native and the kept managed originals on the same inputs, edge values
/// included; every result must be identical (floats bit for bit, any NaN equal to any NaN).
/// </summary>
public sealed class ExtractOracleTests
{
    internal const string KernelsCs = """
        using System;
        using System.Runtime.InteropServices;

        namespace Demo;

        [StructLayout(LayoutKind.Sequential)]
        public struct Vec2
        {
            public float X;
            public float Y;
        }

        public static class Kernels
        {
            private const int Prime = 16777619;

            public static int SumWrapping(ReadOnlySpan<int> data)
            {
                int sum = 0;
                foreach (var x in data)
                    sum += x;
                return sum;
            }

            public static uint Fnv1a(ReadOnlySpan<byte> data)
            {
                uint hash = 2166136261;
                for (int i = 0; i < data.Length; i++)
                {
                    hash ^= data[i];
                    hash *= (uint)Prime;
                }
                return hash;
            }

            public static int FirstNegative(int[] data)
            {
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] < 0)
                        return i;
                }
                return -1;
            }

            public static int CountPrimes(int limit)
            {
                int count = 0;
                for (int n = 2; n < limit; n++)
                {
                    bool prime = true;
                    for (int d = 2; d * d <= n; d++)
                    {
                        if (n % d != 0)
                            continue;
                        prime = false;
                        break;
                    }
                    if (!prime)
                        continue;
                    count++;
                }
                return count;
            }

            public static long Collatz(long start, int maxSteps)
            {
                long x = start;
                int steps = 0;
                do
                {
                    if (x <= 1)
                        break;
                    steps++;
                    if ((x & 1) == 0)
                    {
                        x >>= 1;
                        continue;
                    }
                    x = 3 * x + 1;
                } while (steps < maxSteps);
                long result = steps;
                while (true)
                {
                    if (result > 1000)
                    {
                        result -= 1000;
                        continue;
                    }
                    break;
                }
                return result * 31 + (x & 0xFFFF);
            }

            public static int Bits(int a, int b, int shift)
            {
                int q = b == 0 || (a == int.MinValue && b == -1) ? 0 : a / b;
                int r = b == 0 || b == -1 ? 0 : a % b;
                int left = a << shift;
                int right = a >> shift;
                int logical = a >>> shift;
                uint u = (uint)a;
                long wide = (long)a * b;
                short s = (short)(a + b);
                byte by = (byte)a;
                sbyte sb = (sbyte)(a - b);
                int neg = -a;
                int comp = ~a ^ b;
                long mixed = u + a;
                ulong big = (ulong)wide * 0x9E3779B97F4A7C15UL;
                return q ^ r ^ left ^ right ^ logical ^ (int)(wide >> 7) ^ s ^ by ^ sb ^ neg ^ comp ^ (int)mixed ^ (int)(u >> (shift + 1)) ^ (int)(big >> 40);
            }

            public static void Scale(Span<float> data, float factor, float bias)
            {
                for (int i = 0; i < data.Length; i++)
                    data[i] = data[i] * factor + bias;
            }

            public static Vec2 Lerp(Vec2 a, Vec2 b, float t)
            {
                return new Vec2 { X = a.X + (b.X - a.X) * t, Y = a.Y + (b.Y - a.Y) * t };
            }

            public static float Length(Vec2 v) => MathF.Sqrt(v.X * v.X + v.Y * v.Y);

            public static double Stats(ReadOnlySpan<double> data)
            {
                if (data.Length == 0)
                    return double.NaN;
                double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
                foreach (double x in data)
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                    sum += x;
                }
                double mean = sum / data.Length;
                return Math.Round(mean * 100) / 100 + Math.Floor(max) - Math.Ceiling(min) + Math.Sqrt(Math.Abs(mean)) + Math.Pow(2, min > 0 ? 1 : 0.5);
            }

            public static long Saturate(double x)
            {
                int i = (int)x;
                long l = (long)x;
                uint u = (uint)x;
                ulong ul = (ulong)x;
                byte b = (byte)x;
                short s = (short)x;
                float f = (float)x;
                int fi = (int)f;
                return i * 7L + l / 3 + u * 5L + (long)(ul >> 3) + b * 11 + s * 13 + fi;
            }

            public static int CheckedSum(ReadOnlySpan<int> data)
            {
                int total = 0;
                checked
                {
                    foreach (int x in data)
                        total += x;
                }
                return total;
            }

            public static int CountChar(ReadOnlySpan<char> text, char c, bool ignoreCase)
            {
                int n = 0;
                char lower = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                foreach (char ch in text)
                {
                    char x = ch;
                    if (ignoreCase && x >= 'A' && x <= 'Z')
                        x = (char)(x + 32);
                    if (x == (ignoreCase ? lower : c))
                        n++;
                }
                return n;
            }

            public static int ClampSign(int v, int lo, int hi, double d)
            {
                return Math.Clamp(v, lo, hi) * 10 + Math.Sign(v) + Math.Sign(d) + Math.Max(v, hi) - Math.Min(lo, v) + Math.Abs(lo);
            }
        }
        """;

    /// <summary>Runs every extracted method and its managed original on the same inputs; returns the case count and the differences.</summary>
    private const string DriverCs = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Demo;

        public static class Driver
        {
            private static readonly List<string> s_failures = new();
            private static int s_cases;

            private static void Check<T>(string what, T managed, T native)
            {
                s_cases++;
                bool same = (object)managed is double a && (object)native is double b ? BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || double.IsNaN(a) && double.IsNaN(b)
                    : (object)managed is float fa && (object)native is float fb ? BitConverter.SingleToInt32Bits(fa) == BitConverter.SingleToInt32Bits(fb) || float.IsNaN(fa) && float.IsNaN(fb)
                    : EqualityComparer<T>.Default.Equals(managed, native);
                if (!same)
                    s_failures.Add($"{what}: managed {managed}, native {native}");
            }

            public static string Run()
            {
                int[][] ints = { new int[0], new[] { 0 }, new[] { 1, -1 }, new[] { int.MaxValue, 1 }, new[] { int.MinValue, -1 }, new[] { int.MaxValue, int.MaxValue, int.MaxValue }, new[] { 5, -7, 1 << 30, 1 << 30 }, Enumerable.Range(-500, 1000).Select(i => i * 7919).ToArray() };
                foreach (var set in ints)
                {
                    var name = "[" + string.Join(",", set.Take(4)) + "]";
                    Check("SumWrapping" + name, Kernels.SumWrappingManaged(set), Kernels.SumWrapping(set));
                    Check("FirstNegative" + name, Kernels.FirstNegativeManaged(set), Kernels.FirstNegative(set));
                    if (set.All(x => Math.Abs((long)x) < 1 << 20))
                        Check("CheckedSum" + name, Kernels.CheckedSumManaged(set), Kernels.CheckedSum(set));
                }
                byte[][] bytes = { new byte[0], new byte[] { 0 }, new byte[] { 255, 1, 128 }, System.Text.Encoding.UTF8.GetBytes("hybrid-lsp extract to native") };
                foreach (var set in bytes)
                    Check("Fnv1a", Kernels.Fnv1aManaged(set), Kernels.Fnv1a(set));
                foreach (var limit in new[] { int.MinValue, -1, 0, 1, 2, 3, 100, 1000, 5000 })
                    Check("CountPrimes(" + limit + ")", Kernels.CountPrimesManaged(limit), Kernels.CountPrimes(limit));
                foreach (var start in new[] { long.MinValue, -5L, 0L, 1L, 2L, 27L, 97L, 871L, long.MaxValue, long.MaxValue / 3 })
                    foreach (var steps in new[] { 0, 1, 10, 500, 5000 })
                        Check($"Collatz({start},{steps})", Kernels.CollatzManaged(start, steps), Kernels.Collatz(start, steps));
                int[] edges = { 0, 1, -1, 2, -2, 7, -7, 31, 32, 33, 63, 64, -33, 1000003, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1 };
                foreach (var a in edges)
                    foreach (var b in edges)
                        foreach (var shift in new[] { 0, 1, 5, 31, 32, 33, -1, 100, int.MinValue })
                            Check($"Bits({a},{b},{shift})", Kernels.BitsManaged(a, b, shift), Kernels.Bits(a, b, shift));
                float[][] floats = { new float[0], new[] { 1f, -2.5f, float.NaN, float.PositiveInfinity, float.MaxValue, -0f, 1e-40f } };
                foreach (var set in floats)
                    foreach (var (factor, bias) in new[] { (2f, 0.5f), (-1f, 0f), (float.MaxValue, 1f), (float.NaN, 0f), (0f, -0f) })
                    {
                        var managed = (float[])set.Clone();
                        var native = (float[])set.Clone();
                        Kernels.ScaleManaged(managed, factor, bias);
                        Kernels.Scale(native, factor, bias);
                        for (int i = 0; i < set.Length; i++)
                            Check($"Scale[{i}]({factor},{bias})", managed[i], native[i]);
                    }
                var vecs = new[] { new Vec2 { X = 0, Y = 0 }, new Vec2 { X = 3, Y = 4 }, new Vec2 { X = -1.5f, Y = float.NaN }, new Vec2 { X = float.MaxValue, Y = float.MaxValue }, new Vec2 { X = 1e-30f, Y = -1e30f } };
                foreach (var a in vecs)
                {
                    Check("Length", Kernels.LengthManaged(a), Kernels.Length(a));
                    foreach (var b in vecs)
                        foreach (var t in new[] { 0f, 0.5f, 1f, -2f, float.NaN })
                        {
                            var m = Kernels.LerpManaged(a, b, t);
                            var n = Kernels.Lerp(a, b, t);
                            Check("Lerp.X", m.X, n.X);
                            Check("Lerp.Y", m.Y, n.Y);
                        }
                }
                double[][] doubles = { new double[0], new[] { 1.0 }, new[] { -0.0, 0.0 }, new[] { 0.0, -0.0 }, new[] { 1.5, double.NaN, 3 }, new[] { double.PositiveInfinity, 1 }, new[] { 2.5, 3.5, -4.25, 1e300, -1e300 }, new[] { 0.125, 0.375 } };
                foreach (var set in doubles)
                    Check("Stats[" + string.Join(",", set) + "]", Kernels.StatsManaged(set), Kernels.Stats(set));
                foreach (var x in new[] { 0.0, -0.0, 0.5, -0.5, 1.99, -1.99, 255.5, 256.0, 300.7, -129.5, 32767.9, 40000.1, -40000.1, 2147483647.5, 2147483648.0, -2147483649.0, 4294967296.5, 1e19, 2e19, -1e19, 9.3e18, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon })
                    Check($"Saturate({x})", Kernels.SaturateManaged(x), Kernels.Saturate(x));
                foreach (var text in new[] { "", "a", "Hello World", "AAAaaa", "\u00c4\u00e4A\uffff" })
                    foreach (var c in new[] { 'a', 'A', '\u00e4', '\uffff' })
                        foreach (var ignore in new[] { false, true })
                            Check($"CountChar({text},{c},{ignore})", Kernels.CountCharManaged(text, c, ignore), Kernels.CountChar(text, c, ignore));
                foreach (var v in new[] { 0, 5, -5, int.MaxValue, int.MinValue })
                    foreach (var (lo, hi) in new[] { (0, 0), (-10, 10), (int.MinValue + 1, int.MaxValue), (3, 4) })
                        foreach (var d in new[] { 0.0, -0.0, 2.5, -1e300, double.PositiveInfinity })
                            Check($"ClampSign({v},{lo},{hi},{d})", Kernels.ClampSignManaged(v, lo, hi, d), Kernels.ClampSign(v, lo, hi, d));
                return s_cases + " cases\n" + string.Join("\n", s_failures.Take(40));
            }
        }
        """;

    private static readonly string[] s_methods = ["SumWrapping", "Fnv1a", "FirstNegative", "CountPrimes", "Collatz", "Bits", "Scale", "Lerp", "Length", "Stats", "Saturate", "CheckedSum", "CountChar", "ClampSign"];

    private const string AppCsproj = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    [Fact]
    public void Rust_extractions_build_without_warnings_and_match_the_managed_originals()
    {
        var dir = TempDir("rust");
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/app/App.csproj"] = AppCsproj,
            [$"{dir}/app/Kernels.cs"] = KernelsCs,
            [$"{dir}/native/legacy/Cargo.toml"] = "[package]\nname = \"legacy\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
            [$"{dir}/native/legacy/src/lib.rs"] = "#[no_mangle]\npub extern \"C\" fn legacy_version() -> i32 {\n    1\n}\n",
        };
        // The first extraction creates the crate 'fresh' (edition 2024); odd methods go to the existing edition-2021 crate.
        for (var i = 0; i < s_methods.Length; i++)
            Extract(dir, files, s_methods[i], new ExtractOptions(ExtractOptions.Rust, i % 2 == 0 ? "native/fresh" : "native/legacy"));
        Assert.Contains($"{dir}/native/fresh/Cargo.toml", files.Keys);
        Assert.Contains("edition = \"2024\"", files[$"{dir}/native/fresh/Cargo.toml"], StringComparison.Ordinal);
        Assert.Contains("#[unsafe(no_mangle)]", files[$"{dir}/native/fresh/src/lib.rs"], StringComparison.Ordinal);
        Assert.Contains("#[no_mangle]\npub unsafe extern \"C\" fn legacy_fnv1a(", files[$"{dir}/native/legacy/src/lib.rs"], StringComparison.Ordinal);
        Write(files);

        var libraries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var crate in new[] { "fresh", "legacy" })
        {
            Run(CargoBuild.Cargo(), ["build", "--offline", "--release", "--manifest-path", $"{dir}/native/{crate}/Cargo.toml", "--target-dir", $"{dir}/target"], dir,
                ("RUSTFLAGS", "-D warnings"));
            libraries[crate] = $"{dir}/target/release/lib{crate}.so";
        }
        RunDriver(dir, files, libraries);
    }

    [Fact]
    public void Cpp_extractions_build_and_match_the_managed_originals()
    {
        var dir = TempDir("cpp");
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/app/App.csproj"] = AppCsproj,
            [$"{dir}/app/Kernels.cs"] = KernelsCs,
        };
        // The first extraction renders cpp-shared into native/kernels; the others add to that library (the only C++ one).
        foreach (var method in s_methods)
            Extract(dir, files, method, new ExtractOptions(ExtractOptions.Cpp));
        Assert.Contains($"{dir}/native/kernels/CMakeLists.txt", files.Keys);
        Assert.Contains("KERNELS_API int32_t kernels_sum_wrapping(const int32_t* data, size_t data_len);", files[$"{dir}/native/kernels/include/kernels.h"], StringComparison.Ordinal);
        Write(files);
        NativeBuild.CMake($"{dir}/native/kernels", $"{dir}/build");
        var exported = NativeBuild.ExportedSymbols($"{dir}/build/libkernels.so");
        string[] expected = ["sum_wrapping", "fnv1a", "first_negative", "count_primes", "collatz", "bits", "scale", "lerp", "length", "stats", "saturate", "checked_sum", "count_char", "clamp_sign"];
        Assert.Equal(expected.Select(m => "kernels_" + m).Order(StringComparer.Ordinal), exported);
        RunDriver(dir, files, new Dictionary<string, string> { ["kernels"] = $"{dir}/build/libkernels.so" });
    }

    private static void Extract(string dir, Dictionary<string, string> files, string method, ExtractOptions options)
    {
        var path = $"{dir}/app/Kernels.cs";
        var offset = files[path].IndexOf(" " + method + "(", StringComparison.Ordinal) + 1;
        var host = new AnalysisHost(new AnalysisOptions(dir));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var result = host.Snapshot().ExtractToNative(path, offset, options, CancellationToken.None);
        Assert.True(result.Action is not null, $"{method}: {result.Error}");
        foreach (var edit in result.Action.Edits)
        {
            Assert.Equal(edit.Creates, !files.ContainsKey(edit.Path));
            var text = new StringBuilder(edit.Creates ? "" : files[edit.Path]);
            foreach (var e in edit.Edits.OrderByDescending(e => e.Span.Start))
                text.Remove(e.Span.Start, e.Span.Length).Insert(e.Span.Start, e.NewText);
            files[edit.Path] = text.ToString();
        }
    }

    /// <summary>Compiles the app's C# (rewritten methods, bindings) with the driver in memory, resolves its DllImports to the built libraries, and runs it.</summary>
    private static void RunDriver(string dir, Dictionary<string, string> files, Dictionary<string, string> libraries)
    {
        var sources = files.Where(f => f.Key.StartsWith($"{dir}/app/", StringComparison.Ordinal) && f.Key.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Value, new CSharpParseOptions(LanguageVersion.Preview), f.Key))
            .Append(CSharpSyntaxTree.ParseText(DriverCs, new CSharpParseOptions(LanguageVersion.Preview), "Driver.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("ExtractedApp" + Guid.NewGuid().ToString("N"), sources, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + string.Join("\n", files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => f.Value)));
        Assert.DoesNotContain(emit.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        stream.Position = 0;
        var context = new AssemblyLoadContext("extracted", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => libraries.TryGetValue(name, out var path) ? NativeLibrary.Load(path) : IntPtr.Zero);
            var output = (string)assembly.GetType("Demo.Driver")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, output);
            Assert.True(int.Parse(lines[0].Split(' ')[0]) > 3000, output);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-extract", $"{name}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void Write(Dictionary<string, string> files)
    {
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static string Run(string program, string[] args, string workingDirectory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed:\n{stdout}\n{stderr.Result}");
        Assert.DoesNotContain("warning", stderr.Result, StringComparison.OrdinalIgnoreCase);
        return stdout;
    }
}
