using HybridLsp.Ide;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>The workspace a CLI verb that names a module folder or a project analyses: the C# bindings live elsewhere in the repository.</summary>
internal static class WorkspaceRoot
{
    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds hybrid-lsp.toml, .git or a .sln; else the current
    /// directory when the folder lies inside it; else the folder itself.</summary>
    public static string Find(string folder)
    {
        for (var directory = folder; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "hybrid-lsp.toml")) || Path.Exists(Path.Combine(directory, ".git"))
                || SafeAny(directory, "*.sln"))
                return directory;
        }
        var current = Environment.CurrentDirectory;
        return folder == current || folder.StartsWith(current.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? current : folder;
    }

    private static bool SafeAny(string directory, string pattern)
    {
        try
        {
            return Directory.EnumerateFiles(directory, pattern).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static Analysis Load(string root, ILogger logger, CancellationToken cancellationToken)
    {
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        if (rootPath.Length == 0)
            rootPath = "/";
        var host = new AnalysisHost(new AnalysisOptions(rootPath, Clang: ClangSettings.Resolve()));
        host.ApplyChange(new WorkspaceLoader(logger).Load(root, cancellationToken));
        return host.Snapshot();
    }
}
