using System.Text.Json;

namespace HybridLsp.Server.Native;

/// <summary>One line of <c>cargo build --message-format=json</c>, as far as a build needs it.</summary>
public abstract record CargoEvent
{
    /// <summary>A rustc diagnostic with a primary span (messages without one, such as "aborting due to…", are dropped).</summary>
    /// <param name="Rendered">rustc's own rendering, for the CLI.</param>
    public sealed record Message(CompilerMessage Compiler, string? Rendered) : CargoEvent;

    /// <summary>A target was built; <paramref name="Filenames"/> are the produced files (absolute).</summary>
    public sealed record Artifact(string TargetName, IReadOnlyList<string> Kinds, IReadOnlyList<string> Filenames) : CargoEvent;

    public sealed record Finished(bool Success) : CargoEvent;
}

/// <summary>
/// Parses cargo's JSON message lines (cargo's "JSON messages" reference): <c>compiler-message</c> (rustc's diagnostic
/// with spans), <c>compiler-artifact</c> (filenames of each built target) and <c>build-finished</c>. Any other line —
/// a build script's output, a line that is not JSON — is null. Never throws.
/// </summary>
public static class CargoOutput
{
    /// <param name="manifestDirectory">Where relative span file names are looked up first (then its parents: cargo
    /// reports them relative to the workspace root).</param>
    public static CargoEvent? Parse(string line, string manifestDirectory)
    {
        if (line.Length == 0 || line[0] != '{')
            return null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("reason", out var reason))
                return null;
            return reason.GetString() switch
            {
                "compiler-message" => ParseMessage(root, manifestDirectory),
                "compiler-artifact" => ParseArtifact(root),
                "build-finished" => new CargoEvent.Finished(root.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CargoEvent? ParseMessage(JsonElement root, string manifestDirectory)
    {
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            return null;
        var level = Str(message, "level");
        var severity = level switch
        {
            "error" or "error: internal compiler error" => CompilerSeverity.Error,
            "warning" => CompilerSeverity.Warning,
            "note" or "help" or "failure-note" => CompilerSeverity.Note,
            _ => (CompilerSeverity?)null,
        };
        if (severity is null || !message.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array)
            return null;
        var primary = spans.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("is_primary", out var p) && p.ValueKind == JsonValueKind.True);
        if (primary.ValueKind != JsonValueKind.Object || Str(primary, "file_name") is not { Length: > 0 } file)
            return null;
        var code = message.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "code") : null;
        var text = Str(message, "message") ?? "";
        // rustc's children carry the "help:"/"note:" lines; the first helps most in a one-line diagnostic.
        if (message.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
            && children.EnumerateArray().Select(ch => (Level: Str(ch, "level"), Text: Str(ch, "message"))).FirstOrDefault(ch => ch.Level is "help" && ch.Text is { Length: > 0 }) is { Text: { } help })
            text += $" (help: {help})";
        var compiler = new CompilerMessage(
            ResolvePath(file, manifestDirectory), Int(primary, "line_start"), Int(primary, "column_start"),
            Int(primary, "line_end"), Int(primary, "column_end"), severity.Value, text, code, "rustc");
        return new CargoEvent.Message(compiler, Str(message, "rendered"));
    }

    private static CargoEvent? ParseArtifact(JsonElement root)
    {
        if (!root.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.Object)
            return null;
        var kinds = target.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList() : [];
        var files = root.TryGetProperty("filenames", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Replace('\\', '/')).ToList() : [];
        return new CargoEvent.Artifact(Str(target, "name") ?? "", kinds, files);
    }

    private static string ResolvePath(string file, string manifestDirectory)
    {
        if (Path.IsPathRooted(file))
            return Path.GetFullPath(file).Replace('\\', '/');
        for (var directory = manifestDirectory; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.GetFullPath(Path.Combine(directory, file));
            if (File.Exists(candidate))
                return candidate.Replace('\\', '/');
        }
        return Path.GetFullPath(Path.Combine(manifestDirectory, file)).Replace('\\', '/');
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;
}
