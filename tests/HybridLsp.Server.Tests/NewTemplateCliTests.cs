namespace HybridLsp.Server.Tests;

/// <summary>`hybrid-lsp new TEMPLATE DIR`: the seed templates rendered into a new folder, never over existing files.</summary>
public sealed class NewTemplateCliTests
{
    [Fact]
    public async Task New_renders_the_kv_cache_crate_and_its_dotnet_file_then_refuses_to_overwrite()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "native", "kvcache");
        var result = await ServerProcess.RunAsync("new", "rust-kv-cache", target, "--namespace", "MyApp");
        Assert.Equal(0, result.ExitCode);
        var created = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Path.GetRelativePath(target, l.Trim()).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal([".gitignore", "Cargo.toml", "dotnet/KvCache.cs", "src/lib.rs"], created);
        Assert.Contains("name = \"kvcache\"", File.ReadAllText(Path.Combine(target, "Cargo.toml")));
        Assert.Contains("pub extern \"C\" fn kvcache_create()", File.ReadAllText(Path.Combine(target, "src", "lib.rs")));
        var dotnet = File.ReadAllText(Path.Combine(target, "dotnet", "KvCache.cs"));
        Assert.Contains("namespace MyApp;", dotnet);
        Assert.DoesNotContain("{{", dotnet);

        var again = await ServerProcess.RunAsync("new", "rust-kv-cache", target);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
    }

    [Theory]
    [InlineData("rust-nothing", "kv", "unknown template 'rust-nothing'")]
    [InlineData("rust-rowagg", "Row-Agg", "'Row_Agg' is not a crate name")]
    public async Task Bad_template_or_name_exits_2(string template, string folder, string message)
    {
        using var dir = new TempDirectory();
        var result = await ServerProcess.RunAsync("new", template, Path.Combine(dir.Path, folder));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, folder)));
    }
}
