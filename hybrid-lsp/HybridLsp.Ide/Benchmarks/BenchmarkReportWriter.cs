using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HybridLsp.Ide.Benchmarks;

/// <summary>
/// Turns measured <see cref="BenchmarkResults"/> into a markdown summary and an SVG bar chart of the medians. Pure and
/// deterministic: the same results give the same bytes (invariant number formats, rows in BenchmarkDotNet's order).
/// </summary>
public static class BenchmarkReportWriter
{
    /// <param name="labels">A longer label per benchmark method (`Managed` → `Managed (SumManaged)`); methods not in it keep their name.</param>
    public static string Markdown(string title, BenchmarkResults results, IReadOnlyDictionary<string, string> labels, string? projectPath)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Cell(title)).Append("\n\n");
        if (results.Error is not null)
            md.Append("**No results:** ").Append(Cell(results.Error)).Append("\n\n");
        if (!results.Rows.IsEmpty)
        {
            md.Append("| Method | Parameters | Median (ns) | Mean (ns) | Ratio | Allocated (B/op) |\n");
            md.Append("|---|---|---:|---:|---:|---:|\n");
            foreach (var row in results.Rows)
            {
                md.Append("| ").Append(Cell(labels.GetValueOrDefault(row.Method, row.Method)))
                  .Append(" | ").Append(Cell(row.Parameters.Length == 0 ? "-" : row.Parameters))
                  .Append(" | ").Append(Number(row.MedianNs))
                  .Append(" | ").Append(Number(row.MeanNs))
                  .Append(" | ").Append(row.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")
                  .Append(" | ").Append(row.AllocatedBytes is { } bytes ? bytes.ToString("#,##0", CultureInfo.InvariantCulture) : "n/a")
                  .Append(" |\n");
            }
            md.Append('\n');
        }
        if (!results.Notes.IsEmpty)
        {
            foreach (var note in results.Notes)
                md.Append("- ").Append(Cell(note)).Append('\n');
            md.Append('\n');
        }
        md.Append("Ratio is BenchmarkDotNet's mean ratio to the baseline (the managed method): below 1 the native call is faster.");
        md.Append(" Allocated counts managed memory only.\n");
        if (results.Environment is not null)
            md.Append("\nMeasured by ").Append(Cell(results.Environment)).Append(".\n");
        if (projectPath is not null)
            md.Append("\nProject: `").Append(projectPath.Replace("`", "'")).Append("`\n");
        return md.ToString();
    }

    private const int Width = 760;
    private const int LabelWidth = 250;
    private const int BarWidth = 380;
    private const int RowHeight = 24;
    private const int GroupHeader = 26;

    /// <summary>
    /// A horizontal bar per row (its median), grouped by parameters; bars are scaled per group (a 64k-element run would
    /// flatten the 1k one otherwise) and labelled with their value. Managed bars are grey, the others blue.
    /// </summary>
    public static string Svg(string title, BenchmarkResults results, IReadOnlyDictionary<string, string> labels)
    {
        var groups = results.Rows.GroupBy(r => r.Parameters).ToImmutableArray();
        var height = 56 + groups.Sum(g => GroupHeader + g.Count() * RowHeight) + (results.Rows.IsEmpty ? RowHeight : 0) + 24;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"13\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append("  <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">").Append(Escape(title)).Append("</text>\n");
        svg.Append("  <text x=\"16\" y=\"44\" fill=\"#555555\">Median time per call (ns), lower is better; bars scaled per parameter set</text>\n");
        var y = 56;
        if (results.Rows.IsEmpty)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{y + 16}\">No measurements</text>\n");
            y += RowHeight;
        }
        foreach (var group in groups)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{y + 18}\" font-weight=\"bold\">").Append(Escape(group.Key.Length == 0 ? "(no parameters)" : group.Key)).Append("</text>\n");
            y += GroupHeader;
            var max = group.Max(r => r.MedianNs);
            foreach (var row in group)
            {
                var length = max > 0 ? Math.Max(1.0, row.MedianNs / max * BarWidth) : 1.0;
                var color = row.Method == "Managed" ? "#8c8c8c" : "#2f6fdb";
                var label = labels.GetValueOrDefault(row.Method, row.Method);
                var value = Number(row.MedianNs) + " ns" + (row.Ratio is { } ratio ? $" ({ratio.ToString("0.00", CultureInfo.InvariantCulture)}x)" : "");
                svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">").Append(Escape(label)).Append("</text>\n");
                svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{length:0.0}\" height=\"{RowHeight - 8}\" fill=\"{color}\"/>\n");
                svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{LabelWidth + length + 6:0.0}\" y=\"{y + 16}\">").Append(Escape(value)).Append("</text>\n");
                y += RowHeight;
            }
        }
        if (results.Environment is not null)
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{y + 16}\" fill=\"#555555\" font-size=\"11\">").Append(Escape(results.Environment)).Append("</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Number(double value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Text for a markdown table cell or line: no line breaks, `|` escaped.</summary>
    private static string Cell(string text) => text.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");

    /// <summary>Escapes XML text (and attribute) content; drops characters XML 1.0 cannot hold.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                case '\t' or '\n' or '\r': builder.Append(' '); break;
                default:
                    if (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c))
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
