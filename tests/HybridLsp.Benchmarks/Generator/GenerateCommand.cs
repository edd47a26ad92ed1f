using System.Globalization;

namespace HybridLsp.Benchmarks.Generator;

/// <summary>The <c>gen</c> command: writes a synthetic workspace and its manifest.</summary>
internal static class GenerateCommand
{
    private const string Usage = "usage: HybridLsp.Benchmarks gen --out DIR [--shape dense|realistic] [--n 1000] [--seed 1] [--c-fraction 0] [--mismatch-every 100]";

    public static int Run(string[] args)
    {
        string? output = null;
        var shape = WorkspaceShape.Dense;
        int n = 1000, seed = 1, mismatchEvery = 100;
        double cFraction = 0;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--out": output = Next(); break;
                    case "--shape":
                        shape = Next() switch
                        {
                            "dense" => WorkspaceShape.Dense,
                            "realistic" => WorkspaceShape.Realistic,
                            var other => throw new ArgumentException($"unknown shape '{other}' (dense or realistic)"),
                        };
                        break;
                    case "--n": n = ParseCount(Next()); break;
                    case "--seed": seed = ParseCount(Next()); break;
                    case "--mismatch-every": mismatchEvery = ParseCount(Next()); break;
                    case "--c-fraction":
                        cFraction = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1
                            ? f : throw new ArgumentException("--c-fraction needs a number from 0 to 1");
                        break;
                    default: throw new ArgumentException($"unknown argument '{args[i]}'");
                }
            }
            if (output is null)
                throw new ArgumentException("--out is required");
            if (n < 1)
                throw new ArgumentException("--n must be at least 1");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var manifest = WorkspaceGenerator.Generate(output, new GeneratorOptions(shape, n, seed, cFraction, mismatchEvery));
        Console.WriteLine($"{output}: {manifest.Shape}, {manifest.Bindings.Count + manifest.CExterns} externs ({manifest.CExterns} to C), {manifest.Files} files ({manifest.CsFiles} C#), {manifest.Lines} lines; expected {string.Join(", ", manifest.Expected.Select(p => $"{p.Key}×{p.Value}"))}");
        return 0;
    }

    /// <summary>"20000", "20k" or "20_000".</summary>
    private static int ParseCount(string text)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var factor = t.EndsWith('k') ? 1000 : 1;
        if (factor > 1)
            t = t[..^1];
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v * factor : throw new ArgumentException($"'{text}' is not a count");
    }
}
