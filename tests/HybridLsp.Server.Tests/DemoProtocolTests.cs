using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// An LSP client against the real server on examples/hybrid-demo: the same diagnostics as `check`, published for files
/// that are not open, and navigation across the language boundary in both directions.
/// </summary>
public sealed class DemoProtocolTests
{
    private static string DemoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln"), "examples", "hybrid-demo");
    }

    private static string Uri(string relative) => new System.Uri(Path.Combine(DemoRoot(), relative)).AbsoluteUri;

    private static JsonObject At(string relative, string needle, int delta = 0)
    {
        var text = File.ReadAllText(Path.Combine(DemoRoot(), relative)).ReplaceLineEndings("\n");
        var offset = text.IndexOf(needle, StringComparison.Ordinal) + delta;
        Assert.True(offset >= delta, $"'{needle}' not found in {relative}");
        var line = text[..offset].Count(c => c == '\n');
        var character = offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1);
        if (offset == 0)
            character = 0;
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(relative) },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        };
    }

    private static async Task<LspClient> StartOnDemoAsync()
    {
        var client = LspClient.Start();
        await client.InitializeAsync(DemoRoot());
        return client;
    }

    [Fact]
    public async Task Diagnostics_are_published_for_unopened_files_on_both_sides()
    {
        await using var client = await StartOnDemoAsync();
        var broken = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/BrokenBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        var diagnostics = broken["params"]!["diagnostics"]!.AsArray();
        Assert.Equal(["HL1005", "HL1003", "HL1001", "HL1002", "HL1009"], diagnostics.Select(d => (string)d!["code"]!));
        Assert.All(diagnostics, d => Assert.Equal(1, (int)d!["severity"]!));
        var first = diagnostics[0]!;
        Assert.Equal("hybrid-lsp", (string?)first["source"]);
        Assert.EndsWith("HL1005.md", (string)first["codeDescription"]!["href"]!, StringComparison.Ordinal);
        Assert.Contains(first["relatedInformation"]!.AsArray(), r => (string?)r!["location"]!["uri"] == Uri("native/fastmath/src/lib.rs"));

        // The Rust developer sees the same findings on the Rust side.
        var rust = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("native/fastmath/src/lib.rs") && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Contains(rust["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "HL1005");
    }

    [Fact]
    public async Task Definition_goes_from_csharp_to_rust_and_back()
    {
        await using var client = await StartOnDemoAsync();
        var toRust = await client.RequestAsync("textDocument/definition", At("app/NativeMethods.cs", "Add(int a", 1));
        var rustTarget = toRust["result"]!.AsArray().Single()!;
        Assert.Equal(Uri("native/fastmath/src/lib.rs"), (string?)(rustTarget["uri"] ?? rustTarget["targetUri"]));

        var fromCall = await client.RequestAsync("textDocument/definition", At("app/Program.cs", "NativeMethods.Add(40", 15));
        Assert.Equal(Uri("native/fastmath/src/lib.rs"), (string?)(fromCall["result"]!.AsArray().Single()!["uri"] ?? fromCall["result"]!.AsArray().Single()!["targetUri"]));

        var toCSharp = await client.RequestAsync("textDocument/definition", At("native/fastmath/src/lib.rs", "fn fm_add", 4));
        var csTarget = toCSharp["result"]!.AsArray().Single()!;
        Assert.Equal(Uri("app/NativeMethods.cs"), (string?)(csTarget["uri"] ?? csTarget["targetUri"]));
    }

    [Fact]
    public async Task References_of_a_rust_export_list_csharp_declarations_and_call_sites()
    {
        await using var client = await StartOnDemoAsync();
        var parameters = At("native/fastmath/src/lib.rs", "fn fm_add", 4);
        parameters["context"] = new JsonObject { ["includeDeclaration"] = false };
        var response = await client.RequestAsync("textDocument/references", parameters);
        Assert.True(response["result"] is JsonArray, response.ToJsonString());
        var uris = response["result"]!.AsArray().Select(l => (string)l!["uri"]!).ToList();
        Assert.Contains(Uri("app/NativeMethods.cs"), uris);
        Assert.Equal(2, uris.Count(u => u == Uri("app/Program.cs")));
    }

    [Fact]
    public async Task C_library_bindings_get_diagnostics_definition_and_hover()
    {
        await using var client = await StartOnDemoAsync();
        var broken = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/BrokenImageOpsBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Equal(["HL1005", "HL1003", "HL2001"], broken["params"]!["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!));

        // From C# to the C definition in src/imageops.c and its declaration in include/imageops.h.
        var definition = await client.RequestAsync("textDocument/definition", At("app/BrokenImageOpsBindings.cs", "io_buffer_size(", 3));
        var uris = definition["result"]!.AsArray().Select(l => (string?)(l!["targetUri"] ?? l["uri"])).ToList();
        Assert.Contains(Uri("native/imageops/src/imageops.c"), uris);
        Assert.Contains(Uri("native/imageops/include/imageops.h"), uris);

        var hover = await client.RequestAsync("textDocument/hover", At("app/BrokenImageOpsBindings.cs", "io_buffer_size(", 3));
        var markdown = (string)hover["result"]!["contents"]!["value"]!;
        Assert.Contains("**C export** `io_buffer_size`", markdown, StringComparison.Ordinal);
        Assert.Contains("✗ HL1003", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_shows_the_other_side_and_the_mapping()
    {
        await using var client = await StartOnDemoAsync();
        var onCSharp = await client.RequestAsync("textDocument/hover", At("app/BrokenBindings.cs", "fm_scale(double", 2));
        var markdown = (string)onCSharp["result"]!["contents"]!["value"]!;
        Assert.Contains("fn fm_scale(value: f64, factor: i32) -> f64", markdown, StringComparison.Ordinal);
        Assert.Contains("✗ HL1003", markdown, StringComparison.Ordinal);

        var onRust = await client.RequestAsync("textDocument/hover", At("native/fastmath/src/lib.rs", "fn fm_add", 4));
        Assert.Contains("internal static partial int Add(int a, int b);", ((string)onRust["result"]!["contents"]!["value"]!).Replace("static partial int", "internal static partial int", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_of_a_rust_file_updates_diagnostics_of_the_csharp_file()
    {
        await using var client = await StartOnDemoAsync();
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == Uri("app/BrokenBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 5);
        var path = Path.Combine(DemoRoot(), "native/fastmath/src/lib.rs");
        var text = File.ReadAllText(path);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("native/fastmath/src/lib.rs"), ["languageId"] = "rust", ["version"] = 1, ["text"] = text },
        });
        // Make fm_scale take an i64: the deliberate HL1003 of BrokenBindings.cs disappears, and NativeMethods.Scale breaks.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("native/fastmath/src/lib.rs"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text.Replace("factor: i32", "factor: i64", StringComparison.Ordinal) }),
        });
        var updated = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/NativeMethods.cs") && n["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "HL1003"));
        Assert.NotNull(updated);
        var broken = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/BrokenBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 4);
        Assert.DoesNotContain(broken["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "HL1003");
    }

    private const string ImageOpsHeader = "native/imageops/include/imageops.h";

    /// <summary>The server on the demo, its first diagnostics published, with imageops.h open; and the header's text.</summary>
    private static async Task<(LspClient Client, string Text)> OpenImageOpsHeaderAsync()
    {
        var client = await StartOnDemoAsync();
        try
        {
            await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
                n => (string?)n["params"]!["uri"] == Uri("app/BrokenImageOpsBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 3);
            var text = File.ReadAllText(Path.Combine(DemoRoot(), ImageOpsHeader));
            await client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(ImageOpsHeader), ["languageId"] = "c", ["version"] = 1, ["text"] = text },
            });
            return (client, text);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private static Task ChangeImageOpsHeaderAsync(LspClient client, int version, string text) =>
        client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(ImageOpsHeader), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    [Fact]
    public async Task Edit_of_a_c_header_declaration_updates_diagnostics_of_the_csharp_file()
    {
        var (client, text) = await OpenImageOpsHeaderAsync();
        await using var _ = client;
        // Declare io_row_bytes with the export macro: the source's definition takes its default visibility, so the
        // deliberate HL2001 (hidden under the hidden preset) of BrokenImageOpsBindings.cs disappears.
        const string anchor = "IMAGEOPS_API uint64_t io_checksum(const io_image *image, io_progress_fn progress, void *user_data);\n";
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        await ChangeImageOpsHeaderAsync(client, 2, text.Replace(anchor, anchor + "IMAGEOPS_API size_t io_row_bytes(const io_image *image);\n", StringComparison.Ordinal));
        var exported = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/BrokenImageOpsBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 2);
        Assert.Equal(["HL1005", "HL1003"], exported["params"]!["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!));

        // Back to the file as it is: hidden again.
        await ChangeImageOpsHeaderAsync(client, 3, text);
        var hidden = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/BrokenImageOpsBindings.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 3);
        Assert.Equal("HL2001", (string)hidden["params"]!["diagnostics"]!.AsArray()[2]!["code"]!);
    }

    [Fact]
    public async Task Edit_of_a_c_struct_field_reports_the_csharp_struct_that_no_longer_matches()
    {
        var (client, text) = await OpenImageOpsHeaderAsync();
        await using var _ = client;
        // io_stats.count narrowed to 16 bits: the C# IoStats (a uint Count) no longer matches it.
        const string field = "    uint32_t count;\n";
        Assert.Contains(field, text, StringComparison.Ordinal);
        await ChangeImageOpsHeaderAsync(client, 2, text.Replace(field, "    uint16_t count;\n", StringComparison.Ordinal));
        var narrowed = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/ImageOps/IoStats.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 1);
        var diagnostic = narrowed["params"]!["diagnostics"]!.AsArray()[0]!;
        Assert.Equal("HL1009", (string)diagnostic["code"]!);
        Assert.Contains("'uint16_t' (2 bytes", (string)diagnostic["message"]!, StringComparison.Ordinal);

        // Back to the file as it is: the struct matches again.
        await ChangeImageOpsHeaderAsync(client, 3, text);
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == Uri("app/ImageOps/IoStats.cs") && n["params"]!["diagnostics"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Workspace_symbols_cover_bindings_and_exports()
    {
        await using var client = await StartOnDemoAsync();
        var response = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "fm_scale" });
        Assert.True(response["result"] is JsonArray, response.ToJsonString());
        var names = response["result"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        Assert.Contains("fm_scale", names);
        Assert.Contains("Scale (fm_scale)", names);
    }
}
