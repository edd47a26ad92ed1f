using System.Globalization;

namespace HybridLsp.Benchmarks.Scale;

/// <summary>Arguments of the <c>scale</c> command.</summary>
internal sealed record ScaleOptions(string Server, string Workspace, string? JsonOut, int Requests, int Edits, int CheckRuns, int SpawnRuns, int Seed)
{
    public const string Usage = "usage: HybridLsp.Benchmarks scale --server PATH --workspace DIR [--json FILE] [--requests 1000] [--edits 200] [--check-runs 3] [--spawn-runs 5] [--seed 7]";

    public static ScaleOptions Parse(string[] args)
    {
        string? server = null, workspace = null, json = null;
        int requests = 1000, edits = 200, checkRuns = 3, spawnRuns = 5, seed = 7;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a number");
            switch (args[i])
            {
                case "--server": server = Next(); break;
                case "--workspace": workspace = Next(); break;
                case "--json": json = Next(); break;
                case "--requests": requests = Number(); break;
                case "--edits": edits = Number(); break;
                case "--check-runs": checkRuns = Number(); break;
                case "--spawn-runs": spawnRuns = Number(); break;
                case "--seed": seed = Number(); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        if (server is null || workspace is null)
            throw new ArgumentException("--server and --workspace are required");
        if (!File.Exists(server))
            throw new ArgumentException($"server '{server}' not found");
        if (!File.Exists(Path.Combine(workspace, Generator.WorkspaceGenerator.ManifestName)))
            throw new ArgumentException($"'{workspace}' has no {Generator.WorkspaceGenerator.ManifestName}: generate it with the gen command");
        return new ScaleOptions(Path.GetFullPath(server), Path.GetFullPath(workspace), json, requests, edits, Math.Max(1, checkRuns), Math.Max(1, spawnRuns), seed);
    }
}
