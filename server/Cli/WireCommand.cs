using HybridLsp.Server.Logging;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp wire PROJECT.csproj --module PATH [--root ROOT]`: adds (or updates in place) the MSBuild block that builds the
/// module before the project's .NET build and copies its library next to the app. Prints what it did; exit 0 (also
/// when the project was already wired exactly so), 2 on bad arguments or a module the workspace does not know.
/// </summary>
public static class WireCommand
{
    public static int Run(string project, string module, string? rootOption, Stream stdout, CancellationToken cancellationToken)
    {
        var projectPath = Path.GetFullPath(project);
        if (!File.Exists(projectPath) || !projectPath.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            return Fail($"'{project}' is not a project file (.csproj)");
        var modulePath = Path.GetFullPath(module);
        if (!Directory.Exists(modulePath) && !File.Exists(modulePath))
            return Fail($"'{module}' does not exist");
        var root = rootOption is null ? WorkspaceRoot.Find(Path.GetDirectoryName(projectPath)!) : Path.GetFullPath(rootOption);
        if (!modulePath.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && modulePath != root)
            root = CommonRoot(root, modulePath);

        using var loggerFactory = LogSetup.CreateForCli();
        var analysis = WorkspaceRoot.Load(root, loggerFactory.CreateLogger("wire"), cancellationToken);
        string text;
        bool bom;
        try
        {
            var bytes = File.ReadAllBytes(projectPath);
            bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            text = new System.Text.UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read '{project}': {e.Message}");
        }
        var result = analysis.Wire(WorkspaceLoader.Normalize(projectPath), text, WorkspaceLoader.Normalize(modulePath), cancellationToken);
        if (result.Error is { } error)
            return Fail(error);
        using var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true);
        if (!result.Changed)
        {
            output.WriteLine($"{project} already builds {module}: nothing to change");
            return 0;
        }
        try
        {
            File.WriteAllText(projectPath, result.NewText, new System.Text.UTF8Encoding(bom));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{project}': {e.Message}");
        }
        output.WriteLine($"{project}: 'dotnet build' now builds {module} first and copies its library next to the app");
        return 0;
    }

    private static string CommonRoot(string a, string b)
    {
        var x = a.Split(Path.DirectorySeparatorChar);
        var y = b.Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n])
            n++;
        var common = string.Join(Path.DirectorySeparatorChar, x.Take(n));
        return common.Length == 0 ? Path.GetPathRoot(a) ?? "/" : common;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
