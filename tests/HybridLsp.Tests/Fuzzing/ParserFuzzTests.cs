using HybridLsp.Ide;
using HybridLsp.Semantics.Config;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// Every parser and reader of the engine under <see cref="Fuzz"/>: no exception, no hang, memory linear in the input.
/// A new reader (CMake, libclang) is one more test of one line here.
/// </summary>
public sealed class ParserFuzzTests
{
    [Fact]
    public void Rust_parser() => AssertRan(Fuzz.Run("rust", Seeds(FuzzSeeds.Rust, 20), text => RustParser.Parse(text)));

    [Fact]
    public void CSharp_extraction() => AssertRan(Fuzz.Run("csharp", Seeds(FuzzSeeds.CSharp, 20), text => CsExtractor.Extract(text, CsExtractOptions.Default)));

    [Fact]
    public void Cargo_manifest() => AssertRan(Fuzz.Run("cargo-toml", Seeds(FuzzSeeds.CargoToml, 5), text => CargoManifest.Read(text)));

    [Fact]
    public void Hybrid_lsp_toml() => AssertRan(Fuzz.Run("hybrid-lsp-toml", Seeds(FuzzSeeds.HybridToml, 3), text => ConfigReader.Read("/ws/hybrid-lsp.toml", text)));

    [Fact]
    public void Csproj_reader() => AssertRan(Fuzz.Run("csproj", Seeds(FuzzSeeds.Project, 2), text => CsProjectReader.Read(text)));

    [Fact]
    public void Cmake_discovery() => AssertRan(Fuzz.Run("cmake", Seeds(FuzzSeeds.Where(p => p.EndsWith("CMakeLists.txt", StringComparison.Ordinal) || p.EndsWith(".cmake", StringComparison.Ordinal)), 3),
        text => global::HybridLsp.Syntax.CMake.CMakeDiscovery.Discover("/ws", new Dictionary<string, string> { ["/ws/CMakeLists.txt"] = text })));

    [Fact]
    public void Compile_commands_reader() => AssertRan(Fuzz.Run("compile-commands",
        Seeds([.. BuildTreeSeeds.CompileCommands, .. FuzzSeeds.Where(p => p.EndsWith("compile_commands.json", StringComparison.Ordinal))], 3),
        text => global::HybridLsp.Syntax.CMake.CompileCommands.Read(BuildTreeSeeds.BuildDir + "/compile_commands.json", text)));

    /// <summary>The File API reader and the build-tree lookup over it (a mutated seed is split back into reply files).</summary>
    [Fact]
    public void Cmake_file_api_reader() => AssertRan(Fuzz.Run("cmake-file-api", Seeds(BuildTreeSeeds.FileApi, 2), text =>
    {
        var files = BuildTreeSeeds.ReplyFiles(text);
        var reply = global::HybridLsp.Syntax.CMake.CMakeFileApi.Read(BuildTreeSeeds.BuildDir, files);
        var tree = new global::HybridLsp.Syntax.CMake.CMakeBuildTree(files);
        return (reply, tree.FlagsFor("imageops", ["/ws/native/src/a.c"], tree.Candidates([], ["/ws"])));
    }));

    /// <summary>libclang on mutated C and C++ sources (fewer cases: each is a real parse on its own thread).</summary>
    [Fact]
    public void C_parser() => AssertRan(Fuzz.Run("c", Seeds(FuzzSeeds.Where(p => p.EndsWith(".c", StringComparison.Ordinal) || p.EndsWith(".h", StringComparison.Ordinal) || p.EndsWith(".cpp", StringComparison.Ordinal)), 3),
        text => { if (Environment.GetEnvironmentVariable("HL_FUZZ_TRACE") is { } trace) File.WriteAllBytes(trace, System.Text.Encoding.UTF8.GetBytes(text)); return global::HybridLsp.Syntax.C.ClangParser.Parse(global::HybridLsp.Syntax.C.ClangOptions.Default,
            new global::HybridLsp.Syntax.C.CParseRequest("/ws/fuzz.c", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("/ws/fuzz.c", text), "x86_64-unknown-linux-gnu"),
            CancellationToken.None); },
        FuzzOptions.FromEnvironment(defaultCases: 300)));

    /// <summary>
    /// The whole engine on the demo with one file replaced by a mutation of it: extraction, module tree, resolution,
    /// every rule and the code actions on each finding.
    /// </summary>
    [Fact]
    public void Whole_engine_on_the_demo()
    {
        var demo = Path.Combine(FuzzSeeds.RepoRoot, "examples", "hybrid-demo");
        var files = Directory.EnumerateFiles(demo, "*", SearchOption.AllDirectories)
            .Where(f => AnalysisHost.IsWorkspaceFile(f) && !f.Contains("/target/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (Path: "/demo" + f[demo.Length..], Text: File.ReadAllText(f))).ToList();
        var baseHost = new AnalysisHost(new AnalysisOptions("/demo"));
        baseHost.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Path, f.Text))]));
        var seeds = files.Select(f => f.Path + "\n" + f.Text).ToList();
        var report = Fuzz.Run("engine", seeds, input =>
        {
            var newline = input.IndexOf('\n');
            var path = newline > 0 ? input[..newline] : "";
            if (!files.Any(f => f.Path == path))
                path = files[(int)((uint)input.GetHashCode() % (uint)files.Count)].Path;
            var text = newline >= 0 ? input[(newline + 1)..] : input;
            var host = new AnalysisHost(new AnalysisOptions("/demo"));
            host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Path, f.Path == path ? text : f.Text))]));
            var analysis = host.Snapshot();
            var diagnostics = analysis.CheckDiagnostics(CancellationToken.None);
            foreach (var d in diagnostics.Take(20))
                _ = analysis.CodeActions(d.Path, d.Span, CancellationToken.None);
            _ = analysis.Hover(new FilePosition(path, text.Length / 2), CancellationToken.None);
            _ = analysis.GotoDefinition(new FilePosition(path, text.Length / 3), CancellationToken.None);
            return diagnostics;
        }, FuzzOptions.FromEnvironment(defaultCases: 500));
        AssertRan(report);
    }

    /// <summary>At most <paramref name="minimum"/> seeds are required, so a fixture move cannot silently empty a corpus.</summary>
    private static IReadOnlyList<string> Seeds(IReadOnlyList<string> seeds, int minimum)
    {
        Assert.True(seeds.Count >= minimum, $"expected at least {minimum} seed texts, found {seeds.Count}");
        return seeds;
    }

    private static void AssertRan(FuzzReport report) => Assert.True(report.Cases > 0, report.ToString());
}
