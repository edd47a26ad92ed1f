namespace HybridLsp.Server.Reporting;

/// <summary>
/// `check --format compact`: one line per finding, `path:line:col: severity CODE message` (1-based; col is the UTF-16
/// character + 1), and nothing else — the shape compilers print, which CI log viewers and problem matchers recognise.
/// </summary>
public static class CompactReport
{
    public static void Write(TextWriter output, CheckResult result)
    {
        var positions = new PositionCache(result.Analysis);
        foreach (var d in result.Diagnostics)
        {
            var start = positions.Get(d.Path, d.Span.Start);
            output.Write(result.DisplayPath(d.Path));
            output.Write(':');
            output.Write(start.Line + 1);
            output.Write(':');
            output.Write(start.Character + 1);
            output.Write(": ");
            output.Write(TextReport.SeverityName(d.Severity));
            output.Write(' ');
            output.Write(d.Code);
            output.Write(' ');
            output.WriteLine(d.Message);
        }
    }
}
