using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HybridLsp.Ide.Benchmarks;

/// <summary>
/// Reads what BenchmarkDotNet wrote: its full JSON report (median, mean, allocated bytes per operation, environment)
/// and its CSV report (the Ratio column; BenchmarkDotNet computes the ratio, the JSON does not carry it). Nothing is
/// computed here: a value BenchmarkDotNet did not write stays null, and a benchmark it could not measure is a note.
/// </summary>
public static class BenchmarkResultsReader
{
    public const string CheckPrefix = "hybrid-lsp-check: ";

    /// <param name="json">The `*-report-full-compressed.json` (or `-report-full.json`) text.</param>
    /// <param name="csv">The `*-report.csv` text written by the template's CSV exporter; null when absent (no ratios).</param>
    /// <param name="output">The benchmark process's standard output: lines starting with <see cref="CheckPrefix"/> become notes.</param>
    public static BenchmarkResults Read(string json, string? csv, string? output)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        if (output is not null)
        {
            foreach (var line in output.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.StartsWith(CheckPrefix, StringComparison.Ordinal))
                    notes.Add("Results differ: " + trimmed[CheckPrefix.Length..]);
            }
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new BenchmarkResults([], null, notes.ToImmutable(), $"BenchmarkDotNet's JSON report cannot be read: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
                return new BenchmarkResults([], null, notes.ToImmutable(), "BenchmarkDotNet's JSON report has no 'Benchmarks' array");
            var ratios = csv is null ? null : CsvTable.Parse(csv);
            var rows = ImmutableArray.CreateBuilder<BenchmarkRow>();
            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                var method = String(benchmark, "Method") ?? "?";
                var parameters = String(benchmark, "Parameters") ?? "";
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object
                    || Number(statistics, "Median") is not { } median || Number(statistics, "Mean") is not { } mean)
                {
                    notes.Add($"{method}{(parameters.Length > 0 ? $" ({parameters})" : "")}: BenchmarkDotNet reported no measurements (the benchmark failed; see its output)");
                    continue;
                }
                rows.Add(new BenchmarkRow(method, parameters, median, mean, ratios?.Ratio(method, parameters), Allocated(benchmark)));
            }
            return new BenchmarkResults(rows.ToImmutable(), Environment(root), notes.ToImmutable(), null);
        }
    }

    private static double? Allocated(JsonElement benchmark)
    {
        if (!benchmark.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var metric in metrics.EnumerateArray())
        {
            if (metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("Descriptor", out var descriptor) && descriptor.ValueKind == JsonValueKind.Object
                && String(descriptor, "Id") == "Allocated Memory")
                return Number(metric, "Value");
        }
        return null;
    }

    private static string? Environment(JsonElement root)
    {
        if (!root.TryGetProperty("HostEnvironmentInfo", out var host) || host.ValueKind != JsonValueKind.Object)
            return null;
        var parts = new List<string>();
        if (String(host, "BenchmarkDotNetVersion") is { } version)
            parts.Add($"BenchmarkDotNet {version}");
        if (String(host, "RuntimeVersion") is { } runtime)
            parts.Add(runtime);
        if (String(host, "OsVersion") is { } os)
            parts.Add(os);
        if (String(host, "ProcessorName") is { } cpu)
            parts.Add(host.TryGetProperty("LogicalCoreCount", out var cores) && cores.ValueKind == JsonValueKind.Number ? $"{cpu}, {cores.GetInt32()} logical cores" : cpu);
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>BenchmarkDotNet's CSV report: a header row, then one row per benchmark; fields may be quoted.</summary>
    private sealed class CsvTable(ImmutableArray<string> header, ImmutableArray<ImmutableArray<string>> rows)
    {
        public static CsvTable? Parse(string text)
        {
            var records = Records(text).Where(r => !(r.Length == 1 && r[0].Length == 0)).ToImmutableArray();
            return records.IsEmpty ? null : new CsvTable(records[0], records[1..]);
        }

        /// <summary>The Ratio cell of the row with this method and these parameters (`A=1&amp;B=x`), when it holds a number.</summary>
        public double? Ratio(string method, string parameters)
        {
            var methodColumn = header.IndexOf("Method");
            var ratioColumn = header.IndexOf("Ratio");
            if (methodColumn < 0 || ratioColumn < 0)
                return null;
            var wanted = parameters.Length == 0 ? [] : parameters.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToArray();
            foreach (var row in rows)
            {
                if (row.Length != header.Length || row[methodColumn] != method)
                    continue;
                if (wanted.All(p => header.IndexOf(p[0]) is var c and >= 0 && row[c] == p[1]))
                    return double.TryParse(row[ratioColumn].Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && double.IsFinite(ratio) ? ratio : null;
            }
            return null;
        }

        private static IEnumerable<ImmutableArray<string>> Records(string text)
        {
            var fields = ImmutableArray.CreateBuilder<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                        quoted = false;
                    else
                        field.Append(c);
                }
                else if (c == '"')
                    quoted = true;
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n')
                {
                    fields.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    yield return fields.ToImmutable();
                    fields.Clear();
                }
                else
                    field.Append(c);
            }
            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return fields.ToImmutable();
            }
        }
    }
}
