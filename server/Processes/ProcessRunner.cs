using System.Diagnostics;
using System.Text;

namespace HybridLsp.Server.Processes;

/// <summary>What a finished process did.</summary>
public sealed record ProcessResult(int ExitCode, string? StartError);

/// <summary>
/// Runs one tool (cargo, cmake, dotnet) and hands every stdout and stderr line to a callback as it arrives (lines of one
/// stream in order, never two callbacks at once). Cancellation kills the whole process tree (cargo's rustc children,
/// make's compilers, BenchmarkDotNet's child processes) and throws <see cref="OperationCanceledException"/> once it is gone.
/// The tool's stdin is closed: nothing may wait on input. The server never runs a tool through a shell. Used by the
/// native build (`hybridLsp.build`, `hybrid-lsp build`, server/Native/NativeBuilder.cs) and the benchmark
/// (server/Benchmarks/BenchmarkRunner.cs).
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A child `dotnet` must pick its own SDK, not the MSBuild of a `dotnet test`/`dotnet run` that started this server.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = start };
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (gate) onLine(line, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (gate) onLine(line, true); };
        try
        {
            if (!process.Start())
                return new ProcessResult(-1, $"'{program}' did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new ProcessResult(-1, $"cannot run '{program}': {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() => Kill(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        // WaitForExit without a timeout also drains the redirected streams, so every line has been delivered.
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessResult(process.ExitCode, null);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited between the check and the kill.
        }
    }

    /// <summary>The last <paramref name="count"/> lines of a tool's output (trailing blank lines dropped), for an error message.</summary>
    public static string Tail(IReadOnlyList<string> lines, int count = 15)
    {
        var end = lines.Count;
        while (end > 0 && lines[end - 1].Trim().Length == 0)
            end--;
        return string.Join('\n', lines.Skip(Math.Max(0, end - count)).Take(end - Math.Max(0, end - count)));
    }

    /// <summary>An executable on PATH or in the user's cargo home (rustup installs there, often not on an editor's PATH).</summary>
    public static string Cargo()
    {
        var home = Environment.GetEnvironmentVariable("CARGO_HOME") is { Length: > 0 } cargoHome
            ? cargoHome
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");
        foreach (var name in OperatingSystem.IsWindows() ? new[] { "cargo.exe" } : ["cargo"])
        {
            var candidate = Path.Combine(home, "bin", name);
            if (File.Exists(candidate))
                return candidate;
        }
        return "cargo";
    }
}
