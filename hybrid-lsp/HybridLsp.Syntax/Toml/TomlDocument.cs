using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace HybridLsp.Syntax.Toml;

/// <summary>A TOML file flattened to entries with spans, read with Tomlyn's syntax parser. Never throws.</summary>
public sealed class TomlDocument
{
    private TomlDocument(ImmutableArray<TomlEntry> entries, ImmutableArray<TomlTableHeader> tables, ImmutableArray<SyntaxError> errors)
    {
        Entries = entries;
        Tables = tables;
        Errors = errors;
    }

    public ImmutableArray<TomlEntry> Entries { get; }
    public ImmutableArray<TomlTableHeader> Tables { get; }
    public ImmutableArray<SyntaxError> Errors { get; }

    public TomlEntry? Find(params string[] path)
    {
        foreach (var entry in Entries)
        {
            if (entry.Path.Length == path.Length && entry.Path.SequenceEqual(path, StringComparer.Ordinal))
                return entry;
        }
        return null;
    }

    public static TomlDocument Parse(string text)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, "toml", validate: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Tomlyn reports errors as data; an exception here is a Tomlyn bug on odd input: report, don't crash.
            return new TomlDocument([], [], [new SyntaxError(new TextSpan(0, Math.Min(1, text.Length)), "TOML could not be read: " + ex.Message)]);
        }

        var errors = ImmutableArray.CreateBuilder<SyntaxError>();
        // Only the first syntax error: after it Tomlyn's recovery reports cascades (the rest of an unterminated string…).
        var first = document.Diagnostics.Where(m => m.Kind == DiagnosticMessageKind.Error).MinBy(m => m.Span.Offset);
        if (first is not null)
            errors.Add(new SyntaxError(ToSpan(first.Span, text.Length), first.Message));

        var entries = ImmutableArray.CreateBuilder<TomlEntry>();
        var tables = ImmutableArray.CreateBuilder<TomlTableHeader>();
        foreach (var keyValue in document.KeyValues)
            AddKeyValue([], keyValue, entries, text.Length);

        var arrayCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            if (table.Name is null)
                continue;
            var path = KeyPath(table.Name);
            if (table is TableArraySyntax)
            {
                var key = string.Join('.', path);
                var index = arrayCounts.GetValueOrDefault(key);
                arrayCounts[key] = index + 1;
                path = path.SetItem(path.Length - 1, $"{path[^1]}[{index}]");
            }
            tables.Add(new TomlTableHeader(path, ToSpan(table.Name.Span, text.Length)));
            foreach (var keyValue in table.Items)
                AddKeyValue(path, keyValue, entries, text.Length);
        }
        return new TomlDocument(entries.ToImmutable(), tables.ToImmutable(), errors.ToImmutable());
    }

    private static void AddKeyValue(ImmutableArray<string> prefix, KeyValueSyntax keyValue, ImmutableArray<TomlEntry>.Builder entries, int textLength)
    {
        if (keyValue.Key is null)
            return;
        var path = prefix.AddRange(KeyPath(keyValue.Key));
        var keySpan = ToSpan(keyValue.Key.Span, textLength);
        if (keyValue.Value is InlineTableSyntax inline)
        {
            entries.Add(new TomlEntry(path, keySpan, new TomlValue.Table(ToSpan(inline.Span, textLength))));
            foreach (var item in inline.Items)
            {
                if (item.KeyValue is { } nested)
                    AddKeyValue(path, nested, entries, textLength);
            }
            return;
        }
        entries.Add(new TomlEntry(path, keySpan, Convert(keyValue.Value, textLength)));
    }

    private static TomlValue Convert(ValueSyntax? value, int textLength)
    {
        if (value is null)
            return new TomlValue.Other(default, "");
        var span = ToSpan(value.Span, textLength);
        return value switch
        {
            StringValueSyntax s => new TomlValue.String(span, s.Value ?? ""),
            IntegerValueSyntax i => new TomlValue.Integer(span, i.Value),
            BooleanValueSyntax b => new TomlValue.Boolean(span, b.Value),
            ArraySyntax a => new TomlValue.Array(span, [.. a.Items.Select(item => Convert(item.Value, textLength))]),
            InlineTableSyntax => new TomlValue.Table(span),
            _ => new TomlValue.Other(span, value.ToString() ?? ""),
        };
    }

    private static ImmutableArray<string> KeyPath(KeySyntax key)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        builder.Add(KeyText(key.Key));
        foreach (var dot in key.DotKeys)
            builder.Add(KeyText(dot.Key));
        return builder.ToImmutable();
    }

    private static string KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => "",
    };

    private static TextSpan ToSpan(SourceSpan span, int textLength)
    {
        var start = Math.Clamp(span.Offset, 0, textLength);
        var length = Math.Clamp(span.Length, 0, textLength - start);
        return new TextSpan(start, length);
    }
}
