using System.Diagnostics;
using System.Text;

namespace HybridLsp.Server.Benchmarks;

/// <summary>What a finished process gave: its exit code and everything it wrote.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a tool (cargo, cmake, dotnet) to completion with its output captured line by line. Cancellation kills the whole
/// process tree and throws <see cref="OperationCanceledException"/>. The server never runs a tool through a shell.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessOutcome> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, Func<string, Task>? onOutputLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
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

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessOutcome(-1, "", $"cannot start '{fileName}': {e.Message}");
        }
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var readOut = Pump(process.StandardOutput, stdout, onOutputLine);
        var readErr = Pump(process.StandardError, stderr, null);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            throw;
        }
        await Task.WhenAll(readOut, readErr).ConfigureAwait(false);
        return new ProcessOutcome(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static async Task Pump(StreamReader reader, StringBuilder into, Func<string, Task>? onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            into.Append(line).Append('\n');
            if (onLine is not null)
                await onLine(line).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines of a tool's output, for an error message.</summary>
    public static string Tail(string text, int lines = 15)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
