using System.Globalization;
using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// Trust and safety (DESIGN §7, issue 8): indexing and checking never run project code, code actions never write
/// over a file or outside the workspace, and the server opens no network socket.
/// </summary>
public sealed class TrustTests
{
    /// <summary>A workspace whose every build script would leave a marker file if anything ran it.</summary>
    private static (TempDirectory Dir, string Markers) BoobyTrapped()
    {
        var dir = new TempDirectory();
        var markers = Path.Combine(dir.Path, "markers");
        string Marker(string name) => Path.Combine(markers, name).Replace("\\", "/", StringComparison.Ordinal);
        dir.Write("native/m/Cargo.toml", "[package]\nname = \"m\"\nbuild = \"build.rs\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/m/build.rs", $"fn main() {{ std::fs::create_dir_all(\"{markers}\").unwrap(); std::fs::write(\"{Marker("build.rs")}\", \"ran\").unwrap(); }}\n");
        dir.Write("native/m/src/lib.rs", "#[no_mangle] pub extern \"C\" fn zz_f(a: i32) -> i32 { a }\n");
        dir.Write("native/c/CMakeLists.txt", $"cmake_minimum_required(VERSION 3.10)\nproject(c C)\nexecute_process(COMMAND touch \"{Marker("cmake")}\")\nfile(WRITE \"{Marker("cmake-file")}\" \"ran\")\nadd_library(c SHARED c.c)\n");
        dir.Write("native/c/c.c", "int c_f(int a) { return a; }\n");
        var exec = $"<Exec Command=\"mkdir -p {markers} &amp;&amp; touch {Marker("msbuild-TARGET")}\" />";
        dir.Write("app/App.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\" InitialTargets=\"Trap\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <Target Name=\"Trap\">{exec.Replace("TARGET", "initial", StringComparison.Ordinal)}</Target>\n  <Target Name=\"Before\" BeforeTargets=\"Restore;Build;CoreCompile\">{exec.Replace("TARGET", "before", StringComparison.Ordinal)}</Target>\n</Project>\n");
        dir.Write("Directory.Build.props", $"<Project>\n  <Target Name=\"PropsTrap\" BeforeTargets=\"Restore;Build\">{exec.Replace("TARGET", "props", StringComparison.Ordinal)}</Target>\n</Project>\n");
        dir.Write("Directory.Build.targets", $"<Project>\n  <Target Name=\"TargetsTrap\" AfterTargets=\"Restore;Build\">{exec.Replace("TARGET", "targets", StringComparison.Ordinal)}</Target>\n</Project>\n");
        dir.Write("app/Native.cs", "using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern long zz_f(int a); }\n");
        return (dir, markers);
    }

    [Fact]
    public async Task Check_index_reindex_and_queries_run_no_build_script()
    {
        var (dir, markers) = BoobyTrapped();
        using (dir)
        {
            var check = await ServerProcess.RunAsync("check", dir.Path);
            Assert.Equal(1, check.ExitCode); // the HL1003 on zz_f: the workspace really was analysed
            Assert.Contains("HL1003", check.Stdout, StringComparison.Ordinal);

            await using var client = LspClient.Start();
            await client.InitializeAsync(dir.Path, initializationOptions: new JsonObject { ["workspaceTrusted"] = true });
            await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => ((string?)n["params"]!["uri"])!.EndsWith("Native.cs", StringComparison.Ordinal));
            Assert.Null((await client.RequestAsync("hybridLsp/reindex", null))["error"]);
            var uri = new Uri(Path.Combine(dir.Path, "app/Native.cs")).AbsoluteUri;
            var at = new JsonObject { ["line"] = 1, ["character"] = 62 };
            await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = at.DeepClone() });
            await client.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = new JsonObject { ["start"] = at.DeepClone(), ["end"] = at.DeepClone() },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            });
            Assert.False(Directory.Exists(markers), "a build script ran: " + string.Join(", ", Directory.Exists(markers) ? Directory.GetFiles(markers) : []));
        }
    }

    /// <summary>Build and wire run project code (or make the next build run it): refused unless the client says the workspace is trusted.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Build_and_wire_are_refused_and_build_lenses_absent_in_an_untrusted_workspace(bool? trusted)
    {
        var (dir, markers) = BoobyTrapped();
        using (dir)
        {
            await using var client = LspClient.Start();
            var options = trusted is { } t ? new JsonObject { ["workspaceTrusted"] = t } : null;
            client.AnswerServerRequest = m => (string)m["method"]! == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
            var init = await client.InitializeAsync(dir.Path, new JsonObject { ["workspace"] = new JsonObject { ["applyEdit"] = true } }, options);
            var commands = init["result"]!["capabilities"]!["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string)c!).ToList();
            Assert.Contains("hybridLsp.build", commands);
            Assert.Contains("hybridLsp.wire", commands);
            await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);

            foreach (var (command, argument) in new[]
            {
                ("hybridLsp.build", new JsonObject { ["module"] = "native/m" }),
                ("hybridLsp.build", new JsonObject { ["module"] = "native/c" }),
                ("hybridLsp.wire", new JsonObject { ["project"] = "app/App.csproj", ["module"] = "native/m" }),
            })
            {
                var response = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command, ["arguments"] = new JsonArray(argument) });
                Assert.Equal(-32803, (int)response["error"]!["code"]!);
                Assert.Contains("the workspace is not trusted", (string)response["error"]!["message"]!, StringComparison.Ordinal);
            }
            Assert.DoesNotContain(client.ServerRequests, r => (string)r["method"]! == "workspace/applyEdit");

            var manifest = new Uri(Path.Combine(dir.Path, "native/m/Cargo.toml")).AbsoluteUri;
            var lenses = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = manifest } });
            Assert.Empty(lenses["result"]!.AsArray());
            var uri = new Uri(Path.Combine(dir.Path, "app/Native.cs")).AbsoluteUri;
            var at = new JsonObject { ["line"] = 1, ["character"] = 62 };
            var actions = await client.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = new JsonObject { ["start"] = at.DeepClone(), ["end"] = at.DeepClone() },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            });
            Assert.DoesNotContain(actions["result"]!.AsArray(), a => ((string)a!["title"]!).EndsWith("with dotnet build", StringComparison.Ordinal));
            Assert.DoesNotContain("native-build", File.ReadAllText(Path.Combine(dir.Path, "app/App.csproj")), StringComparison.Ordinal);
            Assert.False(Directory.Exists(markers), "a build script ran: " + string.Join(", ", Directory.Exists(markers) ? Directory.GetFiles(markers) : []));
            Assert.False(Directory.Exists(Path.Combine(dir.Path, "native/m/target")), "cargo ran");
            Assert.False(Directory.Exists(Path.Combine(dir.Path, "native/c/build")), "cmake ran");
        }
    }

    /// <summary>The same workspace when trusted: the lens and the wire action are there; opening, indexing and lenses still run nothing.</summary>
    [Fact]
    public async Task Trusted_lenses_and_actions_run_nothing_until_invoked()
    {
        var (dir, markers) = BoobyTrapped();
        using (dir)
        {
            await using var client = LspClient.Start();
            await client.InitializeAsync(dir.Path, initializationOptions: new JsonObject { ["workspaceTrusted"] = true });
            await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
            foreach (var file in new[] { "native/m/Cargo.toml", "native/c/CMakeLists.txt", "app/Native.cs" })
            {
                var lenses = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(Path.Combine(dir.Path, file)).AbsoluteUri } });
                Assert.NotEmpty(lenses["result"]!.AsArray());
            }
            Assert.False(Directory.Exists(markers), "a build script ran: " + string.Join(", ", Directory.Exists(markers) ? Directory.GetFiles(markers) : []));
        }
    }

    private static JsonObject CreateCapabilities() => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") } },
    };

    private const string Lib = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n";

    private static async Task<List<string>> BindTitles(LspClient client, string libPath)
    {
        var uri = new Uri(libPath).AbsoluteUri;
        var position = new JsonObject { ["line"] = 1, ["character"] = 21 };
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return [.. response["result"]!.AsArray().Select(a => (string)a!["title"]!)];
    }

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    [InlineData("dangling link")]
    public async Task A_create_action_is_not_offered_where_something_already_exists(string what)
    {
        using var dir = new TempDirectory();
        var lib = dir.Write("native/mathcore/src/lib.rs", Lib);
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, CreateCapabilities());
        Assert.Contains("Generate C# binding for 'mc_add'", await BindTitles(client, lib));

        // Created behind the server's back (no watcher event): the index does not know it, the disk does.
        var target = Path.Combine(dir.Path, "app/NativeMethods.Mathcore.cs");
        switch (what)
        {
            case "file": File.WriteAllText(target, "// the user's own file\n"); break;
            case "folder": Directory.CreateDirectory(target); break;
            default: File.CreateSymbolicLink(target, Path.Combine(dir.Path, "elsewhere.cs")); break;
        }
        Assert.DoesNotContain("Generate C# binding for 'mc_add'", await BindTitles(client, lib));
        if (what == "file")
            Assert.Equal("// the user's own file\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task No_action_writes_through_a_symlink_that_leaves_the_workspace()
    {
        using var outside = new TempDirectory();
        outside.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        using var dir = new TempDirectory();
        var lib = dir.Write("native/mathcore/src/lib.rs", Lib);
        dir.Write("native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "app"), outside.Path); // the project folder is a link out
        await using var client = LspClient.Start();
        await client.InitializeAsync(dir.Path, CreateCapabilities());
        await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
        Assert.DoesNotContain("Generate C# binding for 'mc_add'", await BindTitles(client, lib));
        Assert.Single(Directory.GetFiles(outside.Path));
    }

    [Fact]
    public async Task Configuration_paths_that_leave_the_workspace_are_HL0004()
    {
        using var dir = new TempDirectory();
        dir.Write("hybrid-lsp.toml", "[libraries.m]\ncrate = \"../elsewhere\"\n\n[libraries.n]\ncrate = \"/etc\"\n");
        var check = await ServerProcess.RunAsync("check", dir.Path);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error HL0004: 'libraries.m.crate' must stay inside the workspace, but '../elsewhere' leads outside", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("error HL0004: 'libraries.n.crate' must be a path relative to the configuration file, found the absolute path '/etc'", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_opens_no_network_socket_during_a_session()
    {
        var (dir, _) = BoobyTrapped();
        using (dir)
        {
            await using var client = LspClient.Start();
            await client.InitializeAsync(dir.Path, initializationOptions: new JsonObject { ["workspaceTrusted"] = true });
            await client.WaitForNotificationAsync("hybridLsp/serverStatus", n => (bool?)n["params"]!["indexing"] == false);
            await client.RequestAsync("hybridLsp/reindex", null);
            await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "zz" });
            var sockets = SocketInodes(client.ProcessId);
            var network = NetworkInodes(client.ProcessId);
            var open = sockets.Where(network.Contains).ToList();
            Assert.True(open.Count == 0, $"network sockets open: {string.Join(", ", open)} (all sockets: {string.Join(", ", sockets)})");
            // stdio is pipes, not sockets.
            foreach (var fd in new[] { 0, 1 })
                Assert.StartsWith("pipe:", new FileInfo($"/proc/{client.ProcessId}/fd/{fd}").LinkTarget, StringComparison.Ordinal);
        }
    }

    /// <summary>The inodes of the process's socket file descriptors (`socket:[123]`).</summary>
    private static List<string> SocketInodes(int pid)
        => [.. Directory.GetFiles($"/proc/{pid}/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "")
            .Where(t => t.StartsWith("socket:[", StringComparison.Ordinal)).Select(t => t["socket:[".Length..^1])];

    /// <summary>Every TCP/UDP/raw socket inode in the process's network namespace (Unix-domain sockets, used by the .NET diagnostics IPC, are not network).</summary>
    private static HashSet<string> NetworkInodes(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "tcp", "tcp6", "udp", "udp6", "raw", "raw6" })
        {
            var path = $"/proc/{pid}/net/{table}";
            if (!File.Exists(path))
                continue;
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9)
                    inodes.Add(columns[9]);
            }
        }
        return inodes;
    }
}
