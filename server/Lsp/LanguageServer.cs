using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using HybridLsp.Server.Logging;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace HybridLsp.Server.Lsp;

/// <summary>`hybrid-lsp serve`: LSP over stdio with StreamJsonRpc, one Mediator handler per method.</summary>
public static class LanguageServer
{
    public static async Task<int> RunAsync(Stream input, Stream output, string? logFile, CancellationToken cancellationToken)
    {
        var client = new ClientConnection();
        var logPath = logFile ?? LogSetup.DefaultLogFile();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        using var loggerFactory = LogSetup.CreateForServer(logPath, new ClientLogSink(client));
        var logger = loggerFactory.CreateLogger("HybridLsp.Server");
        logger.LogInformation("hybrid-lsp {Version} serving over stdio (pid {ProcessId}, log {LogFile})", Cli.ToolVersion.Value, Environment.ProcessId, logPath);

        TaskScheduler.UnobservedTaskException += (_, e) =>
        {
            logger.LogError(e.Exception, "Unobserved background failure");
            e.SetObserved();
        };

        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(client);
        services.AddSingleton<ServerState>();
        services.AddSingleton<ServerLifetime>();
        services.AddSingleton<DiagnosticsPublisher>();
        services.AddSingleton<WorkspaceIndexer>();
        services.AddSingleton<LspTarget>();
        services.AddSingleton<ProgressTokens>();
        services.AddSingleton<Commands.IServerCommand, Commands.BindAllCommand>();
        services.AddSingleton<Commands.IServerCommand, Commands.NativeBuildCommand>();
        services.AddSingleton<Commands.IServerCommand, Commands.WireNativeBuildCommand>();
        services.AddSingleton<Commands.IServerCommand, Commands.BenchmarkCommand>();
        services.AddSingleton<Commands.IServerCommand, Commands.ExtractCommand>();
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        await using var provider = services.BuildServiceProvider();

        var formatter = CreateFormatter();
        var handler = new LspMessageHandler(output, input, formatter, loggerFactory.CreateLogger<LspMessageHandler>());
        using var rpc = new JsonRpc(handler)
        {
            // Invoke methods one at a time in arrival order (until each first yields): text-sync stays ordered.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        AddTarget(rpc, provider.GetRequiredService<LspTarget>());
        rpc.Disconnected += (_, e) => logger.LogInformation(e.Exception, "Connection closed: {Reason} {Description}", e.Reason, e.Description);
        client.Attach(rpc);
        rpc.StartListening();

        var lifetime = provider.GetRequiredService<ServerLifetime>();
        var state = provider.GetRequiredService<ServerState>();
        var completion = rpc.Completion.ContinueWith(t => t.Exception, TaskScheduler.Default);
        var first = await Task.WhenAny(lifetime.Exited, completion, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        int code;
        if (first == lifetime.Exited)
        {
            code = await lifetime.Exited.ConfigureAwait(false);
            logger.LogInformation("Exit notification received; exiting with {ExitCode}", code);
        }
        else
        {
            code = state.ShutdownRequested ? 0 : 1;
            if (completion.IsCompleted && completion.Result is { } error)
                logger.LogError(error, "The connection failed");
            logger.LogInformation("The client closed the connection; exiting with {ExitCode}", code);
        }
        return code;
    }

    /// <summary>
    /// StreamJsonRpc's System.Text.Json formatter: our protocol types come from the source-generated <see cref="Protocol.LspJsonContext"/>;
    /// StreamJsonRpc's own few (error data, request ids) from the reflection resolver. Neither the formatter nor that
    /// resolver is annotated for ahead-of-time compilation, so the whole protocol test suite also runs against the native
    /// server (test.sh) — that run, not an annotation, is what shows these work compiled ahead of time.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Verified by the protocol tests against the native server.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Verified by the protocol tests against the native server.")]
    private static SystemTextJsonFormatter CreateFormatter()
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions = new JsonSerializerOptions(formatter.JsonSerializerOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Wrong shapes (a missing textDocument, a null uri) fail deserialisation → InvalidParams, instead of
            // reaching a handler as nulls.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Clear();
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Add(Protocol.LspJsonContext.Default);
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        return formatter;
    }

    /// <summary>The LSP methods of <see cref="LspTarget"/>, found by reflection (see <see cref="CreateFormatter"/> for how that is verified).</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Verified by the protocol tests against the native server.")]
    private static void AddTarget(JsonRpc rpc, LspTarget target)
        => rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
}
