using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// `hybridLsp.benchmark` over the real server: advertised, refused in an untrusted workspace, InvalidParams for bad
/// arguments, and a clear unmeasured result (with `$/progress` begun and ended) where nothing can be benchmarked. The
/// real build-and-run path is tested by tests/HybridLsp.Oracle.Tests/BenchmarkOracleTests.cs.
/// </summary>
public sealed class BenchmarkProtocolTests
{
    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\nversion = \"0.1.0\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mathcore/src/lib.rs", "#[no_mangle]\npub extern \"C\" fn mc_square(x: i32) -> i32 { x * x }\n");
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        dir.Write("app/Native.cs",
            "using System.Runtime.InteropServices;\nstatic class Native\n{\n    [DllImport(\"mathcore\")]\n    public static extern int mc_square(int x);\n\n    static int Twice(int x) => x * 2;\n}\n");
        return dir;
    }

    private static JsonObject Benchmark(TempDirectory dir, int line, int character = 4, JsonNode? sizes = null) => new()
    {
        ["command"] = "hybridLsp.benchmark",
        ["arguments"] = new JsonArray(new JsonObject
        {
            ["uri"] = new Uri(Path.Combine(dir.Path, "app", "Native.cs")).AbsoluteUri,
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["sizes"] = sizes,
        }),
    };

    private static Task Indexed(LspClient client) =>
        client.WaitForNotificationAsync("hybridLsp/serverStatus", n => n["params"]?["indexing"]?.GetValue<bool>() == false);

    private static JsonObject Trusted() => new() { ["workspaceTrusted"] = true };


    [Fact]
    public async Task Benchmark_is_advertised_and_refused_in_an_untrusted_workspace()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        var init = await client.InitializeAsync(dir.Path);
        Assert.Contains("hybridLsp.benchmark", init["result"]!["capabilities"]!["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string)c!));

        var response = await client.RequestAsync("workspace/executeCommand", Benchmark(dir, 4));

        Assert.Equal(-32803, (int)response["error"]!["code"]!);
        Assert.Contains("trust", (string)response["error"]!["message"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(client.Notifications("hybridLsp/benchmarkReport"));
    }

    [Fact]
    public async Task Bad_sizes_are_InvalidParams()
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, initializationOptions: Trusted());
        await Indexed(client);

        var response = await client.RequestAsync("workspace/executeCommand", Benchmark(dir, 4, sizes: new JsonArray(0)));

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.Contains("'sizes'", (string)response["error"]!["message"]!);
    }

    [Theory]
    [InlineData(1, "place the cursor on a C# method: a bound extern, or a method 'Name' with a managed twin 'NameManaged'")]
    [InlineData(6, "'Twice' is not a [DllImport]/[LibraryImport] method and has no managed twin 'TwiceManaged' to compare with")]
    public async Task Nothing_to_measure_is_an_unmeasured_result_that_says_why(int line, string message)
    {
        using var dir = Workspace();
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } }, Trusted());
        await Indexed(client);

        var response = await client.RequestAsync("workspace/executeCommand", Benchmark(dir, line));

        Assert.False((bool)response["result"]!["measured"]!, response.ToJsonString());
        Assert.Equal(message, (string)response["result"]!["message"]!);
        Assert.Null(response["result"]!["report"]);
        var progress = client.Notifications("$/progress")
            .Where(n => n["params"]!["token"]!.ToString().StartsWith("hybridLsp/command/", StringComparison.Ordinal))
            .Select(n => (string)n["params"]!["value"]!["kind"]!).ToList();
        Assert.Equal("begin", progress.First());
        Assert.Equal("end", progress.Last());
        Assert.Empty(client.Notifications("hybridLsp/benchmarkReport"));
    }

    [Fact]
    public async Task Benchmark_lenses_on_the_pair_and_the_extern_only_when_trusted()
    {
        using var dir = Workspace();
        dir.Write("app/Pair.cs",
            "using System.Runtime.InteropServices;\nstatic class Pair\n{\n    [DllImport(\"mathcore\")]\n    private static extern int mc_square(int x);\n\n"
            + "    internal static int Square(int x) => mc_square(x);\n\n    internal static int SquareManaged(int x) => x * x;\n}\n");
        var uri = new Uri(Path.Combine(dir.Path, "app", "Pair.cs")).AbsoluteUri;
        var request = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        foreach (var trusted in new[] { true, false })
        {
            await using var client = LspClient.Start();
            await client.InitializeAsync(dir.Path, new JsonObject(), trusted ? Trusted() : null);
            await Indexed(client);
            var lenses = (await client.RequestAsync("textDocument/codeLens", request.DeepClone()))["result"]!.AsArray()
                .Where(l => (string?)l!["command"]?["command"] == "hybridLsp.benchmark").ToList();
            if (!trusted)
            {
                Assert.Empty(lenses);
                continue;
            }
            // The extern (line 4) and the native side of the pair (line 6), not its managed twin; each runs the benchmark
            // command at the method's name, as the editor's "Benchmark" command would.
            Assert.Equal([("Benchmark native", 4, 30), ("Benchmark managed vs native", 6, 24)],
                lenses.Select(l => ((string)l!["command"]!["title"]!, (int)l["range"]!["start"]!["line"]!, (int)l["range"]!["start"]!["character"]!)));
            foreach (var lens in lenses)
            {
                var argument = lens!["command"]!["arguments"]![0]!;
                Assert.Equal(uri, (string)argument["uri"]!);
                Assert.Equal(((int)lens["range"]!["start"]!["line"]!, (int)lens["range"]!["start"]!["character"]!),
                    ((int)argument["position"]!["line"]!, (int)argument["position"]!["character"]!));
            }
        }
    }
}
