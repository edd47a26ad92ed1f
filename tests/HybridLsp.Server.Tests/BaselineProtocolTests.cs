using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>The server reads the baseline named in hybrid-lsp.toml (the engine does no IO) and publishes its findings as hints.</summary>
public sealed class BaselineProtocolTests
{
    [Fact]
    public async Task Baselined_findings_are_published_as_hints_and_follow_the_baseline_file()
    {
        using var dir = new TempDirectory();
        dir.Write("hybrid-lsp.toml", "baseline = \"ci/baseline.json\"\n");
        var baseline = dir.Write("ci/baseline.json", "{ \"version\": 1, \"findings\": [ { \"code\": \"HL1005\", \"file\": \"app/Native.cs\", \"symbol\": \"mc_is_ready\" } ] }\n");
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        var native = dir.Write("app/Native.cs", """
            using System.Runtime.InteropServices;
            static class Native
            {
            #pragma warning disable HL1004
                [DllImport("mathcore")] static extern bool mc_is_ready();
            #pragma warning restore HL1004
            }
            """);
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mathcore/src/lib.rs", "#[no_mangle] pub extern \"C\" fn mc_is_ready() -> bool { true }\n");
        var uri = new Uri(native).AbsoluteUri;

        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path);
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri);
        var diagnostics = published["params"]!["diagnostics"]!.AsArray();
        var hl1005 = Assert.Single(diagnostics, d => (string?)d!["code"] == "HL1005")!;
        Assert.Equal(4, (int)hl1005["severity"]!);
        Assert.EndsWith("(baselined)", (string)hl1005["message"]!);
        var unused = Assert.Single(diagnostics, d => (string?)d!["code"] == "HL0005")!;
        Assert.Equal(4, (int)unused["severity"]!);
        Assert.Equal([1], unused["tags"]!.AsArray().Select(t => (int)t!));

        // An emptied baseline, announced by any file event, makes the finding an error again.
        File.WriteAllText(baseline, "{ \"version\": 1, \"findings\": [] }\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(baseline).AbsoluteUri, ["type"] = 2 }),
        });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri
            && n["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "HL1005" && (int)d["severity"]! == 1));
    }
}
