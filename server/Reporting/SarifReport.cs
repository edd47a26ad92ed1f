using System.Text.Json;
using HybridLsp.Ide;
using HybridLsp.Semantics.Rules;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Reporting;

/// <summary>
/// `check --format sarif`: SARIF 2.1.0 as GitHub code scanning takes it — one run, every rule of the catalogue with its
/// name, descriptions, an absolute help URI and default level; one result per finding with a stable partial fingerprint
/// (the baseline key: code, file, symbol and occurrence, no line numbers); `baselineState` when a baseline is applied.
/// </summary>
public static class SarifReport
{
    public static void Write(Stream output, CheckResult result, string toolVersion)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var positions = new PositionCache(result.Analysis);
        var docsBase = result.Analysis.RuleDocsBase;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < RuleCatalog.All.Length; i++)
            ruleIndex[RuleCatalog.All[i].Code] = i;

        w.WriteStartObject();
        w.WriteString("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "hybrid-lsp");
        w.WriteString("version", toolVersion);
        w.WriteStartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Code);
            w.WriteString("name", rule.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Summary);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", $"{rule.Code} {rule.Name}: {rule.Summary}. See {RuleDocs.HelpUri(docsBase, rule.Code)}");
            w.WriteEndObject();
            w.WriteString("helpUri", RuleDocs.HelpUri(docsBase, rule.Code));
            w.WriteStartObject("help");
            w.WriteString("text", $"{rule.Summary}. The rule page has a wrong and a right example, and how to configure or suppress it: {RuleDocs.HelpUri(docsBase, rule.Code)}");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue("interop");
            w.WriteStringValue(rule.Code[2] switch { '0' => "workspace", '1' => "binding", '2' => "native", _ => "csharp" });
            w.WriteEndArray();
            w.WriteString("problem.severity", rule.DefaultSeverity switch { RuleSeverity.Error => "error", RuleSeverity.Warning => "warning", _ => "recommendation" });
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("ROOT");
        w.WriteString("uri", DocumentUri.FromPath(result.Root.TrimEnd('/')) + "/");
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("results");
        var occurrences = new Dictionary<BaselineKey, int>();
        foreach (var d in result.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", d.Code);
            if (ruleIndex.TryGetValue(d.Code, out var index))
                w.WriteNumber("ruleIndex", index);
            w.WriteString("level", Level(d.Severity));
            WriteMessage(w, d.Message);
            // The baseline key (no line numbers) and its occurrence: code scanning tracks a finding across commits that move it.
            var key = result.Analysis.BaselineKeyOf(d);
            occurrences[key] = occurrences.TryGetValue(key, out var n) ? n + 1 : 0;
            w.WriteStartObject("partialFingerprints");
            w.WriteString("hybridLspKey/v1", Fingerprint(key, occurrences[key]));
            w.WriteEndObject();
            if (result.Baseline is not null)
                w.WriteString("baselineState", d.Baselined ? "unchanged" : "new");
            w.WriteStartArray("locations");
            w.WriteStartObject();
            WritePhysicalLocation(w, positions, result, d.Path, d.Span);
            w.WriteEndObject();
            w.WriteEndArray();
            if (!d.Related.IsDefaultOrEmpty)
            {
                w.WriteStartArray("relatedLocations");
                var id = 0;
                foreach (var r in d.Related)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", id++);
                    WritePhysicalLocation(w, positions, result, r.Path, r.Span);
                    WriteMessage(w, r.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (!d.Targets.IsDefaultOrEmpty)
            {
                w.WriteStartObject("properties");
                w.WriteStartArray("targets");
                foreach (var t in d.Targets)
                    w.WriteStringValue(t);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    /// <summary>A hex SHA-256 of the baseline key and its occurrence: stable while the code, file and symbol stay.</summary>
    private static string Fingerprint(BaselineKey key, int occurrence)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{key.Code}\n{key.File}\n{key.Symbol}\n{occurrence}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    private static void WriteMessage(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter w, PositionCache positions, CheckResult result, string path, Syntax.Text.TextSpan span)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        if (result.IsUnderRoot(path))
        {
            // A relative URI reference: percent-encoded like the absolute form, without the scheme and root.
            var rootUri = DocumentUri.FromPath(result.Root.TrimEnd('/')) + "/";
            w.WriteString("uri", DocumentUri.FromPath(path)[rootUri.Length..]);
            w.WriteString("uriBaseId", "ROOT");
        }
        else
        {
            w.WriteString("uri", DocumentUri.FromPath(path));
        }
        w.WriteEndObject();
        var start = positions.Get(path, span.Start);
        var end = positions.Get(path, span.End);
        w.WriteStartObject("region");
        w.WriteNumber("startLine", start.Line + 1);
        w.WriteNumber("startColumn", start.Character + 1);
        w.WriteNumber("endLine", end.Line + 1);
        w.WriteNumber("endColumn", end.Character + 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };
}
