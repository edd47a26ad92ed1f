using System.Globalization;
using System.Text;

namespace HybridLsp.Benchmarks.Scale;

/// <summary>The Markdown table of one or more scale runs, one column per workspace, with the DESIGN §6 budget beside each row.</summary>
internal static class ScaleReport
{
    public static string Markdown(IReadOnlyList<ScaleResult> runs)
    {
        var md = new StringBuilder();
        if (runs.Count == 0)
            return "";
        md.AppendLine(CultureInfo.InvariantCulture, $"Published server ({(runs[0].ServerKind is { Length: > 0 } serverKind ? serverKind : "ReadyToRun")}), {runs[0].Machine}, {runs[0].Date}. Milliseconds unless stated; p50/p99 nearest-rank.");
        md.AppendLine();
        md.Append("| Measurement | Budget |");
        foreach (var r in runs)
            md.Append(CultureInfo.InvariantCulture, $" {Name(r)} |");
        md.AppendLine();
        md.Append("|---|---|");
        foreach (var _ in runs)
            md.Append("---:|");
        md.AppendLine();
        Row("files (C#) / lines", "", r => $"{r.Files} ({r.CsFiles}) / {r.Lines}");
        Row("spawn → initialize (median)", "≤ 300", r => Ms(r.SpawnToInitialize?.Median));
        Row("initialized → complete diagnostics", "≤ 5,000", r => Ms(r.CompleteDiagnosticsMs));
        Row("peak RSS (VmHWM), MB", "≤ 500", r => r.PeakRssMb.ToString("0", CultureInfo.InvariantCulture));
        Row("definition p50 / p99", "p99 ≤ 10", r => Pair(r.Definition));
        Row("hover p50 / p99", "p99 ≤ 10", r => Pair(r.Hover));
        Row("references p50 / p99", "", r => Pair(r.References));
        Row("didChange (C#, Rust) → diagnostics p50 / p99", "p99 ≤ 100", r => Pair(r.EditToDiagnostics));
        if (runs.Any(r => r.HeaderEditToDiagnostics is not null))
            Row("didChange (C header) → diagnostics p50 / p99", "≤ 300", r => Pair(r.HeaderEditToDiagnostics));
        foreach (var kind in runs.SelectMany(r => r.EditsByKind.Keys).Distinct().Order(StringComparer.Ordinal))
            Row($"  · {kind} p50 / p99", "", r => Pair(r.EditsByKind.GetValueOrDefault(kind)));
        Row("`check` (median)", "", r => Ms(r.Check?.Median));
        Row("`rg` same files (median)", "", r => Ms(r.Rg?.Median));
        Row("`check` / `rg`", "≤ 10×", r => r.CheckOverRg.ToString("0.0", CultureInfo.InvariantCulture) + "×");
        Row("findings match expected", "", r => r.ResultsMatch ? "yes" : "**no**");
        Row("load average (1 min) start → end", "", r => r.LoadAverage);
        foreach (var r in runs.Where(r => r.Problems.Count > 0))
        {
            md.AppendLine();
            foreach (var p in r.Problems)
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Name(r)}: {p}");
        }
        return md.ToString();

        void Row(string name, string budget, Func<ScaleResult, string> value)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {budget} |");
            foreach (var r in runs)
                md.Append(CultureInfo.InvariantCulture, $" {value(r)} |");
            md.AppendLine();
        }
    }

    private static string Name(ScaleResult r)
        => r.Shape == "realistic" ? $"realistic ({r.Externs} externs)" : r.CExterns > 0 ? $"{r.Externs} externs ({r.CExterns} C)" : $"{r.Externs} externs";

    private static string Ms(double? value) => value is { } v ? Stats.Ms(v) : "n/a";

    private static string Pair(Stats? s) => s is null ? "n/a" : $"{Stats.Ms(s.Median)} / {Stats.Ms(s.P99)}";
}

/// <summary>The <c>report</c> command: one table from the JSON of several scale runs.</summary>
internal static class ReportCommand
{
    public static int Run(string[] args)
    {
        string? output = null;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
                output = args[++i];
            else
                inputs.Add(args[i]);
        }
        if (inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: HybridLsp.Benchmarks report [--out FILE] RESULT.json...");
            return 2;
        }
        var runs = new List<ScaleResult>();
        foreach (var input in inputs)
        {
            try
            {
                runs.Add(System.Text.Json.JsonSerializer.Deserialize<ScaleResult>(File.ReadAllText(input), Generator.WorkspaceManifest.JsonOptions)
                    ?? throw new InvalidDataException("empty"));
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                Console.Error.WriteLine($"{input}: {e.Message}");
                return 2;
            }
        }
        var table = ScaleReport.Markdown(runs);
        Console.WriteLine(table);
        if (output is not null)
            File.WriteAllText(output, table);
        return 0;
    }
}
