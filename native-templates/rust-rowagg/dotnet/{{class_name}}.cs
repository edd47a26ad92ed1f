// The .NET side of the {{crate_name}} crate: the binding of {{crate_name}}_aggregate and a managed twin that follows the
// same rules (see src/lib.rs) and gives bit-identical results. Copy this file into your project (AllowUnsafeBlocks).
// `Aggregate` calls the native library, `AggregateManaged` is the managed implementation: the pair
// "Benchmark managed vs native" compares (hybrid-lsp bench FILE:LINE).
using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace {{namespace}};

/// <summary>The aggregate of one column; <see cref="Min"/> and <see cref="Max"/> are 0 when <see cref="Count"/> is 0.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ColumnStats
{
    public ulong Count;
    public double Sum;
    public double Min;
    public double Max;
}

/// <summary>Well-formed rows, malformed rows, and the number of fields of the widest well-formed row.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RowSummary
{
    public ulong Rows;
    public ulong MalformedRows;
    public ulong Columns;
}

public static unsafe class {{class_name}}
{
    [DllImport("{{crate_name}}", EntryPoint = "{{crate_name}}_aggregate")]
    private static extern int NativeAggregate(byte* data, nuint len, ColumnStats* stats, nuint maxColumns, RowSummary* summary);

    /// <summary>Parses <paramref name="data"/> and aggregates it into <paramref name="columns"/> (overwritten), in native code.</summary>
    public static RowSummary Aggregate(ReadOnlySpan<byte> data, Span<ColumnStats> columns)
    {
        RowSummary summary;
        fixed (byte* input = data)
        fixed (ColumnStats* stats = columns)
        {
            if (NativeAggregate(input, (nuint)data.Length, stats, (nuint)columns.Length, &summary) != 0)
                throw new ArgumentException("the native aggregate refused its arguments");
        }
        return summary;
    }

    /// <summary>The same as <see cref="Aggregate"/>, in managed code.</summary>
    public static RowSummary AggregateManaged(ReadOnlySpan<byte> data, Span<ColumnStats> columns)
    {
        columns.Clear();
        var summary = default(RowSummary);
        Span<double> values = stackalloc double[64];
        while (true)
        {
            var end = data.IndexOf((byte)'\n');
            var line = end < 0 ? data : data[..end];
            if (line.Length > 0 && line[^1] == (byte)'\r')
                line = line[..^1];
            if (!IsBlank(line))
            {
                var count = 0;
                var malformed = false;
                var rest = line;
                while (true)
                {
                    var comma = rest.IndexOf((byte)',');
                    var field = Trim(comma < 0 ? rest : rest[..comma]);
                    if (!TryParse(field, out var value))
                    {
                        malformed = true;
                        break;
                    }
                    if (count == values.Length)
                    {
                        var bigger = new double[values.Length * 2];
                        values.CopyTo(bigger);
                        values = bigger;
                    }
                    values[count++] = value;
                    if (comma < 0)
                        break;
                    rest = rest[(comma + 1)..];
                }
                if (malformed)
                    summary.MalformedRows++;
                else
                {
                    summary.Rows++;
                    summary.Columns = Math.Max(summary.Columns, (ulong)count);
                    for (var i = 0; i < count && i < columns.Length; i++)
                    {
                        ref var column = ref columns[i];
                        var value = values[i];
                        if (column.Count == 0)
                            column.Min = column.Max = value;
                        else
                        {
                            if (value < column.Min)
                                column.Min = value;
                            if (value > column.Max)
                                column.Max = value;
                        }
                        column.Count++;
                        column.Sum += value;
                    }
                }
            }
            if (end < 0)
                break;
            data = data[(end + 1)..];
        }
        return summary;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
                return false;
        }
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        while (field.Length > 0 && field[0] is (byte)' ' or (byte)'\t')
            field = field[1..];
        while (field.Length > 0 && field[^1] is (byte)' ' or (byte)'\t')
            field = field[..^1];
        return field;
    }

    /// <summary>`[+-]?[0-9]+(\.[0-9]+)?` parsed to the nearest double (what Rust's f64 parser gives); anything else fails.</summary>
    private static bool TryParse(ReadOnlySpan<byte> field, out double value)
    {
        value = 0;
        var digits = field.Length > 0 && field[0] is (byte)'+' or (byte)'-' ? field[1..] : field;
        var dot = digits.IndexOf((byte)'.');
        var whole = dot < 0 ? digits : digits[..dot];
        if (whole.Length == 0 || !AllDigits(whole))
            return false;
        if (dot >= 0 && (dot + 1 == digits.Length || !AllDigits(digits[(dot + 1)..])))
            return false;
        return double.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool AllDigits(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
        }
        return true;
    }
}
