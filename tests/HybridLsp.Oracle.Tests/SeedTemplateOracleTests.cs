using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using HybridLsp.Ide.Assists;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The seed templates for real: rust-rowagg and rust-kv-cache are rendered, built with cargo (and their Rust tests run),
/// and their .NET files are compiled with a small harness and run against the built library: the row aggregator's native
/// and managed twins give bit-identical results on the same buffers (malformed rows and empty input included), and the
/// cache survives many threads setting, reading and deleting at once, then holds exactly what the threads left.
/// </summary>
public sealed class SeedTemplateOracleTests
{
    private const string RowAggHarness = """
        using System;
        using System.Linq;
        using System.Text;
        using Seed;

        public static class Harness
        {
            public static string Run(byte[] data, int maxColumns, bool native)
            {
                var columns = new ColumnStats[maxColumns];
                var summary = native ? RowAgg.Aggregate(data, columns) : RowAgg.AggregateManaged(data, columns);
                var text = new StringBuilder($"rows={summary.Rows} malformed={summary.MalformedRows} columns={summary.Columns}");
                foreach (var c in columns)
                    text.Append($" [{c.Count} {c.Sum:R}/{BitConverter.DoubleToInt64Bits(c.Sum):X} {c.Min:R} {c.Max:R}]");
                return text.ToString();
            }
        }
        """;

    private const string KvHarness = """
        using System;
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using Seed;

        public static class Harness
        {
            /// <summary>Threads own keys "t/k" (set, read back, delete the odd ones at the end) and share keys "shared/k"
            /// (set, get, delete at random). Returns "ok" or the first problem found.</summary>
            public static string Hammer(int threadCount, int keysPerThread, int rounds)
            {
                using var cache = new KvCache();
                var problems = new ConcurrentQueue<string>();
                var start = new Barrier(threadCount);
                var threads = Enumerable.Range(0, threadCount).Select(t => new Thread(() =>
                {
                    var random = new Random(t);
                    start.SignalAndWait();
                    for (var round = 0; round < rounds; round++)
                    {
                        for (var k = 0; k < keysPerThread; k++)
                        {
                            var key = Encoding.UTF8.GetBytes($"{t}/{k}");
                            cache.Set(key, Encoding.UTF8.GetBytes($"{t}/{k}/{round}"));
                            if (!cache.TryGet(key, out var back) || Encoding.UTF8.GetString(back) != $"{t}/{k}/{round}")
                                problems.Enqueue($"thread {t} lost its own key {t}/{k} in round {round}");
                            var shared = Encoding.UTF8.GetBytes($"shared/{random.Next(16)}");
                            switch (random.Next(3))
                            {
                                case 0:
                                    cache.Set(shared, Encoding.UTF8.GetBytes($"from {t}"));
                                    break;
                                case 1:
                                    if (cache.TryGet(shared, out var value) && !Encoding.UTF8.GetString(value).StartsWith("from ", StringComparison.Ordinal))
                                        problems.Enqueue($"shared key holds '{Encoding.UTF8.GetString(value)}'");
                                    break;
                                default:
                                    cache.Delete(shared);
                                    break;
                            }
                        }
                    }
                    for (var k = 1; k < keysPerThread; k += 2)
                    {
                        if (!cache.Delete(Encoding.UTF8.GetBytes($"{t}/{k}")))
                            problems.Enqueue($"thread {t} could not delete {t}/{k}");
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                if (problems.TryPeek(out var first))
                    return first;

                var sharedPresent = Enumerable.Range(0, 16).Count(i => cache.TryGet(Encoding.UTF8.GetBytes($"shared/{i}"), out _));
                for (var t = 0; t < threadCount; t++)
                {
                    for (var k = 0; k < keysPerThread; k++)
                    {
                        var present = cache.TryGet(Encoding.UTF8.GetBytes($"{t}/{k}"), out var value);
                        if (k % 2 == 1 && present)
                            return $"{t}/{k} survived its deletion";
                        if (k % 2 == 0 && (!present || Encoding.UTF8.GetString(value) != $"{t}/{k}/{rounds - 1}"))
                            return $"{t}/{k} does not hold its last value";
                    }
                }
                var expected = threadCount * ((keysPerThread + 1) / 2) + sharedPresent;
                return cache.Count == expected ? "ok" : $"Count is {cache.Count}, expected {expected}";
            }

            public static string EdgeCases()
            {
                var cache = new KvCache();
                cache.Set([], []);
                if (!cache.TryGet([], out var empty) || empty.Length != 0)
                    return "the empty key lost its empty value";
                if (cache.TryGet("absent"u8, out _) || cache.Delete("absent"u8))
                    return "an absent key was found";
                var big = Enumerable.Range(0, 1 << 20).Select(i => (byte)i).ToArray();
                cache.Set("big"u8, big);
                if (!cache.TryGet("big"u8, out var back) || !back.AsSpan().SequenceEqual(big))
                    return "a 1 MiB value did not round-trip";
                if (!cache.Delete([]) || cache.Count != 1)
                    return "delete or Count is wrong";
                cache.Dispose();
                try
                {
                    cache.Set("k"u8, "v"u8);
                    return "a disposed cache accepted a call";
                }
                catch (ObjectDisposedException)
                {
                    return "ok";
                }
            }
        }
        """;

    [Fact]
    public void Rowagg_native_and_managed_twins_agree_bit_for_bit_on_the_same_buffers()
    {
        var (library, dotnetFile) = RenderAndBuild("rust-rowagg", "rowagg", "RowAgg");
        var harness = Compile("RowAggHarness", [File.ReadAllText(dotnetFile), RowAggHarness], "rowagg", library);
        var run = harness.GetType("Harness")!.GetMethod("Run")!;
        string Run(byte[] data, int maxColumns, bool native) => (string)run.Invoke(null, [data, maxColumns, native])!;

        // A known answer first: the rules of src/lib.rs on one buffer (blank lines skipped, "x,1" and "1,,2" malformed).
        Assert.Equal("rows=3 malformed=2 columns=2 [3 2.5/4004000000000000 -3.5 5] [2 6/4018000000000000 2 4]",
            Run("1,2\r\n\n -3.5 , 4\nx,1\n5\n1,,2\n"u8.ToArray(), 2, native: true));

        var cases = new List<(byte[] Data, int Columns)>
        {
            ([], 3),
            ("\n\n  \n\t\r\n"u8.ToArray(), 1),
            ("1,2,3"u8.ToArray(), 3),
            ("1,2,3\n4,5\n6\n"u8.ToArray(), 2),
            ("-0,+0,0.0\n-1.25,1e5,abc\n.5,5.,--1\n1 2,3\n"u8.ToArray(), 3),
            ("0.1,0.2\n0.3,0.4\n"u8.ToArray(), 0),
            ([0xff, 0xfe, (byte)',', (byte)'1', (byte)'\n', (byte)'2'], 2),
            ("99999999999999999999999999,0.000000000000000000000000001\n-179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,1\n"u8.ToArray(), 2),
            (System.Text.Encoding.ASCII.GetBytes(string.Join(",", Enumerable.Range(0, 100)) + "\n" + string.Join(",", Enumerable.Range(0, 70).Select(i => i * 0.5))), 80),
        };
        // Deterministic random buffers: digits, signs, dots, separators, blanks and garbage in every mix.
        var random = new Random(20261125);
        const string alphabet = "0123456789012345678901234567890123456789..,,,,,--++  \t\n\n\n\rx";
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(0, 400);
            cases.Add(([.. Enumerable.Range(0, length).Select(_ => (byte)alphabet[random.Next(alphabet.Length)])], random.Next(0, 6)));
        }
        foreach (var (data, columns) in cases)
            Assert.Equal(Run(data, columns, native: false), Run(data, columns, native: true));
        // The random buffers did exercise both paths.
        Assert.Contains(cases, c => !Run(c.Data, c.Columns, native: true).Contains("malformed=0", StringComparison.Ordinal));
        Assert.Contains(cases, c => !Run(c.Data, c.Columns, native: true).Contains("rows=0", StringComparison.Ordinal));
    }

    [Fact]
    public void Kv_cache_survives_concurrent_set_get_delete_from_many_threads_and_keeps_its_ownership_rules()
    {
        var (library, dotnetFile) = RenderAndBuild("rust-kv-cache", "kvcache", "KvCache");
        var harness = Compile("KvHarness", [File.ReadAllText(dotnetFile), KvHarness], "kvcache", library);
        var type = harness.GetType("Harness")!;
        Assert.Equal("ok", (string)type.GetMethod("EdgeCases")!.Invoke(null, null)!);
        Assert.Equal("ok", (string)type.GetMethod("Hammer")!.Invoke(null, [16, 200, 5])!);
    }

    /// <summary>Renders the template into a temp folder, runs its Rust tests, builds it, and returns the library and the .NET file.</summary>
    private static (string Library, string DotnetFile) RenderAndBuild(string template, string crateName, string className)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-seed", $"{template}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var rendering = NativeTemplates.Render(NativeTemplates.Get(template), $"{dir}/{crateName}", dir,
            new Dictionary<string, string> { ["crate_name"] = crateName, ["class_name"] = className, ["namespace"] = "Seed" }, File.Exists);
        Assert.True(rendering.Succeeded, rendering.Error);
        foreach (var file in rendering.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, Assert.Single(file.Edits).NewText);
        }
        var manifest = $"{dir}/{crateName}/Cargo.toml";
        StubOracleTests.Run(CargoBuild.Cargo(), ["test", "--offline", "--quiet", "--manifest-path", manifest, "--target-dir", $"{dir}/target"], dir);
        StubOracleTests.Run(CargoBuild.Cargo(), ["build", "--offline", "--quiet", "--release", "--manifest-path", manifest, "--target-dir", $"{dir}/target"], dir);
        return ($"{dir}/target/release/lib{crateName}.so", $"{dir}/{crateName}/dotnet/{className}.cs");
    }

    /// <summary>Compiles C# sources in memory (unsafe allowed) and loads them; their [DllImport(library)] resolves to <paramref name="path"/>.</summary>
    private static Assembly Compile(string name, string[] sources, string library, string path)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning));
        image.Position = 0;
        var assembly = new AssemblyLoadContext(name).LoadFromStream(image);
        NativeLibrary.SetDllImportResolver(assembly, (requested, _, _) => requested == library ? NativeLibrary.Load(path) : IntPtr.Zero);
        return assembly;
    }
}
