using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>Bind over the real server: a new binding file is a `create` operation plus its text, only for clients that can apply it.</summary>
public sealed class BindProtocolTests
{
    private const string Lib = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n";

    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\nversion = \"0.1.0\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mathcore/src/lib.rs", Lib);
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>\n");
        return dir;
    }

    private static JsonObject Capabilities(bool create) => new()
    {
        ["workspace"] = new JsonObject
        {
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = create ? new JsonArray("create") : new JsonArray() },
        },
    };

    private static async Task<JsonArray> ActionsOnExport(LspClient client, string root)
    {
        var uri = new Uri(Path.Combine(root, "native/mathcore/src/lib.rs")).AbsoluteUri;
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "rust", ["version"] = 1, ["text"] = Lib },
        });
        var position = new JsonObject { ["line"] = 1, ["character"] = 21 }; // on `mc_add`
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return response["result"]!.AsArray();
    }

    [Fact]
    public async Task New_binding_file_is_a_create_operation_then_its_text()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities(create: true));
        var actions = await ActionsOnExport(client, dir.Path);
        var action = actions.Single(a => (string)a!["title"]! == "Generate C# binding for 'mc_add'")!;
        Assert.Equal("refactor", (string)action["kind"]!);
        var changes = action["edit"]!["documentChanges"]!.AsArray();
        Assert.Equal(2, changes.Count);
        var fileUri = new Uri(Path.Combine(dir.Path, "app/NativeMethods.Mathcore.cs")).AbsoluteUri;
        Assert.Equal("create", (string)changes[0]!["kind"]!);
        Assert.Equal(fileUri, (string)changes[0]!["uri"]!);
        Assert.False((bool)changes[0]!["options"]!["overwrite"]!);
        Assert.Equal(fileUri, (string)changes[1]!["textDocument"]!["uri"]!);
        Assert.Null(changes[1]!["textDocument"]!["version"]);
        var edit = Assert.Single(changes[1]!["edits"]!.AsArray())!;
        Assert.Contains("internal static partial int mc_add(int a, int b);", (string)edit["newText"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_create_support_no_action_creates_a_file()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities(create: false));
        Assert.Empty(await ActionsOnExport(client, dir.Path));
    }
}
