using System.Diagnostics;

namespace HybridLsp.Oracle.Tests;

/// <summary>Runs a tool (dotnet, cargo, cmake …) to completion and fails the test with its output when it fails.</summary>
internal static class ToolProcess
{
    /// <summary>Standard output and standard error of a run that must exit 0.</summary>
    public static async Task<(string Stdout, string Stderr)> RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} in {directory} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return (await stdout, await stderr);
    }
}
