using System.Globalization;

namespace HybridLsp.Benchmarks;

/// <summary>Summary of a set of wall-clock samples in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Stats(int Count, double Min, double Median, double P99, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, sorted[0], median, Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p)
        => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double value)
        => double.IsNaN(value) ? "n/a"
           : value < 10 ? value.ToString("0.00", CultureInfo.InvariantCulture)
           : value.ToString("0.0", CultureInfo.InvariantCulture);
}
