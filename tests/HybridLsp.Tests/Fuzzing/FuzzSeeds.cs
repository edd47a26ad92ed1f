using System.Text.RegularExpressions;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// Seed texts for the fuzzers, read from this repository: every fixture file section (`//- /path`) in the engine
/// tests' source, the demo, and the test crates — grouped by what reads them.
/// </summary>
public static partial class FuzzSeeds
{
    private static readonly Lazy<List<(string Path, string Text)>> s_all = new(Load);

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The seed texts whose file name satisfies <paramref name="match"/>.</summary>
    public static IReadOnlyList<string> Where(Func<string, bool> match)
        => [.. s_all.Value.Where(f => match(f.Path)).Select(f => f.Text).Distinct(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Rust => Where(p => p.EndsWith(".rs", StringComparison.Ordinal));

    public static IReadOnlyList<string> CSharp => Where(p => p.EndsWith(".cs", StringComparison.Ordinal));

    public static IReadOnlyList<string> CargoToml => Where(p => p.EndsWith("Cargo.toml", StringComparison.Ordinal));

    public static IReadOnlyList<string> HybridToml => Where(p => p.EndsWith("hybrid-lsp.toml", StringComparison.Ordinal));

    public static IReadOnlyList<string> Project => Where(p => p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".props", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridLsp.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("HybridLsp.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<(string, string)> Load()
    {
        var seeds = new List<(string, string)>();
        foreach (var folder in new[] { "examples", "tests/crates" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, folder), "*", SearchOption.AllDirectories))
            {
                if (!file.Contains("/target/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
                    seeds.Add((file, File.ReadAllText(file)));
            }
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "tests", "HybridLsp.Tests"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            seeds.AddRange(Sections(text));
            // The test sources are themselves real C# (raw strings, generics, attributes, interpolation).
            if (!file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/Fuzzing/", StringComparison.Ordinal))
                seeds.Add((file, text));
        }
        return seeds;
    }

    /// <summary>The fixture file sections of one test source: from a `//- /path` line to the next one or the raw string's end.</summary>
    private static IEnumerable<(string, string)> Sections(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var header = SectionHeader().Match(lines[i]);
            if (!header.Success)
                continue;
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && !SectionHeader().IsMatch(lines[j]) && !lines[j].Contains("\"\"\"", StringComparison.Ordinal); j++)
                body.Add(lines[j]);
            var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            yield return (header.Groups[1].Value, string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())) + "\n");
            i = j - 1;
        }
    }

    [GeneratedRegex(@"^\s*//- (/\S+)")]
    private static partial Regex SectionHeader();
}
