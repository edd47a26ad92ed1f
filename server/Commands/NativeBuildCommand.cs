using System.Collections.Immutable;
using System.Text.Json;
using HybridLsp.Ide;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Native;
using HybridLsp.Server.Protocol;
using HybridLsp.Server.Reporting;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Commands;

/// <summary>
/// `hybridLsp.build` `[{ "module"?: FOLDER, "release"?: bool }]`: builds a crate or CMake project (or every module when the
/// folder is the workspace root or omitted) with live, cancellable `$/progress`; compiler messages become diagnostics on
/// their files (owned by this command per build folder, replaced — so cleared — by the next build of that folder);
/// then every bound entry point is looked up in the built library's export table, and a missing one is an HL1001 error on
/// the C# extern. The result lists what was built; a `window/showMessage` says how it went. Runs project code: trusted
/// workspaces only.
/// </summary>
internal sealed class NativeBuildCommand : IServerCommand
{
    public string Name => "hybridLsp.build";

    public bool RequiresTrust => true;

    public async Task<JsonElement?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments.IsEmpty ? new BuildArguments() : context.Argument(0, LspJsonContext.Default.BuildArguments);
        var folder = Resolve(context, arguments.Module);
        var analysis = context.Snapshot.Analysis;
        var units = BuildService.Plan(analysis, folder, cancellationToken);
        if (units.Count == 0)
            throw CommandContext.InvalidParams($"'{arguments.Module ?? folder}' holds no Cargo.toml or CMakeLists.txt, and the workspace has no native module to build");

        var release = arguments.Release == true;
        var title = units.Count == 1
            ? $"Building {(units[0].Modules.IsEmpty ? Path.GetFileName(units[0].Directory) : string.Join(", ", units[0].Modules.Select(m => m.Name)))}"
            : $"Building {units.Count} native modules";
        await context.BeginProgressAsync(title, cancellable: true, release ? "release" : "debug").ConfigureAwait(false);

        var reports = new List<BuildUnitReport>();
        var progressGate = new object();
        var progressChain = Task.CompletedTask;
        foreach (var unit in units)
        {
            var report = await BuildService.BuildAsync(unit, release, (message, percent) =>
            {
                lock (progressGate)
                    progressChain = progressChain.ContinueWith(_ => context.ReportProgressAsync(message, percent), TaskScheduler.Default).Unwrap();
            }, cancellationToken).ConfigureAwait(false);
            await progressChain.ConfigureAwait(false);
            reports.Add(report);
            await PublishAsync(context, report).ConfigureAwait(false);
        }

        var result = Result(context, reports);
        await context.EndProgressAsync(result.Message).ConfigureAwait(false);
        var type = reports.Any(r => !r.Succeeded) ? 1 : result.Succeeded ? 3 : 2;
        await context.Client.NotifyAsync("window/showMessage", new ShowMessageParams(type, result.Message)).ConfigureAwait(false);
        context.Logger.LogInformation("hybridLsp.build: {Message}", result.Message);
        return JsonSerializer.SerializeToElement(result, LspJsonContext.Default.BuildCommandResult);
    }

    /// <summary>The folder to build: absolute, or relative to the root; it must lie inside the workspace.</summary>
    private static string Resolve(CommandContext context, string? module)
    {
        var root = context.Root;
        if (string.IsNullOrWhiteSpace(module))
            return root ?? throw CommandContext.InvalidParams("hybridLsp.build needs a module folder when the workspace has no root");
        var full = Path.IsPathRooted(module) ? Path.GetFullPath(module)
            : root is not null ? Path.GetFullPath(Path.Combine(root, module))
            : throw CommandContext.InvalidParams("hybridLsp.build: a relative module folder needs a workspace root");
        if (root is not null && !WorkspaceBoundary.Allows(root, full, creates: false) && Path.TrimEndingDirectorySeparator(full) != Path.TrimEndingDirectorySeparator(root))
            throw CommandContext.InvalidParams($"hybridLsp.build: '{module}' is outside the workspace");
        if (!Directory.Exists(full))
            throw CommandContext.InvalidParams($"hybridLsp.build: '{module}' is not a folder");
        return full.Replace('\\', '/');
    }

    private static async Task PublishAsync(CommandContext context, BuildUnitReport report)
    {
        var mapper = context.Snapshot.CreateMapper();
        var docsBase = context.Snapshot.Analysis.RuleDocsBase;
        var compiler = report.Messages.Where(m => m.Severity != CompilerSeverity.Note)
            .GroupBy(m => m.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => Diagnostic(mapper, m)).ToArray(), StringComparer.Ordinal);
        await context.PublishCommandDiagnosticsAsync("hybridLsp.build:" + report.Directory, compiler).ConfigureAwait(false);
        var exports = BuildService.MissingExportDiagnostics(report.Libraries)
            .ToDictionary(e => e.Key, e => e.Value.Select(d => new LspDiagnostic(
                ToLsp.Range(mapper, d.Path, d.Span), 1, d.Code, new CodeDescription(RuleDocs.HelpUri(docsBase, d.Code)), "hybrid-lsp", d.Message, null)).ToArray(), StringComparer.Ordinal);
        await context.PublishCommandDiagnosticsAsync("hybridLsp.build.exports:" + report.Directory, exports).ConfigureAwait(false);
    }

    /// <summary>A compiler message on its file: through the snapshot's text when the file is indexed (exact encoding), else the tool's own line and column.</summary>
    private static LspDiagnostic Diagnostic(PositionMapper mapper, CompilerMessage m)
    {
        Protocol.Range range;
        if (mapper.Analysis.GetText(m.Path) is { } text)
            range = ToLsp.Range(mapper, m.Path, BuildService.Span(text, m));
        else
        {
            var start = new Position(Math.Max(m.Line - 1, 0), Math.Max(m.Column - 1, 0));
            range = new Protocol.Range(start, m.EndColumn > 0 ? new Position(Math.Max(m.EndLine - 1, 0), Math.Max(m.EndColumn - 1, 0)) : start);
        }
        return new LspDiagnostic(range, m.Severity == CompilerSeverity.Error ? 1 : 2, m.Code ?? m.Source, null, m.Source, m.Message, null);
    }

    private static BuildCommandResult Result(CommandContext context, List<BuildUnitReport> reports)
    {
        var mapper = context.Snapshot.CreateMapper();
        var units = reports.Select(r => new BuildUnitResult(
            r.System == BuildSystem.Cargo ? "cargo" : "cmake", r.Directory, r.Succeeded, r.Error,
            r.Messages.Count(m => m.Severity == CompilerSeverity.Error), r.Messages.Count(m => m.Severity == CompilerSeverity.Warning),
            [.. r.Libraries.Select(l => new BuiltLibraryResult(l.Module, l.Path, l.Format, l.Checked,
                [.. l.Missing.Select(m => new MissingExportResult(m.EntryPoint, m.Method, DocumentUri.FromPath(m.Path), ToLsp.Range(mapper, m.Path, m.Span)))], l.ReadError))])).ToArray();
        var report = new BuildReport([.. reports]);
        string message;
        if (reports.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            var errors = failed.Messages.Count(m => m.Severity == CompilerSeverity.Error);
            message = $"Build of {failed.Directory} failed: {(errors > 0 ? $"{errors} compiler error{(errors == 1 ? "" : "s")} (see Problems)" : failed.Error)}";
        }
        else
        {
            var libraries = reports.SelectMany(r => r.Libraries).ToList();
            var missing = libraries.SelectMany(l => l.Missing).ToList();
            message = libraries.Count == 0
                ? "Built; no shared library to check (not a cdylib or SHARED library)"
                : missing.Count > 0
                    ? $"Built {string.Join(", ", libraries.Select(l => Path.GetFileName(l.Path)))}, but {missing.Count} bound entry point{(missing.Count == 1 ? " is" : "s are")} not exported: {string.Join(", ", missing.Select(m => m.EntryPoint).Distinct())}"
                    : $"Built {string.Join(", ", libraries.Select(l => l.Path))}: all {libraries.Sum(l => l.Checked)} bound entry points exported";
        }
        return new BuildCommandResult(report.Succeeded, units, message);
    }
}
