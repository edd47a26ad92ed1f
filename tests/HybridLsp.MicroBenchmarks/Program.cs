using BenchmarkDotNet.Running;

// BenchmarkDotNet micro benchmarks of the engine's hot paths; arguments go to BenchmarkDotNet
// (e.g. --filter '*Rust*', --job short). `phases [SIZE] [realistic]` prints one quick pass per phase instead.
if (args.Length > 0 && args[0] == "phases")
    return HybridLsp.MicroBenchmarks.Phases.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(HybridLsp.MicroBenchmarks.EngineBenchmarks).Assembly).Run(args);
return 0;
