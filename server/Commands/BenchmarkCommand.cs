using System.Collections.Immutable;
using System.Text.Json;
using HybridLsp.Ide.Benchmarks;
using HybridLsp.Server.Benchmarks;
using HybridLsp.Server.Protocol;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.benchmark` `[{ "uri", "position", "quick"?, "sizes"? }]`: "Benchmark managed vs native" on the C# method at
/// the position (docs/benchmark.md). Builds and runs code, so it needs trust. Reports cancellable `$/progress`
/// (cancelling kills the running build or benchmark) and, when BenchmarkDotNet wrote a report, sends
/// `hybridLsp/benchmarkReport`.
/// </summary>
internal sealed class BenchmarkCommand : IServerCommand
{
    public const string ReportNotification = "hybridLsp/benchmarkReport";

    public string Name => "hybridLsp.benchmark";

    public bool RequiresTrust => true;

    public async Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Argument(0, LspJsonContext.Default.BenchmarkArguments);
        if (arguments.Sizes is { } sizes && (sizes.Length == 0 || sizes.Any(s => s < 1)))
            throw CommandContext.InvalidParams("hybridLsp.benchmark: 'sizes' must be a non-empty list of positive element counts");
        if (FromLsp.FilePosition(context.Snapshot, new TextDocumentIdentifier(arguments.Uri), arguments.Position) is not { } position)
            throw CommandContext.InvalidParams($"hybridLsp.benchmark: '{arguments.Uri}' at {arguments.Position.Line}:{arguments.Position.Character} is not a position in a workspace file");

        await context.BeginProgressAsync("Benchmark managed vs native", cancellable: true, "Planning").ConfigureAwait(false);
        var options = new BenchmarkRunOptions(arguments.Quick == true, arguments.Sizes is null ? default : [.. arguments.Sizes]);
        var run = await new BenchmarkRunner(context.Logger).RunAsync(context.Snapshot.Analysis, position, options,
            (message, percentage) => context.ReportProgressAsync(message, percentage), cancellationToken).ConfigureAwait(false);

        BenchmarkCommandResult result;
        if (run.Markdown is null || run.Plan is null || run.Results is null)
        {
            context.Logger.LogWarning("Benchmark: {Error}", run.Error);
            result = new BenchmarkCommandResult(false, run.Error ?? "nothing was measured");
        }
        else
        {
            var report = new BenchmarkReportParams(run.Plan.Title, run.Plan.ProjectFile, Rows(run.Results.Rows), run.Markdown, run.MarkdownPath!, run.SvgPath!);
            await context.Client.NotifyAsync(ReportNotification, report).ConfigureAwait(false);
            result = new BenchmarkCommandResult(!run.Results.Rows.IsEmpty,
                run.Results.Rows.IsEmpty ? run.Error ?? "BenchmarkDotNet measured nothing" : $"{run.Plan.Title}: {run.Results.Rows.Length} rows", report);
        }
        await context.EndProgressAsync(result.Message).ConfigureAwait(false);
        return JsonSerializer.SerializeToElement(result, LspJsonContext.Default.BenchmarkCommandResult);
    }

    private static BenchmarkReportRow[] Rows(ImmutableArray<BenchmarkRow> rows) =>
        [.. rows.Select(r => new BenchmarkReportRow(r.Method, r.Parameters, r.MedianNs, r.MeanNs, r.Ratio, r.AllocatedBytes))];
}
