using System.Text;

namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// Makes one fuzz input from the seeds: one to four mutations of a seed (bit flips, interesting bytes, token
/// deletion and duplication, truncation, splicing with another seed, deep nesting, inserted snippets), or, one case
/// in sixteen, random bytes. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class FuzzMutator
{
    private static readonly byte[] s_interestingBytes = [0x00, 0xFF, 0x80, 0xC0, 0xE2, 0xF0, (byte)'{', (byte)'}', (byte)'(', (byte)')', (byte)'[', (byte)']',
        (byte)'<', (byte)'>', (byte)'"', (byte)'\'', (byte)'\\', (byte)'\n', (byte)'\r', (byte)'#', (byte)'/', (byte)'*', (byte)'=', (byte)':', (byte)';', (byte)','];

    private static readonly string[] s_snippets =
    [
        "\0", "\uFEFF", "\u2028", "😀", "\u0301", "\r", "\r\n", "\"", "'", "\"\"\"", "'''", "r#\"", "r##\"", "b'", "/*", "*/", "//", "/**/",
        "#if DEBUG\n", "#endif\n", "#region\n", "#pragma warning disable HL1005\n", "\\u{", "\\x", "0x", "0b", "1e308", "99999999999999999999999",
        "-", "::", "->", "=>", "'a", "<'a>", "&mut ", "*const ", "extern \"C\" ", "#[no_mangle]", "#[cfg(", "cfg_if! {", "macro_rules! m {",
        "mod m;", "impl<T> ", "where T:", "unsafe ", "[DllImport(\"", "[LibraryImport(", "static extern ", "partial ", "delegate* unmanaged[Cdecl]<",
        "[StructLayout(LayoutKind.Explicit)]", "[FieldOffset(-1)]", "const int X = 1 << 31;", "[package]\n", "[lib]\n", "crate-type = [", "[[bin]]\n",
        "[libraries.", "a.b.c = ", "= {", "inf", "nan", "1979-05-27T07:32:00Z", "<Project>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<![CDATA[",
        "Content-Length: 5\r\n\r\n", "Content-Length: 99999999999\r\n\r\n", "{\"jsonrpc\":\"2.0\",", "\\ud800",
    ];

    private static readonly string[] s_openers = ["{", "(", "[", "<", "mod a {", "#[a(", "fn f() {", "namespace N {", "class C {", "a = [", "a = {b = ", "{\"a\":", "<a>", "/*"];

    private static readonly string[] s_closers = ["}", ")", "]", ">", "}", ")]", "}", "}", "}", "]", "}", "}", "</a>", "*/"];

    /// <summary>The largest input made (bytes).</summary>
    public const int MaxInput = 256 * 1024;

    public static (byte[] Input, string How) Next(Random random, IReadOnlyList<byte[]> seeds)
    {
        if (random.Next(16) == 0)
        {
            var noise = new byte[random.Next(random.Next(2) == 0 ? 64 : 8192)];
            random.NextBytes(noise);
            return (noise, "random bytes");
        }
        var seedIndex = random.Next(seeds.Count);
        var input = new List<byte>(seeds[seedIndex]);
        var how = new StringBuilder($"seed {seedIndex}");
        for (var k = random.Next(1, 5); k > 0; k--)
            how.Append(", ").Append(Mutate(random, input, seeds));
        if (input.Count > MaxInput)
        {
            // Duplication can compound past any real file; beyond this size a case only costs CI time.
            input.RemoveRange(MaxInput, input.Count - MaxInput);
            how.Append(", capped");
        }
        return (input.ToArray(), how.ToString());
    }

    private static string Mutate(Random random, List<byte> data, IReadOnlyList<byte[]> seeds)
    {
        switch (random.Next(9))
        {
            case 0:
                for (var n = random.Next(1, 9); n > 0 && data.Count > 0; n--)
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                return "bit flips";
            case 1:
                for (var n = random.Next(1, 5); n > 0 && data.Count > 0; n--)
                    data[random.Next(data.Count)] = s_interestingBytes[random.Next(s_interestingBytes.Length)];
                return "interesting bytes";
            case 2:
            {
                var tokens = Tokens(data);
                if (tokens.Count == 0)
                    return "no token to delete";
                var first = random.Next(tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + random.Next(5));
                data.RemoveRange(tokens[first].Start, tokens[last].End - tokens[first].Start);
                return "token deletion";
            }
            case 3:
            {
                var tokens = Tokens(data);
                if (tokens.Count == 0)
                    return "no token to duplicate";
                var first = random.Next(tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + random.Next(8));
                var copy = data.GetRange(tokens[first].Start, tokens[last].End - tokens[first].Start);
                var times = random.Next(4) == 0 ? random.Next(2, 200) : random.Next(1, 4);
                for (var t = 0; t < times; t++)
                    data.InsertRange(tokens[last].End, copy);
                return $"token duplication x{times}";
            }
            case 4:
            {
                var cut = random.Next(data.Count + 1);
                data.RemoveRange(cut, data.Count - cut);
                return $"truncation at {cut}";
            }
            case 5:
            {
                var other = seeds[random.Next(seeds.Count)];
                var at = random.Next(data.Count + 1);
                var from = random.Next(other.Length + 1);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from).ToArray());
                return "splice";
            }
            case 6:
            {
                var which = random.Next(s_openers.Length);
                var depth = random.Next(3) == 0 ? random.Next(1_000, 50_000) : random.Next(10, 1_000);
                var at = random.Next(data.Count + 1);
                var closed = random.Next(2) == 0;
                var nest = new StringBuilder(depth * 4);
                for (var d = 0; d < depth; d++)
                    nest.Append(s_openers[which]);
                if (closed)
                {
                    for (var d = 0; d < depth; d++)
                        nest.Append(s_closers[which]);
                }
                data.InsertRange(at, Encoding.UTF8.GetBytes(nest.ToString()));
                return $"nesting {s_openers[which]} x{depth}{(closed ? " closed" : "")}";
            }
            case 7:
            {
                var snippet = s_snippets[random.Next(s_snippets.Length)];
                data.InsertRange(random.Next(data.Count + 1), Encoding.UTF8.GetBytes(snippet));
                return "snippet";
            }
            default:
            {
                var noise = new byte[random.Next(1, 32)];
                random.NextBytes(noise);
                data.InsertRange(random.Next(data.Count + 1), noise);
                return "random insert";
            }
        }
    }

    /// <summary>Runs of word characters, runs of whitespace, and single other bytes.</summary>
    private static List<(int Start, int End)> Tokens(List<byte> data)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (i < data.Count)
        {
            var start = i;
            var kind = Kind(data[i]);
            i++;
            if (kind != 2)
            {
                while (i < data.Count && Kind(data[i]) == kind)
                    i++;
            }
            tokens.Add((start, i));
        }
        return tokens;

        static int Kind(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' ? 0
            : b == (byte)'_' || b >= 0x80 || char.IsAsciiLetterOrDigit((char)b) ? 1 : 2;
    }
}
