using System.Collections.Immutable;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Binding;

/// <summary>
/// The resolved workspace: crates, C# symbols per project, every binding with what it resolved to, call sites, and the
/// findings of every rule. Built once per snapshot from a <see cref="WorkspaceInput"/>; immutable.
/// </summary>
public sealed class SemanticModel
{
    private SemanticModel(WorkspaceInput input) => Input = input;

    public WorkspaceInput Input { get; }
    public HybridConfig Config => Input.Config;
    public ImmutableArray<RustCrate> Crates { get; private set; } = [];
    public ImmutableArray<CLibrary> CLibraries { get; private set; } = [];
    public ImmutableArray<Syntax.CMake.CMakeError> CMakeErrors { get; private set; } = [];
    public ImmutableArray<Binding> Bindings { get; private set; } = [];
    public ImmutableArray<CallSite> CallSites { get; private set; } = [];
    public ImmutableArray<Finding> Findings { get; private set; } = [];

    /// <summary>How long each phase of this model's build took (see <see cref="PhaseTimes"/>).</summary>
    public PhaseTimes Times { get; } = new();

    /// <summary>The C# symbols of each project ("" for files outside any project).</summary>
    internal ImmutableDictionary<string, CsSymbols> SymbolsByProject { get; private set; } = ImmutableDictionary<string, CsSymbols>.Empty;

    /// <summary>The files each project's symbols were built from, in that order.</summary>
    internal ImmutableDictionary<string, ImmutableArray<CsSourceFile>> ProjectFiles { get; private set; } = ImmutableDictionary<string, ImmutableArray<CsSourceFile>>.Empty;

    /// <summary>Where each C# file's bindings sit in <see cref="Bindings"/> (files in path order, each file's externs in order).</summary>
    internal IReadOnlyDictionary<string, (int Start, int Count)> BindingRanges { get; private set; } = new Dictionary<string, (int, int)>();

    /// <summary>Where each C# file's call sites sit in <see cref="CallSites"/>.</summary>
    internal IReadOnlyDictionary<string, (int Start, int Count)> CallSiteRanges { get; private set; } = new Dictionary<string, (int, int)>();

    /// <summary>
    /// For each binding, the index of the same (reused) binding object in the previous model's <see cref="Bindings"/>, or -1
    /// for one resolved in this build. Only meaningful while the model is built.
    /// </summary>
    internal int[] PreviousIndex { get; private set; } = [];

    /// <summary>
    /// For each binding of the previous model, whether this model took it over (the inverse of <see cref="PreviousIndex"/>).
    /// Only meaningful while the model is built.
    /// </summary>
    internal bool[] PreviousKept { get; private set; } = [];

    /// <summary>The findings of the binding rules per binding, aligned with <see cref="Bindings"/>, before merging.</summary>
    internal ImmutableArray<Finding>[] BindingFindings { get; set; } = [];

    /// <summary>The suppressions each binding's rules used, aligned with <see cref="Bindings"/>.</summary>
    internal RuleRunner.UsedSuppressions[] BindingSuppressions { get; set; } = [];

    /// <summary>The findings of the native rules per bound crate (by reference), before merging.</summary>
    internal IReadOnlyDictionary<RustCrate, NativeRules.CrateFindings> NativeFindingsByCrate { get; private set; } = new Dictionary<RustCrate, NativeRules.CrateFindings>();

    public static SemanticModel Build(WorkspaceInput input, CancellationToken cancellationToken) => Build(input, null, cancellationToken);

    /// <summary>
    /// Builds the model of <paramref name="input"/>, taking over from <paramref name="previous"/> (the model of an
    /// earlier snapshot) whatever the change left untouched (<see cref="ModelReuse"/>); the result equals a fresh build.
    /// </summary>
    public static SemanticModel Build(WorkspaceInput input, SemanticModel? previous, CancellationToken cancellationToken)
    {
        var model = new SemanticModel(input);
        var reuse = ModelReuse.From(previous, input);
        // Unchanged crates are taken over; the others are built in parallel (each from its own module tree).
        var manifests = input.Manifests.Values.Where(m => m.Manifest.PackageName is not null).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var crates = manifests.Select(reuse.Crate).ToArray();
        Parallel.For(0, crates.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => crates[i] ??= RustCrate.Build(manifests[i], input.RustFiles));
        model.Crates = [.. crates.Select(c => c!).Where(c => c.LibRootFound || c.Manifest.Manifest.HasLibTable)];
        reuse.CratesBuilt(model.Crates);
        model.Times.Mark("crates");
        cancellationToken.ThrowIfCancellationRequested();
        (model.CLibraries, model.CMakeErrors) = CLibraryBuilder.Build(input, cancellationToken);
        reuse.CLibrariesBuilt(model.CLibraries);
        model.Times.Mark("C libraries");
        cancellationToken.ThrowIfCancellationRequested();

        var filesByProject = new Dictionary<string, ImmutableArray<CsSourceFile>.Builder>(StringComparer.Ordinal);
        foreach (var file in input.SortedCSharpFiles)
        {
            if (!filesByProject.TryGetValue(file.ProjectPath ?? "", out var list))
                filesByProject[file.ProjectPath ?? ""] = list = ImmutableArray.CreateBuilder<CsSourceFile>();
            list.Add(file);
        }
        model.ProjectFiles = filesByProject.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
        model.SymbolsByProject = model.ProjectFiles.ToImmutableDictionary(p => p.Key, p => reuse.Symbols(p.Key, p.Value) ?? new CsSymbols(p.Value), StringComparer.Ordinal);
        var symbolsByProject = model.SymbolsByProject;
        model.Times.Mark("C# symbols");

        // File by file in path order: a file whose bindings can all be taken over is copied as one range (no per-binding
        // lookups), the others binding by binding.
        var bindings = new List<Binding>(reuse.Previous?.Bindings.Length ?? 0);
        var previousIndex = new List<int>(reuse.Previous?.Bindings.Length ?? 0);
        var ranges = new Dictionary<string, (int Start, int Count)>(StringComparer.Ordinal);
        var previousBindings = reuse.Previous is { } p ? p.Bindings : [];
        foreach (var file in input.SortedCSharpFiles)
        {
            var externs = file.Syntax.Externs;
            if (externs.IsEmpty)
                continue;
            var symbols = symbolsByProject[file.ProjectPath ?? ""];
            var start = bindings.Count;
            if (reuse.FileBindings(file, symbols) is { } range)
            {
                for (var i = 0; i < range.Count; i++)
                {
                    bindings.Add(previousBindings[range.Start + i]);
                    previousIndex.Add(range.Start + i);
                }
            }
            else
            {
                for (var i = 0; i < externs.Length; i++)
                {
                    var (reused, at) = reuse.Binding(file, externs[i], i, symbols);
                    bindings.Add(reused ?? model.Resolve(file, externs[i], symbols));
                    previousIndex.Add(reused is null ? -1 : at);
                }
            }
            ranges[file.Path] = (start, bindings.Count - start);
        }
        model.Bindings = [.. bindings];
        model.BindingRanges = ranges;
        model.PreviousIndex = [.. previousIndex];
        model.PreviousKept = new bool[previousBindings.Length];
        foreach (var at in model.PreviousIndex)
        {
            if (at >= 0)
                model.PreviousKept[at] = true;
        }
        model.Times.Mark("bindings");
        cancellationToken.ThrowIfCancellationRequested();

        (model.CallSites, model.CallSiteRanges) = FindCallSites(input, model, reuse.Previous);
        model.Times.Mark("call sites");
        (model.Findings, model.NativeFindingsByCrate) = RuleRunner.Run(model, reuse, cancellationToken);
        model.PreviousIndex = [];
        model.PreviousKept = [];
        return model;
    }

    /// <summary>
    /// The names of the bindings that are not the same objects as before: resolved in this build, or in the previous model
    /// and not taken over. Call sites of other names point at reused bindings and stay as they were.
    /// </summary>
    private static HashSet<string> ChangedNames(SemanticModel model, SemanticModel previous)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Bindings.Length; i++)
        {
            if (model.PreviousIndex[i] < 0)
                names.Add(model.Bindings[i].Method.Name);
        }
        var kept = model.PreviousKept;
        for (var i = 0; i < kept.Length; i++)
        {
            if (!kept[i])
                names.Add(previous.Bindings[i].Method.Name);
        }
        return names;
    }

    private Binding Resolve(CsSourceFile file, CsExternMethod method, CsSymbols symbols)
    {
        var library = symbols.Evaluate(method.Library, method.Container) as string;
        var entryPointValue = method.EntryPoint is null ? method.Name : symbols.Evaluate(method.EntryPoint, method.Container) as string;
        var entryPoint = entryPointValue ?? method.Name;
        Binding Make(ResolutionKind kind, RustCrate? crate = null, ImmutableArray<CrateItem<RustFunction>> natives = default, ImmutableArray<CrateItem<RustFunction>> notExported = default, string? why = null) =>
            new(file, method, symbols, library, entryPoint, kind, crate, natives.IsDefault ? [] : natives, notExported.IsDefault ? [] : notExported, why);

        if (library is null)
            return Make(ResolutionKind.Unknown, why: "the library name is not a constant this tool can fold");
        if (method.EntryPoint is not null && entryPointValue is null)
            return Make(ResolutionKind.Unknown, why: "the entry point is not a constant this tool can fold");

        var crate = FindCrate(library);
        if (crate is null && FindCLibrary(library) is { } cLibrary)
            return ResolveC(cLibrary, entryPoint, Make);
        if (crate is null)
        {
            if (LibraryNames.IsSystem(library))
                return Make(ResolutionKind.SystemLibrary);
            if (Config.Libraries.Keys.Any(k => LibraryNames.Matches(k, library)))
                return Make(ResolutionKind.Unknown, why: "the library is configured in hybrid-lsp.toml as a library this tool does not index yet");
            return Make(ResolutionKind.UnresolvedLibrary);
        }

        if (crate.ExportsBySymbol.TryGetValue(entryPoint, out var natives))
            return Make(ResolutionKind.Resolved, crate, natives);
        var notExported = crate.Functions.Where(f => f.Item.Name == entryPoint && f.Item.ExportedSymbol is null && !f.Item.IsForeign).ToImmutableArray();
        if (!notExported.IsEmpty)
            return Make(ResolutionKind.MissingExport, crate, notExported: notExported);
        if (crate.HasMacroExports)
            return Make(ResolutionKind.Unknown, crate, why: $"crate '{crate.LibName}' generates exports with macros");
        if (!crate.MissingModules.IsEmpty || crate.Files.Any(f => Input.ParseErrors.TryGetValue(f, out var errors) && !errors.IsEmpty))
            return Make(ResolutionKind.Unknown, crate, why: $"crate '{crate.LibName}' could only be partly read");
        return Make(ResolutionKind.MissingExport, crate) with { OutsideModuleTree = FindOutsideModuleTree(crate, entryPoint) };
    }

    private static Binding ResolveC(CLibrary library, string entryPoint, Func<ResolutionKind, RustCrate?, ImmutableArray<CrateItem<RustFunction>>, ImmutableArray<CrateItem<RustFunction>>, string?, Binding> make)
    {
        var natives = new List<CLibraryFunction>();
        var hidden = new List<CLibraryFunction>();
        var anyParsed = false;
        var anyIncomplete = false;
        string? unavailable = null;
        foreach (var (_, target) in library.Targets.OrderBy(t => t.Key.Name, StringComparer.Ordinal))
        {
            if (!target.Parsed)
            {
                unavailable ??= target.UnavailableReason;
                continue;
            }
            anyParsed = true;
            anyIncomplete |= target.Incomplete;
            if (target.ExportsBySymbol.TryGetValue(entryPoint, out var export))
                AddDistinct(natives, export);
            else if (target.FunctionsByName.TryGetValue(entryPoint, out var named))
                named.ToList().ForEach(f => AddDistinct(hidden, f));
        }
        Binding Make(ResolutionKind kind, string? why = null) => make(kind, null, default, default, why) with
        {
            CLibrary = library, CNatives = [.. natives], CNotExported = [.. hidden],
        };
        if (!anyParsed)
            return Make(ResolutionKind.Unknown, $"the {library.Language} library '{library.Name}' could not be parsed: {unavailable ?? "no translation unit"}");
        if (natives.Count > 0)
            return Make(ResolutionKind.Resolved);
        if (hidden.Count > 0 || !anyIncomplete)
            return Make(ResolutionKind.MissingExport);
        return Make(ResolutionKind.Unknown, $"the {library.Language} library '{library.Name}' could only be partly parsed");
    }

    private static void AddDistinct(List<CLibraryFunction> list, CLibraryFunction function)
    {
        var at = function.Primary.NameSpan;
        if (!list.Any(f => f.Primary.NameSpan.File == at.File && f.Primary.NameSpan.Span == at.Span))
            list.Add(function);
    }

    /// <summary>The C/C++ library a library name denotes: a `[libraries]` entry naming it first, then loader and target names.</summary>
    public CLibrary? FindCLibrary(string library) =>
        CLibraries.FirstOrDefault(l => l.Config is { } c && LibraryNames.Matches(c.Name, library))
        ?? CLibraries.FirstOrDefault(l => CLibraryBuilder.Matches(l, library));

    private CrateItem<RustFunction>? FindOutsideModuleTree(RustCrate crate, string symbol)
    {
        var inTree = crate.Files.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, file) in Input.RustFiles)
        {
            // Only library sources: build.rs, src/main.rs, src/bin/, tests/, examples/ and benches/ are other targets.
            var libDir = PathUtil.Directory(crate.LibRoot);
            if (!PathUtil.IsUnder(path, libDir) || inTree.Contains(path) || path == libDir + "/main.rs" || PathUtil.IsUnder(path, libDir + "/bin"))
                continue;
            var fn = file.Syntax.Functions.FirstOrDefault(f => f.ExportedSymbol == symbol);
            if (fn is not null)
                return new CrateItem<RustFunction>(fn, path, fn.Cfg);
        }
        return null;
    }

    /// <summary>The crate a library name denotes: a `[libraries]` mapping first, then the cdylib lib names, then any crate's lib name.</summary>
    public RustCrate? FindCrate(string library) => _crateByLibrary.GetOrAdd(library, FindCrateUncached);

    // FindCrate per library name: every extern of a library asks the same question.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RustCrate?> _crateByLibrary = new(StringComparer.Ordinal);

    private RustCrate? FindCrateUncached(string library)
    {
        foreach (var (name, lib) in Config.Libraries)
        {
            if (lib.Crate is { } dir && LibraryNames.Matches(name, library))
                return Crates.FirstOrDefault(c => string.Equals(c.Directory, dir, StringComparison.Ordinal));
        }
        return Crates.FirstOrDefault(c => c.IsCdylib && LibraryNames.Matches(c.LibName, library))
            ?? Crates.FirstOrDefault(c => LibraryNames.Matches(c.LibName, library));
    }

    /// <summary>
    /// Every call of an extern, file by file in path order. A file whose syntax and project are those of the previous
    /// model and that calls no name whose bindings changed (a binding not reused, added or removed) keeps its call sites:
    /// they point at reused bindings, so they are what matching again would give.
    /// </summary>
    private static (ImmutableArray<CallSite> Sites, Dictionary<string, (int Start, int Count)> Ranges) FindCallSites(
        WorkspaceInput input, SemanticModel model, SemanticModel? previous)
    {
        var changedNames = previous is null ? null : ChangedNames(model, previous);
        var bindings = model.Bindings;
        var result = new List<CallSite>(previous?.CallSites.Length ?? 0);
        var ranges = new Dictionary<string, (int Start, int Count)>(previous?.CallSiteRanges.Count ?? 0, StringComparer.Ordinal);
        List<CsSourceFile>? rematch = null;
        // First pass: what is taken over, and which files match again.
        var sorted = input.SortedCSharpFiles;
        var keptRanges = new List<(CsSourceFile File, (int Start, int Count) Range)>(sorted.Length);
        // Usually the same paths as before, in the same order: the previous file is then found by position.
        var before = previous?.Input.SortedCSharpFiles ?? [];
        var aligned = before.Length == sorted.Length;
        for (var i = 0; i < sorted.Length; i++)
        {
            var file = sorted[i];
            var invocations = file.Syntax.Invocations;
            if (invocations.IsEmpty)
                continue;
            CsSourceFile? was = null;
            if (previous is not null && !(aligned && (was = before[i]).Path == file.Path))
                was = previous.Input.CSharpFiles.GetValueOrDefault(file.Path);
            if (previous is not null && was is not null && ReferenceEquals(was.Syntax, file.Syntax) && was.ProjectPath == file.ProjectPath
                && !AnyCalled(file.Syntax, changedNames!))
            {
                keptRanges.Add((file, previous.CallSiteRanges.GetValueOrDefault(file.Path)));
                continue;
            }
            (rematch ??= []).Add(file);
            keptRanges.Add((file, (-1, 0)));
        }

        // The bindings the files that match again can call, by name: one pass over the bindings, no lookup of all of them.
        Dictionary<string, List<Binding>>? byName = null;
        if (rematch is not null)
        {
            byName = new Dictionary<string, List<Binding>>(StringComparer.Ordinal);
            foreach (var file in rematch)
            {
                foreach (var invocation in file.Syntax.Invocations)
                    byName.TryAdd(invocation.Name, []);
            }
            foreach (var binding in bindings)
            {
                if (byName.TryGetValue(binding.Method.Name, out var list))
                    list.Add(binding);
            }
        }

        foreach (var (file, range) in keptRanges)
        {
            var start = result.Count;
            if (range.Start >= 0)
            {
                for (var i = range.Start; i < range.Start + range.Count; i++)
                    result.Add(previous!.CallSites[i]);
            }
            else
            {
                foreach (var invocation in file.Syntax.Invocations)
                {
                    foreach (var binding in byName![invocation.Name])
                    {
                        if (binding.File.ProjectPath != file.ProjectPath)
                            continue;
                        var method = binding.Method;
                        var matches = invocation.Qualifier is { } q
                            ? q == method.ContainerSimpleName || q == method.Container || method.Container.EndsWith("." + q, StringComparison.Ordinal)
                            : invocation.EnclosingType == method.Container || invocation.EnclosingType.StartsWith(method.Container + ".", StringComparison.Ordinal);
                        if (matches)
                            result.Add(new CallSite(file.Path, invocation, binding));
                    }
                }
            }
            if (result.Count > start)
                ranges[file.Path] = (start, result.Count - start);
        }
        return ([.. result], ranges);
    }

    /// <summary>Whether the file calls any of <paramref name="names"/> (looked up from the smaller side).</summary>
    private static bool AnyCalled(CsFileSyntax syntax, HashSet<string> names)
    {
        if (names.Count == 0)
            return false;
        var invoked = syntax.InvokedNames;
        if (names.Count < invoked.Count)
            return names.Any(invoked.Contains);
        return invoked.Any(names.Contains);
    }
}
