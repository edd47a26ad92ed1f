using System.Text;
using HybridLsp.Ide.Assists;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `hybrid-lsp new TEMPLATE DIR [--name NAME] [--class CLASS] [--namespace NS]`: renders a seed template of
/// native-templates/ (rust-rowagg, rust-kv-cache) into the new folder DIR and prints the files it created. Never
/// overwrites a file. Exit 0, or 2 for an unknown template, bad names or an existing file.
/// </summary>
public static class NewCommand
{
    /// <summary>The templates a user creates directly; the others are rendered by code actions with generated code.</summary>
    public static readonly string[] Templates = ["rust-kv-cache", "rust-rowagg"];

    public static int Run(string template, string directory, string? name, string? className, string? ns, Stream stdout)
    {
        if (!Templates.Contains(template, StringComparer.Ordinal))
            return Fail($"unknown template '{template}'; choose one of: {string.Join(", ", Templates)}");
        var folder = Path.GetFullPath(directory).Replace('\\', '/').TrimEnd('/');
        var crate = name ?? Path.GetFileName(folder).Replace('-', '_');
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["crate_name"] = crate,
            ["class_name"] = className ?? (template == "rust-kv-cache" ? "KvCache" : "RowAgg"),
            ["namespace"] = ns ?? "Native",
        };
        if (!System.Text.RegularExpressions.Regex.IsMatch(crate, "^[a-z][a-z0-9_]*$"))
            return Fail($"'{crate}' is not a crate name .NET can load by name (lowercase letters, digits, '_'); use --name");
        var parent = Path.GetDirectoryName(folder)?.Replace('\\', '/') ?? folder;
        var rendering = NativeTemplates.Render(NativeTemplates.Get(template), folder, parent, values, p => File.Exists(p) || Directory.Exists(p));
        if (!rendering.Succeeded)
            return Fail(rendering.Error!);
        using var writer = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
        foreach (var file in rendering.Files)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
                using var stream = new FileStream(file.Path, FileMode.CreateNew, FileAccess.Write);
                using var text = new StreamWriter(stream, new UTF8Encoding(false));
                text.Write(string.Concat(file.Edits.Select(e => e.NewText)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write '{file.Path}': {e.Message}");
            }
            writer.WriteLine(file.Path);
        }
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hybrid-lsp: {message}");
        return CommandLineApp.ExitBadArguments;
    }
}
