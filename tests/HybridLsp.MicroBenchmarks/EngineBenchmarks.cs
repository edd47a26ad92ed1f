using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using HybridLsp.Benchmarks.Generator;
using HybridLsp.Ide;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.MicroBenchmarks;

/// <summary>
/// The hot paths one by one on a dense generated workspace of <see cref="Externs"/> bindings: the Rust item parser,
/// C# extraction (interop files, and ordinary files of the realistic shape), resolution (SemanticModel.Build from
/// extracted files: crates, symbols, bindings, call sites, rules) and rule evaluation alone, plus the engine's whole
/// answer to one edit (apply a changed C# file, then every file's diagnostics).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private GeneratedWorkspace _workspace = null!;
    private string[] _rust = [];
    private string[] _csInterop = [];
    private string[] _csPlain = [];
    private WorkspaceInput _input = null!;
    private SemanticModel _model = null!;
    private AnalysisHost _host = null!;
    private (string Path, string Original, string Changed) _edit;
    private bool _flip;

    [Params(5000)]
    public int Externs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workspace = GeneratedWorkspace.Get(WorkspaceShape.Dense, Externs);
        _rust = [.. _workspace.WithExtension(".rs").Select(f => f.Value)];
        _csInterop = [.. _workspace.WithExtension(".cs").Select(f => f.Value)];
        _csPlain = [.. GeneratedWorkspace.Get(WorkspaceShape.Realistic, 0).WithExtension(".cs")
            .Where(f => f.Key.Contains("/Code/", StringComparison.Ordinal)).Take(1000).Select(f => f.Value)];
        _host = _workspace.NewHost();
        var analysis = _host.Snapshot();
        _model = analysis.Model;
        _input = _model.Input;
        var binding = _workspace.Manifest.Bindings.First(b => b.Mismatch is null && b.Kind == 0);
        var path = _workspace.Root + "/" + binding.CsFile;
        var original = _workspace.Files[path];
        _edit = (path, original, original.Replace($"(int a, int b);", "(long a, int b);", StringComparison.Ordinal));
    }

    [Benchmark(Description = "Rust parser: every .rs file")]
    public int ParseRust()
    {
        var n = 0;
        foreach (var text in _rust)
            n += RustParser.Parse(text).Functions.Length;
        return n;
    }

    [Benchmark(Description = "C# extraction: every interop file")]
    public int ExtractCSharpInterop()
    {
        var n = 0;
        foreach (var text in _csInterop)
            n += CsExtractor.Extract(text, CsExtractOptions.Default).Externs.Length;
        return n;
    }

    [Benchmark(Description = "C# extraction: 1,000 files without interop")]
    public int ExtractCSharpPlain()
    {
        var n = 0;
        foreach (var text in _csPlain)
            n += CsExtractor.Extract(text, CsExtractOptions.Default).Invocations.Length;
        return n;
    }

    [Benchmark(Description = "Resolution: SemanticModel.Build (crates, bindings, call sites, rules)")]
    public int BuildModel() => SemanticModel.Build(_input, CancellationToken.None).Bindings.Length;

    [Benchmark(Description = "Rule evaluation: RuleRunner.Run on a built model")]
    public int RunRules() => RuleRunner.Run(_model, CancellationToken.None).Length;

    [Benchmark(Description = "Edit: change one C# file, then all diagnostics")]
    public int EditThenDiagnostics()
    {
        _flip = !_flip;
        _host.ApplyChange(WorkspaceChange.Of(new FileChange(_edit.Path, _flip ? _edit.Changed : _edit.Original, IsOpen: true)));
        return _host.Snapshot().AllDiagnostics(CancellationToken.None).Count;
    }
}
