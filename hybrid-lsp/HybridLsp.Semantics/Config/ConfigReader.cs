using System.Collections.Immutable;
using System.Globalization;
using HybridLsp.Semantics.Rules;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Semantics.Config;

/// <summary>Reads and validates hybrid-lsp.toml. Never throws; every problem is a <see cref="ConfigProblem"/> and the default applies.</summary>
public static class ConfigReader
{
    private static readonly HashSet<string> s_libraryKeys = ["headers", "include", "defines", "language", "crate", "cmake-target"];

    /// <param name="path">The absolute path of the configuration file (paths inside are relative to its folder).</param>
    public static HybridConfig Read(string path, string text)
    {
        var document = TomlDocument.Parse(text);
        var problems = ImmutableArray.CreateBuilder<ConfigProblem>();
        foreach (var error in document.Errors)
            problems.Add(new ConfigProblem(error.Span, "invalid TOML: " + error.Message, false));

        var folder = System.IO.Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
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

            var crate = Str("crate");
            var cmake = Str("cmake-target");
            var headers = List("headers");
            var sources = (crate is null ? 0 : 1) + (cmake is null ? 0 : 1) + (headers.IsEmpty ? 0 : 1);
            if (sources > 1)
            {
                problems.Add(new ConfigProblem(span, $"[libraries.{name}] must name exactly one of 'headers', 'crate' or 'cmake-target'", false));
                continue;
            }
            var language = Str("language");
            if (language is not (null or "c" or "cpp"))
            {
                problems.Add(Expected(values["language"], "\"c\" or \"cpp\""));
                language = null;
            }
            // Paths never leave the workspace: an absolute path, a '..' above the config's folder or a NUL is HL0004 and dropped.
            string? Place(string key, string relative)
            {
                if (ConfigPaths.Problem(relative) is not { } why)
                    return Combine(folder, relative);
                var entry = values[key];
                problems.Add(new ConfigProblem(entry.Value.Span.Length > 0 ? entry.Value.Span : entry.KeySpan,
                    $"'{entry.DottedPath}' must be a path inside the workspace, relative to hybrid-lsp.toml: {why} ('{relative}')", false));
                return null;
            }
            libraries[name] = new LibraryConfig(
                name,
                crate is null ? null : Place("crate", crate),
                cmake,
                [.. headers.Select(h => Place("headers", h)).OfType<string>()],
                [.. List("include").Select(i => Place("include", i)).OfType<string>()],
                List("defines"),
                language,
                span);
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

    private static string Combine(string folder, string relative)
    {
        var combined = System.IO.Path.IsPathRooted(relative) ? relative : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, relative));
        return combined.Replace('\\', '/').TrimEnd('/');
    }
}
