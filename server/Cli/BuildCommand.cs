using System.Globalization;
using HybridLsp.Ide;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Native;
using HybridLsp.Server.Workspace;
using HybridLsp.Syntax.Text;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp build [DIR] [--release] [--root ROOT]`: builds the native module in DIR (a crate or a CMake project), or every
/// module of the workspace when DIR is its root; prints compiler messages and progress on stderr, each produced library
/// on stdout, then checks that the library exports every entry point C# binds to it. Exit 0: built and every bound
/// entry point exported; 1: a build failed or an export is missing; 2: bad arguments or nothing to build.
/// </summary>
public static class BuildCommand
{
    public static async Task<int> RunAsync(string directory, bool release, string? rootOption, Stream stdout, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
            return Fail($"'{directory}' is not a directory");
        var root = rootOption is null ? WorkspaceRoot.Find(folder) : Path.GetFullPath(rootOption);
        if (!Directory.Exists(root))
            return Fail($"'{rootOption}' is not a directory");

        using var loggerFactory = LogSetup.CreateForCli();
        var analysis = WorkspaceRoot.Load(root, loggerFactory.CreateLogger("build"), cancellationToken);
        var units = BuildService.Plan(analysis, folder, cancellationToken);
        if (units.Count == 0)
            return Fail($"'{directory}' holds no Cargo.toml or CMakeLists.txt, and the workspace '{root}' has no native module to build");

        using var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        var failed = false;
        foreach (var unit in units)
        {
            var report = await BuildService.BuildAsync(unit, release, (message, percent) =>
                Console.Error.WriteLine(percent is { } p ? $"  [{p,3}%] {message}" : $"  {message}"), cancellationToken).ConfigureAwait(false);
            foreach (var m in report.Messages.Where(m => m.Severity != CompilerSeverity.Note))
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Display(m.Path)}:{m.Line}:{Math.Max(m.Column, 1)}: {m.Severity.ToString().ToLowerInvariant()}{(m.Code is { } code ? $"[{code}]" : "")}: {m.Message}"));
            if (!report.Succeeded)
            {
                failed = true;
                if (!report.Messages.Any(m => m.Severity == CompilerSeverity.Error))
                    foreach (var line in report.Output.TakeLast(40))
                        Console.Error.WriteLine("  | " + line);
                Console.Error.WriteLine($"hybrid-lsp: {report.Error ?? "the build failed"} in {report.Directory}");
                continue;
            }
            if (report.Libraries.IsEmpty)
                await output.WriteLineAsync($"built {report.Directory} ({(unit.Modules.Any(m => m.IsLoadable) ? "no shared library found for its modules" : "no shared library: not a cdylib or SHARED library")})").ConfigureAwait(false);
            foreach (var library in report.Libraries)
            {
                await output.WriteLineAsync($"built {library.Module}: {library.Path}").ConfigureAwait(false);
                if (library.ReadError is { } readError)
                {
                    failed = true;
                    Console.Error.WriteLine($"hybrid-lsp: cannot check the exports of '{library.Path}': {readError}");
                    continue;
                }
                foreach (var missing in library.Missing)
                {
                    var position = Position(analysis, missing.Path, missing.Span);
                    Console.Error.WriteLine($"{Display(missing.Path)}:{position}: error HL1001: '{missing.EntryPoint}' is bound by C# '{missing.Method}' but '{Path.GetFileName(library.Path)}' does not export it");
                }
                failed |= !library.Missing.IsEmpty;
                await output.WriteLineAsync($"  {library.Checked - library.Missing.Length} of {library.Checked} bound entry points exported ({library.Format})").ConfigureAwait(false);
            }
        }
        return failed ? 1 : 0;
    }

    private static string Position(Analysis analysis, string path, TextSpan span)
    {
        var position = analysis.GetLineIndex(path)?.GetPosition(span.Start) ?? new LinePosition(0, 0);
        return string.Create(CultureInfo.InvariantCulture, $"{position.Line + 1}:{position.Character + 1}");
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
