using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>`workspace/executeCommand` over the real server: advertised commands, argument errors, `workspace/applyEdit`.</summary>
public sealed class ExecuteCommandProtocolTests
{
    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\nversion = \"0.1.0\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mathcore/src/lib.rs",
            "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n#[no_mangle]\npub extern \"C\" fn mc_neg(a: i32) -> i32 { -a }\n");
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        dir.Write("app/Native.cs",
            "using System.Runtime.InteropServices;\nstatic class Native\n{\n    [DllImport(\"mathcore\")]\n    public static extern int mc_add(int a, int b);\n}\n");
        return dir;
    }

    private static JsonObject Capabilities() => new()
    {
        ["workspace"] = new JsonObject
        {
            ["applyEdit"] = true,
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") },
        },
    };

    private static JsonObject Execute(string command, params JsonNode?[] arguments)
        => new() { ["command"] = command, ["arguments"] = new JsonArray(arguments) };

    [Fact]
    public async Task Initialize_advertises_the_commands()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        var init = await client.InitializeAsync(dir.Path, Capabilities());
        var commands = init["result"]!["capabilities"]!["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Contains("hybridLsp.bindAll", commands);
        Assert.Equal(commands.Order(StringComparer.Ordinal), commands);
    }

    [Fact]
    public async Task BindAll_sends_applyEdit_with_the_unbound_exports_and_reports_the_result()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        await client.InitializeAsync(dir.Path, Capabilities());

        var response = await client.RequestAsync("workspace/executeCommand", Execute("hybridLsp.bindAll", new JsonObject { ["library"] = "mathcore" }));

        Assert.True((bool)response["result"]!["applied"]!, response.ToJsonString());
        var apply = client.ServerRequests.Single(r => (string)r["method"]! == "workspace/applyEdit");
        Assert.Equal("Bind all unbound exports of 'mathcore'", (string)apply["params"]!["label"]!);
        var change = apply["params"]!["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.EndsWith("/app/Native.cs", (string)change["textDocument"]!["uri"]!);
        var inserted = (string)change["edits"]![0]!["newText"]!;
        Assert.Contains("mc_neg(int a)", inserted);
        Assert.DoesNotContain("mc_add", inserted);
    }

    [Fact]
    public async Task BindAll_reports_a_client_that_refuses_the_edit()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = false, ["failureReason"] = "read-only" } : null;
        await client.InitializeAsync(dir.Path, Capabilities());

        var response = await client.RequestAsync("workspace/executeCommand", Execute("hybridLsp.bindAll", new JsonObject { ["library"] = "mathcore" }));

        Assert.False((bool)response["result"]!["applied"]!);
        Assert.Equal("The client did not apply the edit", (string)response["result"]!["message"]!);
    }

    [Fact]
    public async Task BindAll_on_an_unknown_library_applies_nothing_and_says_why()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());

        var response = await client.RequestAsync("workspace/executeCommand", Execute("hybridLsp.bindAll", new JsonObject { ["library"] = "nosuchlib" }));

        Assert.False((bool)response["result"]!["applied"]!);
        Assert.Contains("'nosuchlib'", (string)response["result"]!["message"]!);
        Assert.DoesNotContain(client.ServerRequests, r => (string)r["method"]! == "workspace/applyEdit");
    }

    [Theory]
    [InlineData("""{ "command": "hybridLsp.noSuchCommand" }""", "Unknown command 'hybridLsp.noSuchCommand'")]
    [InlineData("""{ "command": "hybridLsp.bindAll" }""", "needs argument 1")]
    [InlineData("""{ "command": "hybridLsp.bindAll", "arguments": [42] }""", "argument 1")]
    [InlineData("""{ "command": "hybridLsp.bindAll", "arguments": [{ "library": "" }] }""", "needs a library name")]
    public async Task Bad_commands_and_arguments_are_InvalidParams_and_the_server_keeps_serving(string parameters, string message)
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());

        var response = await client.RequestAsync("workspace/executeCommand", JsonNode.Parse(parameters));

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.Contains(message, (string)response["error"]!["message"]!);
        var again = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "mc_add" });
        Assert.NotNull(again["result"]);
    }

    [Fact]
    public async Task A_progress_cancel_for_unknown_work_is_ignored()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());
        await client.NotifyAsync("window/workDoneProgress/cancel", new JsonObject { ["token"] = "nothing-running" });
        await client.NotifyAsync("window/workDoneProgress/cancel", new JsonObject { ["token"] = 7 });
        var again = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "mc_add" });
        Assert.NotNull(again["result"]);
    }
}
