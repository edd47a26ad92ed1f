using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.Rust;

/// <summary>
/// Splits Rust source into tokens. Total over every input (binary data, NUL bytes, lone surrogates, unterminated
/// literals or comments): each step consumes at least one character, so it runs in linear time and never throws.
/// Comments (nested block comments, doc comments) and whitespace are dropped; problems become <see cref="SyntaxError"/>s.
/// </summary>
internal static class RustLexer
{
    public static RustToken[] Tokenize(string text, List<SyntaxError> errors, CancellationToken cancellationToken)
    {
        var tokens = new List<RustToken>(Math.Min(text.Length / 3 + 16, 1 << 22));
        var i = 0;
        var n = text.Length;

        // A shebang line (`#!/usr/bin/env …`) is not an inner attribute `#![…]`.
        if (n >= 2 && text[0] == '#' && text[1] == '!' && (n == 2 || text[2] != '['))
            i = SkipLine(text, 0);

        var nextCheck = 1 << 16;
        while (i < n)
        {
            if (i >= nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nextCheck = i + (1 << 16);
            }

            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' || (c > 127 && char.IsWhiteSpace(c)))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '/' && i + 1 < n && text[i + 1] == '/')
            {
                i = SkipLine(text, i);
                continue;
            }
            if (c == '/' && i + 1 < n && text[i + 1] == '*')
            {
                i = SkipBlockComment(text, i, errors);
                continue;
            }

            if (IsIdentStart(c))
            {
                i = LexWord(text, i, tokens, errors);
                continue;
            }
            if (c is >= '0' and <= '9')
            {
                i = LexNumber(text, i, tokens);
                continue;
            }

            switch (c)
            {
                case '"':
                    i = LexQuoted(text, i, i, '"', tokens, errors, RustTokenKind.String);
                    continue;
                case '\'':
                    i = LexQuote(text, i, tokens, errors);
                    continue;
                case '(':
                    tokens.Add(new RustToken(RustTokenKind.OpenParen, i++, 1));
                    continue;
                case ')':
                    tokens.Add(new RustToken(RustTokenKind.CloseParen, i++, 1));
                    continue;
                case '[':
                    tokens.Add(new RustToken(RustTokenKind.OpenBracket, i++, 1));
                    continue;
                case ']':
                    tokens.Add(new RustToken(RustTokenKind.CloseBracket, i++, 1));
                    continue;
                case '{':
                    tokens.Add(new RustToken(RustTokenKind.OpenBrace, i++, 1));
                    continue;
                case '}':
                    tokens.Add(new RustToken(RustTokenKind.CloseBrace, i++, 1));
                    continue;
            }

            var len = PunctLength(text, i);
            if (len > 0)
            {
                tokens.Add(new RustToken(RustTokenKind.Punct, i, len));
                i += len;
                continue;
            }

            // Anything else: a lone surrogate, a control character, a non-letter symbol. One character, one token.
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                if (char.IsLetter(text, i))
                {
                    i = LexWord(text, i, tokens, errors);
                    continue;
                }
                tokens.Add(new RustToken(RustTokenKind.Unknown, i, 2));
                i += 2;
                continue;
            }
            tokens.Add(new RustToken(RustTokenKind.Unknown, start, 1));
            i++;
        }
        return tokens.ToArray();
    }

    public static bool IsIdentStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentContinue(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation));

    private static int SkipLine(string text, int i)
    {
        var nl = text.IndexOfAny(['\n', '\r'], i);
        return nl < 0 ? text.Length : nl;
    }

    private static int SkipBlockComment(string text, int start, List<SyntaxError> errors)
    {
        var depth = 1;
        var i = start + 2;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (c == '*' && i + 1 < n && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                    return i;
            }
            else if (c == '/' && i + 1 < n && text[i + 1] == '*')
            {
                i += 2;
                depth++;
            }
            else
            {
                i++;
            }
        }
        errors.Add(new SyntaxError(TextSpan.FromBounds(start, n), "unterminated block comment: expected '*/'"));
        return n;
    }

    private static int ScanIdent(string text, int i)
    {
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (IsIdentContinue(c))
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) && char.IsLetterOrDigit(text, i))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>An identifier, a keyword, a raw identifier, or a prefixed literal (`b"…"`, `br#"…"#`, `c"…"`, `r"…"`, `b'x'`).</summary>
    private static int LexWord(string text, int start, List<RustToken> tokens, List<SyntaxError> errors)
    {
        var n = text.Length;
        var c0 = text[start];
        var c1 = start + 1 < n ? text[start + 1] : '\0';
        var c2 = start + 2 < n ? text[start + 2] : '\0';

        switch (c0)
        {
            case 'b' when c1 == '"':
                return LexQuoted(text, start, start + 1, '"', tokens, errors, RustTokenKind.String);
            case 'b' when c1 == '\'':
                return LexQuoted(text, start, start + 1, '\'', tokens, errors, RustTokenKind.Char);
            case 'c' when c1 == '"':
                return LexQuoted(text, start, start + 1, '"', tokens, errors, RustTokenKind.String);
            case 'r' when c1 == '"' || (c1 == '#' && (c2 == '"' || c2 == '#')):
                return LexRawString(text, start, start + 1, tokens, errors);
            case 'b' or 'c' when c1 == 'r' && (c2 == '"' || c2 == '#'):
                return LexRawString(text, start, start + 2, tokens, errors);
            case 'r' when c1 == '#' && start + 2 < n && IsIdentStart(c2):
            {
                var end = ScanIdent(text, start + 2);
                tokens.Add(new RustToken(RustTokenKind.RawIdentifier, start, end - start));
                return end;
            }
        }

        var stop = ScanIdent(text, start);
        if (stop == start)
            stop = start + 2; // a letter outside the BMP that ScanIdent did not take (cannot happen, but always advance)
        tokens.Add(new RustToken(RustTokenKind.Identifier, start, Math.Min(stop, n) - start));
        return Math.Min(stop, n);
    }

    /// <summary>`"…"` or `'…'` with backslash escapes, starting at <paramref name="quote"/>; the token starts at <paramref name="start"/> (prefix included).</summary>
    private static int LexQuoted(string text, int start, int quote, char close, List<RustToken> tokens, List<SyntaxError> errors, RustTokenKind kind)
    {
        var n = text.Length;
        var i = quote + 1;
        while (i < n)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == close)
            {
                i++;
                tokens.Add(new RustToken(kind, start, i - start));
                return i;
            }
            // A char literal never spans lines: stop there so one stray quote does not swallow the file.
            if (close == '\'' && c is '\n' or '\r')
                break;
            i++;
        }
        i = Math.Min(i, n);
        errors.Add(new SyntaxError(TextSpan.FromBounds(start, i), close == '"' ? "unterminated string literal: expected '\"'" : "unterminated character literal: expected '''"));
        tokens.Add(new RustToken(kind, start, i - start));
        return i;
    }

    /// <summary>`r#"…"#` with any number of `#`; <paramref name="r"/> is the index of the `r`'s following character.</summary>
    private static int LexRawString(string text, int start, int r, List<RustToken> tokens, List<SyntaxError> errors)
    {
        var n = text.Length;
        var i = r;
        var hashes = 0;
        while (i < n && text[i] == '#')
        {
            hashes++;
            i++;
        }
        if (i >= n || text[i] != '"')
        {
            // `r##x`: not a raw string. Emit the prefix as an identifier and let the `#`s be punctuation.
            tokens.Add(new RustToken(RustTokenKind.Identifier, start, r - start));
            return r;
        }
        i++;
        while (i < n)
        {
            var q = text.IndexOf('"', i);
            if (q < 0)
                break;
            var k = 0;
            while (k < hashes && q + 1 + k < n && text[q + 1 + k] == '#')
                k++;
            if (k == hashes)
            {
                var end = q + 1 + hashes;
                tokens.Add(new RustToken(RustTokenKind.String, start, end - start));
                return end;
            }
            i = q + 1;
        }
        errors.Add(new SyntaxError(TextSpan.FromBounds(start, n), "unterminated raw string literal: expected '\"" + new string('#', hashes) + "'"));
        tokens.Add(new RustToken(RustTokenKind.String, start, n - start));
        return n;
    }

    /// <summary>A lifetime (`'a`, `'static`) or a character literal (`'a'`, `'\n'`, `'\u{1F600}'`).</summary>
    private static int LexQuote(string text, int start, List<RustToken> tokens, List<SyntaxError> errors)
    {
        var n = text.Length;
        var i = start + 1;
        if (i >= n)
        {
            tokens.Add(new RustToken(RustTokenKind.Unknown, start, 1));
            return n;
        }
        var c = text[i];
        if (c == '\\')
            return LexQuoted(text, start, start, '\'', tokens, errors, RustTokenKind.Char);

        // One UTF-16 unit or one surrogate pair, then a closing quote: a char literal.
        var width = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        if (i + width < n && text[i + width] == '\'' && c is not '\n' and not '\r')
        {
            tokens.Add(new RustToken(RustTokenKind.Char, start, width + 2));
            return i + width + 1;
        }
        if (IsIdentStart(c) || (c == 'r' && i + 1 < n && text[i + 1] == '#'))
        {
            var j = c == 'r' && i + 1 < n && text[i + 1] == '#' ? i + 2 : i;
            var end = ScanIdent(text, j);
            if (end == j)
                end = j + 1;
            tokens.Add(new RustToken(RustTokenKind.Lifetime, start, end - start));
            return end;
        }
        tokens.Add(new RustToken(RustTokenKind.Unknown, start, 1));
        return i;
    }

    private static int LexNumber(string text, int start, List<RustToken> tokens)
    {
        var n = text.Length;
        var i = start;
        var kind = RustTokenKind.Integer;
        if (text[i] == '0' && i + 1 < n && text[i + 1] is 'x' or 'o' or 'b' or 'X' or 'O' or 'B')
        {
            i += 2;
            while (i < n && (char.IsAsciiHexDigit(text[i]) || text[i] == '_'))
            {
                // `0b1010u8`/`0o17i32` stop at the suffix; hex digits include `e`/`b` but never `i`/`u`.
                i++;
            }
        }
        else
        {
            while (i < n && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
                i++;
            // `1.5`, `1.` — but not `1..2` (range) nor `1.foo()` / `t.0.1` (a field or method).
            if (i < n && text[i] == '.' && (i + 1 >= n || (text[i + 1] != '.' && !IsIdentStart(text[i + 1]))))
            {
                kind = RustTokenKind.Float;
                i++;
                while (i < n && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
                    i++;
            }
            if (i < n && text[i] is 'e' or 'E')
            {
                var j = i + 1;
                if (j < n && text[j] is '+' or '-')
                    j++;
                if (j < n && char.IsAsciiDigit(text[j]))
                {
                    kind = RustTokenKind.Float;
                    i = j;
                    while (i < n && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
                        i++;
                }
            }
        }
        // Suffix: `u8`, `i32`, `f64`, `usize`.
        if (i < n && IsIdentStart(text[i]))
        {
            var s = i;
            i = ScanIdent(text, i);
            if (kind == RustTokenKind.Integer && text[s] == 'f')
                kind = RustTokenKind.Float;
        }
        tokens.Add(new RustToken(kind, start, i - start));
        return i;
    }

    private static int PunctLength(string text, int i)
    {
        var n = text.Length;
        var c = text[i];
        var d = i + 1 < n ? text[i + 1] : '\0';
        switch (c)
        {
            case ':':
                return d == ':' ? 2 : 1;
            case '-':
                return d == '>' ? 2 : 1;
            case '=':
                return d is '>' or '=' ? 2 : 1;
            case '!':
                return d == '=' ? 2 : 1;
            case '.':
                if (d != '.')
                    return 1;
                var e = i + 2 < n ? text[i + 2] : '\0';
                return e is '.' or '=' ? 3 : 2;
            case '<' or '>' or '&' or '|' or '+' or '*' or '/' or '%' or '^' or ';' or ',' or '#' or '$' or '?' or '@' or '~':
                return 1;
            default:
                return 0;
        }
    }
}
