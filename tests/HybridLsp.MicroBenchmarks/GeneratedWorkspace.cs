using System.Collections.Concurrent;
using HybridLsp.Benchmarks.Generator;
using HybridLsp.Ide;

namespace HybridLsp.MicroBenchmarks;

/// <summary>A generated workspace read into memory once per process (the generator writes it under the temp folder).</summary>
internal sealed class GeneratedWorkspace
{
    private static readonly ConcurrentDictionary<(WorkspaceShape, int), GeneratedWorkspace> s_cache = new();

    private GeneratedWorkspace(string root, Dictionary<string, string> files, WorkspaceManifest manifest)
    {
        Root = root;
        Files = files;
        Manifest = manifest;
    }

    public string Root { get; }

    /// <summary>Every workspace file by absolute path with '/'.</summary>
    public Dictionary<string, string> Files { get; }

    public WorkspaceManifest Manifest { get; }

    public IEnumerable<KeyValuePair<string, string>> WithExtension(string extension)
        => Files.Where(f => f.Key.EndsWith(extension, StringComparison.Ordinal));

    public static GeneratedWorkspace Get(WorkspaceShape shape, int externs) => s_cache.GetOrAdd((shape, externs), key =>
    {
        var root = Path.Combine(Path.GetTempPath(), $"hybrid-lsp-micro-{key.Item1}-{key.Item2}-{Environment.ProcessId}");
        var manifest = WorkspaceGenerator.Generate(root, new GeneratorOptions(key.Item1, key.Item2));
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(AnalysisHost.IsWorkspaceFile)
            .ToDictionary(p => p.Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        Directory.Delete(root, recursive: true);
        return new GeneratedWorkspace(root.Replace('\\', '/'), files, manifest);
    });

    public AnalysisHost NewHost()
    {
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. Files.Select(f => new FileChange(f.Key, f.Value))]));
        return host;
    }
}
