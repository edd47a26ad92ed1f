using HybridLsp.Ide.Benchmarks;

namespace HybridLsp.Tests.Ide;

/// <summary>Reading BenchmarkDotNet's JSON and CSV reports, and the markdown and SVG written from them.</summary>
public sealed class BenchmarkReportTests
{
    // The shape BenchmarkDotNet 0.15.8 writes (JsonExporter.FullCompressed), trimmed to the fields the reader uses plus a few others.
    private const string Json = """
        {"Title":"ManagedVsNative-20261125-232855","HostEnvironmentInfo":{"BenchmarkDotNetCaption":"BenchmarkDotNet","BenchmarkDotNetVersion":"0.15.8",
         "OsVersion":"Linux Debian GNU/Linux 12 (bookworm)","ProcessorName":"AMD EPYC","LogicalCoreCount":2,"RuntimeVersion":".NET 10.0.12 (10.0.12, 10.0.1226.42308)"},
         "Benchmarks":[
          {"Type":"ManagedVsNative","Method":"Managed","Parameters":"Size=1024","Statistics":{"N":3,"Median":2335.736988067627,"Mean":2478.095750808716},
           "Memory":{"BytesAllocatedPerOperation":0},
           "Metrics":[{"Value":0,"Descriptor":{"Id":"Gen0Collects"}},{"Value":0,"Descriptor":{"Id":"Allocated Memory","Unit":"B"}}]},
          {"Type":"ManagedVsNative","Method":"Native","Parameters":"Size=1024","Statistics":{"N":3,"Median":731.6,"Mean":703.7},
           "Metrics":[{"Value":24,"Descriptor":{"Id":"Allocated Memory","Unit":"B"}}]},
          {"Type":"ManagedVsNative","Method":"Managed","Parameters":"Size=65536","Statistics":{"N":3,"Median":85575.15,"Mean":85575.15},"Metrics":[]},
          {"Type":"ManagedVsNative","Method":"Native","Parameters":"Size=65536","Statistics":null,"Metrics":[]}
         ]}
        """;

    private const string Csv = """
        Method,Job,Toolchain,Size,Mean [ns],Error [ns],StdDev [ns],Median [ns],Ratio,RatioSD,Allocated [B],Alloc Ratio
        Managed,ShortRun,InProcessEmitToolchain,1024,"2,478.1","11,932.8",654.07,"2,335.7",1.05,0.33,0,NA
        Native,ShortRun,InProcessEmitToolchain,1024,703.7,"1,107.5",60.70,731.6,0.30,0.07,24,NA
        Managed,ShortRun,InProcessEmitToolchain,65536,"85,575.1",1.0,1.0,"85,575.1",1.00,0.00,0,NA
        Native,ShortRun,InProcessEmitToolchain,65536,NA,NA,NA,NA,?,?,NA,NA

        """;

    private static readonly Dictionary<string, string> s_labels = new(StringComparer.Ordinal)
    {
        ["Managed"] = "Managed (SumManaged)",
        ["Native"] = "Native (Sum → mc_sum)",
    };

    [Fact]
    public void Rows_carry_what_benchmarkdotnet_wrote_and_a_failed_benchmark_becomes_a_note()
    {
        var results = BenchmarkResultsReader.Read(Json, Csv, "// setup\nhybrid-lsp-check: Size=1024: managed returned 5, native returned 6\nother line\n");
        Assert.Null(results.Error);
        Assert.Equal<BenchmarkRow>([
            new BenchmarkRow("Managed", "Size=1024", 2335.736988067627, 2478.095750808716, 1.05, 0),
            new BenchmarkRow("Native", "Size=1024", 731.6, 703.7, 0.30, 24),
            new BenchmarkRow("Managed", "Size=65536", 85575.15, 85575.15, 1.00, null),
        ], results.Rows.ToList());
        Assert.Equal<string>([
            "Results differ: Size=1024: managed returned 5, native returned 6",
            "Native (Size=65536): BenchmarkDotNet reported no measurements (the benchmark failed; see its output)",
        ], results.Notes.ToList());
        Assert.Equal("BenchmarkDotNet 0.15.8, .NET 10.0.12 (10.0.12, 10.0.1226.42308), Linux Debian GNU/Linux 12 (bookworm), AMD EPYC, 2 logical cores", results.Environment);
    }

    [Fact]
    public void Without_a_csv_or_a_ratio_column_the_ratio_is_null()
    {
        Assert.All(BenchmarkResultsReader.Read(Json, null, null).Rows, r => Assert.Null(r.Ratio));
        Assert.All(BenchmarkResultsReader.Read(Json, "Method,Size,Mean [ns]\nNative,1024,1.0\n", null).Rows, r => Assert.Null(r.Ratio));
    }

    [Theory]
    [InlineData("", "BenchmarkDotNet's JSON report cannot be read: ")]
    [InlineData("{\"Title\":1", "BenchmarkDotNet's JSON report cannot be read: ")]
    [InlineData("[1,2]", "BenchmarkDotNet's JSON report has no 'Benchmarks' array")]
    [InlineData("{\"Benchmarks\":{}}", "BenchmarkDotNet's JSON report has no 'Benchmarks' array")]
    public void Unreadable_reports_are_an_error_not_a_crash(string json, string errorStart)
    {
        var results = BenchmarkResultsReader.Read(json, "\"unterminated", "\0\u0001binary");
        Assert.Empty(results.Rows);
        Assert.StartsWith(errorStart, results.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_summary_is_a_table_of_the_measured_rows_with_notes_and_environment()
    {
        var results = BenchmarkResultsReader.Read(Json, Csv, null);
        Assert.Equal("""
            # Sum: managed vs native (mc_sum)

            | Method | Parameters | Median (ns) | Mean (ns) | Ratio | Allocated (B/op) |
            |---|---|---:|---:|---:|---:|
            | Managed (SumManaged) | Size=1024 | 2,335.74 | 2,478.10 | 1.05 | 0 |
            | Native (Sum → mc_sum) | Size=1024 | 731.60 | 703.70 | 0.30 | 24 |
            | Managed (SumManaged) | Size=65536 | 85,575.15 | 85,575.15 | 1.00 | n/a |

            - Native (Size=65536): BenchmarkDotNet reported no measurements (the benchmark failed; see its output)

            Ratio is BenchmarkDotNet's mean ratio to the baseline (the managed method): below 1 the native call is faster. Allocated counts managed memory only.

            Measured by BenchmarkDotNet 0.15.8, .NET 10.0.12 (10.0.12, 10.0.1226.42308), Linux Debian GNU/Linux 12 (bookworm), AMD EPYC, 2 logical cores.

            Project: `/repo/.hybrid-lsp/benchmarks/Native.Sum.Benchmarks/Native.Sum.Benchmarks.csproj`

            """.Replace("\r\n", "\n"), BenchmarkReportWriter.Markdown("Sum: managed vs native (mc_sum)", results, s_labels,
                "/repo/.hybrid-lsp/benchmarks/Native.Sum.Benchmarks/Native.Sum.Benchmarks.csproj"));
    }

    [Fact]
    public void Svg_chart_has_a_bar_per_row_scaled_per_parameter_set()
    {
        var results = BenchmarkResultsReader.Read(Json, Csv, null);
        Assert.Equal("""
            <svg xmlns="http://www.w3.org/2000/svg" width="760" height="204" viewBox="0 0 760 204" font-family="sans-serif" font-size="13">
              <rect width="760" height="204" fill="#ffffff"/>
              <text x="16" y="26" font-size="16" font-weight="bold">Sum: managed vs native (mc_sum)</text>
              <text x="16" y="44" fill="#555555">Median time per call (ns), lower is better; bars scaled per parameter set</text>
              <text x="16" y="74" font-weight="bold">Size=1024</text>
              <text x="242" y="98" text-anchor="end">Managed (SumManaged)</text>
              <rect x="250" y="86" width="380.0" height="16" fill="#8c8c8c"/>
              <text x="636.0" y="98">2,335.74 ns (1.05x)</text>
              <text x="242" y="122" text-anchor="end">Native (Sum → mc_sum)</text>
              <rect x="250" y="110" width="119.0" height="16" fill="#2f6fdb"/>
              <text x="375.0" y="122">731.60 ns (0.30x)</text>
              <text x="16" y="148" font-weight="bold">Size=65536</text>
              <text x="242" y="172" text-anchor="end">Managed (SumManaged)</text>
              <rect x="250" y="160" width="380.0" height="16" fill="#8c8c8c"/>
              <text x="636.0" y="172">85,575.15 ns (1.00x)</text>
              <text x="16" y="196" fill="#555555" font-size="11">BenchmarkDotNet 0.15.8, .NET 10.0.12 (10.0.12, 10.0.1226.42308), Linux Debian GNU/Linux 12 (bookworm), AMD EPYC, 2 logical cores</text>
            </svg>

            """.Replace("\r\n", "\n"), BenchmarkReportWriter.Svg("Sum: managed vs native (mc_sum)", results, s_labels));
    }

    [Fact]
    public void Svg_text_is_escaped_and_an_empty_run_still_gives_a_valid_chart()
    {
        var empty = new BenchmarkResults([], null, [], "no report");
        var svg = BenchmarkReportWriter.Svg("<b>&\"x'</b>\u0001\ud800", empty, new Dictionary<string, string>());
        Assert.Contains(">&lt;b&gt;&amp;&quot;x&apos;&lt;/b&gt;</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">No measurements</text>", svg, StringComparison.Ordinal);
        // Well-formed XML.
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        var md = BenchmarkReportWriter.Markdown("a|b\nc", empty, new Dictionary<string, string>(), null);
        Assert.StartsWith("# a\\|b c\n\n**No results:** no report\n", md, StringComparison.Ordinal);
    }
}
