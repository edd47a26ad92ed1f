using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Serilog.Core;
using Serilog.Events;

namespace HybridLsp.Server.Logging;

/// <summary>Mirrors Warning and Error log events to the client as window/logMessage (the user's audience).</summary>
public sealed class ClientLogSink(ClientConnection client) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        if (!client.IsConnected)
            return;
        var type = logEvent.Level >= LogEventLevel.Error ? 1 : 2;
        var message = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (logEvent.Exception is { } e)
            message += ": " + e.Message;
        _ = client.NotifyAsync("window/logMessage", new LogMessageParams(type, message));
    }
}
