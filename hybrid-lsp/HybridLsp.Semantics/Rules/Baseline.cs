using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace HybridLsp.Semantics.Rules;

/// <summary>The stable key of a finding in a baseline: rule code, workspace-relative file ('/'), and symbol — never a line number.</summary>
public readonly record struct BaselineKey(string Code, string File, string Symbol);

/// <summary>One baseline entry: a key and how many findings with that key were accepted; <see cref="Message"/> is for people reading the file.</summary>
public sealed record BaselineEntry(BaselineKey Key, int Count, string? Message);

/// <summary>Which findings a baseline accepts, and how many of its accepted findings no longer occur.</summary>
/// <param name="Baselined">Per input finding, in input order: whether the baseline accepts it.</param>
/// <param name="Stale">Accepted findings (entry counts) that matched no current finding.</param>
public sealed record BaselineMatch(ImmutableArray<bool> Baselined, int Stale);

/// <summary>
/// A baseline file (`check --write-baseline`, `check --baseline`, `baseline =` in hybrid-lsp.toml): JSON
/// `{ "version": 1, "findings": [ { "code", "file", "symbol", "count", "message" } ] }`, sorted by file, code and symbol,
/// so it diffs well under version control. Keys carry no line numbers: moving code keeps a finding baselined, and a new
/// finding of the same rule on the same symbol is new once the entry's count is used up. Pure: no IO.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private Baseline(ImmutableArray<BaselineEntry> entries) => Entries = entries;

    public ImmutableArray<BaselineEntry> Entries { get; }

    public int AcceptedCount => Entries.Sum(e => e.Count);

    /// <summary>The key file of a path: relative to <paramref name="root"/> with '/' when under it, else the absolute path.</summary>
    public static string KeyFile(string path, string root)
    {
        path = path.Replace('\\', '/');
        var prefix = root.Replace('\\', '/').TrimEnd('/') + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    /// <summary>Reads a baseline; on malformed input returns null and a message saying what is wrong. Never throws.</summary>
    public static (Baseline? Baseline, string? Error) Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return (null, "not valid JSON: " + e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, "expected a JSON object");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != FormatVersion)
                return (null, $"expected \"version\": {FormatVersion}");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                return (null, "expected a \"findings\" array");
            var entries = new Dictionary<BaselineKey, (int Count, string? Message)>();
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    return (null, $"finding {index} is not an object");
                string? Str(string name) => item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                var code = Str("code");
                var file = Str("file");
                var symbol = Str("symbol");
                if (code is null || file is null || symbol is null)
                    return (null, $"finding {index} needs string \"code\", \"file\" and \"symbol\"");
                var count = 1;
                if (item.TryGetProperty("count", out var c) && !(c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out count) && count >= 1))
                    return (null, $"finding {index}: \"count\" must be a positive integer");
                var key = new BaselineKey(code, file.Replace('\\', '/'), symbol);
                entries[key] = entries.TryGetValue(key, out var old) ? (old.Count + count, old.Message) : (count, Str("message"));
                index++;
            }
            return (new Baseline([.. entries.Select(e => new BaselineEntry(e.Key, e.Value.Count, e.Value.Message)).OrderBy(e => e.Key, KeyComparer.Instance)]), null);
        }
    }

    /// <summary>
    /// Matches findings (in their reporting order) against the entries: of the findings sharing a key, the first
    /// <c>count</c> are baselined, the rest are new.
    /// </summary>
    public BaselineMatch Match(IReadOnlyList<BaselineKey> findings)
    {
        var left = Entries.ToDictionary(e => e.Key, e => e.Count);
        var baselined = ImmutableArray.CreateBuilder<bool>(findings.Count);
        foreach (var key in findings)
        {
            if (left.TryGetValue(key, out var n) && n > 0)
            {
                left[key] = n - 1;
                baselined.Add(true);
            }
            else
            {
                baselined.Add(false);
            }
        }
        return new BaselineMatch(baselined.MoveToImmutable(), left.Values.Sum());
    }

    /// <summary>The text of a baseline accepting every given finding: sorted, indented, ending with a newline.</summary>
    public static string Write(IEnumerable<(BaselineKey Key, string Message)> findings)
    {
        var grouped = findings.GroupBy(f => f.Key).Select(g => (g.Key, Count: g.Count(), g.First().Message)).OrderBy(g => g.Key, KeyComparer.Instance);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartArray("findings");
            foreach (var (key, count, message) in grouped)
            {
                w.WriteStartObject();
                w.WriteString("code", key.Code);
                w.WriteString("file", key.File);
                w.WriteString("symbol", key.Symbol);
                w.WriteNumber("count", count);
                w.WriteString("message", message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private sealed class KeyComparer : IComparer<BaselineKey>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(BaselineKey x, BaselineKey y)
        {
            var c = string.CompareOrdinal(x.File, y.File);
            if (c == 0)
                c = string.CompareOrdinal(x.Code, y.Code);
            return c != 0 ? c : string.CompareOrdinal(x.Symbol, y.Symbol);
        }
    }
}
