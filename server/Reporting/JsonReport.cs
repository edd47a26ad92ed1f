using System.Text.Json;
using HybridLsp.Ide;
using HybridLsp.Syntax;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Reporting;

/// <summary>`check --format json` (DESIGN §4.1), written with <see cref="Utf8JsonWriter"/>: no reflection, trims.</summary>
public static class JsonReport
{
    public static void Write(Stream output, CheckResult result)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var positions = new PositionCache(result.Analysis);
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteString("root", result.Root);
        if (result.Baseline is { } baseline)
        {
            w.WriteStartObject("baseline");
            w.WriteString("file", result.DisplayPath(baseline.Path));
            w.WriteNumber("accepted", baseline.Accepted);
            w.WriteNumber("matched", baseline.Matched);
            w.WriteNumber("stale", baseline.Stale);
            w.WriteEndObject();
        }
        w.WriteStartArray("diagnostics");
        foreach (var d in result.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("name", d.Name);
            w.WriteString("severity", TextReport.SeverityName(d.Severity));
            w.WriteString("message", d.Message);
            w.WriteString("file", result.DisplayPath(d.Path));
            WriteRange(w, positions, d.Path, d.Span);
            w.WriteStartArray("related");
            foreach (var r in d.Related.IsDefault ? [] : d.Related)
            {
                w.WriteStartObject();
                w.WriteString("file", result.DisplayPath(r.Path));
                WriteRange(w, positions, r.Path, r.Span);
                w.WriteString("message", r.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("targets");
            foreach (var t in d.Targets.IsDefault ? [] : d.Targets)
                w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("bindings");
        foreach (var b in result.Bindings)
        {
            w.WriteStartObject();
            w.WriteString("language", "csharp");
            w.WriteString("file", result.DisplayPath(b.Path));
            WriteRange(w, positions, b.Path, b.Span);
            w.WriteString("name", b.Name);
            w.WriteString("container", b.Container);
            w.WriteString("library", b.Library);
            w.WriteString("entryPoint", b.EntryPoint);
            w.WriteString("resolution", ResolutionName(b.Resolution));
            if (b.Native is { } native)
            {
                w.WritePropertyName("native");
                WriteNative(w, positions, result, native);
            }
            else
            {
                w.WriteNull("native");
            }
            w.WriteStartArray("also");
            foreach (var a in b.Also.IsDefault ? [] : b.Also)
                WriteNative(w, positions, result, a);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    private static void WriteNative(Utf8JsonWriter w, PositionCache positions, CheckResult result, NativeLocation native)
    {
        w.WriteStartObject();
        w.WriteString("language", LanguageName(native.Language));
        w.WriteString("file", result.DisplayPath(native.Path));
        WriteRange(w, positions, native.Path, native.Span);
        w.WriteString("symbol", native.Symbol);
        w.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter w, PositionCache positions, string path, TextSpan span)
    {
        w.WriteStartObject("range");
        WritePosition(w, "start", positions.Get(path, span.Start));
        WritePosition(w, "end", positions.Get(path, span.End));
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, string name, LinePosition p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("character", p.Character);
        w.WriteEndObject();
    }

    public static string ResolutionName(BindingResolution resolution) => resolution switch
    {
        BindingResolution.Resolved => "resolved",
        BindingResolution.SystemLibrary => "system-library",
        BindingResolution.UnresolvedLibrary => "unresolved-library",
        BindingResolution.MissingExport => "missing-export",
        _ => "unknown",
    };

    public static string LanguageName(SourceLanguage language) => language switch
    {
        SourceLanguage.Rust => "rust",
        SourceLanguage.C => "c",
        SourceLanguage.Cpp => "cpp",
        SourceLanguage.CSharp => "csharp",
        SourceLanguage.Toml => "toml",
        _ => "msbuild",
    };
}
