using System.Collections.Immutable;
using System.Text.Json;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>One entry of a compilation database: a translation unit and its allow-listed flags.</summary>
/// <param name="Directory">The command's working directory (absolute).</param>
/// <param name="File">The translation unit (absolute, normalised).</param>
public sealed record CompileCommand(string Directory, string File, string? Output, CompileFlags Flags);

/// <summary>
/// A <c>compile_commands.json</c> (CMAKE_EXPORT_COMPILE_COMMANDS=ON), read as text: every entry's <c>arguments</c> array,
/// or its <c>command</c> string split as a shell would, through the allow-list of <see cref="CompileFlags"/>. Never throws:
/// invalid JSON or entries are <see cref="Errors"/>, and the entries before them are kept.
/// </summary>
public sealed record CompileCommands(ImmutableArray<CompileCommand> Entries, ImmutableArray<SyntaxError> Errors)
{
    /// <summary>The entries for one source file (a file compiled into two targets has two).</summary>
    public ImmutableArray<CompileCommand> For(string file)
    {
        var path = CMakePath.Normalize(file);
        return [.. Entries.Where(e => e.File == path)];
    }

    /// <summary>Every flag dropped by the allow-list in any entry, once each, for a log line.</summary>
    public ImmutableArray<string> DroppedFlags => [.. Entries.SelectMany(e => e.Flags.Dropped).Distinct(StringComparer.Ordinal)];

    /// <param name="path">The absolute path of the compile_commands.json (relative directories resolve against its folder).</param>
    public static CompileCommands Read(string path, string text)
    {
        var entries = ImmutableArray.CreateBuilder<CompileCommand>();
        var errors = ImmutableArray.CreateBuilder<SyntaxError>();
        var folder = CMakePath.Directory(CMakePath.Normalize(path));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text ?? "", new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new SyntaxError(JsonErrorSpan(text ?? "", e), "invalid JSON: " + e.Message));
            return new CompileCommands([], errors.ToImmutable());
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate (the file was not valid UTF-8): JSON cannot hold it.
            errors.Add(new SyntaxError(new TextSpan(0, 0), "invalid JSON: the text is not valid Unicode"));
            return new CompileCommands([], errors.ToImmutable());
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new SyntaxError(new TextSpan(0, 0), "a compilation database must be a JSON array"));
                return new CompileCommands([], errors.ToImmutable());
            }
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (Entry(element, folder) is { } entry)
                    entries.Add(entry);
                else
                    errors.Add(new SyntaxError(new TextSpan(0, 0), $"entry {index} needs 'directory', 'file' and 'arguments' or 'command'"));
                index++;
            }
        }
        return new CompileCommands(entries.ToImmutable(), errors.ToImmutable());
    }

    private static CompileCommand? Entry(JsonElement element, string folder)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        var directory = String(element, "directory");
        var file = String(element, "file");
        if (directory is null || file is null)
            return null;
        directory = CMakePath.Combine(folder, directory);
        ImmutableArray<string> arguments;
        if (element.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array)
            arguments = [.. args.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)];
        else if (String(element, "command") is { } command)
            arguments = CompileFlags.SplitCommandLine(command);
        else
            return null;
        var source = CMakePath.Combine(directory, file);
        return new CompileCommand(directory, source, String(element, "output"), CompileFlags.Filter(arguments, directory, source));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Where a JSON error is: its line and byte position (characters, for ASCII text) turned into an offset.</summary>
    internal static TextSpan JsonErrorSpan(string text, JsonException e)
    {
        if (e.LineNumber is not { } line)
            return new TextSpan(0, 0);
        var offset = LineIndex.Create(text).GetOffset(new LinePosition((int)Math.Min(line, int.MaxValue), (int)Math.Min(e.BytePositionInLine ?? 0, int.MaxValue)));
        return new TextSpan(offset, 0);
    }
}
