using HybridLsp.Ide;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>`hybrid-lsp bind LIBRARY [DIR] [--out FILE]`: a C# file binding every export of the Rust crate or C/C++ library LIBRARY resolves to.</summary>
public static class BindCommand
{
    public static int Run(string library, string directory, string? outFile, Stream stdout, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
            return Fail($"'{directory}' is not a directory");
        if (outFile is not null && (File.Exists(outFile) || Directory.Exists(outFile)))
            return Fail($"'{outFile}' already exists; bind never overwrites a file");

        using var loggerFactory = LogSetup.CreateForCli();
        var logger = loggerFactory.CreateLogger("bind");
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        if (rootPath.Length == 0)
            rootPath = "/";
        var host = new AnalysisHost(new AnalysisOptions(rootPath, Clang: Workspace.ClangSettings.Resolve()));
        host.ApplyChange(new WorkspaceLoader(logger).Load(root, cancellationToken));
        if (host.Snapshot().BindingFile(library, cancellationToken) is not { } text)
            return Fail($"library '{library}' resolves to no Rust crate or C/C++ library in '{directory}'");

        if (outFile is null)
        {
            using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
            return 0;
        }
        try
        {
            using var stream = new FileStream(outFile, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{outFile}': {e.Message}");
        }
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
