using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>textDocument/codeAction against the real server on examples/hybrid-demo: the HL1005 quick fix as a WorkspaceEdit.</summary>
public sealed class CodeActionProtocolTests
{
    private const string Broken = "app/BrokenBindings.cs";
    private const string Needle = "static extern bool fm_is_even(int x);";

    private static string DemoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln"), "examples", "hybrid-demo");
    }

    private static string Uri(string relative) => new System.Uri(Path.Combine(DemoRoot(), relative)).AbsoluteUri;

    private static string Text() => File.ReadAllText(Path.Combine(DemoRoot(), Broken));

    private static (int Line, int Character) PositionOf(string text, int offset)
    {
        var line = text[..offset].Count(c => c == '\n');
        return (line, offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1));
    }

    private static JsonObject CodeActionParams(string text, string[]? only = null)
    {
        // The cursor on `bool` of fm_is_even: the HL1005 diagnostic's range.
        var offset = text.IndexOf(Needle, StringComparison.Ordinal) + "static extern ".Length + 1;
        var (line, character) = PositionOf(text, offset);
        var position = new JsonObject { ["line"] = line, ["character"] = character };
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only is not null)
            context["only"] = new JsonArray([.. only.Select(o => (JsonNode)o)]);
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken) },
            ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position },
            ["context"] = context,
        };
    }

    /// <summary>Applies LSP text edits (UTF-16 positions; the demo is ASCII) to a text.</summary>
    private static string Apply(string text, JsonArray edits)
    {
        var lines = text.Split('\n');
        int Offset(JsonNode p) => lines.Take((int)p["line"]!).Sum(l => l.Length + 1) + (int)p["character"]!;
        foreach (var edit in edits.OrderByDescending(e => Offset(e!["range"]!["start"]!)))
        {
            var start = Offset(edit!["range"]!["start"]!);
            var end = Offset(edit["range"]!["end"]!);
            text = text[..start] + (string)edit["newText"]! + text[end..];
        }
        return text;
    }

    private static string Fixed(string text) => text.Replace(
        "[DllImport(\"fastmath\")]\n    static extern bool fm_is_even(int x);",
        "[DllImport(\"fastmath\")] [return: MarshalAs(UnmanagedType.U1)]\n    static extern bool fm_is_even(int x);", StringComparison.Ordinal);

    [Fact]
    public async Task HL1005_quick_fix_is_a_versioned_document_change_of_the_open_document()
    {
        await using var client = LspClient.Start();
        var init = await client.InitializeAsync(DemoRoot(), new JsonObject
        {
            ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
        });
        var provider = init["result"]!["capabilities"]!["codeActionProvider"]!;
        Assert.Equal(["quickfix", "refactor", "refactor.extract.native", "source.fixAll.hybridLsp"], provider["codeActionKinds"]!.AsArray().Select(k => (string)k!));
        Assert.True((bool)provider["resolveProvider"]!);

        var text = Text();
        Assert.Contains("[DllImport(\"fastmath\")]\n    static extern bool fm_is_even(int x);", text, StringComparison.Ordinal);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["languageId"] = "csharp", ["version"] = 7, ["text"] = text },
        });
        var response = await client.RequestAsync("textDocument/codeAction", CodeActionParams(text));
        var actions = response["result"]!.AsArray();
        // The quick fix comes first; "Suppress HL1005 for this declaration" follows it.
        Assert.Equal(["Add [return: MarshalAs(UnmanagedType.U1)]", "Suppress HL1005 for this declaration"], actions.Select(a => (string)a!["title"]!));
        var action = actions[0]!;
        Assert.Equal("Add [return: MarshalAs(UnmanagedType.U1)]", (string)action["title"]!);
        Assert.Equal("quickfix", (string)action["kind"]!);
        Assert.True((bool)action["isPreferred"]!);
        Assert.Equal("HL1005", (string)Assert.Single(action["diagnostics"]!.AsArray())!["code"]!);

        var change = Assert.Single(action["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Null(action["edit"]!["changes"]);
        Assert.Equal(Uri(Broken), (string)change["textDocument"]!["uri"]!);
        Assert.Equal(7, (int)change["textDocument"]!["version"]!);
        Assert.Equal(Fixed(text), Apply(text, change["edits"]!.AsArray()));
    }

    [Fact]
    public async Task Without_document_changes_support_the_edit_is_changes_and_unopened_files_work()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot());
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == Uri(Broken));
        var text = Text();
        var response = await client.RequestAsync("textDocument/codeAction", CodeActionParams(text));
        var action = response["result"]!.AsArray().Single(a => (bool?)a!["isPreferred"] == true)!;
        Assert.Null(action["edit"]!["documentChanges"]);
        var edits = action["edit"]!["changes"]![Uri(Broken)]!.AsArray();
        Assert.Equal(Fixed(text), Apply(text, edits));
    }

    [Fact]
    public async Task Fix_all_is_returned_when_source_fix_all_is_asked_for()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot(), new JsonObject
        {
            ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
        });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == Uri(Broken));
        var response = await client.RequestAsync("textDocument/codeAction", CodeActionParams(Text(), ["source.fixAll"]));
        var action = Assert.Single(response["result"]!.AsArray())!;
        Assert.Equal("source.fixAll.hybridLsp", (string)action["kind"]!);
        var changes = action["edit"]!["documentChanges"]!.AsArray();
        Assert.All(changes, c => Assert.True(c!["textDocument"]!.AsObject().ContainsKey("version")));
        Assert.Contains(changes, c => (string)c!["textDocument"]!["uri"]! == Uri(Broken) && c["textDocument"]!["version"] is null);
    }

    [Fact]
    public async Task Edits_are_computed_on_the_changed_buffer_with_its_new_version()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot(), new JsonObject
        {
            ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
        });
        var text = Text();
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
        // An unsaved edit above the declaration shifts it down one line.
        var changed = "// a new first line\n" + text;
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = changed }),
        });
        var response = await client.RequestAsync("textDocument/codeAction", CodeActionParams(changed));
        var fix = response["result"]!.AsArray().Single(a => (bool?)a!["isPreferred"] == true)!;
        var change = Assert.Single(fix["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Equal(2, (int)change["textDocument"]!["version"]!);
        Assert.Equal(Fixed(changed), Apply(changed, change["edits"]!.AsArray()));
    }

    private static JsonObject LazyCapabilities() => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
        ["textDocument"] = new JsonObject { ["codeAction"] = new JsonObject { ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") } } },
    };

    [Fact]
    public async Task Client_with_resolve_support_gets_actions_without_edits_and_resolves_the_edit_lazily()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot(), LazyCapabilities());
        var text = Text();
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["languageId"] = "csharp", ["version"] = 3, ["text"] = text },
        });
        var response = await client.RequestAsync("textDocument/codeAction", CodeActionParams(text));
        var action = response["result"]!.AsArray().Single(a => (bool?)a!["isPreferred"] == true)!.AsObject();
        Assert.False(action.ContainsKey("edit"));
        Assert.Equal("Add [return: MarshalAs(UnmanagedType.U1)]", (string)action["data"]!["title"]!);
        Assert.Equal(3, (int)action["data"]!["version"]!);

        var resolved = (await client.RequestAsync("codeAction/resolve", action.DeepClone()))["result"]!;
        Assert.Equal((string)action["title"]!, (string)resolved["title"]!);
        Assert.Equal("HL1005", (string)Assert.Single(resolved["diagnostics"]!.AsArray())!["code"]!);
        var change = Assert.Single(resolved["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Equal(3, (int)change["textDocument"]!["version"]!);
        Assert.Equal(Fixed(text), Apply(text, change["edits"]!.AsArray()));
    }

    [Fact]
    public async Task Resolving_after_the_document_changed_is_content_modified_and_applies_nothing()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot(), LazyCapabilities());
        var text = Text();
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
        var action = (await client.RequestAsync("textDocument/codeAction", CodeActionParams(text)))["result"]!.AsArray().Single(a => (bool?)a!["isPreferred"] == true)!;
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "// moved\n" + text }),
        });
        var stale = await client.RequestAsync("codeAction/resolve", action.DeepClone());
        Assert.Null(stale["result"]);
        Assert.Equal(-32801, (int)stale["error"]!["code"]!);

        // The same data without a matching action (the fix was applied meanwhile) is also ContentModified.
        var fixedText = Fixed("// moved\n" + text);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(Broken), ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = fixedText }),
        });
        var gone = action.DeepClone();
        gone["data"]!["version"] = 3;
        Assert.Equal(-32801, (int)(await client.RequestAsync("codeAction/resolve", gone))["error"]!["code"]!);
        var noData = new JsonObject { ["title"] = "x", ["kind"] = "quickfix" };
        Assert.Equal(-32602, (int)(await client.RequestAsync("codeAction/resolve", noData))["error"]!["code"]!);
    }
}
