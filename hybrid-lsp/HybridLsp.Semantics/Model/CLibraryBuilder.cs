using System.Collections.Concurrent;
using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Config;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.CMake;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Model;

/// <summary>
/// Finds the workspace's C/C++ shared libraries (CMake targets read statically, and `[libraries]` folders of headers)
/// and indexes each one per configured target: one translation unit per source file plus one that includes every
/// public header, parsed through the <see cref="CParseService"/> cache.
/// </summary>
public static class CLibraryBuilder
{
    private const int MaxHeadersPerLibrary = 2_000;

    private static readonly string[] s_headerExtensions = [".h", ".hh", ".hpp", ".hxx", ".h++"];
    private static readonly string[] s_cxxExtensions = [".cc", ".cpp", ".cxx", ".c++", ".C"];

    public static bool IsHeader(string path) => s_headerExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static bool IsCxxSource(string path) => s_cxxExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal));

    public static bool IsSource(string path) => path.EndsWith(".c", StringComparison.Ordinal) || IsCxxSource(path);

    /// <summary>True for every file the C/C++ side reads: sources, headers, CMake list files.</summary>
    public static bool IsCFamily(string path) => IsHeader(path) || IsSource(path);

    internal static (ImmutableArray<CLibrary> Libraries, ImmutableArray<CMakeError> CMakeErrors) Build(WorkspaceInput input, CancellationToken cancellationToken)
    {
        if (input.CParser is not { } service || input.CFiles.IsEmpty && input.CMakeFiles.IsEmpty && !input.Config.Libraries.Values.Any(l => !l.Headers.IsDefaultOrEmpty))
            return ([], []);

        var config = input.Config;
        var libraries = new List<CLibrary>();
        var errors = ImmutableArray.CreateBuilder<CMakeError>();
        var known = input.CFiles.Keys.Concat(input.CMakeFiles.Keys).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buildTree = new CMakeBuildTree(input.BuildTreeFiles, service.ReadCompileCommands, service.ReadFileApiReply);
        foreach (var listFile in input.CMakeFiles.Keys.Where(p => PathUtil.FileName(p) == "CMakeLists.txt").OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal))
        {
            if (seen.Contains(listFile))
                continue;
            var project = CMakeDiscovery.Discover(PathUtil.Directory(listFile), input.CMakeFiles, new CMakeDiscoveryOptions(known), cancellationToken);
            seen.UnionWith(project.ListFiles);
            seen.Add(listFile);
            errors.AddRange(project.Errors);
            foreach (var library in project.Libraries.Where(l => l.MayBeShared))
            {
                var mapped = config.Libraries.Values.FirstOrDefault(c => c.CmakeTarget is { } t && (t == library.Name || library.Aliases.Contains(t)))
                    ?? config.Libraries.Values.FirstOrDefault(c => c.CmakeTarget is null && c.Crate is null && c.Headers.IsDefaultOrEmpty
                        && (LibraryNames.Matches(library.OutputName, c.Name) || LibraryNames.Matches(library.Name, c.Name)));
                var cLibrary = FromCMake(library, mapped, input);
                cLibrary.BuildFlags = FindBuildFlags(cLibrary, PathUtil.Directory(listFile), buildTree, input);
                libraries.Add(cLibrary);
            }
        }
        foreach (var entry in config.Libraries.Values.Where(l => l.CmakeTarget is null && l.Crate is null && !l.Headers.IsDefaultOrEmpty))
            libraries.Add(FromHeaders(entry, input));

        // A library whose inputs are all those of the last build is that build's library (CLibraryReuse).
        var last = service.LastBuild is { } previous && previous.SameDiscovery(input) ? previous : null;
        var generation = service.BeginBuild();
        var built = new List<(CLibrary Library, ImmutableArray<CParseResult> Results)>(libraries.Count);
        for (var i = 0; i < libraries.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = Index(libraries[i], input, service, generation, last is null ? null : (fresh, units) => last.Library(i, fresh, units), cancellationToken);
            libraries[i] = results.Library;
            built.Add(results);
        }
        service.EndBuild(generation);
        service.LastBuild = CLibraryReuse.Record(input, built);
        return ([.. libraries], errors.ToImmutable());
    }

    private static CLibrary FromCMake(CMakeLibrary target, LibraryConfig? config, WorkspaceInput input)
    {
        var sources = target.Sources.Where(s => IsSource(s) && input.CFiles.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var headerDirs = target.PublicIncludeDirectories.IsEmpty ? [target.SourceDir] : target.PublicIncludeDirectories;
        var headers = target.Sources.Where(IsHeader)
            .Concat(input.CFiles.Keys.Where(p => IsHeader(p) && headerDirs.Any(d => PathUtil.IsUnder(p, d))))
            .Where(input.CFiles.ContainsKey)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxHeadersPerLibrary).ToImmutableArray();
        var isCxx = !sources.IsEmpty && sources.All(IsCxxSource);
        return new CLibrary(target.Name, config?.Name ?? target.OutputName, target.SourceDir, target, config, headersOnly: false, headers, sources, isCxx);
    }

    /// <summary>
    /// The flags a build tree compiles the library's sources with, when one exists (docs/cmake.md, "Build trees"): the
    /// configured `build-dir` of the library, then the top-level `cmake-build-dir`, then the conventional build folders
    /// (`build`, `build-*`, `cmake-build-*`, `out/build/*`) under the library's folder, its CMake project's folder and the
    /// workspace root. In each, the File API reply when it names the target, else compile_commands.json.
    /// </summary>
    private static CMakeBuildFlags? FindBuildFlags(CLibrary library, string projectDir, CMakeBuildTree buildTree, WorkspaceInput input)
    {
        if (buildTree.BuildDirectories.IsEmpty || library.CMake is not { } target)
            return null;
        var configured = new[] { library.Config?.BuildDir, input.Config.CMakeBuildDir }.OfType<string>();
        var candidates = buildTree.Candidates(configured, [library.Directory, projectDir, input.RootPath]);
        return candidates.IsEmpty ? null : buildTree.FlagsFor(target.Name, library.Sources, candidates);
    }

    private static CLibrary FromHeaders(LibraryConfig config, WorkspaceInput input)
    {
        var dirs = config.Headers; // absolute: the configuration reader resolved them against its folder
        var headers = input.CFiles.Keys.Where(p => IsHeader(p) && dirs.Any(d => PathUtil.IsUnder(p, d) || p == d))
            .Order(StringComparer.Ordinal).Take(MaxHeadersPerLibrary).ToImmutableArray();
        var isCxx = config.Language is "cpp";
        return new CLibrary(config.Name, config.Name, dirs.FirstOrDefault() ?? input.RootPath, null, config, headersOnly: true, headers, [], isCxx);
    }

    /// <summary>
    /// Parses the library's translation units (through the cache) and combines them per target into <paramref name="library"/>;
    /// or returns the library <paramref name="reuse"/> gives for the same results, untouched.
    /// </summary>
    private static (CLibrary Library, ImmutableArray<CParseResult> Results) Index(CLibrary library, WorkspaceInput input, CParseService service, long generation,
        Func<CLibrary, IReadOnlyList<CParseResult>, CLibrary?>? reuse, CancellationToken cancellationToken)
    {
        var includeDirs = (library.CMake?.IncludeDirectories ?? [])
            .Concat(library.Config?.Include ?? [])
            .Concat(library.HeadersOnly ? library.Config!.Headers : [])
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
        var defines = (library.CMake?.Defines ?? [])
            // CMake defines <target>_EXPORTS when it compiles a shared library: export macros test it.
            .Concat(library.CMake is { } cm ? [cm.Name + "_EXPORTS"] : [])
            .Concat(library.Config?.Defines ?? [])
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
        var flags = library.CMake?.Visibility == CMakeVisibility.Hidden ? ImmutableArray.Create("-fvisibility=hidden") : [];

        // The library's files reach libclang as unsaved buffers: its folder, its include folders and its headers.
        var build = library.BuildFlags;
        var roots = includeDirs.Append(library.Directory)
            .Concat(build is null ? [] : build.BySource.Values.SelectMany(f => f.IncludeDirectories.Concat(f.SystemIncludeDirectories).Concat(f.QuoteIncludeDirectories)))
            .Distinct(StringComparer.Ordinal).ToList();
        var forced = build is null ? [] : build.BySource.Values.SelectMany(f => f.ForcedIncludes).ToHashSet(StringComparer.Ordinal);
        var unsaved = input.CFiles.Where(f => roots.Any(r => PathUtil.IsUnder(f.Key, r)) || library.Headers.Contains(f.Key) || library.Sources.Contains(f.Key) || forced.Contains(f.Key))
            .ToImmutableDictionary(StringComparer.Ordinal);
        var umbrellaPath = PathUtil.Combine(library.Directory, library.IsCxx ? "__hybrid_lsp_headers__.cpp" : "__hybrid_lsp_headers__.c");
        var umbrella = string.Concat(library.Headers.Select(h => $"#include \"{h}\"\n"));
        unsaved = unsaved.SetItem(umbrellaPath, umbrella);

        var units = library.Sources.Select(s => (Path: s, Language: IsCxxSource(s) ? CLanguage.Cxx : CLanguage.C)).ToList();
        if (!library.Headers.IsEmpty)
            units.Add((umbrellaPath, library.IsCxx ? CLanguage.Cxx : CLanguage.C));

        // A unit the build tree compiles gets its flags (through the allow-list) instead of the static evaluation; the headers'
        // unit those of the first source of its language. Sources the build tree does not compile keep the static flags.
        // A source's unit leaves the public headers' declarations to the headers' unit (they are merged by symbol anyway),
        // when both are parsed as the same language: a C header read by a C++ source declares C++-mangled names.
        var omitted = library.Headers.IsEmpty ? ImmutableHashSet<string>.Empty : library.Headers.ToImmutableHashSet(StringComparer.Ordinal);
        var umbrellaLanguage = library.IsCxx ? CLanguage.Cxx : CLanguage.C;
        CParseRequest Request(string path, CLanguage language, string triple) => path == umbrellaPath || language != umbrellaLanguage
            ? BaseRequest(path, language, triple)
            : BaseRequest(path, language, triple) with { OmitDeclarationsFrom = omitted };
        CParseRequest BaseRequest(string path, CLanguage language, string triple)
        {
            var compiled = build is null ? null
                : build.BySource.GetValueOrDefault(path)
                  ?? (path == umbrellaPath ? library.Sources.Where(s => (IsCxxSource(s) ? CLanguage.Cxx : CLanguage.C) == language).Select(build.BySource.GetValueOrDefault).FirstOrDefault(f => f is not null)
                      ?? library.Sources.Select(build.BySource.GetValueOrDefault).FirstOrDefault(f => f is not null) : null);
            if (compiled is null)
                return new CParseRequest(path, unsaved, triple, language, null, includeDirs, defines, flags);
            return new CParseRequest(path, unsaved, triple, language, StandardFor(compiled.Standard, language),
                library.Config?.Include ?? [], library.Config?.Defines ?? [], BuildTreeArguments(compiled));
        }

        var targets = ImmutableDictionary.CreateBuilder<TargetPlatform, CLibraryTarget>();
        var problems = new Dictionary<string, CParseProblem>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        // Every (target, unit) pair in one parallel loop: a header edit reparses the same few units for each target, and
        // with the targets in sequence only as many cores as units would be busy.
        var allResults = input.Config.Targets.ToDictionary(t => t, _ => new ConcurrentDictionary<string, CParseResult>(StringComparer.Ordinal));
        var work = input.Config.Targets.SelectMany(t => units.Select(u => (Target: t, Unit: u))).ToList();
        Parallel.ForEach(work, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            allResults[item.Target][item.Unit.Path] = service.Parse(Request(item.Unit.Path, item.Unit.Language, item.Target.Triple), generation, cancellationToken);
        });
        ImmutableArray<CParseResult> ordered = [.. work.Select(item => allResults[item.Target][item.Unit.Path])];
        if (reuse?.Invoke(library, ordered) is { } same)
            return (same, ordered);
        foreach (var target in input.Config.Targets)
        {
            var results = allResults[target];
            var isHost = ClangParser.UsesSystemHeaders(target.Triple);
            // The headers' translation unit first: an error in a header is reported there, not again from every source including it.
            foreach (var (path, result) in results.OrderBy(r => r.Key == umbrellaPath ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                files.UnionWith(result.IncludedFiles.Where(input.CFiles.ContainsKey));
                foreach (var problem in Problems(path, result, isHost, input, library, umbrellaPath))
                    problems.TryAdd(problem.Message, problem);
            }
        }
        // Combining is a pure function of each target's results: the targets in parallel (a header edit of a large library
        // spends ~10% of its time here after the parses).
        var combined = new CLibraryTarget[input.Config.Targets.Length];
        Parallel.For(0, combined.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            combined[i] = Combine(library, input.Config.Targets[i], allResults[input.Config.Targets[i]].Values.ToList(), input));
        // A source's definitions come without their signatures when a public header declares them first (the headers' unit
        // reads those: CFunction.SignatureOmitted). A function whose only declaration is such a definition — the headers'
        // unit failed, or saw the header under other macros — needs it after all: that target's source units are parsed
        // again reading every signature (cached like any parse; the targets' in parallel), and the target combined again.
        var needSignatures = Enumerable.Range(0, combined.Length)
            .Where(i => combined[i].FunctionsByName.Values.Any(list => list.Any(f => f.Declaration.SignatureOmitted))).ToList();
        if (needSignatures.Count > 0)
        {
            var again = needSignatures
                .SelectMany(i => units.Select(u => (Index: i, Unit: u, Request: Request(u.Path, u.Language, input.Config.Targets[i].Triple))))
                .Where(w => !w.Request.OmitDeclarationsFrom.IsEmpty).ToList();
            var complete = new ConcurrentDictionary<(int, string), CParseResult>();
            Parallel.ForEach(again, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, w =>
                complete[(w.Index, w.Unit.Path)] = service.Parse(w.Request with { ReadAllSignatures = true }, generation, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            Parallel.ForEach(needSignatures, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                combined[i] = Combine(library, input.Config.Targets[i],
                    [.. allResults[input.Config.Targets[i]].Select(r => complete.GetValueOrDefault((i, r.Key)) ?? r.Value)], input));
        }
        for (var i = 0; i < combined.Length; i++)
            targets[input.Config.Targets[i]] = combined[i];
        library.Targets = targets.ToImmutable();
        library.Problems = [.. problems.Values.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Span.Start)];
        library.Files = [.. files.Order(StringComparer.Ordinal)];
        return (library, ordered);
    }

    /// <summary>
    /// A build tree's flags as parse arguments: the allow-listed ones, less `-std=` (passed as the request's standard) and
    /// `-m32`/`-m64` (the configured target decides the pointer width, not the host build's configuration).
    /// </summary>
    private static ImmutableArray<string> BuildTreeArguments(CompileFlags flags) =>
        [.. flags.Arguments.Where(a => a is not ("-m32" or "-m64") && !a.StartsWith("-std=", StringComparison.Ordinal))];

    /// <summary>The build tree's `-std=` when it fits the unit's language (a C++ standard is not given to the C headers' unit).</summary>
    private static string? StandardFor(string? standard, CLanguage language)
    {
        if (standard is null)
            return null;
        var isCxx = standard.Contains("++", StringComparison.Ordinal);
        return isCxx == (language == CLanguage.Cxx) ? standard : null;
    }

    /// <summary>HL0003 material: clang's first error per file. A header missing on a foreign target is silence, not a finding (DESIGN §7).</summary>
    private static IEnumerable<CParseProblem> Problems(string mainFile, CParseResult result, bool isHost, WorkspaceInput input, CLibrary library, string umbrellaPath)
    {
        if (mainFile == umbrellaPath)
            mainFile = library.Headers.FirstOrDefault() ?? mainFile;
        switch (result.Status)
        {
            case CParseStatus.TimedOut or CParseStatus.Failed:
                yield return new CParseProblem(mainFile, new TextSpan(0, 0), $"C/C++ file could not be parsed: {result.Message}");
                yield break;
            case CParseStatus.Parsed:
                break;
            default:
                yield break;
        }
        // Errors that follow a header missing for a foreign target (unknown type names, undeclared `std`) are its consequences,
        // not the user's: the host target, which has every system header, reports the file's real errors.
        if (MissesHeader(result, isHost))
            yield break;
        foreach (var error in result.Diagnostics.Where(d => d.Severity >= CSeverity.Error).GroupBy(d => d.Location?.File ?? mainFile).Select(g => g.First()))
        {
            var path = error.Location is { } loc && input.CFiles.ContainsKey(loc.File) ? loc.File : mainFile;
            var span = error.Location is { } l && l.File == path ? l.Span : new TextSpan(0, 0);
            if (error.Location is { } u && u.File == umbrellaPath)
            {
                // Line N of the headers' translation unit includes header N; an error at the start of a line is the previous
                // header running off its end (an unterminated declaration): point at that header's end.
                var index = Math.Clamp(u.Column <= 1 ? u.Line - 2 : u.Line - 1, 0, Math.Max(0, library.Headers.Length - 1));
                if (index < library.Headers.Length && input.CFiles.TryGetValue(library.Headers[index], out var header))
                    (path, span) = (library.Headers[index], new TextSpan(Math.Max(0, header.TrimEnd().Length - 1), header.TrimEnd().Length > 0 ? 1 : 0));
            }
            yield return new CParseProblem(path, span, $"C/C++ file could only be partly understood: {error.Message}");
        }
    }

    /// <summary>A translation unit of a foreign target that could not find a header (a system header the product does not provide for it).</summary>
    private static bool MissesHeader(CParseResult result, bool isHost) => !isHost && result.FirstError is not null
        && result.Diagnostics.Any(d => d.Severity >= CSeverity.Error && d.Message.Contains("file not found", StringComparison.Ordinal));

    private static CLibraryTarget Combine(CLibrary library, TargetPlatform target, List<CParseResult> results, WorkspaceInput input)
    {
        var parsed = results.Where(r => r.Status == CParseStatus.Parsed).ToList();
        if (parsed.Count == 0)
        {
            var reason = results.FirstOrDefault()?.Message ?? "no translation unit";
            return new CLibraryTarget(target, false, reason, ImmutableDictionary<string, CLibraryFunction>.Empty,
                ImmutableDictionary<string, ImmutableArray<CLibraryFunction>>.Empty, ImmutableDictionary<string, CRecord>.Empty, ImmutableDictionary<string, CEnum>.Empty, true);
        }
        var isHost = ClangParser.UsesSystemHeaders(target.Triple);
        // A header missing for a foreign target makes the target incomplete too: what it declared (or what a source defines
        // with its types) may be missing, so a function not found is silence there, not HL1001 (DESIGN §7).
        var incomplete = parsed.Count < results.Count || parsed.Any(r => r.FirstError is not null);
        var sources = library.Sources.ToHashSet(StringComparer.Ordinal);
        var headers = library.Headers.ToHashSet(StringComparer.Ordinal);
        // What a file is to the library, asked once per file (a unit's functions share the path's string: the last answer is
        // checked by reference first).
        var kinds = new Dictionary<string, FileKind>(StringComparer.Ordinal);
        (string? File, FileKind Kind) last = default;
        FileKind Kind(CFunction f)
        {
            var file = f.FullSpan.File;
            if (ReferenceEquals(file, last.File))
                return last.Kind;
            if (!kinds.TryGetValue(file, out var kind))
            {
                var isSource = sources.Contains(file);
                kinds[file] = kind = new FileKind(isSource || headers.Contains(file) || PathUtil.IsUnder(file, library.Directory), isSource, IsHeader(file));
            }
            last = (file, kind);
            return kind;
        }
        bool Owned(CFunction f) => Kind(f).Owned;

        // One function per symbol: every occurrence (declarations in headers, the definition in a source) merged, the
        // symbols in the order they first occur (the translation units', then source order).
        var groups = new Dictionary<string, List<CFunction>>(StringComparer.Ordinal);
        var order = new List<List<CFunction>>();
        var usesDllExport = false;
        foreach (var result in parsed)
        {
            foreach (var f in result.Functions)
            {
                if (!Owned(f))
                    continue;
                usesDllExport |= f.IsDllExport;
                var key = f.Linkage == CLinkage.C ? f.Name : f.MangledName;
                if (!groups.TryGetValue(key, out var occurrences))
                {
                    groups[key] = occurrences = [];
                    order.Add(occurrences);
                }
                occurrences.Add(f);
            }
        }
        usesDllExport &= target.IsWindows;
        var exports = new Dictionary<string, CLibraryFunction>(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<CLibraryFunction>>(StringComparer.Ordinal);
        foreach (var occurrences in order)
        {
            // The definition in a source (else anywhere), the first declaration in a header, and the flags of any occurrence.
            CFunction? sourceDefinition = null, anyDefinition = null, headerDeclaration = null;
            bool isStatic = false, dllExport = false;
            foreach (var f in occurrences)
            {
                if (f.IsDefinition)
                {
                    anyDefinition ??= f;
                    if (sourceDefinition is null && Kind(f).Source)
                        sourceDefinition = f;
                }
                else if (headerDeclaration is null && Kind(f).Header)
                {
                    headerDeclaration = f;
                }
                isStatic |= f.IsStatic || InAnonymousNamespace(f);
                dllExport |= f.IsDllExport;
            }
            var definition = sourceDefinition ?? anyDefinition;
            var declaration = headerDeclaration ?? definition ?? occurrences[0];
            var hidden = CHiddenReason.None;
            if (isStatic)
                hidden = CHiddenReason.Static;
            else if (definition is null && !library.HeadersOnly && !library.Sources.IsEmpty && !incomplete)
                hidden = CHiddenReason.NotDefined;
            else if (target.IsWindows ? usesDllExport && !dllExport : (definition ?? declaration).Visibility == CVisibility.Hidden && !library.HeadersOnly)
                hidden = target.IsWindows ? CHiddenReason.NoDllExport : CHiddenReason.HiddenVisibility;
            var function = new CLibraryFunction(declaration, definition, hidden);
            if (function.IsExported)
                exports[occurrences[0].Linkage == CLinkage.C ? occurrences[0].Name : occurrences[0].MangledName] = function;
            if (!byName.TryGetValue(declaration.Name, out var list))
                byName[declaration.Name] = list = [];
            list.Add(function);
        }

        var records = new Dictionary<string, CRecord>(StringComparer.Ordinal);
        foreach (var record in parsed.SelectMany(r => r.Records).Where(r => r.Name.Length > 0).OrderBy(r => r.IsComplete ? 0 : 1))
        {
            records.TryAdd(record.Name, record);
            records.TryAdd(record.QualifiedName, record);
        }
        var enums = new Dictionary<string, CEnum>(StringComparer.Ordinal);
        foreach (var e in parsed.SelectMany(r => r.Enums).Where(e => e.Name.Length > 0))
        {
            enums.TryAdd(e.Name, e);
            enums.TryAdd(e.QualifiedName, e);
        }
        var functionsByName = new Dictionary<string, ImmutableArray<CLibraryFunction>>(byName.Count, StringComparer.Ordinal);
        foreach (var (name, list) in byName)
            functionsByName[name] = [.. list];
        // Read-only views of tables nothing else holds: built once here, never changed.
        return new CLibraryTarget(target, true, null, exports.AsReadOnly(), functionsByName.AsReadOnly(), records.AsReadOnly(), enums.AsReadOnly(), incomplete);
    }

    /// <summary>What a file of a translation unit is to the library being combined.</summary>
    private readonly record struct FileKind(bool Owned, bool Source, bool Header);

    /// <summary>A C++ function in an anonymous namespace has internal linkage, like a `static` one (Itanium `_GLOBAL__N_`, MSVC `?A0x`).</summary>
    private static bool InAnonymousNamespace(CFunction function) =>
        function.Linkage == CLinkage.Cxx && (function.MangledName.Contains("_GLOBAL__N_", StringComparison.Ordinal) || function.MangledName.Contains("@?A0x", StringComparison.Ordinal));

    /// <summary>Whether a library name from C# denotes this library (its loader name, CMake target name or `[libraries]` key).</summary>
    public static bool Matches(CLibrary library, string name) =>
        LibraryNames.Matches(library.LoaderName, name) || LibraryNames.Matches(library.Name, name)
        || library.Config is { } c && LibraryNames.Matches(c.Name, name);
}
