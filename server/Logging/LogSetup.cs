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

    public static string DefaultLogFile()
        => Path.Combine(Path.GetTempPath(), "hybrid-lsp", $"server-{Environment.ProcessId}.log");
}
