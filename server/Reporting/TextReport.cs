using HybridLsp.Ide;

namespace HybridLsp.Server.Reporting;

/// <summary>`check --format text`: `path:line:col: severity HLnnnn: message` lines (1-based), then a summary line.</summary>
public static class TextReport
{
    public static void Write(TextWriter output, CheckResult result)
    {
        var positions = new PositionCache(result.Analysis);
        int errors = 0, warnings = 0, infos = 0;
        foreach (var d in result.Diagnostics)
        {
            var start = positions.Get(d.Path, d.Span.Start);
            output.Write(result.DisplayPath(d.Path));
            output.Write(':');
            output.Write(start.Line + 1);
            output.Write(':');
            output.Write(start.Character + 1);
            output.Write(": ");
            output.Write(SeverityName(d.Severity));
            output.Write(' ');
            output.Write(d.Code);
            output.Write(": ");
            output.WriteLine(d.Message);
            switch (d.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                case Severity.Info: infos++; break;
            }
        }
        // Always plural (DESIGN §4.1 spells "N errors"), so scripts can match one pattern for every N.
        output.WriteLine($"{errors} errors, {warnings} warnings, {infos} infos in {result.FileCount} files");
    }

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "hint",
    };
}
