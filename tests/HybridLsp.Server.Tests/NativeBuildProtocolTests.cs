using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// `hybridLsp.build`, `hybridLsp.wire` and the Build code lenses against the real server, with real cargo builds:
/// compiler errors become diagnostics and are cleared by the next good build, the produced library is reported and its
/// export table checked against the C# bindings, a long build is cancelled with its process tree.
/// </summary>
public sealed class NativeBuildProtocolTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(3);

    private const string BrokenLib = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b + \"one\" }\n";
    private const string FixedLib = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n";

    private static TempDirectory Workspace(string lib)
    {
        var dir = new TempDirectory();
        dir.Write("native/mc/Cargo.toml", "[package]\nname = \"mc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mc/src/lib.rs", lib);
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("app/Native.cs",
            "using System.Runtime.InteropServices;\nstatic class Native\n{\n    [DllImport(\"mc\")]\n    public static extern int mc_add(int a, int b);\n    [DllImport(\"mc\")]\n    public static extern int mc_gone(int a);\n}\n");
        return dir;
    }

    private static JsonObject Capabilities() => new()
    {
        ["window"] = new JsonObject { ["workDoneProgress"] = true },
        ["workspace"] = new JsonObject { ["applyEdit"] = true, ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
    };

    private static JsonObject Trusted() => new() { ["workspaceTrusted"] = true };

    private static JsonObject Build(string module, string token) => new()
    {
        ["command"] = "hybridLsp.build",
        ["arguments"] = new JsonArray(new JsonObject { ["module"] = module }),
        ["workDoneToken"] = token,
    };

    /// <summary>The first publishDiagnostics for <paramref name="path"/> after the first <paramref name="skip"/> ones that matches.</summary>
    private static async Task<JsonArray> DiagnosticsAfterAsync(LspClient client, int skip, string path, Func<JsonArray, bool> match)
    {
        var uri = new Uri(path).AbsoluteUri;
        var deadline = DateTime.UtcNow + ServerProcess.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var n in client.Notifications("textDocument/publishDiagnostics").Skip(skip))
            {
                if ((string?)n["params"]!["uri"] == uri && n["params"]!["diagnostics"]!.AsArray() is var list && match(list))
                    return list;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"no matching diagnostics for {path}; stderr:\n{client.Stderr}");
    }

    [Fact]
    public async Task Build_reports_compiler_errors_then_clears_them_and_checks_the_built_exports()
    {
        using var dir = Workspace(BrokenLib);
        var lib = Path.Combine(dir.Path, "native/mc/src/lib.rs");
        var native = Path.Combine(dir.Path, "app/Native.cs");
        await using var client = LspClient.Start();
        var init = await client.InitializeAsync(dir.Path, Capabilities(), Trusted());
        Assert.Contains("hybridLsp.build", init["result"]!["capabilities"]!["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string)c!));
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);

        // 1. A compile error: a diagnostic from rustc on the .rs file, progress from begin to end, an error message.
        var before = client.Notifications("textDocument/publishDiagnostics").Count;
        var failed = await client.RequestAsync("workspace/executeCommand", Build("native/mc", "build-1"), s_buildTimeout);
        Assert.False((bool)failed["result"]!["succeeded"]!, failed.ToJsonString());
        var unit = failed["result"]!["units"]![0]!;
        Assert.Equal(("cargo", false), ((string)unit["system"]!, (bool)unit["succeeded"]!));
        Assert.Equal(1, (int)unit["errors"]!);
        var rustc = await DiagnosticsAfterAsync(client, before, lib, l => l.Any(d => (string?)d!["source"] == "rustc"));
        var error = rustc.Single(d => (string?)d!["source"] == "rustc")!;
        Assert.Equal((1, "E0277", 1), ((int)error["range"]!["start"]!["line"]!, (string)error["code"]!, (int)error["severity"]!));
        Assert.StartsWith("cannot add `&str` to `i32`", (string)error["message"]!, StringComparison.Ordinal);
        var progress = client.Notifications("$/progress").Where(n => (string?)n["params"]!["token"] == "build-1").Select(n => (string)n["params"]!["value"]!["kind"]!).ToList();
        Assert.Equal("begin", progress[0]);
        Assert.Equal("end", progress[^1]);
        Assert.Contains("report", progress);
        Assert.Contains(client.Notifications("window/showMessage"), n => (int)n["params"]!["type"]! == 1 && ((string)n["params"]!["message"]!).Contains("1 compiler error", StringComparison.Ordinal));

        // 2. Fixed: the rustc diagnostic is gone, the library is reported, and the extern whose symbol is not in .dynsym is an error.
        File.WriteAllText(lib, FixedLib);
        before = client.Notifications("textDocument/publishDiagnostics").Count;
        var built = await client.RequestAsync("workspace/executeCommand", Build(Path.Combine(dir.Path, "native/mc"), "build-2"), s_buildTimeout);
        var result = built["result"]!;
        Assert.False((bool)result["succeeded"]!, built.ToJsonString()); // mc_gone is not exported
        var library = result["units"]![0]!["libraries"]![0]!;
        Assert.Equal(Path.Combine(dir.Path, "native/mc/target/debug/libmc.so").Replace('\\', '/'), (string)library["path"]!);
        Assert.Equal("ELF 64-bit little-endian shared object (x86-64)", (string)library["format"]!);
        Assert.Equal(2, (int)library["checked"]!);
        var missing = library["missing"]!.AsArray().Single()!;
        Assert.Equal(("mc_gone", "Native.mc_gone", 6), ((string)missing["entryPoint"]!, (string)missing["method"]!, (int)missing["range"]!["start"]!["line"]!));
        await DiagnosticsAfterAsync(client, before, lib, l => l.All(d => (string?)d!["source"] != "rustc"));
        var onExtern = await DiagnosticsAfterAsync(client, before, native, l => l.Any(d => ((string)d!["message"]!).Contains("built library", StringComparison.Ordinal)));
        var exportError = onExtern.Single(d => ((string)d!["message"]!).Contains("built library", StringComparison.Ordinal))!;
        Assert.Equal(("HL1001", 6, "the built library 'libmc.so' does not export 'mc_gone' (read from its export table after the build)"),
            ((string)exportError["code"]!, (int)exportError["range"]!["start"]!["line"]!, (string)exportError["message"]!));
        Assert.Contains(client.Notifications("window/showMessage"), n => (int)n["params"]!["type"]! == 2 && ((string)n["params"]!["message"]!).EndsWith("not exported: mc_gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_long_build_kills_its_process_tree()
    {
        using var dir = Workspace(FixedLib);
        var pidFile = Path.Combine(dir.Path, "build-script.pid").Replace('\\', '/');
        dir.Write("native/mc/Cargo.toml", "[package]\nname = \"mc\"\nversion = \"0.1.0\"\nedition = \"2021\"\nbuild = \"build.rs\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mc/build.rs", $"fn main() {{ std::fs::write(\"{pidFile}\", std::process::id().to_string()).unwrap(); std::thread::sleep(std::time::Duration::from_secs(300)); }}\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, Capabilities(), Trusted());

        var (_, response) = client.StartRequest("workspace/executeCommand", Build("native/mc", "long"));
        await client.WaitForNotificationAsync("$/progress", n => (string?)n["params"]!["token"] == "long" && (bool?)n["params"]!["value"]!["cancellable"] == true);
        var deadline = DateTime.UtcNow + s_buildTimeout;
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the build script never started");
            await Task.Delay(100);
        }
        var pid = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists($"/proc/{pid}"));

        await client.NotifyAsync("window/workDoneProgress/cancel", new JsonObject { ["token"] = "long" });
        var answer = await response.WaitAsync(ServerProcess.Timeout);
        Assert.Equal(-32800, (int)answer["error"]!["code"]!); // RequestCancelled
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++)
            await Task.Delay(100);
        Assert.True(!Directory.Exists($"/proc/{pid}") || IsZombie(pid), "the build script still runs after the cancellation");
        Assert.Equal("end", (string)client.Notifications("$/progress").Last(n => (string?)n["params"]!["token"] == "long")["params"]!["value"]!["kind"]!);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task Lenses_build_their_module_and_wire_edits_the_project()
    {
        using var dir = Workspace(FixedLib);
        await using var client = LspClient.Start();
        client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        var init = await client.InitializeAsync(dir.Path, Capabilities(), Trusted());
        Assert.NotNull(init["result"]!["capabilities"]!["codeLensProvider"]);
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);

        var module = Path.Combine(dir.Path, "native/mc").Replace('\\', '/');
        foreach (var (file, line) in new[] { ("native/mc/Cargo.toml", 0), ("app/Native.cs", 4) })
        {
            var lenses = (await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(Path.Combine(dir.Path, file)).AbsoluteUri } }))["result"]!.AsArray();
            var lens = Assert.Single(lenses, l => (string)l!["command"]!["command"]! == "hybridLsp.build")!;
            Assert.Equal(("Build mc", "hybridLsp.build", module, line),
                ((string)lens["command"]!["title"]!, (string)lens["command"]!["command"]!, (string)lens["command"]!["arguments"]![0]!["module"]!, (int)lens["range"]!["start"]!["line"]!));
        }

        var response = await client.RequestAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = "hybridLsp.wire",
            ["arguments"] = new JsonArray(new JsonObject { ["project"] = "app/App.csproj", ["module"] = "native/mc" }),
        });
        Assert.True((bool)response["result"]!["applied"]!, response.ToJsonString());
        var apply = client.ServerRequests.Single(r => (string)r["method"]! == "workspace/applyEdit");
        Assert.Equal("Build mc with dotnet build", (string)apply["params"]!["label"]!);
        var change = apply["params"]!["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.EndsWith("/app/App.csproj", (string)change["textDocument"]!["uri"]!);
        Assert.Contains("<!-- hybrid-lsp:native-build mc begin -->", (string)change["edits"]![0]!["newText"]!);

        // The code action on the extern offers the same wiring.
        var at = new JsonObject { ["line"] = 4, ["character"] = 30 };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(Path.Combine(dir.Path, "app/Native.cs")).AbsoluteUri },
            ["range"] = new JsonObject { ["start"] = at.DeepClone(), ["end"] = at.DeepClone() },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))["result"]!.AsArray();
        Assert.Contains(actions, a => (string)a!["title"]! == "Build mc with dotnet build");
    }
}
