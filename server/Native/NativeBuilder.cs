using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Server.Processes;
using HybridLsp.Syntax.CMake;

namespace HybridLsp.Server.Native;

/// <summary>What one run of cargo or CMake did.</summary>
/// <param name="Succeeded">Every step exited 0.</param>
/// <param name="Messages">Compiler (and CMake) messages with a source location, in the order they came.</param>
/// <param name="Artifacts">Shared libraries the build produced (absolute): cargo's cdylib filenames, or the CMake File API's
/// SHARED/MODULE artifacts.</param>
/// <param name="Output">Every output line, for logs and the CLI when a step fails without a located message.</param>
/// <param name="Error">Why the build did not run or failed outside the compiler (a tool missing, a failed configure).</param>
public sealed record NativeBuildOutcome(
    bool Succeeded, ImmutableArray<CompilerMessage> Messages, ImmutableArray<string> Artifacts, ImmutableArray<string> Output, string? Error);

/// <summary>Progress of a build: a short line for `$/progress` or the CLI's stderr, and a percentage when the tool says one.</summary>
public delegate void BuildProgress(string message, int? percentage);

/// <summary>
/// Runs the build of one module folder: <c>cargo build --message-format=json-diagnostic-rendered-ansi</c> would colour the
/// rendering; plain <c>--message-format=json</c> is used so that the rendered text the CLI prints is readable in any log.
/// CMake: configure into <see cref="BuildLayout.CMakeBuildDirectory"/> with CMAKE_BUILD_TYPE and a File API query (to learn
/// where the libraries went), then <c>cmake --build</c>. Cancellation kills the process tree.
/// </summary>
public static class NativeBuilder
{
    public static async Task<NativeBuildOutcome> BuildAsync(BuildSystem system, string directory, bool release, BuildProgress progress, CancellationToken cancellationToken)
        => system == BuildSystem.Cargo
            ? await CargoAsync(directory, release, progress, cancellationToken).ConfigureAwait(false)
            : await CMakeAsync(directory, release, progress, cancellationToken).ConfigureAwait(false);

    private static async Task<NativeBuildOutcome> CargoAsync(string crateDirectory, bool release, BuildProgress progress, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(crateDirectory, "Cargo.toml");
        var messages = ImmutableArray.CreateBuilder<CompilerMessage>();
        var artifacts = ImmutableArray.CreateBuilder<string>();
        var output = ImmutableArray.CreateBuilder<string>();
        List<string> arguments = ["build", "--manifest-path", manifest, "--message-format=json"];
        if (release)
            arguments.Add("--release");
        progress($"cargo build{(release ? " --release" : "")} in {crateDirectory}", null);
        var cargo = ProcessRunner.Cargo();
        var environment = new Dictionary<string, string> { ["CARGO_TERM_COLOR"] = "never", ["CARGO_TERM_PROGRESS_WHEN"] = "never" };
        if (Path.GetDirectoryName(cargo) is { Length: > 0 } bin)
            environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var result = await ProcessRunner.RunAsync(cargo, arguments, crateDirectory, environment, (line, isError) =>
        {
            if (isError)
            {
                // cargo's human status lines: "   Compiling fastmath v0.1.0 (/path)", "    Finished …".
                output.Add(line);
                if (line.TrimStart() is { Length: > 0 } status && !status.StartsWith("warning: build failed", StringComparison.Ordinal))
                    progress(status, null);
                return;
            }
            switch (CargoOutput.Parse(line, crateDirectory))
            {
                case CargoEvent.Message m:
                    messages.Add(m.Compiler);
                    output.Add(m.Rendered?.TrimEnd() ?? $"{m.Compiler.Path}:{m.Compiler.Line}:{m.Compiler.Column}: {m.Compiler.Severity.ToString().ToLowerInvariant()}: {m.Compiler.Message}");
                    break;
                case CargoEvent.Artifact a:
                    foreach (var file in a.Filenames.Where(f => a.Kinds.Contains("cdylib") && IsSharedLibrary(f)))
                        artifacts.Add(file);
                    progress($"built {a.TargetName}", null);
                    break;
                case null when line.Length > 0:
                    output.Add(line); // a build script's own output
                    break;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (result.StartError is { } startError)
            return new NativeBuildOutcome(false, [], [], output.ToImmutable(), startError + " (is the Rust toolchain installed? https://rustup.rs)");
        return new NativeBuildOutcome(result.ExitCode == 0, messages.ToImmutable(), artifacts.ToImmutable(), output.ToImmutable(),
            result.ExitCode == 0 ? null : $"cargo build failed (exit code {result.ExitCode})");
    }

    private static async Task<NativeBuildOutcome> CMakeAsync(string projectDirectory, bool release, BuildProgress progress, CancellationToken cancellationToken)
    {
        var buildDirectory = BuildLayout.CMakeBuildDirectory(projectDirectory.Replace('\\', '/'), release);
        var buildType = BuildLayout.CMakeBuildType(release);
        var messages = ImmutableArray.CreateBuilder<CompilerMessage>();
        var output = ImmutableArray.CreateBuilder<string>();
        try
        {
            var query = CMakeFileApi.CodemodelQueryFile(buildDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(query)!);
            if (!File.Exists(query))
                await File.WriteAllTextAsync(query, "", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new NativeBuildOutcome(false, [], [], [], $"cannot create the build folder '{buildDirectory}': {e.Message}");
        }

        async Task<ProcessResult> Step(string title, IReadOnlyList<string> arguments, string workingDirectory)
        {
            progress(title, null);
            var parser = new CcOutput(workingDirectory, projectDirectory);
            var result = await ProcessRunner.RunAsync("cmake", arguments, workingDirectory, null, (line, _) =>
            {
                output.Add(line);
                messages.AddRange(parser.Read(line));
                // Makefile and Ninja generators: "[ 50%] Building C object …" / "[3/4] Linking C shared library …".
                if (Percentage(line) is { } percent)
                    progress(line.TrimStart()[(line.TrimStart().IndexOf(']', StringComparison.Ordinal) + 1)..].Trim(), percent);
            }, cancellationToken).ConfigureAwait(false);
            messages.AddRange(parser.Flush());
            return result;
        }

        var configure = await Step($"cmake configure ({buildType}) in {projectDirectory}",
            ["-S", projectDirectory, "-B", buildDirectory, $"-DCMAKE_BUILD_TYPE={buildType}"], projectDirectory).ConfigureAwait(false);
        if (configure.StartError is { } startError)
            return new NativeBuildOutcome(false, [], [], output.ToImmutable(), startError + " (is CMake installed?)");
        if (configure.ExitCode != 0)
            return new NativeBuildOutcome(false, messages.ToImmutable(), [], output.ToImmutable(), $"cmake configure failed (exit code {configure.ExitCode})");
        var build = await Step("cmake --build", ["--build", buildDirectory, "--config", buildType], buildDirectory).ConfigureAwait(false);
        var artifacts = build.ExitCode == 0 ? SharedLibraries(buildDirectory) : [];
        return new NativeBuildOutcome(build.ExitCode == 0, messages.ToImmutable(), artifacts, output.ToImmutable(),
            build.ExitCode == 0 ? null : $"cmake --build failed (exit code {build.ExitCode})");
    }

    /// <summary>The SHARED/MODULE artifacts the File API reply of the build tree names.</summary>
    private static ImmutableArray<string> SharedLibraries(string buildDirectory)
    {
        var replyDirectory = CMakeFileApi.ReplyDirectory(buildDirectory);
        if (!Directory.Exists(replyDirectory))
            return [];
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(replyDirectory, "*.json"))
        {
            try
            {
                files[file.Replace('\\', '/')] = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A reply file of an older configure vanished: the index names only current ones.
            }
        }
        var reply = CMakeFileApi.Read(buildDirectory, files);
        return [.. reply.SharedLibraries.SelectMany(t => t.Artifacts).Where(IsSharedLibrary).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsSharedLibrary(string path)
        => path.EndsWith(".so", StringComparison.Ordinal) || path.Contains(".so.", StringComparison.Ordinal)
           || path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dylib", StringComparison.Ordinal);

    internal static int? Percentage(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length < 4 || trimmed[0] != '[')
            return null;
        var close = trimmed.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
            return null;
        var inside = trimmed[1..close].Trim();
        if (inside.EndsWith('%') && int.TryParse(inside[..^1], System.Globalization.CultureInfo.InvariantCulture, out var percent))
            return Math.Clamp(percent, 0, 100);
        var slash = inside.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(inside[..slash], System.Globalization.CultureInfo.InvariantCulture, out var done)
               && int.TryParse(inside[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var total) && total > 0
            ? Math.Clamp(done * 100 / total, 0, 100)
            : null;
    }
}
