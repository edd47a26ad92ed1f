using System.Collections.Immutable;
using System.Text.Json;

namespace HybridLsp.Syntax.CMake;

/// <summary>One compile group of a File API target: sources compiled with the same flags.</summary>
/// <param name="Language">"C", "CXX" …</param>
/// <param name="Sources">Absolute paths of the group's sources.</param>
/// <param name="Flags">Includes, defines, the language standard and the command fragments, through the allow-list.</param>
public sealed record CMakeFileApiCompileGroup(string Language, ImmutableArray<string> Sources, CompileFlags Flags);

/// <summary>A target of a CMake File API codemodel-v2 reply.</summary>
/// <param name="Type">EXECUTABLE, STATIC_LIBRARY, SHARED_LIBRARY, MODULE_LIBRARY, OBJECT_LIBRARY, INTERFACE_LIBRARY or UTILITY.</param>
/// <param name="NameOnDisk">The built file's name ("libimageops.so"), null for targets that build no file.</param>
/// <param name="Artifacts">Absolute paths of the built files.</param>
/// <param name="SourceDir">The absolute source directory of the target's CMakeLists.txt.</param>
/// <param name="Sources">Absolute paths of every source, compiled or not (headers).</param>
public sealed record CMakeFileApiTarget(
    string Name, string Type, string? NameOnDisk, ImmutableArray<string> Artifacts, string SourceDir,
    ImmutableArray<string> Sources, ImmutableArray<CMakeFileApiCompileGroup> CompileGroups)
{
    /// <summary>A library P/Invoke can load.</summary>
    public bool IsSharedLibrary => Type is "SHARED_LIBRARY" or "MODULE_LIBRARY";

    /// <summary>Every flag dropped by the allow-list in any compile group, once each.</summary>
    public ImmutableArray<string> DroppedFlags => [.. CompileGroups.SelectMany(g => g.Flags.Dropped).Distinct(StringComparer.Ordinal)];
}

/// <summary>What a CMake File API reply says about a configured build tree (the first configuration).</summary>
/// <param name="SourceDir">The top-level source directory (codemodel paths.source).</param>
/// <param name="BuildDir">The build directory (codemodel paths.build).</param>
public sealed record CMakeFileApiReply(string? SourceDir, string BuildDir, ImmutableArray<CMakeFileApiTarget> Targets, ImmutableArray<CMakeError> Errors)
{
    public ImmutableArray<CMakeFileApiTarget> SharedLibraries => [.. Targets.Where(t => t.IsSharedLibrary)];
}

/// <summary>
/// Reads a CMake File API codemodel-v2 reply (cmake-file-api(7)) from its JSON texts: the newest
/// <c>.cmake/api/v1/reply/index-*.json</c>, the codemodel it names, and each target's file. Pure: the caller hands in the
/// files of the reply folder. Never throws; missing or invalid files are <see cref="CMakeFileApiReply.Errors"/>.
/// </summary>
public static class CMakeFileApi
{
    /// <summary>The folder holding the reply files of a build tree.</summary>
    public static string ReplyDirectory(string buildDir) => CMakePath.Normalize(buildDir) + "/.cmake/api/v1/reply";

    /// <summary>The (empty) query file that asks CMake to write a codemodel-v2 reply on its next configure.</summary>
    public static string CodemodelQueryFile(string buildDir) => CMakePath.Normalize(buildDir) + "/.cmake/api/v1/query/codemodel-v2";

    /// <param name="buildDir">The absolute build directory.</param>
    /// <param name="files">Absolute path → text of the files in <see cref="ReplyDirectory"/> (others are ignored).</param>
    public static CMakeFileApiReply Read(string buildDir, IReadOnlyDictionary<string, string> files)
    {
        buildDir = CMakePath.Normalize(buildDir);
        var replyDir = ReplyDirectory(buildDir);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var normal = CMakePath.Normalize(path);
            if (CMakePath.Directory(normal) == replyDir)
                texts[CMakePath.FileName(normal)] = text ?? "";
        }
        var errors = ImmutableArray.CreateBuilder<CMakeError>();
        // Index files are named by time stamp: the lexically last is the newest.
        var index = texts.Keys.Where(n => n.StartsWith("index-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault();
        if (index is null)
        {
            errors.Add(new CMakeError(replyDir, default, "no index-*.json in the CMake File API reply folder"));
            return new CMakeFileApiReply(null, buildDir, [], errors.ToImmutable());
        }
        using var indexDoc = Parse(replyDir, index, texts, errors);
        var codemodelFile = indexDoc is null ? null : CodemodelFile(indexDoc.RootElement);
        if (indexDoc is not null && codemodelFile is null)
            errors.Add(new CMakeError(replyDir + "/" + index, default, "the reply has no codemodel-v2 object"));
        using var codemodel = codemodelFile is null ? null : Parse(replyDir, codemodelFile, texts, errors);
        if (codemodel is null)
            return new CMakeFileApiReply(null, buildDir, [], errors.ToImmutable());

        var root = codemodel.RootElement;
        var sourceDir = root.TryGetProperty("paths", out var paths) ? String(paths, "source") : null;
        var replyBuild = paths.ValueKind == JsonValueKind.Object ? String(paths, "build") : null;
        var effectiveBuild = replyBuild is null ? buildDir : CMakePath.Normalize(replyBuild);
        var targets = ImmutableArray.CreateBuilder<CMakeFileApiTarget>();
        if (root.TryGetProperty("configurations", out var configurations) && configurations.ValueKind == JsonValueKind.Array && configurations.GetArrayLength() > 0)
        {
            var configuration = configurations[0];
            if (configuration.TryGetProperty("targets", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var target in list.EnumerateArray())
                {
                    if (String(target, "jsonFile") is not { } jsonFile)
                        continue;
                    using var targetDoc = Parse(replyDir, jsonFile, texts, errors);
                    if (targetDoc is not null && Target(targetDoc.RootElement, sourceDir ?? "/", effectiveBuild) is { } t)
                        targets.Add(t);
                }
            }
        }
        return new CMakeFileApiReply(sourceDir is null ? null : CMakePath.Normalize(sourceDir), effectiveBuild, targets.ToImmutable(), errors.ToImmutable());
    }

    private static string? CodemodelFile(JsonElement index)
    {
        if (index.ValueKind != JsonValueKind.Object)
            return null;
        if (index.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.Object
            && reply.TryGetProperty("codemodel-v2", out var codemodel) && codemodel.ValueKind == JsonValueKind.Object && String(codemodel, "jsonFile") is { } file)
            return file;
        if (index.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
        {
            foreach (var o in objects.EnumerateArray())
            {
                if (o.ValueKind == JsonValueKind.Object && String(o, "kind") == "codemodel" && String(o, "jsonFile") is { } f)
                    return f;
            }
        }
        return null;
    }

    private static CMakeFileApiTarget? Target(JsonElement target, string sourceDir, string buildDir)
    {
        if (target.ValueKind != JsonValueKind.Object || String(target, "name") is not { } name || String(target, "type") is not { } type)
            return null;
        var targetSource = sourceDir;
        if (target.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object && String(paths, "source") is { } relativeSource)
            targetSource = CMakePath.Combine(sourceDir, relativeSource);
        var artifacts = Array(target, "artifacts").Select(a => String(a, "path")).OfType<string>().Select(p => CMakePath.Combine(buildDir, p));
        var sourceElements = Array(target, "sources").ToList();
        // Source paths are relative to the top-level source directory unless absolute.
        var sources = sourceElements.Select(s => String(s, "path") is { } p ? CMakePath.Combine(sourceDir, p) : null).ToList();
        var groups = ImmutableArray.CreateBuilder<CMakeFileApiCompileGroup>();
        foreach (var group in Array(target, "compileGroups"))
        {
            var language = String(group, "language") ?? "";
            var groupSources = Array(group, "sourceIndexes")
                .Where(i => i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var n) && n >= 0 && n < sources.Count)
                .Select(i => sources[i.GetInt32()]).OfType<string>();
            var args = new List<string>();
            var fragmentArgs = Array(group, "compileCommandFragments").Select(f => String(f, "fragment")).OfType<string>().SelectMany(f => CompileFlags.SplitCommandLine(f)).ToList();
            foreach (var include in Array(group, "includes"))
            {
                if (String(include, "path") is not { } path)
                    continue;
                var isSystem = include.TryGetProperty("isSystem", out var s) && s.ValueKind == JsonValueKind.True;
                args.AddRange(isSystem ? ["-isystem", path] : ["-I" + path]);
            }
            args.AddRange(Array(group, "defines").Select(d => String(d, "define")).OfType<string>().Select(d => "-D" + d));
            if (!fragmentArgs.Any(a => a.StartsWith("-std=", StringComparison.Ordinal))
                && group.TryGetProperty("languageStandard", out var standard) && standard.ValueKind == JsonValueKind.Object && String(standard, "standard") is { } std)
                args.Add("-std=" + (language == "CXX" ? "c++" : "c") + std);
            args.AddRange(fragmentArgs);
            groups.Add(new CMakeFileApiCompileGroup(language, [.. groupSources], CompileFlags.Filter(args, buildDir)));
        }
        return new CMakeFileApiTarget(name, type, String(target, "nameOnDisk"), [.. artifacts], targetSource, [.. sources.OfType<string>()], groups.ToImmutable());
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object || name == "sourceIndexes")
            : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? Parse(string replyDir, string fileName, Dictionary<string, string> texts, ImmutableArray<CMakeError>.Builder errors)
    {
        // A reply names its files; anything that is not a plain file name in the reply folder is not followed.
        if (fileName.Contains('/') || fileName.Contains('\\') || !texts.TryGetValue(fileName, out var text))
        {
            errors.Add(new CMakeError(replyDir + "/" + fileName, default, $"'{fileName}' is missing from the reply folder"));
            return null;
        }
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            errors.Add(new CMakeError(replyDir + "/" + fileName, CompileCommands.JsonErrorSpan(text, e), "invalid JSON: " + e.Message));
            return null;
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate (the file was not valid UTF-8): JSON cannot hold it.
            errors.Add(new CMakeError(replyDir + "/" + fileName, default, "invalid JSON: the text is not valid Unicode"));
            return null;
        }
    }
}
