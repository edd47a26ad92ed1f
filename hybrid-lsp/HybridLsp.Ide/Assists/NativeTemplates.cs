using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

/// <summary>A template of native-templates/: its name and its files (relative path → text), both with `{{placeholders}}`.</summary>
public sealed record NativeTemplate(string Name, ImmutableSortedDictionary<string, string> Files);

/// <summary>What rendering a template gave: new files to create, or why nothing can be created.</summary>
public sealed record TemplateRendering(ImmutableArray<FileEdit> Files, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The templates of native-templates/ (rust-cdylib, c-shared, cpp-shared) and a pure renderer: placeholders in file names
/// and contents are replaced, and the result is a set of <see cref="FileEdit"/>s that create files. The templates are
/// embedded in this assembly (not read from disk by the server) so the engine stays free of IO and each build carries
/// exactly the templates its renderer and tests saw; a template is data a maintainer edits under native-templates/.
/// </summary>
public static partial class NativeTemplates
{
    public const string RustCdylib = "rust-cdylib";
    public const string CShared = "c-shared";
    public const string CppShared = "cpp-shared";

    private const string ResourcePrefix = "native-templates/";

    private static readonly Lazy<ImmutableSortedDictionary<string, NativeTemplate>> s_embedded = new(LoadEmbedded);

    /// <summary>The templates embedded in the engine, by name.</summary>
    public static ImmutableSortedDictionary<string, NativeTemplate> All => s_embedded.Value;

    public static NativeTemplate Get(string name) =>
        All.TryGetValue(name, out var template) ? template : throw new ArgumentException($"no native template '{name}'", nameof(name));

    /// <summary>
    /// Renders <paramref name="template"/> into <paramref name="directory"/> (absolute, '/'-separated). Fails — never
    /// partly — when a placeholder has no value, a value is not a single-line string, a rendered path is absolute,
    /// has a `..` segment or leaves <paramref name="workspaceRoot"/>, or a file already exists (<paramref name="exists"/>).
    /// </summary>
    public static TemplateRendering Render(
        NativeTemplate template, string directory, string workspaceRoot, IReadOnlyDictionary<string, string> values, Func<string, bool> exists)
    {
        foreach (var (key, value) in values)
        {
            // Names (everything but code blocks and paths) are plain words usable as a file name; no value holds another placeholder (one pass).
            if (value.Contains("{{", StringComparison.Ordinal) || !IsBlock(key) && !(IsPath(key) ? PathValue() : NameValue()).IsMatch(value))
                return Fail($"the value of '{{{{{key}}}}}' is not allowed here");
        }
        var root = workspaceRoot.TrimEnd('/');
        if (!IsCleanAbsolute(directory) || !(directory == root || PathUtil.IsUnder(directory, root)))
            return Fail($"'{directory}' is not a folder inside the workspace");

        var files = ImmutableArray.CreateBuilder<FileEdit>();
        foreach (var (relative, text) in template.Files)
        {
            if (Substitute(relative, values) is not { } renderedPath)
                return Fail($"template '{template.Name}' file '{relative}' names a placeholder without a value");
            if (renderedPath.StartsWith('/') || renderedPath.Contains('\\') || renderedPath.Contains(':')
                || renderedPath.Split('/').Any(s => s is "" or "." or ".."))
                return Fail($"template '{template.Name}' would write '{renderedPath}', which is not a plain relative path");
            var path = directory.TrimEnd('/') + "/" + renderedPath;
            if (!PathUtil.IsUnder(path, root))
                return Fail($"'{path}' is outside the workspace");
            if (exists(path))
                return Fail($"'{path}' already exists");
            if (Substitute(text, values) is not { } content)
                return Fail($"template '{template.Name}' file '{relative}' names a placeholder without a value");
            files.Add(new FileEdit(path, [new TextEdit(new TextSpan(0, 0), content)]) { Creates = true });
        }
        return new TemplateRendering(files.ToImmutable(), null);
    }

    /// <summary>The placeholder names a template uses, in its file names and contents.</summary>
    public static ImmutableSortedSet<string> Placeholders(NativeTemplate template) =>
        [.. template.Files.SelectMany(f => Placeholder().Matches(f.Key).Concat(Placeholder().Matches(f.Value))).Select(m => m.Groups["name"].Value)];

    /// <summary>A placeholder that stands for whole lines of code (may hold line breaks).</summary>
    private static bool IsBlock(string name) => name is "functions" or "declarations" or "definitions" || name.EndsWith("_code", StringComparison.Ordinal);

    /// <summary>A placeholder for a relative path inside file contents (`*_path`): one line, nothing that ends a quoted XML value.</summary>
    private static bool IsPath(string name) => name.EndsWith("_path", StringComparison.Ordinal);

    private static string? Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        var missing = false;
        var result = Placeholder().Replace(text, m =>
        {
            if (values.TryGetValue(m.Groups["name"].Value, out var value))
                return value;
            missing = true;
            return m.Value;
        });
        return missing ? null : result;
    }

    private static bool IsCleanAbsolute(string path) =>
        (path.StartsWith('/') || Regex.IsMatch(path, "^[A-Za-z]:/")) && !path.Contains('\\') && !path.Split('/').Skip(1).Any(s => s is "." or "..");

    private static TemplateRendering Fail(string error) => new([], error);

    private static ImmutableSortedDictionary<string, NativeTemplate> LoadEmbedded()
    {
        var assembly = typeof(NativeTemplates).Assembly;
        var files = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild writes %(RecursiveDir) with the build machine's separator.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                continue;
            var rest = name[ResourcePrefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash <= 0)
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var template = rest[..slash];
            if (!files.TryGetValue(template, out var map))
                files[template] = map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            map[rest[(slash + 1)..]] = reader.ReadToEnd().Replace("\r\n", "\n");
        }
        return files.ToImmutableSortedDictionary(p => p.Key, p => new NativeTemplate(p.Key, p.Value.ToImmutableSortedDictionary(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.+-]*$")]
    private static partial Regex NameValue();

    [GeneratedRegex(@"^[^\r\n""'<>&{}\\]+$")]
    private static partial Regex PathValue();

    [GeneratedRegex(@"\{\{(?<name>[a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
