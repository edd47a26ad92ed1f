using System.Collections.Immutable;
using HybridLsp.Syntax.C;

namespace HybridLsp.Semantics.Model;

/// <summary>
/// The C/C++ libraries of the last build of a <see cref="CParseService"/>, with what they were built from, so the next
/// build can take over a library whose inputs are all the same (a C# or Rust edit, or an edit in another library).
/// <para>
/// <see cref="CLibraryBuilder"/> is a pure function of the configuration, the CMake list files, the build tree's files,
/// the set of C/C++ file paths (discovery and which files exist) and the parse results of the library's translation
/// units (which in turn depend on the texts of the files they read, as <see cref="CParseService"/> checks). When the first
/// four are equal, discovery yields the same libraries in the same order; when, moreover, every (target, unit) parse of a
/// library returned the very result objects of the last build, combining them again would give an equal library. Then
/// the last build's object is used, so everything computed from it later (bindings, their findings) can be reused too.
/// </para>
/// </summary>
internal sealed class CLibraryReuse
{
    // What discovery read, kept without the rest of the snapshot's input (C# and Rust syntax are not held on to).
    private readonly Config.HybridConfig _config;
    private readonly string _rootPath;
    private readonly ImmutableDictionary<string, string> _cmakeFiles;
    private readonly ImmutableDictionary<string, string> _buildTreeFiles;
    private readonly ImmutableDictionary<string, string> _cFiles;

    private CLibraryReuse(WorkspaceInput input, ImmutableArray<(CLibrary Library, ImmutableArray<CParseResult> Results)> libraries)
    {
        _config = input.Config;
        _rootPath = input.RootPath;
        _cmakeFiles = input.CMakeFiles;
        _buildTreeFiles = input.BuildTreeFiles;
        _cFiles = input.CFiles;
        Libraries = libraries;
    }

    private ImmutableArray<(CLibrary Library, ImmutableArray<CParseResult> Results)> Libraries { get; }

    public static CLibraryReuse Record(WorkspaceInput input, IEnumerable<(CLibrary Library, ImmutableArray<CParseResult> Results)> libraries) => new(input, [.. libraries]);

    /// <summary>Whether discovery over <paramref name="input"/> finds exactly the libraries it found for this build's input.</summary>
    public bool SameDiscovery(WorkspaceInput input) =>
        ReferenceEquals(_config, input.Config) && _rootPath == input.RootPath
        && SameTexts(_cmakeFiles, input.CMakeFiles) && SameTexts(_buildTreeFiles, input.BuildTreeFiles)
        && _cFiles.Count == input.CFiles.Count && _cFiles.Keys.All(input.CFiles.ContainsKey);

    /// <summary>
    /// The library built last time at the same position in discovery order, when it is the same library and its units'
    /// results are the same objects, in the same order (targets, then units). Call only after <see cref="SameDiscovery"/>.
    /// </summary>
    public CLibrary? Library(int index, CLibrary fresh, IReadOnlyList<CParseResult> results)
    {
        if (index >= Libraries.Length)
            return null;
        var (library, previous) = Libraries[index];
        if (library.Name != fresh.Name || library.Directory != fresh.Directory || library.LoaderName != fresh.LoaderName
            || library.HeadersOnly != fresh.HeadersOnly || library.IsCxx != fresh.IsCxx
            || !library.Headers.SequenceEqual(fresh.Headers, StringComparer.Ordinal) || !library.Sources.SequenceEqual(fresh.Sources, StringComparer.Ordinal)
            || previous.Length != results.Count)
            return null;
        for (var i = 0; i < results.Count; i++)
        {
            if (!ReferenceEquals(previous[i], results[i]))
                return null;
        }
        return library;
    }

    private static bool SameTexts(ImmutableDictionary<string, string> a, ImmutableDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Count != b.Count)
            return false;
        foreach (var (path, text) in a)
        {
            if (!b.TryGetValue(path, out var other) || !ReferenceEquals(text, other) && !string.Equals(text, other, StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
