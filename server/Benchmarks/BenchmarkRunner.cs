using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Ide;
using HybridLsp.Ide.Benchmarks;
using HybridLsp.Server.Native;
using HybridLsp.Server.Processes;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Benchmarks;

/// <summary>How to run: the buffer sizes and whether to ask BenchmarkDotNet for a quick job.</summary>
/// <param name="Quick">`--job short --inProcess`: a few iterations in the benchmark's own process (tests, a first look).
/// The default is BenchmarkDotNet's default job in a separate process.</param>
public sealed record BenchmarkRunOptions(bool Quick = false, ImmutableArray<int> Sizes = default)
{
    public BenchmarkOptions Engine => Sizes.IsDefaultOrEmpty ? BenchmarkOptions.Default : new BenchmarkOptions(Sizes);
}

/// <summary>A finished run: the plan, what BenchmarkDotNet measured, and the report files; or why it could not run.</summary>
public sealed record BenchmarkRunResult(
    BenchmarkPlan? Plan, BenchmarkResults? Results, string? Markdown, string? MarkdownPath, string? SvgPath, bool ReusedProject, string? Error);

/// <summary>
/// "Benchmark managed vs native" end to end (docs/benchmark.md): plan in the engine, build the native module in Release
/// (through <see cref="NativeBuilder"/>, into the same build tree as `hybrid-lsp build --release`),
/// create the BenchmarkDotNet project from native-templates/benchmark-dotnet (never overwriting one that exists), run it in
/// Release with `dotnet run`, read BenchmarkDotNet's JSON and CSV reports, and write the markdown summary and SVG chart
/// beside them. Cancellation kills the running tool.
/// </summary>
public sealed partial class BenchmarkRunner(ILogger logger)
{
    public const string ReportFileName = "hybrid-lsp-report";

    /// <param name="progress">Receives a message and a percentage for `$/progress`.</param>
    public async Task<BenchmarkRunResult> RunAsync(
        Analysis analysis, FilePosition position, BenchmarkRunOptions options, Func<string, int?, Task> progress, CancellationToken cancellationToken)
    {
        var planned = analysis.BenchmarkPlan(position, options.Engine, cancellationToken);
        if (planned.Plan is not { } plan)
            return Failed(null, planned.Error ?? "nothing to benchmark here");
        logger.LogInformation("Benchmark {Title}: project {Project}", plan.Title, plan.ProjectDirectory);

        await progress($"Building {plan.Module.LibName} (Release)", 5).ConfigureAwait(false);
        var built = await BuildNativeAsync(analysis, plan.Module, cancellationToken).ConfigureAwait(false);
        if (built.Library is not { } library)
            return Failed(plan, built.Error ?? "the native build failed");

        var root = analysis.Options.RootPath.Replace('\\', '/').TrimEnd('/');
        var reused = File.Exists(plan.ProjectFile);
        if (!reused)
        {
            var rendering = BenchmarkProject.Render(plan, library, root, File.Exists);
            if (!rendering.Succeeded)
                return Failed(plan, rendering.Error!);
            foreach (var file in rendering.Files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
                await using var stream = new FileStream(file.Path, FileMode.CreateNew, FileAccess.Write);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                await writer.WriteAsync(string.Concat(file.Edits.Select(e => e.NewText))).ConfigureAwait(false);
            }
        }

        var artifacts = Path.Combine(plan.ProjectDirectory, "BenchmarkDotNet.Artifacts");
        var results = Path.Combine(artifacts, "results");
        if (Directory.Exists(results))
        {
            foreach (var stale in Directory.EnumerateFiles(results, "*-report*"))
                File.Delete(stale);
        }
        await progress("Building and starting the benchmark (dotnet run -c Release)", 15).ConfigureAwait(false);
        string[] arguments = ["run", "-c", "Release", "--project", plan.ProjectFile, "--", "--artifacts", artifacts];
        if (options.Quick)
            arguments = [.. arguments, "--job", "short", "--inProcess"];
        var stdout = new List<string>();
        var stderr = new List<string>();
        // Lines arrive one at a time on the reader's thread; progress reports are chained so they keep their order.
        var reporting = Task.CompletedTask;
        var run = await ProcessRunner.RunAsync("dotnet", arguments, plan.ProjectDirectory, null, (line, isError) =>
        {
            (isError ? stderr : stdout).Add(line);
            // "// ** Remained 3 (75.0%) benchmark(s) to run. ..." — BenchmarkDotNet's own progress.
            if (!isError && Remained().Match(line) is { Success: true } m
                && double.TryParse(m.Groups["percent"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining))
            {
                var message = $"Running benchmarks ({100 - remaining:0}% done)";
                var percentage = 20 + (int)((100 - remaining) * 0.75);
                reporting = reporting.ContinueWith(_ => progress(message, percentage), CancellationToken.None,
                    TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }, cancellationToken).ConfigureAwait(false);
        await reporting.ConfigureAwait(false);
        if (run.StartError is { } startError)
            stderr.Add(startError);

        var json = Directory.Exists(results) ? Directory.EnumerateFiles(results, "*-report-full-compressed.json").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (json is null)
            return Failed(plan, $"the benchmark run (exit code {run.ExitCode}) wrote no BenchmarkDotNet report:\n{ProcessRunner.Tail([.. stdout, .. stderr], 25)}", reused);
        var csv = Directory.EnumerateFiles(results, "*-report.csv").Order(StringComparer.Ordinal).FirstOrDefault();
        var measured = BenchmarkResultsReader.Read(
            await File.ReadAllTextAsync(json, cancellationToken).ConfigureAwait(false),
            csv is null ? null : await File.ReadAllTextAsync(csv, cancellationToken).ConfigureAwait(false),
            string.Concat(stdout.Select(line => line + "\n")));
        if (plan.Kind == BenchmarkKind.NativeOnly)
            measured = measured with { Notes = measured.Notes.Insert(0, $"Only the native side was measured: '{plan.NativeMethod}' has no managed twin '{plan.NativeMethod}Managed', so there is no ratio") };
        if (reused)
            measured = measured with { Notes = measured.Notes.Add("The existing benchmark project was run as it is (hybrid-lsp never overwrites it; delete it to regenerate)") };
        if (run.ExitCode != 0)
            measured = measured with { Notes = measured.Notes.Add($"The benchmark process exited with code {run.ExitCode}") };

        var labels = Labels(plan);
        var markdown = BenchmarkReportWriter.Markdown(plan.Title, measured, labels, plan.ProjectFile);
        var markdownPath = Path.Combine(artifacts, ReportFileName + ".md").Replace('\\', '/');
        var svgPath = Path.Combine(artifacts, ReportFileName + ".svg").Replace('\\', '/');
        await File.WriteAllTextAsync(markdownPath, markdown, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(svgPath, BenchmarkReportWriter.Svg(plan.Title, measured, labels), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Benchmark {Title}: {RowCount} rows, report {MarkdownPath}", plan.Title, measured.Rows.Length, markdownPath);
        return new BenchmarkRunResult(plan, measured, markdown, markdownPath, svgPath, reused, measured.Error);
    }

    /// <summary>
    /// Builds the benchmark's native module in Release with the one native builder, so the benchmark, `hybrid-lsp build
    /// --release` and `wire` share command lines and build trees: cargo's own target folder, or the CMake project's
    /// `build/hybrid-lsp-release` (the project is the one `build` finds for the module's folder: the outermost
    /// CMakeLists.txt that reaches it). The library is the produced artifact named after the module's LibName.
    /// </summary>
    internal static async Task<(string? Library, string? Error)> BuildNativeAsync(Analysis analysis, NativeModuleTarget module, CancellationToken cancellationToken)
    {
        var system = module.BuildSystem == NativeBuildSystem.Cargo ? BuildSystem.Cargo : BuildSystem.CMake;
        var unit = BuildService.Plan(analysis, module.Directory, cancellationToken)
            .Where(u => u.System == system && u.Modules.Any(m => m.LibName == module.LibName))
            .Select(u => (u.Directory, Module: u.Modules.First(m => m.LibName == module.LibName)))
            .FirstOrDefault();
        var directory = unit.Directory ?? module.Directory;
        var outcome = await NativeBuilder.BuildAsync(system, directory, release: true, static (_, _) => { }, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            var tail = ProcessRunner.Tail(outcome.Output);
            return (null, $"{outcome.Error ?? "the build failed"} in '{directory}'{(tail.Length > 0 ? ":\n" + tail : "")}");
        }
        var library = outcome.Artifacts.FirstOrDefault(a => unit.Module is { } buildable ? BuildService.IsLibraryOf(buildable, a) : IsLibraryOf(a, module.LibName));
        if (library is not null)
            return (library.Replace('\\', '/'), null);
        return (null, system == BuildSystem.Cargo
            ? $"cargo built '{directory}' but produced no shared library named '{module.LibName}' (is crate-type \"cdylib\" set?)"
            : $"cmake built '{directory}' but produced no shared library '{module.LibName}' (is it add_library({module.BuildTarget ?? module.LibName} SHARED …)?)");
    }

    /// <summary>`lib&lt;name&gt;.so`, `lib&lt;name&gt;.dylib` or `&lt;name&gt;.dll` — the file [DllImport("name")] probes.</summary>
    private static bool IsLibraryOf(string path, string libName)
    {
        var file = Path.GetFileName(path);
        return file == $"lib{libName}.so" || file == $"lib{libName}.dylib" || file == $"{libName}.dll";
    }

    /// <summary>`Managed (SumManaged)`, `Native (Sum → fm_sum)`: which C# method each benchmark method calls.</summary>
    public static IReadOnlyDictionary<string, string> Labels(BenchmarkPlan plan)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Native"] = plan.NativeMethod == plan.NativeSymbol ? $"Native ({plan.NativeMethod})" : $"Native ({plan.NativeMethod} → {plan.NativeSymbol})",
        };
        if (plan.ManagedMethod is not null)
            labels["Managed"] = $"Managed ({plan.ManagedMethod})";
        return labels;
    }

    private static BenchmarkRunResult Failed(BenchmarkPlan? plan, string error, bool reused = false) => new(plan, null, null, null, null, reused, error);

    [GeneratedRegex(@"Remained \d+ \((?<percent>[0-9.]+)%\)")]
    private static partial Regex Remained();
}
