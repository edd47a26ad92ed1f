using System.Text;
using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>The LSP contract of DESIGN §4.3, against the real server process over stdio.</summary>
public sealed class LspProtocolTests
{
    private static JsonObject TextDocument(string uri) => new() { ["uri"] = uri };

    private static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };

    private static void AssertError(JsonObject response, int code)
    {
        Assert.True(response["error"] is not null, "expected an error: " + response.ToJsonString());
        Assert.Equal(code, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task Initialize_advertises_capabilities_server_info_and_utf16()
    {
        await using var client = LspClient.Start();
        var response = await client.InitializeAsync();
        var result = response["result"]!;
        var caps = result["capabilities"]!;
        Assert.Equal("utf-16", (string?)caps["positionEncoding"]);
        Assert.True((bool)caps["textDocumentSync"]!["openClose"]!);
        Assert.Equal(2, (int)caps["textDocumentSync"]!["change"]!);
        Assert.NotNull(caps["textDocumentSync"]!["save"]);
        Assert.True((bool)caps["definitionProvider"]!);
        Assert.True((bool)caps["referencesProvider"]!);
        Assert.True((bool)caps["hoverProvider"]!);
        Assert.True((bool)caps["workspaceSymbolProvider"]!);
        Assert.Equal("hybrid-lsp", (string?)result["serverInfo"]!["name"]);
        Assert.False(string.IsNullOrEmpty((string?)result["serverInfo"]!["version"]));
    }

    [Theory]
    [InlineData("utf-8,utf-16", "utf-16")]
    [InlineData("utf-32,utf-16,utf-8", "utf-16")]
    [InlineData("utf-8", "utf-8")]
    [InlineData("utf-32", "utf-32")]
    public async Task Position_encoding_is_utf16_unless_only_others_are_offered(string offered, string expected)
    {
        await using var client = LspClient.Start();
        var encodings = new JsonArray(offered.Split(',').Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        var response = await client.InitializeAsync(capabilities: new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = encodings } });
        Assert.Equal(expected, (string?)response["result"]!["capabilities"]!["positionEncoding"]);
    }

    [Fact]
    public async Task Shutdown_then_exit_exits_with_0()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.Null(shutdown["error"]);
        Assert.True(shutdown.ContainsKey("result"));
        Assert.Null(shutdown["result"]);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Queries_after_shutdown_are_InvalidRequest()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.RequestAsync("shutdown", null);
        AssertError(await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }), -32600);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Closing_stdin_without_exit_ends_the_process_with_1()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        client.CloseInput();
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_exits_with_1()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Malformed_json_gets_a_parse_error_with_null_id_and_the_connection_stays_up()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var parseError = client.WaitForResponseAsync("null");
        var body = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":"u8.ToArray();
        await client.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        AssertError(await parseError, -32700);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task A_bad_header_gets_a_parse_error_and_the_next_message_is_read()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var parseError = client.WaitForResponseAsync("null");
        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Lenght: 12\r\n\r\n{\"junk\": 1}\r\n"));
        AssertError(await parseError, -32700);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "x" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task A_message_that_is_not_an_object_gets_an_error_and_the_connection_stays_up()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var error = client.WaitForResponseAsync("null");
        var body = "[1, 2, 3]"u8.ToArray();
        await client.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        AssertError(await error, -32600);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task Invalid_params_get_InvalidParams_and_the_connection_stays_up()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        AssertError(await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject() }), -32602);
        AssertError(await client.RequestAsync("textDocument/definition", new JsonObject { ["position"] = "here" }), -32602);
        AssertError(await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = 42 }), -32602);
        // A notification with a wrong shape cannot be answered: it is ignored.
        await client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = 5 });
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task Unknown_requests_get_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        await client.NotifyAsync("custom/somethingElse", new JsonObject());
        AssertError(await client.RequestAsync("textDocument/semanticTokens/full", new JsonObject()), -32601);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task A_response_to_no_request_is_ignored()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "never-sent", ["result"] = null });
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task Queries_before_initialize_are_refused()
    {
        await using var client = LspClient.Start();
        AssertError(await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }), -32002);
    }

    [Fact]
    public async Task Open_incremental_change_and_hover_do_not_crash()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("app/Native.cs", "static class Native\n{\n}\n");
        var uri = new Uri(path).AbsoluteUri;
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = "static class Native\n{\n}\n" },
        });
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = Pos(1, 1), ["end"] = Pos(1, 1) },
                    ["text"] = "\n    [DllImport(\"mathcore\")] static extern int mc_add(int a, int b); // 😀\n",
                },
                new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = Pos(2, 70), ["end"] = Pos(2, 200) },
                    ["text"] = "",
                }),
        });
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = TextDocument(uri), ["position"] = Pos(2, 50) });
        Assert.Null(hover["error"]);
        var definition = await client.RequestAsync("textDocument/definition", new JsonObject { ["textDocument"] = TextDocument(uri), ["position"] = Pos(2, 50) });
        Assert.Null(definition["error"]);
        var references = await client.RequestAsync("textDocument/references", new JsonObject
        {
            ["textDocument"] = TextDocument(uri), ["position"] = Pos(2, 50), ["context"] = new JsonObject { ["includeDeclaration"] = true },
        });
        Assert.Null(references["error"]);
        await client.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = TextDocument(uri) });
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = TextDocument(uri) });
        var afterClose = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = TextDocument(uri), ["position"] = Pos(0, 3) });
        Assert.Null(afterClose["error"]);
        Assert.False(client.HasExited);
    }

    [Fact]
    public async Task A_large_document_crosses_the_read_buffer_intact()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "Big.cs")).AbsoluteUri;
        var text = string.Concat(Enumerable.Repeat("// é😀 line of a large file\n", 60_000)); // ~2 MB of UTF-8
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = TextDocument(uri), ["position"] = Pos(59_999, 5) });
        Assert.Null(hover["error"]);
        Assert.DoesNotContain("Malformed", client.Stderr);
    }

    [Fact]
    public async Task Hover_on_a_file_the_server_does_not_know_is_null()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = TextDocument("file:///nowhere/at%20all/X.cs"), ["position"] = Pos(3, 4),
        });
        Assert.Null(hover["error"]);
        Assert.Null(hover["result"]);
    }

    [Fact]
    public async Task CancelRequest_is_handled_and_the_server_stays_up()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var (id, response) = client.StartRequest("workspace/symbol", new JsonObject { ["query"] = "" });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        var answer = await response.WaitAsync(ServerProcess.Timeout);
        // The request may have finished before the cancellation arrived; if not, it is RequestCancelled.
        if (answer["error"] is not null)
            AssertError(answer, -32800);
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 12345 });
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task ServerStatus_and_progress_follow_initialized()
    {
        using var dir = new TempDirectory();
        dir.Write("app/Native.cs", "static class Native { }\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path,
            capabilities: new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } },
            initializationOptions: new JsonObject { ["workspaceTrusted"] = true });
        var ready = await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        var status = ready["params"]!;
        Assert.Contains((string?)status["health"], new[] { "ok", "warning", "error" });
        Assert.Contains("trusted", (string?)status["message"]);
        Assert.DoesNotContain("untrusted", (string?)status["message"]);
        var create = Assert.Single(client.ServerRequests, r => (string?)r["method"] == "window/workDoneProgress/create");
        var token = (string?)create["params"]!["token"];
        var progress = client.Notifications("$/progress").Where(n => (string?)n["params"]!["token"] == token).Select(n => (string?)n["params"]!["value"]!["kind"]).ToList();
        Assert.Equal("begin", progress.First());
        Assert.Equal("end", progress.Last());
    }

    [Fact]
    public async Task Without_progress_support_no_progress_is_sent_and_untrusted_is_reported()
    {
        using var dir = new TempDirectory();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        var ready = await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        Assert.Contains("untrusted", (string?)ready["params"]!["message"]);
        Assert.Empty(client.ServerRequests);
        Assert.Empty(client.Notifications("$/progress"));
    }

    [Fact]
    public async Task Workspace_symbol_answers_with_an_array()
    {
        using var dir = new TempDirectory();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "mc_" });
        Assert.Null(symbols["error"]);
        Assert.IsType<JsonArray>(symbols["result"]);
    }

    [Fact]
    public async Task Reindex_walks_the_root_again_and_counts_files()
    {
        using var dir = new TempDirectory();
        dir.Write("app/Native.cs", "static class Native { }\n");
        dir.Write("native/Cargo.toml", "[package]\nname = \"m\"\n");
        dir.Write("app/obj/Generated.cs", "class G { }\n");
        dir.Write("README.md", "not a workspace file\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        var first = await client.RequestAsync("hybridLsp/reindex", null);
        Assert.Equal(2, (int)first["result"]!["files"]!);
        dir.Write("native/src/lib.rs", "#[no_mangle] pub extern \"C\" fn f() {}\n");
        var second = await client.RequestAsync("hybridLsp/reindex", new JsonObject());
        Assert.Equal(3, (int)second["result"]!["files"]!);
    }

    [Fact]
    public async Task Watched_file_events_are_applied_without_errors()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("app/Native.cs", "static class Native { }\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        var created = dir.Write("app/More.cs", "static class More { }\n");
        File.Delete(path);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(
                new JsonObject { ["uri"] = new Uri(created).AbsoluteUri, ["type"] = 1 },
                new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["type"] = 3 }),
        });
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.IsType<JsonArray>(symbols["result"]);
        Assert.DoesNotContain("[ERR]", client.Stderr);
    }
}
