using System.Text;
using HybridLsp.Server.Cli;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// "Benchmark managed vs native" for real, through `hybrid-lsp bench FILE:LINE --quick`: a Rust cdylib and a C# project
/// holding the pair `Sum` (calls the export) / `SumManaged`; the command builds the crate in Release, generates the
/// BenchmarkDotNet project, runs a short in-process job, and reports rows BenchmarkDotNet measured, with the chart.
/// </summary>
public sealed class BenchmarkOracleTests
{
    [Fact]
    public async Task Bench_builds_generates_runs_and_reports_what_benchmarkdotnet_measured()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-bench", $"oracle-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>
        {
            ["native/fastsum/Cargo.toml"] = "[package]\nname = \"fastsum\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
            ["native/fastsum/src/lib.rs"] = """
                /// # Safety
                /// `values` is readable for `len` elements.
                #[no_mangle]
                pub unsafe extern "C" fn fs_sum(values: *const i32, len: usize) -> i64 {
                    if len == 0 {
                        return 0;
                    }
                    std::slice::from_raw_parts(values, len).iter().map(|&v| v as i64).sum()
                }
                """,
            ["app/App.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks><Nullable>enable</Nullable></PropertyGroup>
                </Project>
                """,
            ["app/Native.cs"] = """
                using System;
                using System.Runtime.InteropServices;

                namespace Demo;

                internal static unsafe class Native
                {
                    [DllImport("fastsum")]
                    private static extern long fs_sum(int* values, nuint len);

                    internal static long Sum(ReadOnlySpan<int> values)
                    {
                        fixed (int* p = values)
                            return fs_sum(p, (nuint)values.Length);
                    }

                    private static long SumManaged(ReadOnlySpan<int> values)
                    {
                        long total = 0;
                        foreach (var v in values)
                            total += v;
                        return total;
                    }
                }
                """,
        };
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName($"{dir}/{path}")!);
            File.WriteAllText($"{dir}/{path}", text);
        }
        var line = files["app/Native.cs"].Split('\n').ToList().FindIndex(l => l.Contains("long SumManaged(", StringComparison.Ordinal)) + 1;

        using var stdout = new MemoryStream();
        var exit = await BenchCommand.RunAsync($"{dir}/app/Native.cs:{line}", dir, quick: true, sizes: "4096", stdout, CancellationToken.None);
        var output = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.True(exit == 0, $"bench exited {exit}:\n{output}");

        // The markdown table carries a row per side with BenchmarkDotNet's numbers; the managed side is the baseline.
        Assert.StartsWith("# Sum: managed vs native (fs_sum)\n", output, StringComparison.Ordinal);
        var rows = output.Split('\n').Where(l => l.StartsWith("| Managed", StringComparison.Ordinal) || l.StartsWith("| Native", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("| Managed (SumManaged) | Size=4096 | ", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| Native (Sum → fs_sum) | Size=4096 | ", rows[1], StringComparison.Ordinal);
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.True(double.Parse(cells[3].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) > 0, row);
            Assert.True(double.Parse(cells[4].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) > 0, row);
            // BenchmarkDotNet's Ratio (the mean of the ratio distribution: about 1 for the baseline, not exactly 1).
            Assert.True(double.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture) > 0, row);
        }
        Assert.DoesNotContain("Results differ", output, StringComparison.Ordinal);
        Assert.Contains("Measured by BenchmarkDotNet 0.15.8", output, StringComparison.Ordinal);

        var project = $"{dir}/.hybrid-lsp/benchmarks/Native.Sum.Benchmarks";
        var svg = $"{project}/BenchmarkDotNet.Artifacts/hybrid-lsp-report.svg";
        Assert.Contains($"Chart: {svg}", output, StringComparison.Ordinal);
        Assert.Contains($"Markdown: {project}/BenchmarkDotNet.Artifacts/hybrid-lsp-report.md", output, StringComparison.Ordinal);
        var chart = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal(2, chart.Root!.Elements().Count(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value is "#8c8c8c" or "#2f6fdb"));
        Assert.True(File.Exists($"{project}/Native.Sum.Benchmarks.csproj"));
        // The crate was built in Release by the command.
        Assert.True(File.Exists($"{dir}/native/fastsum/target/release/libfastsum.so"));
    }
}
