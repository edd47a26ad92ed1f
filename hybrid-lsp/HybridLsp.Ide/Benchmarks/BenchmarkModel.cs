using System.Collections.Immutable;

namespace HybridLsp.Ide.Benchmarks;

// The records of "Benchmark managed vs native" (docs/benchmark.md). Plain data: the server builds, runs and reads files.

public enum BenchmarkKind
{
    /// <summary>A method `Name` calling native code and its managed original `NameManaged` (the pair "Extract to native" leaves).</summary>
    ManagedVsNative,
    /// <summary>A bound extern without a managed twin: the native call is measured alone (no ratio).</summary>
    NativeOnly,
}

public enum NativeBuildSystem { Cargo, CMake }

/// <summary>The native module to build in Release before the benchmark runs.</summary>
/// <param name="Directory">The folder of its Cargo.toml or CMakeLists.txt.</param>
/// <param name="LibName">The library name .NET loads (`lib&lt;LibName&gt;.so`): the crate's lib name or the CMake output name.</param>
/// <param name="BuildTarget">The CMake target to build; null for Cargo.</param>
public sealed record NativeModuleTarget(NativeBuildSystem BuildSystem, string Directory, string LibName, string? BuildTarget = null);

/// <summary>Benchmark options: the buffer sizes of span/array/pointer inputs (one BenchmarkDotNet parameter set each).</summary>
public sealed record BenchmarkOptions(ImmutableArray<int> Sizes)
{
    public static readonly BenchmarkOptions Default = new([1024, 65536]);
}

/// <summary>
/// What to generate and run for the method at a position: the methods compared, the C# project they live in, the native
/// module to build first, and the generated project's folder and code.
/// </summary>
/// <param name="NativeMethod">The C# method that calls native code (the extern itself when nothing wraps it).</param>
/// <param name="ManagedMethod">Its managed twin `NativeMethod + "Managed"`; null for <see cref="BenchmarkKind.NativeOnly"/>.</param>
/// <param name="NativeSymbol">The exported native symbol the method reaches.</param>
/// <param name="CSharpProject">The absolute path of the .csproj that compiles the methods.</param>
/// <param name="ProjectDirectory">The folder of the generated BenchmarkDotNet project (under `.hybrid-lsp/benchmarks/`).</param>
/// <param name="ProjectName">Its project name (`&lt;Type&gt;.&lt;Method&gt;.Benchmarks`).</param>
/// <param name="MembersCode">The generated benchmark class body.</param>
public sealed record BenchmarkPlan(
    string Title, BenchmarkKind Kind, string SourcePath, string Container, string ReflectionContainer,
    string NativeMethod, string? ManagedMethod, string Library, string NativeSymbol,
    string CSharpProject, string AssemblyName, NativeModuleTarget Module,
    string ProjectDirectory, string ProjectName, string MembersCode)
{
    public string ProjectFile => $"{ProjectDirectory}/{ProjectName}.csproj";
}

/// <summary>A plan, or why there is none (a sentence for the user).</summary>
public sealed record BenchmarkPlanResult(BenchmarkPlan? Plan, string? Error);

/// <summary>A "Benchmark" code lens on a method's name: the server turns it into `hybridLsp.benchmark` at <see cref="Span"/>'s start.</summary>
/// <param name="Pair">A method `Name` with its managed twin `NameManaged` (managed vs native); false: a bound extern alone.</param>
public sealed record BenchmarkLens(Syntax.Text.TextSpan Span, string Title, string Method, bool Pair);

/// <summary>One row BenchmarkDotNet measured: the benchmark method, its parameters, and its statistics.</summary>
/// <param name="Ratio">BenchmarkDotNet's Ratio column against the baseline (the managed side); null when it wrote none.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation (MemoryDiagnoser); null when not measured.</param>
public sealed record BenchmarkRow(string Method, string Parameters, double MedianNs, double MeanNs, double? Ratio, double? AllocatedBytes);

/// <summary>What a run produced, read from BenchmarkDotNet's own reports, or why it could not be read.</summary>
/// <param name="Environment">BenchmarkDotNet's description of the machine and runtime, as it wrote it.</param>
/// <param name="Notes">Lines for the reader (no ratio without a managed twin, results that disagree, …).</param>
public sealed record BenchmarkResults(ImmutableArray<BenchmarkRow> Rows, string? Environment, ImmutableArray<string> Notes, string? Error);
