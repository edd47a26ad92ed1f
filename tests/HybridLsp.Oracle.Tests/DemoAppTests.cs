using System.Diagnostics;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The demo is a real hybrid app: `dotnet run` builds the Rust crate and the CMake C library through its MSBuild targets
/// and prints results computed in Rust and in C.
/// </summary>
public sealed class DemoAppTests
{
    [Fact]
    public async Task Dotnet_run_builds_the_crate_and_prints_results_computed_in_rust()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HybridLsp.sln")))
            root = root.Parent;
        var app = Path.Combine(root!.FullName, "examples", "hybrid-demo", "app");
        var start = new ProcessStartInfo("dotnet", ["run", "--project", app])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var stderr = await stderrTask;
        Assert.True(process.ExitCode == 0, $"dotnet run exited {process.ExitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("computed in Rust", stdout, StringComparison.Ordinal);
        Assert.Matches(@"fm_add\(40, 2\)\s+= 42", stdout);
        Assert.Matches(@"fm_length\(&\(2, 3, 6\)\)\s+= 7", stdout);
        // The C library (cmake is on this machine, as the CMake oracle tests require).
        Assert.Contains("computed in C", stdout, StringComparison.Ordinal);
        Assert.Matches(@"io_buffer_size\(RGB24, 4, 3\)\s+= 36", stdout);
        Assert.Matches(@"io_stats_compute\(&image\) min/max/count\s+= 55/245/36", stdout);
        Assert.Matches(@"io_checksum\(&image, on_row, &rows\)\s+= 0x[0-9a-f]{16} \(3 rows reported\)", stdout);
    }
}
