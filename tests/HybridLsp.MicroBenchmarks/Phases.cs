using System.Diagnostics;
using HybridLsp.Benchmarks.Generator;
using HybridLsp.Ide;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.MicroBenchmarks;

/// <summary>
/// <c>phases [SIZE] [realistic]</c>: one quick wall-clock pass over the engine's phases on a generated workspace, without
/// BenchmarkDotNet's statistics — to see where an index or an edit spends its time before running the real benchmarks.
/// </summary>
internal static class Phases
{
    public static int Run(string[] args)
    {
        var externs = args.Length > 0 && int.TryParse(args[0].TrimEnd('k'), out var n) ? (args[0].EndsWith('k') ? n * 1000 : n) : 5000;
        var shape = args.Contains("realistic") ? WorkspaceShape.Realistic : WorkspaceShape.Dense;
        var workspace = GeneratedWorkspace.Get(shape, externs);
        Console.WriteLine($"{shape} {workspace.Manifest.Bindings.Count} externs, {workspace.Files.Count} files");
        for (var round = 0; round < 3; round++)
        {
            Console.WriteLine($"-- round {round}");
            Time("Rust parse (all .rs)", () => workspace.WithExtension(".rs").Sum(f => RustParser.Parse(f.Value).Functions.Length));
            Time("C# extract (all .cs)", () => workspace.WithExtension(".cs").AsParallel().Sum(f => CsExtractor.Extract(f.Value, CsExtractOptions.Default).Externs.Length));
            var host = workspace.NewHost();
            Time("first index: all diagnostics", () => host.Snapshot().AllDiagnostics(CancellationToken.None).Count);
            PrintTimes(host.Snapshot());
            var model = host.Snapshot().Model;
            Time("SemanticModel.Build (extracted input)", () => SemanticModel.Build(model.Input, CancellationToken.None).Bindings.Length);
            Time("RuleRunner.Run", () => RuleRunner.Run(model, CancellationToken.None).Length);
            var binding = workspace.Manifest.Bindings.First(b => b.Mismatch is null && b.Kind == 0);
            var path = workspace.Root + "/" + binding.CsFile;
            var original = workspace.Files[path];
            var changed = original.Replace("(int a, int b);", "(long a, int b);", StringComparison.Ordinal);
            for (var i = 0; i < 3; i++)
            {
                host.ApplyChange(WorkspaceChange.Of(new FileChange(path, i % 2 == 0 ? changed : original, IsOpen: true)));
                var snapshot = host.Snapshot();
                Time($"edit {i}: model", () => snapshot.Model.Bindings.Length);
                PrintTimes(snapshot);
                Time($"edit {i}: all diagnostics", () => snapshot.AllDiagnostics(CancellationToken.None).Count);
            }
        }
        return 0;
    }

    private static void PrintTimes(Analysis snapshot)
    {
        foreach (var (phase, ms) in snapshot.State.Times.ToImmutable().Concat(snapshot.Model.Times.ToImmutable()))
            Console.WriteLine($"{ms,20:0.0} ms    {phase}");
    }

    private static void Time(string what, Func<int> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = action();
        Console.WriteLine($"{Stopwatch.GetElapsedTime(start).TotalMilliseconds,9:0.0} ms  {what} ({result})");
    }
}
