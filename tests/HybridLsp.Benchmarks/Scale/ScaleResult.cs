namespace HybridLsp.Benchmarks.Scale;

/// <summary>Everything one scale run measured (milliseconds, megabytes); serialised as the run's JSON.</summary>
internal sealed class ScaleResult
{
    public string Workspace { get; set; } = "";
    public string Shape { get; set; } = "";
    public string Machine { get; set; } = "";

    /// <summary>How the measured server was published: "Native AOT" (an executable alone) or "ReadyToRun" (hybrid-lsp.dll beside it).</summary>
    public string ServerKind { get; set; } = "";
    public string Date { get; set; } = "";

    /// <summary>/proc/loadavg (1-minute) at the start and at the end of the run: other processes on the machine skew every number.</summary>
    public string LoadAverage { get; set; } = "";
    public int Externs { get; set; }

    /// <summary>How many of <see cref="Externs"/> bind C functions (the rest bind Rust exports).</summary>
    public int CExterns { get; set; }
    public int Files { get; set; }
    public int CsFiles { get; set; }
    public int Lines { get; set; }
    public Stats? SpawnToInitialize { get; set; }
    public double CompleteDiagnosticsMs { get; set; }
    public double RssAfterIndexMb { get; set; }
    public double PeakRssMb { get; set; }
    public Stats? Definition { get; set; }
    public Stats? Hover { get; set; }
    public Stats? References { get; set; }
    /// <summary>C# and Rust edits (the C header edits are <see cref="HeaderEditToDiagnostics"/>).</summary>
    public Stats? EditToDiagnostics { get; set; }
    public Stats? HeaderEditToDiagnostics { get; set; }
    public Dictionary<string, Stats> EditsByKind { get; set; } = [];
    public Stats? Check { get; set; }
    public Stats? Rg { get; set; }
    public double CheckOverRg => Check is null || Rg is null ? double.NaN : Check.Median / Rg.Median;
    public SortedDictionary<string, int> LspFindings { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> CheckFindings { get; set; } = new(StringComparer.Ordinal);
    public bool ResultsMatch { get; set; }
    public List<string> Problems { get; set; } = [];
}
