using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Syntax.Binary;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Native;

/// <summary>A bound entry point the built library does not export.</summary>
public sealed record MissingExport(string EntryPoint, string Method, string Path, TextSpan Span);

/// <summary>One shared library a build produced and what its export table says about the C# bindings of its module.</summary>
/// <param name="Module">The module's name (crate package or CMake target).</param>
/// <param name="Format">The export table reader's description ("ELF 64-bit little-endian shared object (x86-64)").</param>
/// <param name="Checked">How many bound entry points were looked up.</param>
/// <param name="ReadError">Why the export table could not be read (then nothing was checked).</param>
public sealed record BuiltLibrary(string Module, string Path, string Format, int Checked, ImmutableArray<MissingExport> Missing, string? ReadError);

/// <summary>One build run: a crate or a CMake project.</summary>
public sealed record BuildUnitReport(
    BuildSystem System, string Directory, bool Succeeded, string? Error, ImmutableArray<CompilerMessage> Messages,
    ImmutableArray<BuiltLibrary> Libraries, ImmutableArray<string> Output);

/// <summary>What `build` built (all units, in order) and every file its compiler messages touch.</summary>
public sealed record BuildReport(ImmutableArray<BuildUnitReport> Units)
{
    public bool Succeeded => Units.All(u => u.Succeeded) && Units.SelectMany(u => u.Libraries).All(l => l.Missing.IsEmpty && l.ReadError is null);
}

/// <summary>
/// `hybrid-lsp build` and the `hybridLsp.build` command: finds the modules a folder names (a crate, a CMake project, or
/// the whole workspace), builds each once, then reads every produced library's export table and looks up the entry
/// point of every C# extern bound to it. Shared by the CLI and the server; the engine decides what the modules are.
/// </summary>
public static class BuildService
{
    private const long MaxLibraryBytes = 1L << 30;

    /// <summary>The build units for <paramref name="folder"/> (absolute): the modules there, or every module when it is the workspace root and holds neither Cargo.toml nor CMakeLists.txt.</summary>
    public static List<(BuildSystem System, string Directory, ImmutableArray<BuildableModule> Modules)> Plan(Analysis analysis, string folder, CancellationToken cancellationToken)
    {
        folder = folder.Replace('\\', '/').TrimEnd('/');
        if (folder.Length == 0)
            folder = "/";
        var hasCargo = File.Exists(Path.Combine(folder, "Cargo.toml"));
        var hasCMake = File.Exists(Path.Combine(folder, "CMakeLists.txt"));
        var isRoot = folder == analysis.Options.RootPath.Replace('\\', '/').TrimEnd('/') || folder == "/" && analysis.Options.RootPath.Trim('/').Length == 0;
        IEnumerable<BuildableModule> modules = hasCargo || hasCMake ? analysis.FindModules(folder, cancellationToken) : analysis.BuildModules(cancellationToken);
        // The root may itself be a virtual cargo workspace or a CMake superproject the engine models through its members.
        if (isRoot && !modules.Any())
            modules = analysis.BuildModules(cancellationToken);
        var units = modules.GroupBy(m => (m.System, m.Directory))
            .Select(g => (g.Key.System, g.Key.Directory, Modules: g.ToImmutableArray()))
            .OrderBy(u => u.Directory, StringComparer.Ordinal).ToList();
        // A folder the engine does not model (a crate whose manifest it could not read) is still built: its errors matter most.
        if (units.Count == 0 && (hasCargo || hasCMake))
            units.Add((hasCargo ? BuildSystem.Cargo : BuildSystem.CMake, folder, []));
        return units;
    }

    public static async Task<BuildUnitReport> BuildAsync(
        (BuildSystem System, string Directory, ImmutableArray<BuildableModule> Modules) unit, bool release, BuildProgress progress, CancellationToken cancellationToken)
    {
        var outcome = await NativeBuilder.BuildAsync(unit.System, unit.Directory, release, progress, cancellationToken).ConfigureAwait(false);
        var libraries = ImmutableArray.CreateBuilder<BuiltLibrary>();
        if (outcome.Succeeded)
        {
            foreach (var module in unit.Modules.Where(m => m.IsLoadable))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (outcome.Artifacts.FirstOrDefault(a => IsLibraryOf(module, a)) is not { } artifact)
                    continue;
                libraries.Add(Verify(module, artifact));
            }
        }
        return new BuildUnitReport(unit.System, unit.Directory, outcome.Succeeded, outcome.Error, outcome.Messages, libraries.ToImmutable(), outcome.Output);
    }

    /// <summary>Reads the library's export table and looks up every bound entry point.</summary>
    public static BuiltLibrary Verify(BuildableModule module, string libraryPath)
    {
        ExportTable table;
        try
        {
            var info = new FileInfo(libraryPath);
            if (info.Length > MaxLibraryBytes)
                return new BuiltLibrary(module.Name, libraryPath, "", 0, [], $"'{libraryPath}' is larger than 1 GB; its exports were not checked");
            table = ExportTableReader.Read(File.ReadAllBytes(libraryPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BuiltLibrary(module.Name, libraryPath, "", 0, [], $"cannot read '{libraryPath}': {e.Message}");
        }
        if (table.Error is { } error && table.Symbols.IsEmpty)
            return new BuiltLibrary(module.Name, libraryPath, table.Description, 0, [], error);
        var missing = module.Bindings.Where(b => !table.Contains(b.EntryPoint))
            .Select(b => new MissingExport(b.EntryPoint, b.Method, b.Path, b.Span)).ToImmutableArray();
        return new BuiltLibrary(module.Name, libraryPath, table.Description, module.Bindings.Length, missing, null);
    }

    /// <summary>The produced file is the module's library: its name is the platform's name for the module's LibName.</summary>
    internal static bool IsLibraryOf(BuildableModule module, string artifact)
    {
        var name = Path.GetFileName(artifact);
        var prefix = module.Prefix;
        return name == module.LinuxFileName
               || name.StartsWith(prefix + module.LibName + ".so.", StringComparison.Ordinal)
               || name == prefix + module.LibName + (module.Suffix ?? ".dylib")
               || string.Equals(name, (prefix == "lib" ? "" : prefix) + module.LibName + (module.Suffix ?? ".dll"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Compiler messages as diagnostics on their files (texts from <paramref name="text"/>, else the disk), grouped by absolute path.</summary>
    public static Dictionary<string, ImmutableArray<Diagnostic>> CompilerDiagnostics(IEnumerable<CompilerMessage> messages, Func<string, string?> text)
    {
        var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var m in messages.Where(m => m.Severity != CompilerSeverity.Note))
        {
            var content = text(m.Path) ?? ReadOrNull(m.Path);
            if (content is null)
                continue;
            var span = Span(content, m);
            var severity = m.Severity == CompilerSeverity.Error ? Severity.Error : Severity.Warning;
            var message = $"{m.Source}: {m.Message}";
            if (!byPath.TryGetValue(m.Path, out var list))
                byPath[m.Path] = list = [];
            list.Add(new Diagnostic(m.Code ?? m.Source, m.Source, severity, message, m.Path, span, [], [], false, m.Code ?? m.Source));
        }
        return byPath.ToDictionary(e => e.Key, e => e.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The missing exports as errors on the C# externs (HL1001: the library has no such export — now seen in the built binary).</summary>
    public static Dictionary<string, ImmutableArray<Diagnostic>> MissingExportDiagnostics(IEnumerable<BuiltLibrary> libraries)
        => libraries.SelectMany(l => l.Missing.Select(m => new Diagnostic(
                "HL1001", "missing-export", Severity.Error,
                $"the built library '{Path.GetFileName(l.Path)}' does not export '{m.EntryPoint}' (read from its export table after the build)",
                m.Path, m.Span, [], [], false, m.EntryPoint)))
            .GroupBy(d => d.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The UTF-16 span of a 1-based line/column range; without an end, the identifier or the character at the start.</summary>
    internal static TextSpan Span(string text, CompilerMessage m)
    {
        var index = LineIndex.Create(text);
        int Offset(int line, int column) => index.GetOffset(new LinePosition(Math.Max(line - 1, 0), Math.Max(column - 1, 0)));
        var from = Offset(m.Line, m.Column);
        var to = m.EndColumn > 0 && m.EndLine >= m.Line ? Offset(m.EndLine, m.EndColumn) : from;
        if (to <= from)
        {
            to = from;
            while (to < text.Length && (char.IsLetterOrDigit(text[to]) || text[to] == '_'))
                to++;
            if (to == from && to < text.Length && text[to] is not ('\n' or '\r'))
                to++;
        }
        return TextSpan.FromBounds(from, to);
    }
}
