using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// An unexpected exception inside one request handler (injected through the server's test hooks, enabled by
/// HYBRID_LSP_TEST_HOOKS=1) becomes an error response plus a log entry with context, and the server keeps
/// serving; `$/cancelRequest` on a running request answers RequestCancelled.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly Dictionary<string, string> s_hooks = new() { ["HYBRID_LSP_TEST_HOOKS"] = "1" };

    [Fact]
    public async Task A_throwing_handler_is_RequestFailed_with_a_logged_stack_and_the_server_keeps_serving()
    {
        var log = Path.Combine(Path.GetTempPath(), "hybrid-lsp-tests", $"crash-{Guid.NewGuid():N}.log");
        await using var client = LspClient.Start(log, s_hooks);
        await client.InitializeAsync();
        var failed = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "hybridLsp.test:throw" });
        Assert.Equal(-32803, (int)failed["error"]!["code"]!);
        Assert.Equal("workspace/symbol failed: test hook: injected failure in the workspace/symbol handler", (string?)failed["error"]!["message"]);
        for (var i = 0; i < 3; i++)
            Assert.IsType<JsonArray>((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]);
        // The log names the method and its params, and keeps the stack trace the client does not see.
        var text = await ReadSharedAsync(log);
        Assert.Contains("[ERR] HybridLsp.Server.Lsp.LspTarget: workspace/symbol failed for null with params {\"query\":\"hybridLsp.test:throw\"}", text);
        Assert.Contains("System.InvalidOperationException: test hook: injected failure", text);
        // The JIT-compiled server names the async method; the native one its state machine (`<RunAsync>d__4.MoveNext()`).
        Assert.Matches(@"at HybridLsp\.Server\.Lsp\.TestHooks\.(RunAsync|<RunAsync>d__\d+\.MoveNext)", text);
        Assert.False(client.HasExited);
    }

    [Fact]
    public async Task CancelRequest_on_a_running_request_is_RequestCancelled()
    {
        await using var client = LspClient.Start(environment: s_hooks);
        await client.InitializeAsync();
        var (id, response) = client.StartRequest("workspace/symbol", new JsonObject { ["query"] = "hybridLsp.test:hang" });
        // The request runs until cancelled, so the cancellation always lands mid-request.
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        var answer = await response.WaitAsync(ServerProcess.Timeout);
        Assert.Equal(-32800, (int)answer["error"]!["code"]!);
        Assert.IsType<JsonArray>((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]);
    }

    [Fact]
    public async Task Without_the_variable_the_hook_queries_are_ordinary_queries()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        foreach (var query in new[] { "hybridLsp.test:throw", "hybridLsp.test:hang" })
            Assert.Empty(Assert.IsType<JsonArray>((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = query }))["result"]));
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        // Serilog flushes the file sink on each event; the file stays open while the server runs.
        for (var attempt = 0; ; attempt++)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var text = await new StreamReader(stream).ReadToEndAsync();
            if (text.Contains("[ERR]", StringComparison.Ordinal) || attempt == 50)
                return text;
            await Task.Delay(100);
        }
    }
}
