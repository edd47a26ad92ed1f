using System.Globalization;
using System.Text;
using HybridLsp.Syntax.C;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// A parse result as deterministic text, field by field, of everything the product reads from it: the status, every
/// function (all fields, parameters with their name spans), records, enums and typedefs (all fields, types written out
/// recursively), the included files, the dropped flags and the diagnostics of severity Error and above — warnings and
/// timings left out. Records hold ImmutableArrays, so record equality is not structural; two results the product cannot
/// tell apart have equal texts, and a mismatch is shown as the first differing line with its context.
/// </summary>
internal static class CParseResultText
{
    public static string Describe(CParseResult r)
    {
        var s = new StringBuilder();
        s.Append("status ").Append(r.Status).Append(" message ").Append(r.Message ?? "-").Append('\n');
        foreach (var d in r.Diagnostics.Where(d => d.Severity >= CSeverity.Error))
            s.Append("error ").Append(d.Severity).Append(' ').Append(Span(d.Location)).Append(' ').Append(d.Message).Append('\n');
        for (var i = 0; i < r.Functions.Length; i++)
        {
            var f = r.Functions[i];
            s.Append(CultureInfo.InvariantCulture, $"function #{i} {f.Name} qualified {f.QualifiedName} name {Span(f.NameSpan)} full {Span(f.FullSpan)}\n");
            s.Append(CultureInfo.InvariantCulture, $"  definition {f.IsDefinition} static {f.IsStatic} linkage {f.Linkage} mangled {f.MangledName} entry {f.EntryPoint} visibility {f.Visibility}\n");
            s.Append(CultureInfo.InvariantCulture, $"  dllexport {f.IsDllExport} dllimport {f.IsDllImport} variadic {f.IsVariadic} convention {f.CallingConvention} invalid {f.IsInvalid} omitted {f.SignatureOmitted}\n");
            s.Append("  returns ").Append(Type(f.ReturnType)).Append('\n');
            for (var p = 0; p < f.Parameters.Length; p++)
            {
                var parameter = f.Parameters[p];
                s.Append(CultureInfo.InvariantCulture, $"  parameter #{p} '{parameter.Name}' {Span(parameter.NameSpan)} ").Append(Type(parameter.Type)).Append('\n');
            }
        }
        foreach (var record in r.Records)
        {
            s.Append(CultureInfo.InvariantCulture, $"record {record.Kind} {record.Name} qualified {record.QualifiedName} name {Span(record.NameSpan)}\n");
            s.Append(CultureInfo.InvariantCulture, $"  complete {record.IsComplete} size {record.Size} align {record.Align} packed {record.IsPacked} bitfields {record.HasBitFields} invalid {record.IsInvalid}\n");
            foreach (var field in record.Fields)
                s.Append(CultureInfo.InvariantCulture, $"  field {field.Name} at {field.OffsetInBits} bitfield {field.IsBitField}:{field.BitWidth} {Span(field.NameSpan)} ").Append(Type(field.Type)).Append('\n');
        }
        foreach (var e in r.Enums)
        {
            s.Append(CultureInfo.InvariantCulture, $"enum {e.Name} qualified {e.QualifiedName} name {Span(e.NameSpan)} scoped {e.IsScoped} of ").Append(Type(e.IntegerType)).Append('\n');
            foreach (var c in e.Constants)
                s.Append(CultureInfo.InvariantCulture, $"  constant {c.Name} = {c.Value} {Span(c.NameSpan)}\n");
        }
        foreach (var t in r.Typedefs)
            s.Append(CultureInfo.InvariantCulture, $"typedef {t.Name} qualified {t.QualifiedName} name {Span(t.NameSpan)} = ").Append(Type(t.Type)).Append('\n');
        foreach (var file in r.IncludedFiles)
            s.Append("includes ").Append(file).Append('\n');
        foreach (var flag in r.DroppedFlags)
            s.Append("dropped ").Append(flag).Append('\n');
        return s.ToString();
    }

    private static string Span(CSourceSpan? span) =>
        span is null ? "nowhere" : string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}[{span.Span.Start}..{span.Span.End})");

    /// <summary>One line, every field, nested types in braces; the omitted signature's marker by identity (the product tests it with ReferenceEquals).</summary>
    private static string Type(CType? type)
    {
        if (type is null)
            return "null";
        if (ReferenceEquals(type, CType.Omitted))
            return "{omitted}";
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{{{type.Kind} '{type.Spelling}' size {type.Size} align {type.Align}");
        if (!type.TypedefChain.IsEmpty)
            s.Append(" typedefs ").Append(string.Join(" > ", type.TypedefChain));
        s.Append(CultureInfo.InvariantCulture, $" signed {type.IsSigned} const {type.IsConst} invalid {type.IsInvalid}");
        if (type.DeclarationName is not null)
            s.Append(" declared ").Append(type.DeclarationName);
        if (type.Pointee is not null)
            s.Append(" pointee ").Append(Type(type.Pointee));
        if (type.Element is not null)
            s.Append(CultureInfo.InvariantCulture, $" element[{type.ArrayLength}] ").Append(Type(type.Element));
        else if (type.ArrayLength != -1)
            s.Append(CultureInfo.InvariantCulture, $" length {type.ArrayLength}");
        if (type.EnumIntegerType is not null)
            s.Append(" integer ").Append(Type(type.EnumIntegerType));
        if (type.Function is { } f)
        {
            s.Append(CultureInfo.InvariantCulture, $" function {f.CallingConvention} variadic {f.IsVariadic} returns ").Append(Type(f.ReturnType)).Append(" taking (");
            s.AppendJoin(", ", f.Parameters.Select(Type));
            s.Append(')');
        }
        return s.Append('}').ToString();
    }

    /// <summary>Null when equal; otherwise the first differing line of each text with the lines around it.</summary>
    public static string? Difference(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
            return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
            first++;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"first difference at line {first + 1} (fresh has {e.Length} lines, service {a.Length})\n");
        Window("fresh parse", e);
        Window("service", a);
        return s.ToString();

        void Window(string title, string[] lines)
        {
            s.Append("--- ").Append(title).Append('\n');
            for (var i = Math.Max(0, first - 3); i < Math.Min(lines.Length, first + 4); i++)
                s.Append(i == first ? ">> " : "   ").Append(lines[i]).Append('\n');
        }
    }
}
