using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HybridLsp.Syntax.C;

namespace HybridLsp.Benchmarks;

/// <summary>
/// Times <see cref="ClangParser.Parse"/> on a generated header of N exported functions (with structs, enums and
/// typedefs in the mix) for one target, beside <c>clang -fsyntax-only</c> on the same header written to disk.
/// Wall-clock and CPU time are both reported: on a shared machine CPU time is the steadier number.
///
///   dotnet run --project tests/HybridLsp.Benchmarks -c Release -- clang-parse [--functions 5000] [--runs 10]
///              [--target x86_64-unknown-linux-gnu] [--clang /usr/bin/clang-14]
/// </summary>
internal static class ClangParseBenchmark
{
    public static int Run(string[] args)
    {
        int functions = 5000, runs = 10;
        string target = "x86_64-unknown-linux-gnu", clang = "/usr/bin/clang-14";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--functions": functions = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--target": target = Next(); break;
                case "--clang": clang = Next(); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }

        var header = Generate(functions);
        var directory = Path.Combine(Path.GetTempPath(), "hybrid-lsp-clang-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "generated.h");
        File.WriteAllText(path, header);
        try
        {
            var request = new CParseRequest(path, ImmutableDictionary<string, string>.Empty.Add(path, header), target, TimeLimit: TimeSpan.FromMinutes(1));
            var warm = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
            if (warm.Status != CParseStatus.Parsed || warm.FirstError is not null || warm.Functions.Length != functions)
            {
                Console.Error.WriteLine($"unexpected parse: {warm.Status} {warm.Message} {warm.FirstError?.Message} functions={warm.Functions.Length}");
                return 1;
            }

            var oursWall = new List<double>();
            var oursParse = new List<double>();
            var oursExtract = new List<double>();
            var oursCpu = new List<double>();
            var self = Process.GetCurrentProcess();
            for (var i = 0; i < runs; i++)
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
                oursWall.Add(watch.Elapsed.TotalMilliseconds);
                oursParse.Add(result.ParseTime.TotalMilliseconds);
                oursExtract.Add(result.ExtractTime.TotalMilliseconds);
                self.Refresh();
                oursCpu.Add((self.TotalProcessorTime - cpu).TotalMilliseconds);
            }

            var clangWall = new List<double>();
            var clangCpu = new List<double>();
            var clangAvailable = File.Exists(clang);
            for (var i = 0; clangAvailable && i <= runs; i++)
            {
                var start = new ProcessStartInfo(clang) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var argument in new[] { "-fsyntax-only", "-x", "c", "-target", target, path })
                    start.ArgumentList.Add(argument);
                var childCpu = ChildrenCpuMs();
                var watch = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (i == 0)
                    continue; // warm-up
                clangWall.Add(watch.Elapsed.TotalMilliseconds);
                clangCpu.Add(ChildrenCpuMs() - childCpu);
            }

            Console.WriteLine($"| C header, {functions} functions ({header.Split('\n').Length} lines), {target} | median ms | min ms | runs |");
            Console.WriteLine("|---|---|---|---|");
            Row("ClangParser.Parse (parse + extract), wall", oursWall);
            Row("  of which libclang parse, wall", oursParse);
            Row("  of which declaration extraction, wall", oursExtract);
            Row("ClangParser.Parse, CPU (all threads)", oursCpu);
            if (clangAvailable)
            {
                Row($"{Path.GetFileName(clang)} -fsyntax-only (process), wall", clangWall);
                Row($"{Path.GetFileName(clang)} -fsyntax-only, CPU", clangCpu);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // getrusage(RUSAGE_CHILDREN): user + system time of waited-for children (Process.TotalProcessorTime is gone once a process exits on Linux).
    /// <summary>CPU time (user + system) of the waited-for child processes so far.</summary>
    internal static unsafe double ChildrenCpuMs()
    {
        var usage = stackalloc long[18];
        return GetRusage(-1, usage) != 0 ? double.NaN : (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern unsafe int GetRusage(int who, long* usage);

    private static void Row(string name, List<double> samples)
    {
        var stats = Stats.Of(samples);
        Console.WriteLine($"| {name} | {Stats.Ms(stats.Median)} | {Stats.Ms(stats.Min)} | {stats.Count} |");
    }

    /// <summary>A library-style public header: an export macro, opaque handles, structs, enums, callbacks and N functions.</summary>
    internal static string Generate(int functions)
    {
        var text = new StringBuilder("""
            #pragma once
            #include <stdint.h>
            #include <stddef.h>
            #include <stdbool.h>
            #define GEN_API __attribute__((visibility("default")))
            typedef struct gen_context gen_context;
            typedef void (*gen_callback)(void *user, int32_t code);

            """);
        for (var i = 0; i < functions; i++)
        {
            if (i % 10 == 0)
                text.Append(CultureInfo.InvariantCulture, $"typedef struct gen_rec_{i} {{ int32_t id; double weight; uint8_t flags; const char *name; }} gen_rec_{i};\n")
                    .Append(CultureInfo.InvariantCulture, $"typedef enum gen_kind_{i} {{ GEN_KIND_{i}_A, GEN_KIND_{i}_B = 7 }} gen_kind_{i};\n");
            var record = i / 10 * 10;
            text.Append(CultureInfo.InvariantCulture, $"GEN_API int32_t gen_fn_{i}(gen_context *ctx, const gen_rec_{record} *rec, size_t count, bool strict, gen_callback cb);\n");
        }
        return text.ToString();
    }
}
