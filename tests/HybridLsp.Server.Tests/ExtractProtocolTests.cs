using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>`hybridLsp.extract` and the `refactor.extract.native` code actions over the real server.</summary>
public sealed class ExtractProtocolTests
{
    private const string Kernels = "using System;\nstatic class Kernels\n{\n    public static int Sum(ReadOnlySpan<int> data)\n    {\n        int s = 0;\n        foreach (var x in data)\n            s += x;\n        return s;\n    }\n\n    public static string Name(int x)\n    {\n        return \"n\" + x;\n    }\n}\n";

    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>\n");
        dir.Write("app/Kernels.cs", Kernels);
        return dir;
    }

    private static JsonObject Capabilities() => new()
    {
        ["workspace"] = new JsonObject
        {
            ["applyEdit"] = true,
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") },
        },
        ["textDocument"] = new JsonObject { ["codeAction"] = new JsonObject { ["disabledSupport"] = true } },
    };

    private static JsonObject Extract(string uri, int line, string language) => new()
    {
        ["command"] = "hybridLsp.extract",
        ["arguments"] = new JsonArray(new JsonObject { ["uri"] = uri, ["position"] = new JsonObject { ["line"] = line, ["character"] = 8 }, ["language"] = language }),
    };

    [Fact]
    public async Task Extract_sends_one_applyEdit_creating_the_crate_and_binding_and_rewriting_the_method()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        var init = await client.InitializeAsync(dir.Path, Capabilities());
        Assert.Contains("hybridLsp.extract", init["result"]!["capabilities"]!["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("refactor.extract.native", init["result"]!["capabilities"]!["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(c => (string)c!));
        var uri = new Uri(Path.Combine(dir.Path, "app/Kernels.cs")).AbsoluteUri;

        var response = await client.RequestAsync("workspace/executeCommand", Extract(uri, 5, "rust"));

        var result = response["result"]!;
        Assert.True((bool)result["applied"]!, response.ToJsonString());
        // Untrusted (the default here): the same extraction without the MSBuild block, which would run cargo on dotnet build.
        Assert.Equal("Extract 'Sum' to Rust ('kernels_sum' in new crate 'native/kernels'); not wired into App.csproj: untrusted workspace", (string)result["title"]!);
        Assert.False((bool)result["wired"]!);
        Assert.StartsWith("not wired into dotnet build: the workspace is not trusted", (string)result["wireNote"]!, StringComparison.Ordinal);
        // The next steps of the loop: build and benchmark 'Sum', wire the crate into the app's project.
        Assert.Equal("Sum", (string)result["method"]!);
        Assert.Equal(Path.Combine(dir.Path, "native/kernels").Replace('\\', '/'), (string)result["module"]!);
        Assert.Equal(Path.Combine(dir.Path, "app/App.csproj").Replace('\\', '/'), (string)result["project"]!);
        var apply = client.ServerRequests.Single(r => (string)r["method"]! == "workspace/applyEdit");
        var changes = apply["params"]!["edit"]!["documentChanges"]!.AsArray();
        var created = changes.Where(c => (string?)c!["kind"] == "create").Select(c => ((string)c!["uri"]!)[(new Uri(dir.Path).AbsoluteUri.Length + 1)..]).Order(StringComparer.Ordinal);
        Assert.Equal(["app/NativeMethods.Kernels.cs", "native/kernels/.gitignore", "native/kernels/Cargo.toml", "native/kernels/src/lib.rs"], created);
        var rewrite = changes.Single(c => ((string?)c!["textDocument"]?["uri"])?.EndsWith("/app/Kernels.cs", StringComparison.Ordinal) == true)!;
        Assert.Equal("SumManaged", (string)rewrite["edits"]![0]!["newText"]!);
        Assert.Contains("return global::KernelsNative.kernels_sum(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(data), (nuint)data.Length);", (string)rewrite["edits"]![1]!["newText"]!);
        Assert.DoesNotContain(changes, c => ((string?)c!["textDocument"]?["uri"])?.EndsWith("/App.csproj", StringComparison.Ordinal) == true);
    }

    private static JsonObject CodeActionsAt(string uri, int line) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = line, ["character"] = 26 }, ["end"] = new JsonObject { ["line"] = line, ["character"] = 26 } },
        ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor.extract") },
    };

    private static string[] Titles(JsonNode response) => [.. response["result"]!.AsArray().Select(a => (string)a!["title"]!)];

    [Fact]
    public async Task Trusted_extraction_wires_the_new_crate_into_the_project_in_the_same_edit()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        await client.InitializeAsync(dir.Path, Capabilities(), new JsonObject { ["workspaceTrusted"] = true });
        var uri = new Uri(Path.Combine(dir.Path, "app/Kernels.cs")).AbsoluteUri;

        // The code actions say what they do about the build: wired when trusted.
        Assert.Equal(["Extract 'Sum' to Rust ('kernels_sum' in new crate 'native/kernels'), built by App.csproj",
                      "Extract 'Sum' to C++ ('kernels_sum' in new C++ library 'native/kernels'), built by App.csproj"],
            Titles(await client.RequestAsync("textDocument/codeAction", CodeActionsAt(uri, 3))));

        var response = await client.RequestAsync("workspace/executeCommand", Extract(uri, 5, "rust"));
        var result = response["result"]!;
        Assert.True((bool)result["applied"]!, response.ToJsonString());
        Assert.Equal("Extract 'Sum' to Rust ('kernels_sum' in new crate 'native/kernels'), built by App.csproj", (string)result["title"]!);
        Assert.True((bool)result["wired"]!);
        Assert.Equal("'dotnet build' of App.csproj now builds kernels first and copies its library next to the app", (string)result["wireNote"]!);
        var changes = client.ServerRequests.Single(r => (string)r["method"]! == "workspace/applyEdit")["params"]!["edit"]!["documentChanges"]!.AsArray();
        var project = changes.Single(c => ((string?)c!["textDocument"]?["uri"])?.EndsWith("/app/App.csproj", StringComparison.Ordinal) == true)!;
        var block = (string)project["edits"]![0]!["newText"]!;
        Assert.Contains("<!-- hybrid-lsp:native-build kernels begin -->", block, StringComparison.Ordinal);
        Assert.Contains("$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/../native/kernels'))", block, StringComparison.Ordinal);
        Assert.Contains("$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/../native/kernels/target'))", block, StringComparison.Ordinal);
        Assert.Contains(changes, c => (string?)c!["kind"] == "create" && ((string)c["uri"]!).EndsWith("/native/kernels/Cargo.toml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wire_false_leaves_the_project_alone_even_when_trusted()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        await client.InitializeAsync(dir.Path, Capabilities(), new JsonObject { ["workspaceTrusted"] = true });
        var uri = new Uri(Path.Combine(dir.Path, "app/Kernels.cs")).AbsoluteUri;
        var request = Extract(uri, 5, "cpp");
        request["arguments"]![0]!["wire"] = false;

        var result = (await client.RequestAsync("workspace/executeCommand", request))["result"]!;
        Assert.True((bool)result["applied"]!);
        Assert.Equal("Extract 'Sum' to C++ ('kernels_sum' in new C++ library 'native/kernels')", (string)result["title"]!);
        Assert.False((bool)result["wired"]!);
        Assert.Null(result["wireNote"]);
        var changes = client.ServerRequests.Single(r => (string)r["method"]! == "workspace/applyEdit")["params"]!["edit"]!["documentChanges"]!.AsArray();
        Assert.DoesNotContain(changes, c => ((string?)c!["textDocument"]?["uri"])?.EndsWith("/App.csproj", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Untrusted_code_actions_extract_without_wiring_and_say_so()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());
        var uri = new Uri(Path.Combine(dir.Path, "app/Kernels.cs")).AbsoluteUri;
        var actions = (await client.RequestAsync("textDocument/codeAction", CodeActionsAt(uri, 3)))["result"]!.AsArray();
        Assert.Equal(["Extract 'Sum' to Rust ('kernels_sum' in new crate 'native/kernels'); not wired into App.csproj: untrusted workspace",
                      "Extract 'Sum' to C++ ('kernels_sum' in new C++ library 'native/kernels'); not wired into App.csproj: untrusted workspace"],
            actions.Select(a => (string)a!["title"]!));
        Assert.All(actions, a => Assert.DoesNotContain("App.csproj\"", a!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blocked_method_is_reported_with_its_blockers_and_its_code_actions_are_disabled()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());
        var uri = new Uri(Path.Combine(dir.Path, "app/Kernels.cs")).AbsoluteUri;

        var response = await client.RequestAsync("workspace/executeCommand", Extract(uri, 13, "cpp"));
        var result = response["result"]!;
        Assert.False((bool)result["applied"]!);
        Assert.Equal(12, (int)result["blockers"]![0]!["line"]!);
        Assert.DoesNotContain(client.ServerRequests, r => (string)r["method"]! == "workspace/applyEdit");

        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 11, ["character"] = 26 }, ["end"] = new JsonObject { ["line"] = 11, ["character"] = 26 } },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor.extract") },
        }))["result"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.StartsWith("'Name' cannot move to native code: return type has type 'string'", (string)a!["disabled"]!["reason"]!, StringComparison.Ordinal));
        Assert.All(actions, a => Assert.Null(a!["edit"]));
    }

    [Theory]
    [InlineData("""{ "command": "hybridLsp.extract" }""", "needs argument 1")]
    [InlineData("""{ "command": "hybridLsp.extract", "arguments": [{ "uri": "file:///nowhere/x.cs", "position": { "line": 0, "character": 0 }, "language": "go" }] }""", "language must be")]
    [InlineData("""{ "command": "hybridLsp.extract", "arguments": [{ "uri": "file:///nowhere/x.cs", "position": { "line": 0, "character": 0 }, "language": "rust" }] }""", "is not a position")]
    public async Task Bad_arguments_are_invalid_params(string parameters, string message)
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities());
        var response = await client.RequestAsync("workspace/executeCommand", JsonNode.Parse(parameters));
        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.Contains(message, (string)response["error"]!["message"]!, StringComparison.Ordinal);
    }
}
