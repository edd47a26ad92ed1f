using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Reporting;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>`hybrid-lsp check`: read the workspace, run the engine once, print the findings to stdout.</summary>
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

        using var loggerFactory = LogSetup.CreateForCli();
        var logger = loggerFactory.CreateLogger("check");
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        if (rootPath.Length == 0)
            rootPath = "/";
        var host = new AnalysisHost(new AnalysisOptions(rootPath, config, targets.IsEmpty ? default : targets, Workspace.ClangSettings.Resolve()));
        var change = new WorkspaceLoader(logger).Load(root, cancellationToken);
        host.ApplyChange(change);
        var analysis = host.Snapshot();
        var result = new CheckResult(rootPath, analysis, analysis.CheckDiagnostics(cancellationToken), analysis.Bindings(cancellationToken), change.Files.Length);

        switch (options.Format)
        {
            case "json":
                JsonReport.Write(stdout, result);
                break;
            case "sarif":
                SarifReport.Write(stdout, result, ToolVersion.Value);
                break;
            default:
                using (var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                    TextReport.Write(writer, result);
                break;
        }
        stdout.Flush();

        var threshold = options.FailOn == "warning" ? Severity.Warning : Severity.Error;
        return result.Diagnostics.Any(d => d.Severity <= threshold) ? 1 : 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp check: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
