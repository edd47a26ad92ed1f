using System.Reflection;
using System.Text.Json;
using HybridLsp.Server.Lsp;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using StreamJsonRpc;

namespace HybridLsp.Server.Tests;

/// <summary>A handler that throws becomes an LSP RequestFailed error for that request only.</summary>
public sealed class HandlerFailureTests
{
    /// <summary>An IMediator whose every call throws, standing in for a handler (or the engine) failing.</summary>
    public class ThrowingMediator : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            => throw new InvalidOperationException("handler exploded");
    }

    [Fact]
    public async Task A_throwing_handler_is_reported_as_RequestFailed()
    {
        var state = new ServerState();
        state.Initialize("/ws", PositionEncoding.Utf16, linkSupport: false, workDoneProgress: false, trusted: false);
        var target = new LspTarget(DispatchProxy.Create<IMediator, ThrowingMediator>(), state, NullLogger<LspTarget>.Instance);
        var hover = JsonDocument.Parse("""{"textDocument":{"uri":"file:///ws/A.cs"},"position":{"line":0,"character":0}}""").RootElement;
        var error = await Assert.ThrowsAsync<LocalRpcException>(() => target.HoverAsync(hover, CancellationToken.None));
        Assert.Equal(-32803, error.ErrorCode);
        Assert.Contains("handler exploded", error.Message);
        Assert.Contains("textDocument/hover", error.Message);
    }

    [Fact]
    public async Task A_throwing_notification_handler_is_logged_and_swallowed()
    {
        var state = new ServerState();
        state.Initialize("/ws", PositionEncoding.Utf16, linkSupport: false, workDoneProgress: false, trusted: false);
        var target = new LspTarget(DispatchProxy.Create<IMediator, ThrowingMediator>(), state, NullLogger<LspTarget>.Instance);
        var open = JsonDocument.Parse("""{"textDocument":{"uri":"file:///ws/A.cs","languageId":"csharp","version":1,"text":""}}""").RootElement;
        await target.DidOpenAsync(open);
    }
}
