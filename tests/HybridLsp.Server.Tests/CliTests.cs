using System.Text.Json;
using System.Text.RegularExpressions;

namespace HybridLsp.Server.Tests;

/// <summary>`hybrid-lsp --version` and `check` run as a process: exit codes, stdout only for the report.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var result = await ServerProcess.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+\s*$"), result.Stdout);
    }

    [Fact]
    public async Task Check_of_an_empty_folder_reports_nothing_and_exits_0()
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("check", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 infos in 0 files", result.Stdout.Trim());
    }

    [Fact]
    public async Task Timings_go_to_stderr_phase_by_phase_and_leave_the_report_alone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "A.cs"), "class A { }\n");
        var plain = await ServerProcess.RunAsync("check", dir.Path, "--format", "json");
        var timed = await ServerProcess.RunAsync("check", dir.Path, "--format", "json", "--timings");
        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.Stdout, timed.Stdout);
        var lines = timed.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("hybrid-lsp check:", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^hybrid-lsp check:\s+\d+\.\d ms  read 1 files$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^hybrid-lsp check:\s+\d+\.\d ms  analysis$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^hybrid-lsp check:\s+\d+\.\d ms    C# extract \(0 of 1 extracted\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^hybrid-lsp check:\s+\d+\.\d ms    binding rules \(0 of 0\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^hybrid-lsp check:\s+\d+\.\d ms  report \(json\)$"));
        Assert.DoesNotContain("ms  read", plain.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--target", "linux-x64,amiga-m68k")]
    [InlineData("--fail-on", "info")]
    [InlineData("--no-such-option")]
    public async Task Bad_arguments_exit_2_with_a_message_on_stderr(params string[] args)
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync(["check", dir.Path, .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr.Trim());
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task Missing_folder_exits_2()
    {
        var result = await ServerProcess.RunAsync("check", Path.Combine(Path.GetTempPath(), "hybrid-lsp-tests", "does-not-exist-" + Guid.NewGuid()));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a directory", result.Stderr);
    }

    [Fact]
    public async Task Missing_config_file_exits_2()
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--config", Path.Combine(dir.Path, "nope.toml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.toml", result.Stderr);
    }

    [Fact]
    public async Task Every_known_target_is_accepted()
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--target", "linux-x64,linux-arm64,win-x64,win-x86,win-arm64,osx-x64,osx-arm64");
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Json_output_has_version_1_root_and_empty_arrays()
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(dir.EnginePath, root.GetProperty("root").GetString());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(0, root.GetProperty("bindings").GetArrayLength());
    }

    [Fact]
    public async Task Sarif_output_lists_every_rule_with_an_absolute_help_uri()
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("check", dir.Path, "--format", "sarif");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("hybrid-lsp", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(HybridLsp.Semantics.Rules.RuleCatalog.All.Length, rules.Count);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Matches(new Regex("^HL[0-9]{4}$"), id);
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            var help = rule.GetProperty("helpUri").GetString()!;
            Assert.True(Uri.TryCreate(help, UriKind.Absolute, out var uri), help);
            Assert.EndsWith($"/{id}.md", uri!.AbsolutePath);
        }
        var rootUri = run.GetProperty("originalUriBaseIds").GetProperty("ROOT").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", rootUri);
        Assert.EndsWith("/", rootUri);
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Check_counts_the_workspace_files_it_read_and_survives_binary_and_invalid_utf8()
    {
        using var dir = new TempDirectory();
        dir.Write("app/Native.cs", "static class Native { }\n");
        dir.WriteBytes("app/Binary.cs", [0x4d, 0x5a, 0x00, 0x01, 0x02]);
        dir.WriteBytes("native/src/lib.rs", [0x66, 0x6e, 0x20, 0xff, 0xfe, 0x0a]);
        dir.Write("app/bin/Debug/Skipped.cs", "class Skipped { }\n");
        var result = await ServerProcess.RunAsync("check", dir.Path);
        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        Assert.EndsWith("in 3 files", result.Stdout.Trim());
    }

    private static string DemoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("HybridLsp.sln"), "examples", "hybrid-demo");
    }

    [Fact]
    public async Task Bind_prints_a_binding_for_every_export_of_the_demo_crate()
    {
        var result = await ServerProcess.RunAsync("bind", "fastmath", DemoRoot());
        Assert.Equal(0, result.ExitCode);
        foreach (var export in new[] { "fm_add", "fm_clamp", "fm_dot", "fm_is_even", "fm_length", "fm_scale", "fm_sum", "fm_version" })
            Assert.Contains($"EntryPoint = \"{export}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[return: MarshalAs(UnmanagedType.U1)]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("internal static partial long fm_sum(int* values, nuint len);", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_writes_out_file_and_refuses_to_overwrite_it()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "Bindings.cs");
        var first = await ServerProcess.RunAsync("bind", "fastmath", DemoRoot(), "--out", file);
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(first.Stdout.Trim());
        var written = File.ReadAllText(file);
        Assert.Contains("EntryPoint = \"fm_add\"", written, StringComparison.Ordinal);

        var second = await ServerProcess.RunAsync("bind", "fastmath", DemoRoot(), "--out", file);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already exists", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(file));
    }

    [Fact]
    public async Task Bind_of_an_unknown_library_exits_2()
    {
        var result = await ServerProcess.RunAsync("bind", "nosuchlib", DemoRoot());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nosuchlib", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout.Trim());
    }
}
