using System.Collections.Concurrent;
using System.Collections.Immutable;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.CMake;

namespace HybridLsp.Semantics.Model;

/// <summary>
/// Parses C/C++ translation units with libclang and remembers the results across snapshots: a translation unit is
/// parsed again only when one of the workspace files it read changed, or its flags did. Owned by the analysis host
/// (one per workspace), shared by every snapshot; thread-safe. Which libclang is used comes from
/// <see cref="ClangOptions"/>, which only the user sets (DESIGN §7).
/// </summary>
public sealed class CParseService(ClangOptions options)
{
    private sealed record Entry(CParseResult Result, ImmutableArray<(string Path, string? Text)> Inputs, long Generation)
    {
        /// <summary>
        /// While the result has errors, the unit's last result without any (a declaration being typed is an error until its
        /// `;`): the edit that ends the errors is spliced against that one.
        /// </summary>
        public Entry? Clean { get; init; }
    }

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private long _generation;

    public ClangOptions Options => options;

    /// <summary>The libraries of the last complete build, which the next build may take over (<see cref="CLibraryReuse"/>).</summary>
    internal CLibraryReuse? LastBuild { get => Volatile.Read(ref _lastBuild); set => Volatile.Write(ref _lastBuild, value); }

    private CLibraryReuse? _lastBuild;

    /// <summary>How many translation units were parsed (not served from the cache) since the service was created.</summary>
    public int ParseCount => _parseCount;

    private int _parseCount;

    /// <summary>How many of <see cref="ParseCount"/> re-parsed only the declarations an edit touched (<see cref="ClangSplice"/>).</summary>
    public int SpliceCount => _spliceCount;

    private int _spliceCount;

    // The function declarations of the workspace files' texts as parses reported them, for ClangSplice: per path the last
    // few texts (a header edit's units run in parallel: one may record the new text while another still needs the old one).
    private readonly Dictionary<string, List<CDeclarationRegions>> _regions = new(StringComparer.Ordinal);
    private const int RegionVersionsPerFile = 3;

    /// <summary>Starts a new build: entries not used by it are dropped at <see cref="EndBuild"/>.</summary>
    public long BeginBuild() => Interlocked.Increment(ref _generation);

    /// <summary>Drops the entries the build <paramref name="generation"/> did not use (translation units that no longer exist).</summary>
    public void EndBuild(long generation)
    {
        foreach (var (key, entry) in _cache)
        {
            if (entry.Generation < generation)
                _cache.TryRemove(key, out _);
        }
        // The declarations of files no translation unit reads any more.
        var read = _cache.Values.SelectMany(e => e.Inputs).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        lock (_regions)
        {
            foreach (var path in _regions.Keys.Where(p => !read.Contains(p)).ToList())
                _regions.Remove(path);
        }
    }

    public CParseResult Parse(CParseRequest request, long generation, CancellationToken cancellationToken)
    {
        var key = Key(request);
        CParseResult? result = null;
        if (_cache.TryGetValue(key, out var entry))
        {
            if (Unchanged(entry, request))
            {
                _cache[key] = entry with { Generation = generation };
                return entry.Result;
            }
            // An edit of one file's function declarations: parse only those (and what shares their names), keep the rest.
            var clean = entry.Result.FirstError is null ? entry : entry.Clean;
            if (clean is not null && OnlyChange(clean, request) is var (path, oldText))
            {
                result = ClangSplice.TryReparse(options, request, clean.Result, path, oldText, RegionsOf, out var edited, cancellationToken);
                if (result is { Status: CParseStatus.Parsed })
                {
                    Interlocked.Increment(ref _spliceCount);
                    if (edited is not null)
                        Remember(path, edited);
                }
            }
        }
        var spliced = result is { Status: CParseStatus.Parsed };
        result ??= ClangParser.Parse(options, request, cancellationToken);
        if (result.Status is CParseStatus.Cancelled)
            return result;
        Interlocked.Increment(ref _parseCount);
        // A splice has told the edited file's new regions (the other files' texts are the ones their regions are of).
        if (result.Status == CParseStatus.Parsed && result.FirstError is null && !spliced)
            RecordRegions(result, request);
        // What the result depends on: the workspace files it read (a file that did not exist is remembered as null),
        // so creating, changing or deleting any of them parses again.
        var inputs = result.IncludedFiles
            .Where(request.UnsavedFiles.ContainsKey)
            .Append(request.MainFile)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (p, request.UnsavedFiles.GetValueOrDefault(p)))
            .ToImmutableArray();
        // A translation unit with errors may be missing a header that a later edit creates: it also depends on which files exist.
        if (result.FirstError is not null)
            inputs = inputs.Add((FileSetKey, FileSet(request)));
        _cache[key] = new Entry(result, inputs, generation)
        {
            Clean = result.FirstError is null || entry is null ? null : entry.Result.FirstError is null ? entry : entry.Clean,
        };
        return result;
    }

    private const string FileSetKey = "\u0000files";

    /// <summary>The one workspace file whose text differs from what the cached result read (null if none, several, or one created or deleted).</summary>
    private static (string Path, string OldText)? OnlyChange(Entry entry, CParseRequest request)
    {
        (string, string)? change = null;
        foreach (var (path, text) in entry.Inputs)
        {
            var current = path == FileSetKey ? FileSet(request) : request.UnsavedFiles.GetValueOrDefault(path);
            if (SameText(current, text))
                continue;
            if (change is not null || path == FileSetKey || current is null || text is null)
                return null;
            change = (path, text);
        }
        return change;
    }

    private CDeclarationRegions? RegionsOf(string path, string text)
    {
        lock (_regions)
        {
            if (!_regions.TryGetValue(path, out var versions))
                return null;
            foreach (var regions in versions)
            {
                if (SameText(regions.Text, text))
                    return regions;
            }
            return null;
        }
    }

    /// <summary>
    /// Remembers where the functions a result reports are, per file text (each target may add some: #ifdef _WIN32), for every
    /// workspace file whose declarations the unit reports, those without functions too (a header of types alone is spliced).
    /// </summary>
    private void RecordRegions(CParseResult result, CParseRequest request)
    {
        var byFile = result.Functions.ToLookup(f => f.FullSpan.File, StringComparer.Ordinal);
        foreach (var file in result.IncludedFiles.Distinct(StringComparer.Ordinal))
        {
            if (request.OmitDeclarationsFrom.Contains(file) || !request.UnsavedFiles.TryGetValue(file, out var text))
                continue;
            var functions = byFile[file];
            var known = RegionsOf(file, text);
            if (known is not null && functions.All(f => known.Has(f.FullSpan.Span)))
                continue;
            var spans = functions.Select(f => (f.FullSpan.Span, f.Name));
            Remember(file, CDeclarationRegions.Compute(text, known is null ? spans : spans.Concat(known.Functions)));
        }
    }

    private void Remember(string path, CDeclarationRegions regions)
    {
        lock (_regions)
        {
            if (!_regions.TryGetValue(path, out var versions))
                _regions[path] = versions = [];
            versions.RemoveAll(v => SameText(v.Text, regions.Text));
            versions.Insert(0, regions);
            if (versions.Count > RegionVersionsPerFile)
                versions.RemoveRange(RegionVersionsPerFile, versions.Count - RegionVersionsPerFile);
        }
    }

    private static string FileSet(CParseRequest request) => string.Join('\n', request.UnsavedFiles.Keys.Order(StringComparer.Ordinal));

    /// <summary>A workspace text as it was: usually the very string (snapshots share unchanged texts), else equal.</summary>
    private static bool SameText(string? a, string? b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    private static bool Unchanged(Entry entry, CParseRequest request)
    {
        foreach (var (path, text) in entry.Inputs)
        {
            var current = path == FileSetKey ? FileSet(request) : request.UnsavedFiles.GetValueOrDefault(path);
            if (!SameText(current, text))
                return false;
        }
        return true;
    }

    private readonly ConcurrentDictionary<string, (string Text, CompileCommands Value)> _compileCommands = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ImmutableArray<KeyValuePair<string, string>> Files, CMakeFileApiReply Value)> _replies = new(StringComparer.Ordinal);

    /// <summary>A compile_commands.json read once per text: every snapshot rebuilds the C libraries, the build tree rarely changes.</summary>
    public CompileCommands ReadCompileCommands(string path, string text)
    {
        if (_compileCommands.TryGetValue(path, out var cached) && ReferenceEquals(cached.Text, text))
            return cached.Value;
        var value = CompileCommands.Read(path, text);
        _compileCommands[path] = (text, value);
        return value;
    }

    /// <summary>A File API reply read once per set of reply files (same paths, same texts).</summary>
    public CMakeFileApiReply ReadFileApiReply(string buildDir, IReadOnlyDictionary<string, string> files)
    {
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToImmutableArray();
        if (_replies.TryGetValue(buildDir, out var cached) && cached.Files.Length == ordered.Length
            && cached.Files.Zip(ordered).All(p => p.First.Key == p.Second.Key && ReferenceEquals(p.First.Value, p.Second.Value)))
            return cached.Value;
        var value = CMakeFileApi.Read(buildDir, files);
        _replies[buildDir] = (ordered, value);
        return value;
    }

    private static string Key(CParseRequest request) => string.Join('\u0001',
        request.MainFile, request.TargetTriple, request.Language, request.Standard ?? "",
        string.Join('\u0002', request.IncludeDirectories.IsDefault ? [] : request.IncludeDirectories),
        string.Join('\u0002', request.Defines.IsDefault ? [] : request.Defines),
        string.Join('\u0002', request.ExtraFlags.IsDefault ? [] : request.ExtraFlags),
        request.UseSystemHeaders?.ToString() ?? "",
        string.Join('\u0002', request.OmitDeclarationsFrom.Order(StringComparer.Ordinal)),
        request.ReadAllSignatures ? "all signatures" : "");
}
