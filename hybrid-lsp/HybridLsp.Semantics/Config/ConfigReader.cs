using System.Collections.Immutable;
using System.Globalization;
using HybridLsp.Semantics.Rules;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Semantics.Config;

/// <summary>Reads and validates hybrid-lsp.toml. Never throws; every problem is a <see cref="ConfigProblem"/> and the default applies.</summary>
public static class ConfigReader
{
    private static readonly HashSet<string> s_libraryKeys = ["headers", "include", "defines", "language", "crate", "cmake", "cmake-target", "build-dir"];

    /// <param name="path">The absolute path of the configuration file (paths inside are relative to its folder).</param>
    /// <param name="workspaceRoot">The workspace folder that library paths must stay inside; the file's folder when null.</param>
    public static HybridConfig Read(string path, string text, string? workspaceRoot = null)
    {
        var document = TomlDocument.Parse(text);
        var problems = ImmutableArray.CreateBuilder<ConfigProblem>();
        foreach (var error in document.Errors)
            problems.Add(new ConfigProblem(error.Span, "invalid TOML: " + error.Message, false));

        var folder = System.IO.Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
        var root = (workspaceRoot ?? folder).Replace('\\', '/').TrimEnd('/');
        var config = HybridConfig.Default with { Path = path };
        var libraries = config.Libraries.ToBuilder();
        var rules = ImmutableDictionary.CreateBuilder<string, RuleSeverity>();
        var libraryHeaders = new Dictionary<string, Syntax.Text.TextSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in document.Tables)
        {
            if (table.Path is ["libraries", var name])
                libraryHeaders[name] = table.Span;
            else if (table.Path is not (["rules"] or ["csharp"] or ["libraries"] or ["docs"]))
                problems.Add(new ConfigProblem(table.Span, $"unknown table '[{string.Join('.', table.Path)}]'", true));
        }

        var libraryValues = new Dictionary<string, Dictionary<string, TomlEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in document.Entries)
        {
            switch (entry.Path)
            {
                case ["targets"]:
                    if (entry.Value is TomlValue.Array targets)
                    {
                        var list = ImmutableArray.CreateBuilder<TargetPlatform>();
                        foreach (var item in targets.Items)
                        {
                            if (item is TomlValue.String s && TargetPlatforms.Find(s.Value) is { } t)
                            {
                                if (!list.Contains(t))
                                    list.Add(t);
                            }
                            else
                            {
                                problems.Add(new ConfigProblem(item.Span, $"unknown target {Quote(item)}; known targets: {string.Join(", ", TargetPlatforms.All.Select(p => p.Name))}", false));
                            }
                        }
                        if (list.Count > 0)
                            config = config with { Targets = list.ToImmutable() };
                    }
                    else
                    {
                        problems.Add(Expected(entry, "an array of target names"));
                    }
                    break;
                case ["exclude"]:
                    if (StringList(entry, problems) is { } exclude)
                        config = config with { Exclude = exclude };
                    break;
                case ["max-file-size"]:
                    if (ParseSize(entry.Value) is { } size)
                        config = config with { MaxFileSize = size };
                    else
                        problems.Add(Expected(entry, "a size such as \"5MB\", \"512KB\" or a number of bytes"));
                    break;
                case ["baseline"]:
                    if (entry.Value is TomlValue.String baseline && baseline.Value.Trim().Length > 0)
                    {
                        if (ResolvePath(folder, root, baseline.Value.Trim(), baseline.Span, entry.DottedPath, problems) is { } baselinePath)
                            config = config with { BaselinePath = baselinePath, BaselineSpan = entry.Value.Span };
                    }
                    else
                        problems.Add(Expected(entry, "the path of a baseline file (written by `hybrid-lsp check --write-baseline FILE`)"));
                    break;
                case ["cmake-build-dir"]:
                    if (entry.Value is TomlValue.String buildDir && buildDir.Value.Trim().Length > 0)
                    {
                        if (ResolvePath(folder, root, buildDir.Value.Trim(), buildDir.Span, entry.DottedPath, problems) is { } buildPath)
                            config = config with { CMakeBuildDir = buildPath };
                    }
                    else
                        problems.Add(Expected(entry, "the path of a CMake build directory"));
                    break;
                case ["rules", var code]:
                    if (RuleCatalog.Find(code) is null)
                        problems.Add(new ConfigProblem(entry.KeySpan, $"unknown rule '{code}'", true));
                    else if (entry.Value is TomlValue.String sev && ParseSeverity(sev.Value) is { } severity)
                        rules[code] = severity;
                    else
                        problems.Add(Expected(entry, "one of \"off\", \"hint\", \"info\", \"warning\", \"error\""));
                    break;
                case ["csharp", "defines"]:
                    if (StringList(entry, problems) is { } defines)
                        config = config with { CSharpDefines = defines };
                    break;
                case ["docs", "base"]:
                    if (entry.Value is TomlValue.String docs && Uri.TryCreate(docs.Value, UriKind.Absolute, out _))
                        config = config with { DocsBase = docs.Value.EndsWith('/') ? docs.Value : docs.Value + "/" };
                    else
                        problems.Add(Expected(entry, "an absolute URI"));
                    break;
                case ["libraries", var name, var key]:
                    if (!s_libraryKeys.Contains(key))
                    {
                        problems.Add(new ConfigProblem(entry.KeySpan, $"unknown key '{key}' in [libraries.{name}]", true));
                        break;
                    }
                    if (!libraryValues.TryGetValue(name, out var values))
                        libraryValues[name] = values = new Dictionary<string, TomlEntry>(StringComparer.Ordinal);
                    values[key] = entry;
                    break;
                case ["libraries", var name]:
                    if (entry.Value is not TomlValue.Table)
                        problems.Add(Expected(entry, "a table"));
                    else
                        libraryHeaders.TryAdd(name, entry.KeySpan);
                    break;
                default:
                    if (entry.Path is ["libraries", _, _, ..])
                        problems.Add(new ConfigProblem(entry.KeySpan, $"unknown key '{entry.DottedPath}'", true));
                    else if (!(entry.Path.Length == 1 && entry.Value is TomlValue.Table))
                        problems.Add(new ConfigProblem(entry.KeySpan, $"unknown key '{entry.DottedPath}'", true));
                    break;
            }
        }

        foreach (var (name, span) in libraryHeaders)
        {
            var values = libraryValues.GetValueOrDefault(name) ?? [];
            string? Str(string key)
            {
                if (!values.TryGetValue(key, out var e))
                    return null;
                if (e.Value is TomlValue.String s)
                    return s.Value;
                problems.Add(Expected(e, "a string"));
                return null;
            }
            ImmutableArray<string> List(string key) => values.TryGetValue(key, out var e) ? StringList(e, problems) ?? [] : [];

            // Library paths are relative to the configuration file and stay inside the workspace (DESIGN §7).
            string? PathValue(string key)
            {
                if (!values.TryGetValue(key, out var e))
                    return null;
                if (e.Value is not TomlValue.String s)
                {
                    problems.Add(Expected(e, "a string"));
                    return null;
                }
                return ResolvePath(folder, root, s.Value, s.Span, e.DottedPath, problems);
            }
            ImmutableArray<string> PathList(string key)
            {
                if (!values.TryGetValue(key, out var e) || StringList(e, problems) is null)
                    return [];
                var items = e.Value is TomlValue.Array array ? array.Items.Cast<TomlValue.String>().ToList() : [(TomlValue.String)e.Value];
                return [.. items.Select(i => ResolvePath(folder, root, i.Value, i.Span, e.DottedPath, problems)).OfType<string>()];
            }

            var hasCrate = values.ContainsKey("crate");
            var hasCmake = values.ContainsKey("cmake") || values.ContainsKey("cmake-target");
            var hasHeaders = values.ContainsKey("headers");
            var sources = (hasCrate ? 1 : 0) + (hasCmake ? 1 : 0) + (hasHeaders ? 1 : 0);
            if (sources > 1)
            {
                problems.Add(new ConfigProblem(span, $"[libraries.{name}] must name exactly one of 'headers', 'crate' or 'cmake'/'cmake-target'", false));
                continue;
            }
            var crate = PathValue("crate");
            var cmakeTarget = Str("cmake-target");
            var cmakeFolder = PathValue("cmake");
            var headers = PathList("headers");
            var language = Str("language");
            if (language is not (null or "c" or "cpp"))
            {
                problems.Add(Expected(values["language"], "\"c\" or \"cpp\""));
                language = null;
            }
            libraries[name] = new LibraryConfig(name, crate, cmakeTarget, headers, PathList("include"), List("defines"), language, span)
            {
                Cmake = cmakeFolder,
                BuildDir = PathValue("build-dir"),
            };
        }

        return config with { Libraries = libraries.ToImmutable(), RuleSeverities = rules.ToImmutable(), Problems = problems.ToImmutable() };
    }

    public static RuleSeverity? ParseSeverity(string text) => text.ToLowerInvariant() switch
    {
        "off" or "none" => RuleSeverity.Off,
        "hint" => RuleSeverity.Hint,
        "info" or "note" => RuleSeverity.Info,
        "warning" or "warn" => RuleSeverity.Warning,
        "error" => RuleSeverity.Error,
        _ => null,
    };

    private static long? ParseSize(TomlValue value)
    {
        if (value is TomlValue.Integer i && i.Value > 0)
            return i.Value;
        if (value is not TomlValue.String s)
            return null;
        var text = s.Value.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        long factor = 1;
        foreach (var (suffix, f) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1L) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                text = text[..^suffix.Length];
                break;
            }
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 ? (long)(number * factor) : null;
    }

    private static ImmutableArray<string>? StringList(TomlEntry entry, ImmutableArray<ConfigProblem>.Builder problems)
    {
        if (entry.Value is TomlValue.String single)
            return [single.Value];
        if (entry.Value is not TomlValue.Array array || array.Items.Any(i => i is not TomlValue.String))
        {
            problems.Add(Expected(entry, "an array of strings"));
            return null;
        }
        return [.. array.Items.Cast<TomlValue.String>().Select(s => s.Value)];
    }

    private static ConfigProblem Expected(TomlEntry entry, string what) =>
        new(entry.Value.Span.Length > 0 ? entry.Value.Span : entry.KeySpan, $"'{entry.DottedPath}' must be {what}, found {entry.Value.Describe()}", false);

    private static string Quote(TomlValue value) => value is TomlValue.String s ? $"'{s.Value}'" : value.Describe();

    /// <summary>
    /// A library path of the file, absolute: null (and an HL0004 error on the value) when it is absolute, or when `..`
    /// leads outside the workspace. Paths are only joined as strings: nothing is read from the file system here.
    /// </summary>
    private static string? ResolvePath(string folder, string root, string value, Syntax.Text.TextSpan span, string key, ImmutableArray<ConfigProblem>.Builder problems)
    {
        var normalized = value.Replace('\\', '/');
        if (normalized.Length == 0)
        {
            problems.Add(new ConfigProblem(span, $"'{key}' must be a path relative to the configuration file, found an empty string", false));
            return null;
        }
        if (normalized.Any(char.IsControl))
        {
            problems.Add(new ConfigProblem(span, $"'{key}' must be a path relative to the configuration file; it contains a control character", false));
            return null;
        }
        if (normalized.StartsWith('/') || (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':'))
        {
            problems.Add(new ConfigProblem(span, $"'{key}' must be a path relative to the configuration file, found the absolute path '{value}'", false));
            return null;
        }
        var combined = Model.PathUtil.Combine(folder, normalized).TrimEnd('/');
        // PathUtil.Normalize drops a '..' above the root: count the depth by hand so such a path is caught too.
        var depth = 0;
        var escapes = false;
        foreach (var part in (folder.TrimEnd('/') + "/" + normalized).Split('/'))
        {
            if (part is "" or ".")
                continue;
            depth += part == ".." ? -1 : 1;
            escapes |= depth < 0;
        }
        if (escapes || (combined != root && !Model.PathUtil.IsUnder(combined, root)))
        {
            problems.Add(new ConfigProblem(span, $"'{key}' must stay inside the workspace, but '{value}' leads outside '{(root.Length == 0 ? "/" : root)}'", false));
            return null;
        }
        return combined;
    }
}
