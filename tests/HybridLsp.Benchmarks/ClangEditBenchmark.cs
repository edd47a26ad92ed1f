using System.Diagnostics;
using System.Globalization;
using System.Text;
using HybridLsp.Ide;

namespace HybridLsp.Benchmarks;

/// <summary>
/// Times an edit of a C library's public header re-checked through the engine (<see cref="AnalysisHost"/>) for the three
/// default targets, beside <c>clang -fsyntax-only</c> on the library's translation units measured in the same run (the
/// machine is shared: the ratio is the number to compare). The library: a CMake target with a generated public header
/// (N exported functions, N/10 structs and enums), one source defining every function, and N/10 C# bindings. The header
/// edits add a declaration, alternately at the header's end and in its middle.
///
///   dotnet run --project tests/HybridLsp.Benchmarks -c Release -- clang-edit [--functions 5000] [--edits 10] [--clang /usr/bin/clang-14]
/// </summary>
internal static class ClangEditBenchmark
{
    private const string Root = "/bench";

    public static int Run(string[] args)
    {
        int functions = 5000, edits = 10;
        var clang = "/usr/bin/clang-14";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--functions": functions = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--edits": edits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clang": clang = Next(); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }

        var header = ClangParseBenchmark.Generate(functions);
        var source = Source(functions);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Root + "/native/gen/CMakeLists.txt"] = "cmake_minimum_required(VERSION 3.16)\nproject(gen C)\nadd_library(gen SHARED src/gen.c)\ntarget_include_directories(gen PUBLIC include)\n",
            [Root + "/native/gen/include/gen.h"] = header,
            [Root + "/native/gen/src/gen.c"] = source,
            [Root + "/app/App.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>",
            [Root + "/app/Native.cs"] = Bindings(functions / 10),
        };

        var parser = new HybridLsp.Semantics.Model.CParseService(HybridLsp.Syntax.C.ClangOptions.Default);
        var host = new AnalysisHost(new AnalysisOptions(Root) { CParser = parser });
        var watch = Stopwatch.StartNew();
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var first = host.Snapshot().CheckDiagnostics(CancellationToken.None);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        if (first.Any(d => d.Code != "HL2004"))
        {
            Console.Error.WriteLine("unexpected findings: " + string.Join("; ", first.Where(d => d.Code != "HL2004").Take(5).Select(d => $"{d.Code} {d.Message}")));
            return 1;
        }

        var headerEdits = new List<double>();
        var (parsesBefore, splicesBefore) = (parser.ParseCount, parser.SpliceCount);
        var appended = new List<double>();
        var inserted = new List<double>();
        var current = header;
        var middle = $"GEN_API int32_t gen_fn_{functions / 2}(";
        var headerEditsCpu = new List<double>();
        var headerEditsGc = new List<double>();
        var headerEditsAllocated = new List<double>();
        var csharpEdits = new List<double>();
        var self = Process.GetCurrentProcess();
        // Where a header edit's time goes, by the engine's own phase marks (medians over the edits).
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < edits; i++)
        {
            // A new declaration (a real edit: both translation units include the header), at the end or in the middle, where every
            // declaration after it moves; then a C# edit. Each edit changes one place of the text before it, as typing does.
            var edited = current = i % 2 == 0
                ? current + $"GEN_API int32_t gen_added_{i}(int32_t x);\n"
                : current.Replace(middle, $"GEN_API int32_t gen_inserted_{i}(int64_t x, const gen_rec_0 *rec);\n{middle}", StringComparison.Ordinal);
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var paused = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            watch.Restart();
            host.ApplyChange(new WorkspaceChange([new FileChange(Root + "/native/gen/include/gen.h", edited)]));
            var snapshot = host.Snapshot();
            _ = snapshot.CheckDiagnostics(CancellationToken.None);
            headerEdits.Add(watch.Elapsed.TotalMilliseconds);
            (i % 2 == 0 ? appended : inserted).Add(watch.Elapsed.TotalMilliseconds);
            self.Refresh();
            headerEditsCpu.Add((self.TotalProcessorTime - cpu).TotalMilliseconds);
            headerEditsGc.Add((GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
            headerEditsAllocated.Add((GC.GetTotalAllocatedBytes() - allocated) / 1e6);
            AddPhases(phases, snapshot);

            watch.Restart();
            host.ApplyChange(new WorkspaceChange([new FileChange(Root + "/app/Native.cs", files[Root + "/app/Native.cs"] + $"\n// edit {i}\n")]));
            _ = host.Snapshot().CheckDiagnostics(CancellationToken.None);
            csharpEdits.Add(watch.Elapsed.TotalMilliseconds);
        }

        var unitsPerHeaderEdit = (parser.ParseCount - parsesBefore) / (double)edits;
        var splicesPerHeaderEdit = (parser.SpliceCount - splicesBefore) / (double)edits;

        // Edits of a type (a struct's field type, back and forth): the functions written with the struct are read again.
        var typeEdits = new List<double>();
        var typePhases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var (wholeParses, wholeSplices) = (parser.ParseCount, parser.SpliceCount);
        var field = $"typedef struct gen_rec_{functions / 20 * 10} {{ int32_t id; double weight; uint8_t flags;";
        for (var i = 0; i < Math.Max(2, edits / 2); i++)
        {
            current = i % 2 == 0 ? current.Replace(field, field.Replace("uint8_t flags", "uint16_t flags", StringComparison.Ordinal), StringComparison.Ordinal)
                : current.Replace(field.Replace("uint8_t flags", "uint16_t flags", StringComparison.Ordinal), field, StringComparison.Ordinal);
            watch.Restart();
            host.ApplyChange(new WorkspaceChange([new FileChange(Root + "/native/gen/include/gen.h", current)]));
            var typeSnapshot = host.Snapshot();
            _ = typeSnapshot.CheckDiagnostics(CancellationToken.None);
            typeEdits.Add(watch.Elapsed.TotalMilliseconds);
            AddPhases(typePhases, typeSnapshot);
        }
        var typeEditUnits = (parser.ParseCount - wholeParses) / (double)typeEdits.Count;
        var typeEditSplices = parser.SpliceCount - wholeSplices;

        // The baseline: clang -fsyntax-only on the same translation units, the header's and the source's, for each default target.
        var baseline = new List<double>();
        var baselineCpu = new List<double>();
        var clangAvailable = File.Exists(clang);
        if (clangAvailable)
        {
            var directory = Path.Combine(Path.GetTempPath(), "hybrid-lsp-clang-edit-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(Path.Combine(directory, "include"));
            File.WriteAllText(Path.Combine(directory, "include", "gen.h"), header);
            File.WriteAllText(Path.Combine(directory, "gen.c"), source);
            File.WriteAllText(Path.Combine(directory, "headers.c"), "#include \"gen.h\"\n");
            try
            {
                for (var i = 0; i <= Math.Max(3, edits / 2); i++)
                {
                    var childCpu = ClangParseBenchmark.ChildrenCpuMs();
                    watch.Restart();
                    foreach (var triple in new[] { "x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc", "aarch64-apple-darwin" })
                    {
                        foreach (var unit in new[] { "gen.c", "headers.c" })
                        {
                            var start = new ProcessStartInfo(clang) { RedirectStandardError = true, RedirectStandardOutput = true };
                            foreach (var argument in new[] { "-fsyntax-only", "-x", "c", "-target", triple, "-I", Path.Combine(directory, "include"), Path.Combine(directory, unit) })
                                start.ArgumentList.Add(argument);
                            using var process = Process.Start(start)!;
                            process.StandardError.ReadToEnd();
                            process.WaitForExit();
                        }
                    }
                    if (i > 0)
                    {
                        baseline.Add(watch.Elapsed.TotalMilliseconds);
                        baselineCpu.Add(ClangParseBenchmark.ChildrenCpuMs() - childCpu);
                    }
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Console.WriteLine($"| C library: {functions} functions, header {header.Split('\n').Length} lines, source {source.Split('\n').Length} lines, {functions / 10} bindings, 3 targets | median ms | min ms | runs |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| first index and check | {firstMs:0} | {firstMs:0} | 1 |");
        Console.WriteLine($"| translation units parsed per header edit (of them, only the edited declarations: ClangSplice) | {unitsPerHeaderEdit:0.#} ({splicesPerHeaderEdit:0.#}) | | {edits} |");
        Row("header edit → diagnostics", headerEdits);
        Row("  a declaration appended", appended);
        Row($"  a declaration inserted before the {functions / 2}th (the rest move)", inserted);
        Row("header edit, CPU of every thread (2 cores: wall ≥ CPU / 2)", headerEditsCpu);
        Row("header edit, garbage collection pauses", headerEditsGc);
        Console.WriteLine($"| header edit, MB allocated | {Stats.Of(headerEditsAllocated).Median:0.0} | {Stats.Of(headerEditsAllocated).Min:0.0} | {headerEditsAllocated.Count} |");
        Row("C# edit → diagnostics", csharpEdits);
        foreach (var (phase, samples) in phases.Where(p => Stats.Of(p.Value).Median >= 1))
            Row($"  header edit phase: {phase}", samples);
        Row($"header edit of a struct's field ({typeEditUnits:0.#} units parsed per edit, {typeEditSplices / (double)typeEdits.Count:0.#} of them spliced)", typeEdits);
        foreach (var (phase, samples) in typePhases.Where(p => Stats.Of(p.Value).Median >= 1))
            Row($"  struct field edit phase: {phase}", samples);
        if (clangAvailable)
        {
            Row($"{Path.GetFileName(clang)} -fsyntax-only, the same 2 units × 3 targets, sequential", baseline);
            Row($"{Path.GetFileName(clang)} -fsyntax-only, CPU", baselineCpu);
            var ratio = Stats.Of(headerEdits).Median / Stats.Of(baseline).Median;
            Console.WriteLine($"header edit / clang baseline (medians): {ratio:0.00}");
            Console.WriteLine($"header edit CPU / clang baseline CPU (medians): {Stats.Of(headerEditsCpu).Median / Stats.Of(baselineCpu).Median:0.00}");
        }
        return 0;
    }

    /// <summary>Adds a snapshot's phase marks to <paramref name="phases"/>: "binding rules (12 of 500)" and the like give one row per phase, whatever the counts.</summary>
    private static void AddPhases(Dictionary<string, List<double>> phases, Analysis snapshot)
    {
        foreach (var (phase, ms) in snapshot.Timings)
        {
            var name = phase.Split(" (")[0];
            if (!phases.TryGetValue(name, out var list))
                phases[name] = list = [];
            list.Add(ms);
        }
    }

    private static void Row(string name, List<double> samples)
    {
        var stats = Stats.Of(samples);
        Console.WriteLine($"| {name} | {Stats.Ms(stats.Median)} | {Stats.Ms(stats.Min)} | {stats.Count} |");
    }

    private static string Source(int functions)
    {
        var text = new StringBuilder("#include \"gen.h\"\n");
        for (var i = 0; i < functions; i++)
        {
            var record = i / 10 * 10;
            text.Append(CultureInfo.InvariantCulture, $"int32_t gen_fn_{i}(gen_context *ctx, const gen_rec_{record} *rec, size_t count, bool strict, gen_callback cb) {{ (void)ctx; if (strict && cb) cb(0, 0); return rec ? rec->id + (int32_t)count : {i}; }}\n");
        }
        return text.ToString();
    }

    private static string Bindings(int count)
    {
        var text = new StringBuilder("using System.Runtime.InteropServices;\nstatic unsafe partial class Native\n{\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"    [LibraryImport(\"gen\")] internal static partial int gen_fn_{i}(nint ctx, nint rec, nuint count, [MarshalAs(UnmanagedType.U1)] bool strict, delegate* unmanaged<nint, int, void> cb);\n");
        return text.Append("}\n").ToString();
    }
}
