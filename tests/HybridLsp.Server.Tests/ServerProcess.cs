using System.Diagnostics;
using System.Text;

namespace HybridLsp.Server.Tests;

/// <summary>Finds the built `hybrid-lsp.dll` and starts it with `dotnet`, as a client or CI would.</summary>
internal static class ServerProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string ServerDll { get; } = FindServerDll();

    private static string FindServerDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "hybrid-lsp.dll");
        if (File.Exists(beside))
            return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "server", "bin");
            if (Directory.Exists(bin))
            {
                var found = Directory.EnumerateFiles(bin, "hybrid-lsp.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
                if (found is not null)
                    return found;
            }
        }
        throw new FileNotFoundException("hybrid-lsp.dll not found next to the tests nor under server/bin");
    }

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        info.ArgumentList.Add(ServerDll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a CLI verb to completion.</summary>
    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hybrid-lsp {string.Join(' ', args)} did not exit within {Timeout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
