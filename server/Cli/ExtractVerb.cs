using System.Text;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Logging;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp extract FILE:LINE --to rust|cpp [--into PATH] [--name NAME] [--root DIR] [--no-wire]`: moves the C# method
/// on LINE (1-based, any line of the method) to native code, wires the module into the method's .csproj (unless
/// `--no-wire`; the command line is the user's own request, so it is trusted) and writes the edits (docs/extract-to-native.md). New files are
/// created, never overwritten; nothing is written outside the workspace. Exit 0 done, 1 the method cannot move (the
/// blocking constructs are printed with their lines), 2 bad arguments or a file that changed while it was being edited.
/// </summary>
public static class ExtractVerb
{
    public static int Run(string location, string language, string? into, string? name, string rootDir, TextWriter stdout, CancellationToken cancellationToken, bool wire = true)
    {
        var colon = location.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(location[(colon + 1)..], out var line) || line < 1)
            return Fail($"'{location}' is not FILE:LINE (LINE counts from 1)");
        if (language is not (ExtractOptions.Rust or ExtractOptions.Cpp))
            return Fail($"--to must be rust or cpp, not '{language}'");
        var root = Path.GetFullPath(rootDir);
        var file = Path.GetFullPath(location[..colon]);
        if (!Directory.Exists(root))
            return Fail($"'{rootDir}' is not a directory");
        if (!File.Exists(file))
            return Fail($"'{location[..colon]}' does not exist");

        using var loggerFactory = LogSetup.CreateForCli();
        var logger = loggerFactory.CreateLogger("extract");
        var rootPath = WorkspaceLoader.Normalize(root).TrimEnd('/');
        if (rootPath.Length == 0)
            rootPath = "/";
        var host = new AnalysisHost(new AnalysisOptions(rootPath, Clang: ClangSettings.Resolve()));
        host.ApplyChange(new WorkspaceLoader(logger).Load(root, cancellationToken));
        var analysis = host.Snapshot();
        var path = WorkspaceLoader.Normalize(file);
        if (analysis.GetText(path) is not { } text)
            return Fail($"'{location[..colon]}' is not a file of the workspace '{rootDir}' (use --root)");
        if (LineOffset(text, line) is not { } offset)
            return Fail($"'{location[..colon]}' has no line {line}");

        var result = analysis.ExtractToNative(path, offset, new ExtractOptions(language, into, name) { Wire = wire }, cancellationToken);
        if (result.Action is not { } action)
        {
            Console.Error.WriteLine($"hybrid-lsp: {result.Error}");
            foreach (var blocker in result.Blockers)
                Console.Error.WriteLine($"{location[..colon]}:{blocker.Line}: {blocker.Reason}");
            return result.FoundMethod ? 1 : CommandLineApp.ExitBadArguments;
        }
        foreach (var edit in action.Edits)
        {
            if (!edit.Path.StartsWith(rootPath.TrimEnd('/') + "/", StringComparison.Ordinal))
                return Fail($"refusing to write '{edit.Path}' outside the workspace");
        }
        var written = new List<string>();
        foreach (var edit in action.Edits)
        {
            try
            {
                if (edit.Creates)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(edit.Path)!);
                    using var stream = new FileStream(edit.Path, FileMode.CreateNew, FileAccess.Write);
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    writer.Write(edit.Edits[0].NewText);
                }
                else
                {
                    var current = File.ReadAllText(edit.Path);
                    if (current != analysis.GetText(edit.Path))
                        return Fail($"'{edit.Path}' changed while extracting; nothing more was written (already written: {string.Join(", ", written)})");
                    var updated = new StringBuilder(current);
                    foreach (var e in edit.Edits.OrderByDescending(e => e.Span.Start))
                        updated.Remove(e.Span.Start, e.Span.Length).Insert(e.Span.Start, e.NewText);
                    File.WriteAllText(edit.Path, updated.ToString(), new UTF8Encoding(current.Length > 0 && File.ReadAllBytes(edit.Path) is [0xEF, 0xBB, 0xBF, ..]));
                }
                written.Add(edit.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write '{edit.Path}': {e.Message} (already written: {string.Join(", ", written)})");
            }
        }
        stdout.WriteLine(action.Title);
        foreach (var edit in action.Edits)
            stdout.WriteLine($"  {(edit.Creates ? "created" : "edited ")} {Path.GetRelativePath(root, edit.Path).Replace('\\', '/')}");
        if (result.WireNote is { } note)
            stdout.WriteLine(char.ToUpperInvariant(note[0]) + note[1..] + ".");
        stdout.WriteLine(result.Wired
            ? "Run it with dotnet build/dotnet run; hybrid-lsp build shows the native compiler's messages alone."
            : "Build the native module (hybrid-lsp build) and wire it into the .NET build (hybrid-lsp wire) to run it.");
        return 0;
    }

    /// <summary>The offset of the first non-blank character of a 1-based line (its end when blank), or null past the end.</summary>
    private static int? LineOffset(string text, int line)
    {
        var offset = 0;
        for (var i = 1; i < line; i++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
                return null;
            offset = next + 1;
        }
        while (offset < text.Length && text[offset] is ' ' or '\t')
            offset++;
        return offset;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
