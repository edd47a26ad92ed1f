using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Semantics.Rules;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Reporting;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp check`: read the workspace, run the engine once (after `--fix`, once more), filter by `--baseline`, print
/// the findings to stdout, and exit 0/1 by `--fail-on` (2 for bad arguments). Progress notes go to stderr.
/// </summary>
public static class CheckCommand
{
    public static int Run(CheckOptions options, Stream stdout, CancellationToken cancellationToken)
    {
        var targets = ImmutableArray<string>.Empty;
        if (options.Targets is { } list)
        {
            (targets, var unknown) = Targets.Parse(list);
            if (unknown is not null)
                return Fail($"unknown target '{unknown}' (valid: {string.Join(", ", Targets.Known)})");
        }

        var root = Path.GetFullPath(options.Directory);
        if (!Directory.Exists(root))
            return Fail($"'{options.Directory}' is not a directory");
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read '{options.Directory}': {e.Message}");
        }

        string? config = null;
        if (options.Config is { } configOption)
        {
            config = Path.GetFullPath(configOption);
            if (!File.Exists(config))
                return Fail($"configuration file '{configOption}' not found");
            config = WorkspaceLoader.Normalize(config);
        }

        // An explicit baseline is read before any work, so a wrong path fails fast with exit 2.
        Baseline? explicitBaseline = null;
        string? explicitBaselinePath = null;
        if (options.Baseline is { } baselineOption)
        {
            explicitBaselinePath = WorkspaceLoader.Normalize(Path.GetFullPath(baselineOption));
            string text;
            try
            {
                text = File.ReadAllText(explicitBaselinePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot read baseline '{baselineOption}': {(e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message)}");
            }
            (explicitBaseline, var error) = Baseline.Parse(text);
            if (explicitBaseline is null)
                return Fail($"baseline '{baselineOption}' is invalid: {error}");
        }

        using var loggerFactory = LogSetup.CreateForCli();
        var logger = loggerFactory.CreateLogger("check");
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        if (rootPath.Length == 0)
            rootPath = "/";
        // Findings only: no call sites, so files that merely call an extern are not parsed.
        var host = new AnalysisHost(new AnalysisOptions(rootPath, config, targets.IsEmpty ? default : targets, Workspace.ClangSettings.Resolve()) { CallSites = false });
        // One run that allocates a few hundred megabytes at most and exits: collecting garbage on the way is wasted work
        // (mostly copying the files' text from one generation to the next). Allocations beyond the region collect as usual.
        NoCollectionsFor(NoCollectionBytes);
        var clock = new PhaseClock();
        var change = new WorkspaceLoader(logger).Load(root, cancellationToken);
        clock.Mark($"read {change.Files.Length} files");
        host.ApplyChange(change);
        if (WorkspaceLoader.ReadConfiguredInputs(host.Snapshot()) is { Files.IsEmpty: false } inputs)
            host.ApplyChange(inputs);

        if (options.Fix)
        {
            var fixes = FixRunner.Run(host, rootPath, cancellationToken);
            foreach (var failure in fixes.Failures)
                Console.Error.WriteLine($"hybrid-lsp check: cannot write {failure}");
            Console.Error.WriteLine($"hybrid-lsp check: fixed {fixes.Fixed} finding{(fixes.Fixed == 1 ? "" : "s")} in {fixes.FilesWritten} file{(fixes.FilesWritten == 1 ? "" : "s")}; checked again");
        }

        var analysis = host.Snapshot();
        var diagnostics = analysis.CheckDiagnostics(cancellationToken);
        clock.Mark("analysis", analysis.Timings);

        if (options.WriteBaseline is { } writeTo)
        {
            try
            {
                File.WriteAllText(writeTo, analysis.WriteBaseline(cancellationToken), new System.Text.UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write baseline '{writeTo}': {e.Message}");
            }
            Console.Error.WriteLine($"hybrid-lsp check: wrote {diagnostics.Length} finding{(diagnostics.Length == 1 ? "" : "s")} to baseline '{writeTo}'");
        }

        var baselineInfo = analysis.Baseline;
        if (explicitBaseline is not null)
        {
            var match = explicitBaseline.Match([.. diagnostics.Select(analysis.BaselineKeyOf)]);
            baselineInfo = new BaselineInfo(explicitBaselinePath!, explicitBaseline.AcceptedCount, match.Baselined.Count(b => b), match.Stale);
            diagnostics = [.. diagnostics.Where((_, i) => !match.Baselined[i])];
        }
        if (baselineInfo is { } b)
        {
            Console.Error.WriteLine($"hybrid-lsp check: baseline '{b.Path}' accepts {b.Accepted} finding{(b.Accepted == 1 ? "" : "s")}: {b.Matched} still occur, {b.Stale} no longer occur"
                + (b.Stale > 0 ? " (rewrite it with --write-baseline to drop them)" : ""));
        }

        var result = new CheckResult(rootPath, analysis, diagnostics, analysis.Bindings(cancellationToken), change.Files.Length) { Baseline = baselineInfo };
        switch (options.Format)
        {
            case "json":
                JsonReport.Write(stdout, result);
                break;
            case "sarif":
                SarifReport.Write(stdout, result, ToolVersion.Value);
                break;
            case "compact":
                using (var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                    CompactReport.Write(writer, result);
                break;
            default:
                using (var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                    TextReport.Write(writer, result);
                break;
        }
        stdout.Flush();
        clock.Mark($"report ({options.Format})");
        if (options.Timings)
            clock.Print(Console.Error);

        if (options.WriteBaseline is not null)
            return 0;
        var threshold = options.FailOn == "warning" ? Severity.Warning : Severity.Error;
        return result.Diagnostics.Any(d => d.Severity <= threshold) ? 1 : 0;
    }

    /// <summary>How much `check` may allocate before the garbage collector runs at all.</summary>
    internal const long NoCollectionBytes = 256L * 1024 * 1024;

    private static void NoCollectionsFor(long bytes)
    {
        try
        {
            GC.TryStartNoGCRegion(bytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime's region allows (or a region is already on): collect as usual.
        }
    }

    /// <summary>The wall-clock phases of one run, for `--timings`; the analysis phase lists the engine's own phases under it.</summary>
    private sealed class PhaseClock
    {
        private readonly List<(string Phase, double Ms, ImmutableArray<(string Phase, double Ms)> Parts)> _phases = [];
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();
        private long _last = System.Diagnostics.Stopwatch.GetTimestamp();

        public void Mark(string phase, ImmutableArray<(string Phase, double Ms)> parts = default)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            _phases.Add((phase, System.Diagnostics.Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds, parts.IsDefault ? [] : parts));
            _last = now;
        }

        public void Print(TextWriter error)
        {
            foreach (var (phase, ms, parts) in _phases)
            {
                error.WriteLine($"hybrid-lsp check: {ms,8:0.0} ms  {phase}");
                foreach (var (part, partMs) in parts)
                    error.WriteLine($"hybrid-lsp check: {partMs,8:0.0} ms    {part}");
            }
            error.WriteLine($"hybrid-lsp check: {System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalMilliseconds,8:0.0} ms  total since the files were first read (process start-up not included)");
            error.WriteLine($"hybrid-lsp check: {GC.GetTotalPauseDuration().TotalMilliseconds,8:0.0} ms  paused by {GC.CollectionCount(0)} garbage collections ({GC.CollectionCount(1)} of generation 1, {GC.CollectionCount(2)} of generation 2), {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp check: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
