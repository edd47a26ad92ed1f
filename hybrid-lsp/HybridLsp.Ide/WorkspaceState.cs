using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Text;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Ide;

/// <summary>The per-snapshot semantic state: configuration, extracted files, the semantic model and lookup indexes.</summary>
internal sealed partial class WorkspaceState
{
    private WorkspaceState(HybridConfig config, SemanticModel model, IndexStatus status, ImmutableArray<Semantics.Rules.Finding> findings, BaselineInfo? baseline, FileState? configFile, PhaseTimes times,
        ImmutableDictionary<string, FileState> files, FileKinds kinds, CSharpPart csharp)
    {
        Files = files;
        Kinds = kinds;
        CSharp = csharp;
        Times = times;
        Config = config;
        Model = model;
        Status = status;
        Findings = findings;
        Baseline = baseline;
        ConfigFile = configFile;
    }

    /// <summary>The files this state was built from: a later build reuses what it extracted from the same file objects.</summary>
    private ImmutableDictionary<string, FileState> Files { get; }

    /// <summary>What kind of input each file is (C#, Rust, project, manifest, C/C++, CMake, skipped).</summary>
    private FileKinds Kinds { get; }

    /// <summary>The C# files as extracted, their reported parse errors and the extern names the pre-filter decided with.</summary>
    private CSharpPart CSharp { get; }

    /// <summary>The hybrid-lsp.toml this state's configuration was read from (null: none).</summary>
    private FileState? ConfigFile { get; }

    public HybridConfig Config { get; }
    public SemanticModel Model { get; }
    public IndexStatus Status { get; }

    /// <summary>The model's findings with those the configured baseline accepts turned into hints.</summary>
    public ImmutableArray<Semantics.Rules.Finding> Findings { get; }

    public BaselineInfo? Baseline { get; }

    /// <summary>How long the phases of this state's build took, outside the model's own (<see cref="SemanticModel.Times"/>).</summary>
    internal PhaseTimes Times { get; }

    /// <summary>
    /// Builds the state of a snapshot. <paramref name="previous"/> is the state of an earlier snapshot of the same host:
    /// the configuration (when its file is unchanged) and the unchanged parts of its model are taken over (ModelReuse).
    /// Cancellation throws and leaves nothing half-built behind (file caches keep only complete results).
    /// </summary>
    public static WorkspaceState Build(AnalysisOptions options, ImmutableDictionary<string, FileState> files, WorkspaceState? previous, CancellationToken cancellationToken)
        => Build(options, files, previous, null, cancellationToken);

    /// <summary>
    /// <paramref name="changed"/>: the paths whose files differ from those <paramref name="previous"/> was built from (null:
    /// not known). With it, the C# part of an edit costs in proportion to the changed files instead of the workspace's.
    /// </summary>
    public static WorkspaceState Build(AnalysisOptions options, ImmutableDictionary<string, FileState> files, WorkspaceState? previous,
        ImmutableHashSet<string>? changed, CancellationToken cancellationToken)
    {
        var times = new PhaseTimes();
        var root = options.RootPath.Replace('\\', '/').TrimEnd('/');
        if (root.Length == 0)
            root = "/";
        var configFile = files.GetValueOrDefault(ConfigPath(options, root));
        var config = previous is not null && ReferenceEquals(previous.ConfigFile, configFile) ? previous.Config : ReadConfig(options, files, root);
        var (baseline, baselineError) = ConfiguredBaseline.Read(config, files);
        if (baselineError is not null)
            config = config with { Problems = config.Problems.Add(new ConfigProblem(config.BaselineSpan, baselineError, false)) };

        var configFolder = config.Path is { } cp ? PathUtil.Directory(cp) : root;
        var exclude = new GlobMatcher(config.Exclude);
        bool Excluded(string path) => !exclude.IsEmpty && PathUtil.IsUnder(path, configFolder) && exclude.IsMatch(PathUtil.Relative(path, configFolder));

        // What kind of input each file is, kept from the previous state for every file the change did not touch.
        var kinds = previous is not null && changed is not null && ReferenceEquals(previous.Config, config)
            ? previous.Kinds.Update(files, changed, config, Excluded)
            : FileKinds.Of(files, config, Excluded);
        var parseErrors = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SyntaxError>>(StringComparer.Ordinal);
        parseErrors.AddRange(kinds.ProjectErrors);
        var projects = kinds.Projects.ToBuilder();
        var manifests = kinds.Manifests;
        var changedCs = new Dictionary<string, FileState>(StringComparer.Ordinal);
        foreach (var path in changed ?? [])
        {
            if (kinds.CSharp.TryGetValue(path, out var file))
                changedCs[path] = file;
        }
        var rustFiles = kinds.Rust.Values.ToList();
        var largeRust = kinds.LargeRust;
        var cFiles = kinds.CFiles;
        var cmakeFiles = kinds.CMakeFiles;
        var buildTreeFiles = kinds.BuildTreeFiles;
        var skipped = ImmutableArray.CreateBuilder<SkippedFile>();
        skipped.AddRange(kinds.Skipped.Values.OrderBy(f => f.Path, StringComparer.Ordinal));
        times.Mark("sort files");
        // C#: each file belongs to the nearest project above it; its #if symbols are that project's.
        var projectDirs = projects.Keys.Select(p => (Dir: PathUtil.Directory(p), Path: p)).OrderByDescending(p => p.Dir.Length).ToList();
        // Files that declare no interop are parsed only when they call a method named like an extern (CsPrefilter).
        // A file object the previous state extracted in the same context (configuration, projects) keeps its result; so does
        // a file without interop while the extern names are those of the previous state.
        var previousInput = previous?.Model.Input;
        var sameContext = previous is not null && previousInput is not null && ReferenceEquals(previous.Config, config) && SameProjects(previousInput.Projects, projects);
        var symbolsByOwner = new System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        string? Owner(string path) => projectDirs.FirstOrDefault(p => PathUtil.IsUnder(path, p.Dir)).Path;
        CsSourceFile Extract(FileState file)
        {
            var owner = Owner(file.Path);
            var symbols = symbolsByOwner.GetOrAdd(owner ?? "", _ => Symbols(owner is null ? null : projects[owner].Project, config));
            return new CsSourceFile(file.Path, file.CSharp(symbols, options.CallSites, cancellationToken), owner);
        }
        var csharp = (sameContext && changed is not null ? UpdateCSharp(previous!, changed, changedCs, Extract, Owner, cancellationToken) : null)
            ?? ExtractCSharp(sameContext ? previous : null, kinds.CSharp.Values, options.CallSites, Extract, Owner, cancellationToken);
        var externNames = csharp.ExternNames;
        parseErrors.AddRange(csharp.Errors);

        times.Mark($"C# extract ({csharp.Extracted} of {kinds.CSharp.Count} extracted)");
        var rustSources = new System.Collections.Concurrent.ConcurrentDictionary<string, RustSourceFile>(StringComparer.Ordinal);
        Parallel.ForEach(rustFiles, new ParallelOptions { CancellationToken = cancellationToken }, file =>
            rustSources[file.Path] = new RustSourceFile(file.Path, file.Rust(cancellationToken)));
        // Every Rust file's errors; the rules report them only for files of a crate's module tree.
        foreach (var source in rustSources.Values)
        {
            if (!source.Syntax.Errors.IsEmpty)
                parseErrors[source.Path] = source.Syntax.Errors;
        }

        times.Mark("Rust parse");
        var input = new WorkspaceInput(root, config,
            csharp.Sources,
            rustSources.ToImmutableDictionary(StringComparer.Ordinal),
            manifests, projects.ToImmutable(), skipped.ToImmutable(), parseErrors.ToImmutable())
        {
            CFiles = cFiles,
            CMakeFiles = cmakeFiles,
            BuildTreeFiles = buildTreeFiles,
            CParser = options.CParser,
        }.WithOrderFrom(previousInput, changed);
        var model = SemanticModel.Build(input, previous?.Model, cancellationToken);
        times.Mark("model");

        // Large Rust files are read only when a crate's module tree names them.
        var named = model.Crates.SelectMany(c => c.MissingModules).Select(m => m.ExpectedPath)
            .SelectMany(p => new[] { p, p[..^3] + "/mod.rs" }).Where(largeRust.ContainsKey).ToList();
        foreach (var path in named)
        {
            var source = new RustSourceFile(path, largeRust[path].Rust(cancellationToken));
            rustSources[path] = source;
            if (!source.Syntax.Errors.IsEmpty)
                parseErrors[path] = source.Syntax.Errors;
        }
        foreach (var (path, file) in largeRust.Where(l => !named.Contains(l.Key)))
            skipped.Add(new SkippedFile(path, $"larger than max-file-size ({Megabytes(file.Text!.Length)} > {Megabytes(config.MaxFileSize)})"));
        if (named.Count > 0 || largeRust.Count > 0)
        {
            // Only when large files exist: the crates are rebuilt with the module files they named.
            input = input with { RustFiles = rustSources.ToImmutableDictionary(StringComparer.Ordinal), Skipped = skipped.ToImmutable(), ParseErrors = parseErrors.ToImmutable() };
            model = SemanticModel.Build(input, model, cancellationToken);
        }

        var status = new IndexStatus(input.CSharpFiles.Count, input.RustFiles.Count, input.Projects.Count, model.Crates.Length,
            model.Bindings.Length, model.Crates.Sum(c => c.ExportsBySymbol.Count));
        var (findings, baselineInfo) = ConfiguredBaseline.Apply(model.Findings, baseline, config, root);
        times.Mark("baseline");
        return new WorkspaceState(config, model, status, findings, baselineInfo, configFile, times, files, kinds, csharp);
    }

    /// <summary>The same project files, each the same parsed object (so the same preprocessor symbols and owners).</summary>
    private static bool SameProjects(ImmutableDictionary<string, ProjectFile> before, ImmutableDictionary<string, ProjectFile>.Builder now)
        => before.Count == now.Count && now.All(p => before.TryGetValue(p.Key, out var was) && ReferenceEquals(was.Project, p.Value.Project));

    /// <summary>Files the configuration names that the host must read besides the workspace files (the baseline). Cheap: reads only the configuration.</summary>
    public static ImmutableArray<string> ConfiguredInputs(AnalysisOptions options, ImmutableDictionary<string, FileState> files)
    {
        var root = options.RootPath.Replace('\\', '/').TrimEnd('/');
        var config = ReadConfig(options, files, root.Length == 0 ? "/" : root);
        return config.BaselinePath is { } baseline ? [baseline] : [];
    }

    private static string ConfigPath(AnalysisOptions options, string root)
        => options.ConfigPath?.Replace('\\', '/') ?? (root == "/" ? "/hybrid-lsp.toml" : root + "/hybrid-lsp.toml");

    private static HybridConfig ReadConfig(AnalysisOptions options, ImmutableDictionary<string, FileState> files, string root)
    {
        var path = ConfigPath(options, root);
        var config = files.TryGetValue(path, out var file) && file.Text is not null ? ConfigReader.Read(path, file.Text) : HybridConfig.Default;
        if (!options.TargetOverride.IsDefaultOrEmpty)
        {
            var targets = options.TargetOverride.Select(TargetPlatforms.Find).OfType<TargetPlatform>().Distinct().ToImmutableArray();
            if (!targets.IsEmpty)
                config = config with { Targets = targets };
        }
        return config;
    }

    /// <summary>
    /// The preprocessor symbols of a project: its framework's symbols, DefineConstants, `[csharp] defines`, and DEBUG/TRACE
    /// (the default Debug configuration, which is what a developer's editor and `dotnet build` see).
    /// </summary>
    private static ImmutableArray<string> Symbols(CsProjectFile? project, HybridConfig config)
    {
        var symbols = new SortedSet<string>(StringComparer.Ordinal) { "DEBUG", "TRACE" };
        if (project is not null)
        {
            foreach (var tfm in project.TargetFrameworks.Take(1))
                symbols.UnionWith(CsProjectReader.FrameworkSymbols(tfm));
            symbols.UnionWith(project.DefineConstants);
        }
        symbols.UnionWith(config.CSharpDefines);
        return [.. symbols];
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
