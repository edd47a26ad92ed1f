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

    /// <summary>An IMediator whose requests run until their cancellation token fires.</summary>
    public class WaitingMediator : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var token = args!.OfType<CancellationToken>().Single();
            var resultType = targetMethod!.ReturnType.GetGenericArguments()[0];
            return typeof(WaitingMediator).GetMethod(nameof(WaitAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(resultType).Invoke(null, [token]);
        }

        private static async ValueTask<T> WaitAsync<T>(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return default!;
        }
    }

    private static readonly JsonElement s_hover = JsonDocument.Parse("""{"textDocument":{"uri":"file:///ws/A.cs"},"position":{"line":0,"character":0}}""").RootElement;

    [Fact]
    public async Task A_change_during_a_query_makes_it_ContentModified()
    {
        var state = new ServerState();
        state.Initialize("/ws", PositionEncoding.Utf16, linkSupport: false, workDoneProgress: false, trusted: false);
        var target = new LspTarget(DispatchProxy.Create<IMediator, WaitingMediator>(), state, new ProgressTokens(), NullLogger<LspTarget>.Instance);
        var query = target.HoverAsync(s_hover, CancellationToken.None);
        state.ApplyBuffer("/ws/A.cs", "class A { }");
        var error = await Assert.ThrowsAsync<LocalRpcException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(-32801, error.ErrorCode);
    }

    [Fact]
    public async Task A_cancelled_query_stays_a_cancellation()
    {
        var state = new ServerState();
        state.Initialize("/ws", PositionEncoding.Utf16, linkSupport: false, workDoneProgress: false, trusted: false);
        var target = new LspTarget(DispatchProxy.Create<IMediator, WaitingMediator>(), state, new ProgressTokens(), NullLogger<LspTarget>.Instance);
        using var cts = new CancellationTokenSource();
        var query = target.HoverAsync(s_hover, cts.Token);
        cts.Cancel();
        // StreamJsonRpc answers an OperationCanceledException with RequestCancelled (-32800).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_throwing_handler_is_reported_as_RequestFailed()
    {
        var state = new ServerState();
        state.Initialize("/ws", PositionEncoding.Utf16, linkSupport: false, workDoneProgress: false, trusted: false);
        var target = new LspTarget(DispatchProxy.Create<IMediator, ThrowingMediator>(), state, new ProgressTokens(), NullLogger<LspTarget>.Instance);
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
        var target = new LspTarget(DispatchProxy.Create<IMediator, ThrowingMediator>(), state, new ProgressTokens(), NullLogger<LspTarget>.Instance);
        var open = JsonDocument.Parse("""{"textDocument":{"uri":"file:///ws/A.cs","languageId":"csharp","version":1,"text":""}}""").RootElement;
        await target.DidOpenAsync(open);
    }
}
