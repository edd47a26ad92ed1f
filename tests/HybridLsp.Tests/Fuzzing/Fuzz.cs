using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// How long and how hard one fuzz run goes. CI runs the defaults (fixed seed, a few thousand cases); a longer run sets
/// <c>HYBRIDLSP_FUZZ_CASES</c> and <c>HYBRIDLSP_FUZZ_SEED</c> (see docs/hardening.md and fuzz.sh).
/// </summary>
/// <param name="Cases">Mutated inputs per parser.</param>
/// <param name="Seed">The run's seed: case <c>i</c> depends only on (Seed, i), so a failure is reproducible alone.</param>
/// <param name="TimeLimit">Per input: a parse that takes longer is a hang.</param>
/// <param name="MemoryBase">Bytes any single input may allocate regardless of its size.</param>
/// <param name="MemoryPerInputByte">Further bytes it may allocate per byte of input: memory stays linear in the input.</param>
public sealed record FuzzOptions(int Cases, int Seed, TimeSpan TimeLimit, long MemoryBase, long MemoryPerInputByte)
{
    public const int DefaultCases = 2000;
    public const int DefaultSeed = 20261125;

    public static FuzzOptions FromEnvironment(int defaultCases = DefaultCases) => new(
        Int("HYBRIDLSP_FUZZ_CASES") ?? defaultCases,
        Int("HYBRIDLSP_FUZZ_SEED") ?? DefaultSeed,
        TimeSpan.FromMilliseconds(Int("HYBRIDLSP_FUZZ_TIME_LIMIT_MS") ?? 10_000),
        MemoryBase: 512L << 20,
        MemoryPerInputByte: 4096);

    private static int? Int(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>What a run did, for the test output and docs/hardening.md.</summary>
public sealed record FuzzReport(string Name, int Cases, TimeSpan Elapsed, TimeSpan Slowest, long MaxAllocatedBytes, double MaxBytesPerInputByte, int LargestInput)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fuzz {Name}: {Cases} cases in {Elapsed.TotalSeconds:0.0} s, slowest {Slowest.TotalMilliseconds:0} ms, max allocated {MaxAllocatedBytes / (1024.0 * 1024):0.0} MB ({MaxBytesPerInputByte:0} B per input byte), largest input {LargestInput / 1024.0:0} KB");
}

/// <summary>
/// A mutation fuzzer for any parser or reader: inputs are the seeds (fixture texts) mutated by <see cref="FuzzMutator"/>
/// plus random bytes. Every input runs on one worker thread; the run fails on the first input whose parse throws,
/// takes longer than the time limit, or allocates more than the memory bound. The failing input is saved under
/// the temp folder (<c>hybrid-lsp-fuzz/</c>) and named in the failure. A new parser plugs in with one line:
/// <c>Fuzz.Run("cmake", seeds, text =&gt; CMakeReader.Read(text))</c>.
/// </summary>
public static class Fuzz
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Fuzzes a text parser: mutated bytes are decoded as UTF-8 (invalid bytes become U+FFFD, as the server reads files), and some cases also get lone surrogates.</summary>
    public static FuzzReport Run(string name, IReadOnlyList<string> seeds, Func<string, object?> parse, FuzzOptions? options = null)
        => RunBytes(name, [.. seeds.Select(s_utf8.GetBytes)], (bytes, random) => parse(Decode(bytes, random)), options);

    /// <summary>Fuzzes a byte reader (the LSP frame reader).</summary>
    public static FuzzReport RunBytes(string name, IReadOnlyList<byte[]> seeds, Func<byte[], object?> parse, FuzzOptions? options = null)
        => RunBytes(name, seeds, (bytes, _) => parse(bytes), options);

    private static FuzzReport RunBytes(string name, IReadOnlyList<byte[]> seeds, Func<byte[], Random, object?> parse, FuzzOptions? options)
    {
        options ??= FuzzOptions.FromEnvironment();
        if (seeds.Count == 0)
            throw new ArgumentException($"fuzz {name}: no seeds", nameof(seeds));
        using var worker = new FuzzWorker();
        var total = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        long maxAllocated = 0;
        double maxRatio = 0;
        var largest = 0;
        for (var i = 0; i < options.Cases; i++)
        {
            var random = new Random(unchecked(options.Seed * 1_000_003 + i));
            var (input, how) = FuzzMutator.Next(random, seeds);
            var decodeRandom = new Random(unchecked(options.Seed * 7 + i));
            var outcome = worker.Run(() => parse(input, decodeRandom), options.TimeLimit);
            largest = Math.Max(largest, input.Length);
            if (outcome is null)
                Fail(name, options, i, how, input, $"did not finish within {options.TimeLimit.TotalSeconds:0.#} s (a hang)");
            var (error, elapsed, allocated) = outcome!.Value;
            if (error is not null)
                Fail(name, options, i, how, input, "threw " + error);
            var bound = options.MemoryBase + options.MemoryPerInputByte * input.Length;
            if (allocated > bound)
                Fail(name, options, i, how, input, $"allocated {allocated:N0} bytes, over the bound {bound:N0} ({options.MemoryPerInputByte} per input byte + {options.MemoryBase:N0})");
            slowest = elapsed > slowest ? elapsed : slowest;
            maxAllocated = Math.Max(maxAllocated, allocated);
            if (input.Length >= 1024)
                maxRatio = Math.Max(maxRatio, (double)allocated / input.Length);
        }
        var report = new FuzzReport(name, options.Cases, total.Elapsed, slowest, maxAllocated, maxRatio, largest);
        Console.WriteLine(report);
        return report;
    }

    private static string Decode(byte[] bytes, Random random)
    {
        var text = s_utf8.GetString(bytes);
        if (text.Length == 0 || random.Next(8) != 0)
            return text;
        // Editor buffers arrive as UTF-16 from JSON and may hold lone surrogates, which UTF-8 cannot carry.
        var chars = text.ToCharArray();
        for (var k = random.Next(1, 4); k > 0; k--)
            chars[random.Next(chars.Length)] = random.Next(2) == 0 ? '\uD800' : '\uDC00';
        return new string(chars);
    }

    private static void Fail(string name, FuzzOptions options, int index, string how, byte[] input, string what)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hybrid-lsp-fuzz");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{name}-{options.Seed}-{index}.bin"));
        File.WriteAllBytes(file, input);
        throw new Xunit.Sdk.XunitException(
            $"fuzz {name}: case {index} (seed {options.Seed}, {how}, {input.Length} bytes) {what}; input saved to {file}");
    }
}
