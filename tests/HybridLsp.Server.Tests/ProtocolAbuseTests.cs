using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// Protocol abuse against the real server (issue 8): every case gets a correct answer or a report, and a follow-up
/// request proves the server still serves. The basic malformed-frame, MethodNotFound and before-initialize cases
/// are in <see cref="LspProtocolTests"/>.
/// </summary>
public sealed class ProtocolAbuseTests
{
    private static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };

    private static byte[] Frame(string json, int? claimedLength = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {claimedLength ?? body.Length}\r\n\r\n"), .. body];
    }

    private static void AssertError(JsonObject response, int code)
    {
        Assert.True(response["error"] is not null, "expected an error: " + response.ToJsonString());
        Assert.Equal(code, (int)response["error"]!["code"]!);
    }

    private static async Task<JsonArray> Symbols(LspClient client, string query = "")
    {
        var response = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = query });
        return Assert.IsType<JsonArray>(response["result"]);
    }

    private static Task Open(LspClient client, string uri, string text, int version = 1, string languageId = "csharp")
        => client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    private static Task Change(LspClient client, string uri, int version, params JsonObject[] changes)
        => client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray([.. changes]),
        });

    private static JsonObject Edit(int startLine, int startChar, int endLine, int endChar, string text) => new()
    {
        ["range"] = new JsonObject { ["start"] = Pos(startLine, startChar), ["end"] = Pos(endLine, endChar) },
        ["text"] = text,
    };

    [Fact]
    public async Task A_body_longer_than_its_Content_Length_is_a_parse_error_and_the_next_message_is_still_read()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var parseError = client.WaitForResponseAsync("null");
        var next = client.WaitForResponseAsync("long-next");
        await client.SendRawAsync([
            .. Frame("{\"jsonrpc\":\"2.0\",\"id\":\"long\",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"\"}}", claimedLength: 20),
            .. Frame("{\"jsonrpc\":\"2.0\",\"id\":\"long-next\",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"\"}}")]);
        AssertError(await parseError, -32700);
        Assert.IsType<JsonArray>((await next)["result"]);
        await Symbols(client);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_a_parse_error_and_the_server_resynchronises()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var parseError = client.WaitForResponseAsync("null");
        var third = client.WaitForResponseAsync("short-third");
        // The short body swallows the start of the second message, which is lost; the third is read.
        await client.SendRawAsync([
            .. Frame("{\"jsonrpc\":\"2.0\",\"id\":\"short\"}", claimedLength: 60),
            .. Frame("{\"jsonrpc\":\"2.0\",\"id\":\"short-second\",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"\"}}"),
            .. Frame("{\"jsonrpc\":\"2.0\",\"id\":\"short-third\",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"\"}}")]);
        AssertError(await parseError, -32700);
        Assert.IsType<JsonArray>((await third)["result"]);
        await Symbols(client);
    }

    [Fact]
    public async Task A_huge_claimed_Content_Length_does_not_allocate_it_up_front()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var before = ProcSelf.RssBytes(client.ProcessId);
        // 500 MB claimed, 2 bytes sent: the reader waits for the rest without reserving 500 MB.
        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: 500000000\r\n\r\n{}"));
        var stopwatch = Stopwatch.StartNew();
        long after = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
        {
            after = Math.Max(after, ProcSelf.RssBytes(client.ProcessId));
            await Task.Delay(50);
        }
        Assert.True(after - before < 100L << 20, $"RSS grew from {before >> 20} MB to {after >> 20} MB");
        Assert.False(client.HasExited);
    }

    [Fact]
    public async Task Requests_before_initialize_are_ServerNotInitialized_and_notifications_are_dropped()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "A.cs")).AbsoluteUri;
        await using var client = LspClient.Start();
        AssertError(await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = Pos(0, 0) }), -32002);
        AssertError(await client.RequestAsync("hybridLsp/reindex", null), -32002);
        AssertError(await client.RequestAsync("shutdown", null), -32002);
        await Open(client, uri, "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int zz_early(); }\n");
        await client.InitializeAsync(dir.Path);
        Assert.Empty(await Symbols(client, "zz_early"));
        Assert.Contains("textDocument/didOpen before initialize ignored", client.Stderr);
    }

    [Fact]
    public async Task A_second_initialize_is_InvalidRequest_and_keeps_the_open_documents()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "A.cs")).AbsoluteUri;
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await Open(client, uri, "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int zz_kept(); }\n");
        AssertError(await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() }), -32600);
        Assert.Single(await Symbols(client, "zz_kept"));
    }

    [Fact]
    public async Task Requests_after_shutdown_are_InvalidRequest_and_exit_still_works()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        Assert.Null((await client.RequestAsync("shutdown", null))["error"]);
        AssertError(await client.RequestAsync("hybridLsp/reindex", null), -32600);
        AssertError(await client.RequestAsync("shutdown", null), -32600);
        AssertError(await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///x/A.cs" }, ["position"] = Pos(0, 0) }), -32600);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task DidChange_ranges_outside_the_document_are_clamped()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "A.cs")).AbsoluteUri;
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await Open(client, uri, "using System.Runtime.InteropServices;\nstatic class N\n{\n");
        // Past the last line, past a line's end, and reversed: each lands at the nearest real position.
        await Change(client, uri, 2, Edit(500, 0, 900, 7, "    [DllImport(\"m\")] static extern int zz_clamped();\n}\n"));
        await Change(client, uri, 3, Edit(1, 400, 1, 999, " /* end of line 1 */"));
        await Change(client, uri, 4, Edit(3, 10, 0, 0, ""));
        await Change(client, uri, 5, Edit(-3, -1, -2, -8, "// negative\n"));
        Assert.Single(await Symbols(client, "zz_clamped"));
        Assert.False(client.HasExited);
    }

    [Fact]
    public async Task Versions_out_of_order_are_applied_in_arrival_order()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "A.cs")).AbsoluteUri;
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await Open(client, uri, "static class N { }\n", version: 10);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int zz_v3(); }\n" }),
        });
        await Change(client, uri, 2, Edit(1, 0, 1, 0, "// still applied\n"));
        Assert.Single(await Symbols(client, "zz_v3"));
    }

    [Fact]
    public async Task A_10_MB_document_is_read_and_answered()
    {
        using var dir = new TempDirectory();
        var uri = new Uri(Path.Combine(dir.Path, "Big.cs")).AbsoluteUri;
        var text = new StringBuilder("using System.Runtime.InteropServices;\nstatic partial class Big\n{\n");
        for (var i = 0; text.Length < 10 * 1024 * 1024; i++)
            text.Append("    // generated line ").Append(i).Append(": ").Append('x', 80).Append('\n').Append(i % 1000 == 0 ? $"    public static int F{i}(int a) => a + {i};\n" : "");
        text.Append("    [DllImport(\"m\")] static extern int zz_at_the_end();\n}\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        var stopwatch = Stopwatch.StartNew();
        await Open(client, uri, text.ToString());
        Assert.Single(await Symbols(client, "zz_at_the_end"));
        var lines = text.ToString().Count(c => c == '\n');
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = Pos(lines - 2, 40) });
        Assert.Null(hover["error"]);
        Console.WriteLine($"10 MB document: open to answered in {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    private static TempDirectory Crate()
    {
        var dir = new TempDirectory();
        dir.Write("native/m/Cargo.toml", "[package]\nname = \"m\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/m/src/lib.rs", "mod more;\n#[no_mangle] pub extern \"C\" fn zz_kept() -> i32 { 1 }\n");
        dir.Write("native/m/src/more.rs", "#[no_mangle] pub extern \"C\" fn zz_more() -> i32 { 2 }\n");
        dir.Write("app/Native.cs", "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int zz_more(); }\n");
        return dir;
    }

    [Fact]
    public async Task Files_replaced_by_a_folder_a_FIFO_or_a_dangling_link_while_indexed_are_reported_and_nothing_hangs()
    {
        using var dir = Crate();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        Assert.Equal(2, (await Symbols(client, "zz_more")).Count);

        var more = Path.Combine(dir.Path, "native/m/src/more.rs");
        File.Delete(more);
        Directory.CreateDirectory(more); // a folder where the file was
        var pipe = Path.Combine(dir.Path, "app/Pipe.cs");
        MakeFifo(pipe);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "app/Gone.cs"), Path.Combine(dir.Path, "nowhere/Gone.cs"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(
                new JsonObject { ["uri"] = new Uri(more).AbsoluteUri, ["type"] = 2 },
                new JsonObject { ["uri"] = new Uri(pipe).AbsoluteUri, ["type"] = 1 },
                new JsonObject { ["uri"] = new Uri(Path.Combine(dir.Path, "app/Gone.cs")).AbsoluteUri, ["type"] = 1 }),
        });
        Assert.Single(await Symbols(client, "zz_more")); // only the C# declaration is left
        var reindex = await client.RequestAsync("hybridLsp/reindex", null);
        Assert.Null(reindex["error"]);
        Assert.Single(await Symbols(client, "zz_kept"));
        Assert.Single(await Symbols(client, "zz_more"));
        Assert.False(client.HasExited);
    }

    [Fact]
    public async Task A_symlink_loop_in_the_workspace_ends_and_each_file_is_indexed_once()
    {
        using var dir = Crate();
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "native/m/src/loop"), Path.Combine(dir.Path, "native"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "app/self"), Path.Combine(dir.Path, "app"));
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        var reindex = await client.RequestAsync("hybridLsp/reindex", null);
        Assert.Equal(4, (int)reindex["result"]!["files"]!);
        Assert.Equal(2, (await Symbols(client, "zz_more")).Count);
    }

    [Fact]
    public async Task Non_utf8_files_on_disk_and_lone_surrogates_in_buffers_are_read()
    {
        using var dir = Crate();
        dir.WriteBytes("native/m/src/lib.rs", [.. "mod more;\n// caf"u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\n#[no_mangle] pub extern \"C\" fn zz_kept() -> i32 { 1 }\n"u8]);
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        Assert.Single(await Symbols(client, "zz_kept"));
        var uri = new Uri(Path.Combine(dir.Path, "app/Native.cs")).AbsoluteUri;
        // A JSON string with a lone surrogate escape: not valid UTF-16 text, still a buffer.
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
            + "\",\"languageId\":\"csharp\",\"version\":1,\"text\":\"// \\ud800 lone\\nusing System.Runtime.InteropServices;\\nstatic class N { [DllImport(\\\"m\\\")] static extern int zz_lone(); }\\n\"}}}");
        await client.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        var symbols = await Symbols(client, "zz_");
        Assert.Contains(symbols, s => (string?)s!["name"] == "zz_lone");
        Assert.DoesNotContain("didOpen ignored", client.Stderr);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}

/// <summary>Reads a process's resident memory from /proc (Linux).</summary>
internal static class ProcSelf
{
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmRSS for " + pid);
    }
}
