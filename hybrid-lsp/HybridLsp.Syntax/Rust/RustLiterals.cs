using System.Globalization;
using System.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>Values of integer and string literal tokens.</summary>
internal static class RustLiterals
{
    private static readonly string[] s_intSuffixes = ["u128", "i128", "usize", "isize", "u16", "u32", "u64", "i16", "i32", "i64", "u8", "i8"];

    /// <summary>The value of an integer literal (`42`, `0x10_i32`, `0b1010u8`, `1_000`). Values above <see cref="long.MaxValue"/> are null:
    /// a wrong number would be worse than an unknown one.</summary>
    public static long? ParseInteger(ReadOnlySpan<char> text, bool negate = false)
    {
        var radix = 10;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            radix = text[1] is 'x' or 'X' ? 16 : text[1] is 'o' or 'O' ? 8 : 2;
            text = text[2..];
        }
        foreach (var suffix in s_intSuffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
                break;
            }
        }
        ulong value = 0;
        var any = false;
        foreach (var c in text)
        {
            if (c == '_')
                continue;
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
                return null;
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                return null;
            value = value * (ulong)radix + (ulong)digit;
            any = true;
        }
        if (!any)
            return null;
        if (negate)
            return value <= (ulong)long.MaxValue + 1 ? (long)(0 - value) : null;
        return value <= long.MaxValue ? (long)value : null;
    }

    /// <summary>The contents of a string literal token (`"a\n"`, `r#"x"#`); escapes are decoded, invalid ones kept as written.</summary>
    public static string ParseString(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] is 'b' or 'c')
            i++;
        if (i < text.Length && text[i] == 'r')
        {
            i++;
            var hashes = 0;
            while (i < text.Length && text[i] == '#')
            {
                hashes++;
                i++;
            }
            var body = text[Math.Min(i + 1, text.Length)..];
            var trim = hashes + 1;
            return body.Length >= trim && body[^1] == (hashes > 0 ? '#' : '"') ? body[..^trim].ToString() : body.ToString();
        }
        if (i >= text.Length || text[i] != '"')
            return text.ToString();
        var inner = text[(i + 1)..];
        if (inner.Length > 0 && inner[^1] == '"')
            inner = inner[..^1];
        if (inner.IndexOf('\\') < 0)
            return inner.ToString();

        var sb = new StringBuilder(inner.Length);
        for (var k = 0; k < inner.Length; k++)
        {
            var c = inner[k];
            if (c != '\\' || k + 1 >= inner.Length)
            {
                sb.Append(c);
                continue;
            }
            var e = inner[++k];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\n' or '\r':
                    // Line continuation: the newline and the next line's leading whitespace are dropped.
                    while (k + 1 < inner.Length && char.IsWhiteSpace(inner[k + 1]))
                        k++;
                    break;
                case 'x' when k + 2 < inner.Length && int.TryParse(inner.Slice(k + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var x):
                    sb.Append((char)x);
                    k += 2;
                    break;
                case 'u' when k + 1 < inner.Length && inner[k + 1] == '{':
                {
                    var close = inner[(k + 1)..].IndexOf('}');
                    if (close > 0 && int.TryParse(inner.Slice(k + 2, close - 1).ToString().Replace("_", ""), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u)
                        && u is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                    {
                        sb.Append(char.ConvertFromUtf32(u));
                        k += close + 1;
                    }
                    else
                    {
                        sb.Append('\\').Append(e);
                    }
                    break;
                }
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }
        return sb.ToString();
    }
}
