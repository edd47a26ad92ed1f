using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Server.Benchmarks;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp bench FILE:LINE [--root DIR] [--quick] [--sizes N,N]`: benchmark the C# method on that line against its
/// native side (docs/benchmark.md), print the markdown summary, then the paths of the report files.
/// Exit 0: measured; 1: the benchmark could not be generated, built or run; 2: bad arguments.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string location, string? rootOption, bool quick, string? sizes, Stream stdout, CancellationToken cancellationToken)
    {
        var colon = location.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(location[(colon + 1)..], out var line) || line < 1)
            return Fail($"'{location}' is not FILE:LINE (LINE counts from 1)", CommandLineApp.ExitBadArguments);
        var file = Path.GetFullPath(location[..colon]);
        if (!File.Exists(file))
            return Fail($"'{location[..colon]}' is not a file", CommandLineApp.ExitBadArguments);
        var root = Path.GetFullPath(rootOption ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root))
            return Fail($"'{rootOption}' is not a directory", CommandLineApp.ExitBadArguments);
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        var filePath = WorkspaceLoader.Normalize(file);
        if (!filePath.StartsWith(rootPath + "/", StringComparison.Ordinal))
            return Fail($"'{file}' is not inside the workspace '{root}' (use --root)", CommandLineApp.ExitBadArguments);
        var sizeList = ImmutableArray<int>.Empty;
        if (sizes is not null)
        {
            var parts = sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0 || parts.Any(p => !int.TryParse(p, out var n) || n < 1))
                return Fail($"--sizes '{sizes}' is not a comma-separated list of positive element counts", CommandLineApp.ExitBadArguments);
            sizeList = [.. parts.Select(int.Parse)];
        }

        using var loggerFactory = LogSetup.CreateForCli();
        var logger = loggerFactory.CreateLogger("bench");
        var host = new AnalysisHost(new AnalysisOptions(rootPath.Length == 0 ? "/" : rootPath, Clang: ClangSettings.Resolve()));
        host.ApplyChange(new WorkspaceLoader(logger).Load(root, cancellationToken));
        var analysis = host.Snapshot();
        if (analysis.GetText(filePath) is not { } text || analysis.GetLineIndex(filePath) is not { } lines || line > lines.LineCount)
            return Fail($"line {line} is not in '{location[..colon]}'", CommandLineApp.ExitBadArguments);
        var offset = lines.GetOffset(new Syntax.Text.LinePosition(line - 1, 0));
        while (offset < text.Length && text[offset] is ' ' or '\t')
            offset++;

        var result = await new BenchmarkRunner(logger).RunAsync(analysis, new FilePosition(filePath, offset), new BenchmarkRunOptions(quick, sizeList),
            (message, _) =>
            {
                Console.Error.WriteLine($"hybrid-lsp: {message}");
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        if (result.Markdown is null)
            return Fail(result.Error ?? "the benchmark did not run", 1);
        await using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(result.Markdown).ConfigureAwait(false);
        await writer.WriteAsync($"\nMarkdown: {result.MarkdownPath}\nChart: {result.SvgPath}\nProject: {result.Plan!.ProjectFile}\n").ConfigureAwait(false);
        return result.Results is { Rows.IsEmpty: false } ? 0 : 1;
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return exitCode;
    }
}
