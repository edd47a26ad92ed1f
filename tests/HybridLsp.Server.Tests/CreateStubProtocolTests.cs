using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>Create native stub over the real server: the new crate is `create` operations plus texts; resolved lazily when the client asks.</summary>
public sealed class CreateStubProtocolTests
{
    private const string Native = "using System.Runtime.InteropServices;\nstatic class Native\n{\n    [DllImport(\"imaging\")] static extern int im_size(int w, int h);\n}\n";

    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        dir.Write("app/Native.cs", Native);
        return dir;
    }

    private static JsonObject Capabilities(bool create, bool resolve)
    {
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = create ? new JsonArray("create") : new JsonArray() },
            },
        };
        if (resolve)
            capabilities["textDocument"] = new JsonObject { ["codeAction"] = new JsonObject { ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") } } };
        return capabilities;
    }

    private static async Task<JsonArray> ActionsOnDeclaration(LspClient client, string root)
    {
        var uri = new Uri(Path.Combine(root, "app/Native.cs")).AbsoluteUri;
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = Native },
        });
        var position = new JsonObject { ["line"] = 3, ["character"] = 17 }; // inside "imaging"
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return response["result"]!.AsArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task New_crate_is_create_operations_that_never_overwrite_then_the_texts(bool resolve)
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities(create: true, resolve));
        var action = (await ActionsOnDeclaration(client, dir.Path)).Single(a => (string)a!["title"]! == "Create a new Rust crate named 'imaging' in 'native/imaging'")!;
        Assert.Equal("quickfix", (string)action["kind"]!);
        Assert.Equal("HL0001", (string)Assert.Single(action["diagnostics"]!.AsArray())!["code"]!);
        if (resolve)
        {
            Assert.Null(action["edit"]);
            var resolved = await client.RequestAsync("codeAction/resolve", action.DeepClone());
            action = resolved["result"] ?? throw new Xunit.Sdk.XunitException(resolved.ToJsonString());
        }
        var changes = action["edit"]!["documentChanges"]!.AsArray();
        var creates = changes.Where(c => (string?)c!["kind"] == "create").ToList();
        Assert.Equal(
            ["native/imaging/.gitignore", "native/imaging/Cargo.toml", "native/imaging/src/lib.rs"],
            creates.Select(c => Path.GetRelativePath(dir.Path, new Uri((string)c!["uri"]!).LocalPath).Replace('\\', '/')));
        Assert.All(creates, c =>
        {
            Assert.False((bool)c!["options"]!["overwrite"]!);
            Assert.False((bool)c["options"]!["ignoreIfExists"]!);
        });
        var libText = (string)changes.Single(c => c!["textDocument"] is { } d && ((string)d["uri"]!).EndsWith("/src/lib.rs", StringComparison.Ordinal))!["edits"]![0]!["newText"]!;
        Assert.Contains("#[unsafe(no_mangle)]\npub extern \"C\" fn im_size(w: i32, h: i32) -> i32 {", libText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_create_support_the_new_crate_is_not_offered()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities(create: false, resolve: false));
        Assert.DoesNotContain(await ActionsOnDeclaration(client, dir.Path), a => ((string)a!["title"]!).StartsWith("Create a new Rust crate", StringComparison.Ordinal));
    }
}
