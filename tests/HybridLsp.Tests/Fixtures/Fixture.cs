using System.Collections.Immutable;
using System.Text;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Fixtures;

/// <summary>An annotation `//^^^ text` under a line: the span of the carets on that line, and the text after them.</summary>
internal sealed record Annotation(string Path, TextSpan Span, string Text);

/// <summary>
/// Annotated fixture text (STYLE §E): `//- /path` starts a file, `$0` marks the cursor, `//^^^ text` annotates the line
/// above. Annotation lines and `$0` are stripped from every file (TOML and XML too) before analysis.
/// </summary>
internal sealed class Fixture
{
    private Fixture(ImmutableDictionary<string, string> files, ImmutableArray<Annotation> annotations, (string Path, int Offset)? cursor)
    {
        Files = files;
        Annotations = annotations;
        Cursor = cursor;
    }

    public ImmutableDictionary<string, string> Files { get; }
    public ImmutableArray<Annotation> Annotations { get; }
    public (string Path, int Offset)? Cursor { get; }

    public static Fixture Parse(string text)
    {
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var annotations = ImmutableArray.CreateBuilder<Annotation>();
        (string, int)? cursor = null;
        string? path = null;
        var content = new StringBuilder();
        var lineStarts = new List<(int Start, int Length)>();

        void Flush()
        {
            if (path is not null)
                files[path] = content.ToString();
            content.Clear();
            lineStarts.Clear();
        }

        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = rawLine.TrimStart();
            if (trimmed.StartsWith("//- ", StringComparison.Ordinal))
            {
                Flush();
                path = trimmed[4..].Trim();
                continue;
            }
            if (path is null)
                continue;
            var caret = rawLine.IndexOf("//^", StringComparison.Ordinal);
            if (caret >= 0 && rawLine[..caret].Trim().Length == 0 && lineStarts.Count > 0)
            {
                var start = caret + 2;
                var end = start;
                while (end < rawLine.Length && rawLine[end] == '^')
                    end++;
                var (lineStart, lineLength) = lineStarts[^1];
                var spanStart = lineStart + Math.Min(start, lineLength);
                var spanEnd = lineStart + Math.Min(end, lineLength);
                annotations.Add(new Annotation(path, TextSpan.FromBounds(spanStart, spanEnd), rawLine[end..].Trim()));
                continue;
            }
            var line = rawLine;
            var marker = line.IndexOf("$0", StringComparison.Ordinal);
            if (marker >= 0)
            {
                line = line.Remove(marker, 2);
                cursor = (path, content.Length + marker);
            }
            lineStarts.Add((content.Length, line.Length));
            content.Append(line).Append('\n');
        }
        Flush();
        return new Fixture(files.ToImmutable(), annotations.ToImmutable(), cursor);
    }
}
