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
        if (Array.IndexOf(args, "edits") is var e and >= 0)
            return Edits(workspace, e + 1 < args.Length && int.TryParse(args[e + 1], out var count) ? count : 100, args.Contains("rust"));
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

    /// <summary>
    /// <c>phases SIZE edits [COUNT] [rust]</c>: <paramref name="count"/> C# edits (a parameter type changed and reverted) — or
    /// with <c>rust</c>, a Rust export renamed and back — after a warm-up, each to complete diagnostics; prints each phase's
    /// median and maximum and the garbage collections the edits caused.
    /// </summary>
    private static int Edits(GeneratedWorkspace workspace, int count, bool rust)
    {
        var host = workspace.NewHost();
        host.Snapshot().AllDiagnostics(CancellationToken.None);
        var binding = workspace.Manifest.Bindings.First(b => b.Mismatch is null && b.Kind == 0);
        var path = workspace.Root + "/" + (rust ? binding.RustFile : binding.CsFile);
        var original = workspace.Files[path];
        var changed = rust
            ? original.Replace($"fn {binding.Symbol}(", $"fn {binding.Symbol}_renamed(", StringComparison.Ordinal)
            : original.Replace("(int a, int b);", "(long a, int b);", StringComparison.Ordinal);
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var totals = new List<double>();
        int[] gcBefore = [];
        for (var i = -10; i < count; i++)
        {
            if (i == 0)
                gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var start = Stopwatch.GetTimestamp();
            host.ApplyChange(WorkspaceChange.Of(new FileChange(path, i % 2 == 0 ? changed : original, IsOpen: true)));
            var snapshot = host.Snapshot();
            snapshot.AllDiagnostics(CancellationToken.None);
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i < 0)
                continue;
            totals.Add(total);
            foreach (var (phase, ms) in snapshot.State.Times.ToImmutable().Concat(snapshot.Model.Times.ToImmutable()))
            {
                var name = phase.Split(" (")[0];
                if (!phases.TryGetValue(name, out var list))
                    phases[name] = list = [];
                list.Add(ms);
            }
        }
        static double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);
        if (!rust)
        {
            var alone = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var start = Stopwatch.GetTimestamp();
                CsExtractor.Extract(changed, CsExtractOptions.Default);
                alone.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            Console.WriteLine($"the edited file alone ({changed.Length} chars, {changed.Count(c => c == '\n')} lines): C# extract median {Median(alone):0.0} ms");
        }
        Console.WriteLine($"{count} edits: total median {Median(totals):0.0} ms, max {totals.Max():0.0} ms; GCs gen0 {GC.CollectionCount(0) - gcBefore[0]}, gen1 {GC.CollectionCount(1) - gcBefore[1]}, gen2 {GC.CollectionCount(2) - gcBefore[2]}");
        foreach (var (phase, list) in phases)
            Console.WriteLine($"{Median(list),9:0.0} median {list.Max(),9:0.0} max  {phase}");
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
