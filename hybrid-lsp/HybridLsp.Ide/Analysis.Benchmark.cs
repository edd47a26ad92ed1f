using HybridLsp.Ide.Benchmarks;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>
    /// What "Benchmark managed vs native" would generate and run for the C# method at <paramref name="position"/>: the pair
    /// `Name`/`NameManaged`, or a bound extern alone (docs/benchmark.md). An error says why nothing can be measured there.
    /// </summary>
    public BenchmarkPlanResult BenchmarkPlan(FilePosition position, BenchmarkOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return BenchmarkPlanner.Plan(this, position with { Path = Normalize(position.Path) }, options ?? BenchmarkOptions.Default, cancellationToken);
    }

    /// <summary>
    /// "Benchmark" lenses in <paramref name="path"/>: on each method with a managed twin `NameManaged` that calls native code
    /// and on each bound extern, where <see cref="BenchmarkPlan"/> would plan a benchmark (the server runs
    /// `hybridLsp.benchmark` at the lens).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<BenchmarkLens> BenchmarkLenses(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return BenchmarkPlanner.Lenses(this, Normalize(path), cancellationToken);
    }
}
