using System.Text.Json.Serialization;

namespace HybridLsp.Server.Protocol;

// hybridLsp.benchmark and hybridLsp/benchmarkReport (LSP-EXTENSIONS.md, docs/benchmark.md).

/// <summary>The argument of `hybridLsp.benchmark`: a position in a C# method; optional quick job and buffer sizes.</summary>
public sealed record BenchmarkArguments(string Uri, Position Position, bool? Quick = null, int[]? Sizes = null);

/// <summary>One row BenchmarkDotNet measured. `ratio` and `allocatedBytes` are sent as null when it wrote none.</summary>
public sealed record BenchmarkReportRow(
    string Method, string Parameters, double MedianNs, double MeanNs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Ratio,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AllocatedBytes);

/// <summary>`hybridLsp/benchmarkReport` params (server → client), sent when a benchmark run finishes with a report.</summary>
public sealed record BenchmarkReportParams(
    string Title, string Project, BenchmarkReportRow[] Rows, string Markdown, string MarkdownPath, string SvgPath);

/// <summary>The result of `hybridLsp.benchmark`: whether anything was measured, a one-line message, and the report.</summary>
public sealed record BenchmarkCommandResult(bool Measured, string Message, BenchmarkReportParams? Report = null);
