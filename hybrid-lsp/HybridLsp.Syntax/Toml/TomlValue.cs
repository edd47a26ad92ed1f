using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Toml;

/// <summary>A TOML value with its span. Inline tables are flattened into further entries; they appear here as <see cref="Table"/>.</summary>
public abstract record TomlValue(TextSpan Span)
{
    public sealed record String(TextSpan Span, string Value) : TomlValue(Span);
    public sealed record Integer(TextSpan Span, long Value) : TomlValue(Span);
    public sealed record Boolean(TextSpan Span, bool Value) : TomlValue(Span);
    public sealed record Array(TextSpan Span, ImmutableArray<TomlValue> Items) : TomlValue(Span);
    public sealed record Table(TextSpan Span) : TomlValue(Span);
    /// <summary>Floats, dates and anything else: kept as text.</summary>
    public sealed record Other(TextSpan Span, string Text) : TomlValue(Span);

    public string Describe() => this switch
    {
        String => "a string",
        Integer => "an integer",
        Boolean => "a boolean",
        Array => "an array",
        Table => "a table",
        _ => "a value",
    };
}

/// <summary>One key = value of a document, with the full dotted path (table headers included).</summary>
/// <param name="Path">`[lib] crate-type = …` is ["lib", "crate-type"]; an array-of-tables element is named "name[i]".</param>
public sealed record TomlEntry(ImmutableArray<string> Path, TextSpan KeySpan, TomlValue Value)
{
    public string DottedPath => string.Join('.', Path);
}

/// <summary>A TOML table header (`[package]`, `[[bin]]`), kept so unknown tables can be reported and spans found.</summary>
public sealed record TomlTableHeader(ImmutableArray<string> Path, TextSpan Span);
