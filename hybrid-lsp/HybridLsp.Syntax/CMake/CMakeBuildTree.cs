using System.Collections.Immutable;

namespace HybridLsp.Syntax.CMake;

/// <summary>Where the flags of a build tree came from.</summary>
public enum CMakeBuildTreeSource { FileApi, CompileCommands }

/// <summary>
/// How one CMake library target is really compiled in a build tree: the allow-listed flags of each of its sources, from
/// the CMake File API reply (by target name) or from <c>compile_commands.json</c> (by source file).
/// </summary>
/// <param name="BuildDir">The build directory (absolute).</param>
/// <param name="Source">The File API reply or compile_commands.json.</param>
/// <param name="BySource">The flags per source file (absolute path) the build tree compiles for this target.</param>
/// <param name="Dropped">Every flag the allow-list dropped for this target's sources, once each (for the log).</param>
public sealed record CMakeBuildFlags(string BuildDir, CMakeBuildTreeSource Source, ImmutableDictionary<string, CompileFlags> BySource, ImmutableArray<string> Dropped)
{
    /// <summary>The file the flags were read from, for messages: "build/compile_commands.json" style, absolute.</summary>
    public string Origin => Source == CMakeBuildTreeSource.FileApi ? CMakeFileApi.ReplyDirectory(BuildDir) : BuildDir + "/compile_commands.json";
}

/// <summary>
/// Finds a library target's flags in the build trees of a workspace, from the texts of the build trees' files (pure: the
/// caller hands in <c>compile_commands.json</c> and <c>.cmake/api/v1/reply/*.json</c> files; see <see cref="IsBuildTreeFile"/>).
/// Parsed readers are kept per build directory, so one instance serves every library of a snapshot.
/// </summary>
public sealed class CMakeBuildTree
{
    private const string ReplySegment = "/.cmake/api/v1/reply/";
    private const string CompileCommandsName = "compile_commands.json";

    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly Func<string, string, CompileCommands> _readCommands;
    private readonly Func<string, IReadOnlyDictionary<string, string>, CMakeFileApiReply> _readReply;
    private readonly Dictionary<string, CompileCommands?> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CMakeFileApiReply?> _replies = new(StringComparer.Ordinal);

    /// <param name="files">Absolute path → text of the build trees' files (others are ignored).</param>
    /// <param name="readCommands">Reads a compile_commands.json (path, text); a caller may cache by text.</param>
    /// <param name="readReply">Reads a File API reply (build dir, reply files); a caller may cache by texts.</param>
    public CMakeBuildTree(IReadOnlyDictionary<string, string> files,
        Func<string, string, CompileCommands>? readCommands = null, Func<string, IReadOnlyDictionary<string, string>, CMakeFileApiReply>? readReply = null)
    {
        _files = files;
        _readCommands = readCommands ?? CompileCommands.Read;
        _readReply = readReply ?? CMakeFileApi.Read;
        BuildDirectories = [.. files.Keys.Select(BuildDirectoryOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every folder that holds a compile_commands.json or a File API reply index.</summary>
    public ImmutableArray<string> BuildDirectories { get; }

    /// <summary>A file CMake writes into a build tree that describes how it compiles: compile_commands.json or a File API reply file.</summary>
    public static bool IsBuildTreeFile(string path)
    {
        path = path.Replace('\\', '/');
        var name = CMakePath.FileName(path);
        if (name == CompileCommandsName)
            return true;
        return name.EndsWith(".json", StringComparison.Ordinal) && CMakePath.Directory(path).EndsWith(ReplySegment.TrimEnd('/'), StringComparison.Ordinal);
    }

    /// <summary>The build directory a build-tree file belongs to, or null when it is none (a reply file other than an index counts only through its index).</summary>
    private static string? BuildDirectoryOf(string path)
    {
        var name = CMakePath.FileName(path);
        var directory = CMakePath.Directory(path);
        if (name == CompileCommandsName)
            return directory;
        if (name.StartsWith("index-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
            && directory.EndsWith(ReplySegment.TrimEnd('/'), StringComparison.Ordinal))
            return directory[..^(ReplySegment.Length - 1)] is { Length: > 0 } dir ? dir : "/";
        return null;
    }

    /// <summary>
    /// The build directories to look in for a library, in order: <paramref name="configured"/> (as given, when it holds a
    /// build tree), then under each of <paramref name="roots"/> in turn the conventional folders <c>build</c>,
    /// <c>build-*</c>, <c>cmake-build-*</c> and <c>out/build/*</c> (Visual Studio's CMake presets), each group by name.
    /// </summary>
    public ImmutableArray<string> Candidates(IEnumerable<string> configured, IEnumerable<string> roots)
    {
        var result = new List<string>();
        var present = BuildDirectories.ToHashSet(StringComparer.Ordinal);
        foreach (var dir in configured.Select(CMakePath.Normalize))
        {
            if (present.Contains(dir) && !result.Contains(dir))
                result.Add(dir);
        }
        foreach (var root in roots.Select(CMakePath.Normalize).Distinct(StringComparer.Ordinal))
        {
            var prefix = root == "/" ? "/" : root + "/";
            foreach (var dir in BuildDirectories.Where(d => d.StartsWith(prefix, StringComparison.Ordinal) && IsConventional(d[prefix.Length..].Split('/'))))
            {
                if (!result.Contains(dir))
                    result.Add(dir);
            }
        }
        return [.. result];
    }

    private static bool IsConventional(string[] segments) => segments switch
    {
        ["build"] => true,
        [var one] => one.StartsWith("build-", StringComparison.Ordinal) || one.StartsWith("cmake-build-", StringComparison.Ordinal),
        ["out", "build", _] => true,
        _ => false,
    };

    /// <summary>
    /// The flags of <paramref name="target"/> in the first of <paramref name="buildDirs"/> that compiles it: in each directory
    /// the File API reply when it names the target, else the compile_commands.json entries of <paramref name="sources"/>
    /// (a source compiled into several targets: the entry whose object file lies in <c>CMakeFiles/&lt;target&gt;.dir/</c>).
    /// Null when no build tree compiles it.
    /// </summary>
    public CMakeBuildFlags? FlagsFor(string target, IReadOnlyCollection<string> sources, IEnumerable<string> buildDirs)
    {
        foreach (var dir in buildDirs)
        {
            if (Reply(dir) is { } reply && reply.Targets.FirstOrDefault(t => t.Name == target) is { } t)
            {
                var bySource = ImmutableDictionary.CreateBuilder<string, CompileFlags>(StringComparer.Ordinal);
                foreach (var group in t.CompileGroups)
                {
                    foreach (var source in group.Sources)
                        bySource.TryAdd(source, group.Flags);
                }
                if (bySource.Count > 0)
                    return new CMakeBuildFlags(dir, CMakeBuildTreeSource.FileApi, bySource.ToImmutable(), t.DroppedFlags);
            }
            if (Commands(dir) is { } commands)
            {
                var bySource = ImmutableDictionary.CreateBuilder<string, CompileFlags>(StringComparer.Ordinal);
                var objectFolder = "CMakeFiles/" + target + ".dir/";
                foreach (var source in sources)
                {
                    var entries = commands.For(source);
                    if (entries.IsEmpty)
                        continue;
                    var entry = entries.FirstOrDefault(e => e.Output?.Replace('\\', '/').Contains(objectFolder, StringComparison.Ordinal) == true) ?? entries[0];
                    bySource[entry.File] = entry.Flags;
                }
                if (bySource.Count > 0)
                    return new CMakeBuildFlags(dir, CMakeBuildTreeSource.CompileCommands, bySource.ToImmutable(),
                        [.. bySource.Values.SelectMany(f => f.Dropped).Distinct(StringComparer.Ordinal)]);
            }
        }
        return null;
    }

    /// <summary>The read compile_commands.json of a build directory, or null when it has none.</summary>
    public CompileCommands? Commands(string buildDir)
    {
        if (!_commands.TryGetValue(buildDir, out var commands))
        {
            var path = (buildDir == "/" ? "" : buildDir) + "/" + CompileCommandsName;
            _commands[buildDir] = commands = _files.TryGetValue(path, out var text) ? _readCommands(path, text) : null;
        }
        return commands;
    }

    /// <summary>The read File API reply of a build directory, or null when it has no reply index.</summary>
    public CMakeFileApiReply? Reply(string buildDir)
    {
        if (!_replies.TryGetValue(buildDir, out var reply))
        {
            var replyDir = CMakeFileApi.ReplyDirectory(buildDir);
            var files = _files.Where(f => CMakePath.Directory(f.Key) == replyDir).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            _replies[buildDir] = reply = files.Keys.Any(k => CMakePath.FileName(k).StartsWith("index-", StringComparison.Ordinal)) ? _readReply(buildDir, files) : null;
        }
        return reply;
    }
}
