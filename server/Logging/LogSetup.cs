using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace HybridLsp.Server.Logging;

/// <summary>Microsoft.Extensions.Logging over Serilog. Never stdout: stderr, a file, and (serve) window/logMessage.</summary>
public static class LogSetup
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>`check`: warnings and errors on stderr only; stdout carries the report.</summary>
    public static ILoggerFactory CreateForCli()
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Warning()
            .WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }

    /// <summary>`serve`: Information and above on stderr, Debug and above in the log file, Warning+ to the client.</summary>
    public static ILoggerFactory CreateForServer(string logFile, Serilog.Core.ILogEventSink clientSink)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose, restrictedToMinimumLevel: LogEventLevel.Information)
            .WriteTo.File(logFile, outputTemplate: Template, shared: true)
            .WriteTo.Sink(clientSink, LogEventLevel.Warning)
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }

    /// <summary>How many per-process default log files are kept; older ones are deleted when a server starts.</summary>
    public const int KeptLogFiles = 20;

    public static string DefaultLogFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hybrid-lsp");
        PruneOldLogs(folder);
        return Path.Combine(folder, $"server-{Environment.ProcessId}.log");
    }

    /// <summary>One log file per server process keeps concurrent servers apart; pruning keeps the folder bounded.</summary>
    private static void PruneOldLogs(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
                return;
            var stale = new DirectoryInfo(folder).GetFiles("server-*.log")
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .Skip(KeptLogFiles - 1);
            foreach (var file in stale)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another server still writes it: leave it for a later start.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Logging must never stop the server from starting.
        }
    }
}
