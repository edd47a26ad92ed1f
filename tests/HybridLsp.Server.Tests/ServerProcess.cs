using System.Diagnostics;
using System.Text;

namespace HybridLsp.Server.Tests;

/// <summary>
/// Finds the built `hybrid-lsp.dll` and starts it with `dotnet`, as a client or CI would — or, when the environment
/// variable <see cref="NativeVariable"/> names a native (ahead-of-time compiled) `hybrid-lsp` executable, starts that
/// directly, so the same tests check the native build (test.sh runs them both ways).
/// </summary>
internal static class ServerProcess
{
    public const string NativeVariable = "HYBRID_LSP_TEST_NATIVE_SERVER";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The native server to test instead of the .dll; null: the .dll.</summary>
    public static string? NativeServer { get; } = Environment.GetEnvironmentVariable(NativeVariable) is { Length: > 0 } native
        ? (File.Exists(native) ? Path.GetFullPath(native) : throw new FileNotFoundException($"{NativeVariable}: '{native}' does not exist"))
        : null;

    public static string ServerDll { get; } = FindServerDll();

    /// <summary>The program and leading arguments that start the server: `dotnet hybrid-lsp.dll`, or the native executable.</summary>
    public static (string Program, string[] Arguments) Command => NativeServer is { } exe ? (exe, []) : ("dotnet", [ServerDll]);

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
        var (program, leading) = Command;
        var info = new ProcessStartInfo(program)
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
        foreach (var a in leading)
            info.ArgumentList.Add(a);
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
