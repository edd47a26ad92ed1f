using System.Collections.Immutable;
using System.Text;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>
/// A fault-tolerant parser for the CMake language (cmake-language(7)): command invocations with quoted, unquoted and
/// bracket arguments, line and bracket comments, escapes and quoted line continuations. It never throws and runs in
/// time linear in the text: an unterminated string or bracket argument ends at the end of the text, a missing ')' ends
/// the command before the next line that starts a well-known command, and garbage is skipped to the end of its line.
/// </summary>
public static class CMakeParser
{
    // Commands whose appearance at the start of a line inside an unclosed argument list means the ')' was forgotten.
    private static readonly HashSet<string> s_recoveryCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "add_library", "add_executable", "add_subdirectory", "add_definitions", "add_compile_definitions", "add_compile_options",
        "cmake_minimum_required", "project", "set", "unset", "option", "list", "if", "elseif", "else", "endif", "foreach", "endforeach",
        "function", "endfunction", "macro", "endmacro", "include", "include_directories", "set_target_properties", "set_property",
        "target_sources", "target_include_directories", "target_compile_definitions", "target_compile_options", "target_link_libraries",
        "install", "message", "file", "find_package",
    };

    public static CMakeFile Parse(string text)
    {
        var parser = new State(text ?? "");
        parser.ParseFile();
        return new CMakeFile(parser.Commands.ToImmutable(), parser.Errors.ToImmutable());
    }

    private sealed class State(string text)
    {
        private readonly string _text = text;
        private int _pos;

        public ImmutableArray<CMakeCommand>.Builder Commands { get; } = ImmutableArray.CreateBuilder<CMakeCommand>();
        public ImmutableArray<SyntaxError>.Builder Errors { get; } = ImmutableArray.CreateBuilder<SyntaxError>();

        private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';
        private bool AtEnd => _pos >= _text.Length;

        public void ParseFile()
        {
            while (!AtEnd)
            {
                var c = Peek();
                if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    SkipComment();
                }
                else if (IsIdentifierStart(c))
                {
                    ParseCommand();
                }
                else
                {
                    var start = _pos;
                    SkipToEndOfLine();
                    Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), "expected a command"));
                }
            }
        }

        private void ParseCommand()
        {
            var start = _pos;
            while (!AtEnd && IsIdentifierPart(Peek()))
                _pos++;
            var nameSpan = TextSpan.FromBounds(start, _pos);
            var name = _text.Substring(start, nameSpan.Length).ToLowerInvariant();
            while (Peek() is ' ' or '\t')
                _pos++;
            if (Peek() != '(')
            {
                SkipToEndOfLine();
                Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), $"expected '(' after '{_text.Substring(nameSpan.Start, nameSpan.Length)}'"));
                return;
            }
            _pos++;
            var arguments = ImmutableArray.CreateBuilder<CMakeArgument>();
            var depth = 0;
            var lineStart = false;
            while (true)
            {
                if (AtEnd)
                {
                    Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), $"missing ')' for '{name}'"));
                    break;
                }
                var c = Peek();
                if (c is '\n' or '\r')
                {
                    _pos++;
                    lineStart = true;
                    continue;
                }
                if (c is ' ' or '\t' or '\f' or '\v')
                {
                    _pos++;
                    continue;
                }
                if (lineStart && depth == 0 && StartsRecoveryCommand())
                {
                    var end = _pos;
                    while (end > start && _text[end - 1] is ' ' or '\t' or '\r' or '\n')
                        end--;
                    Errors.Add(new SyntaxError(TextSpan.FromBounds(start, end), $"missing ')' for '{name}'"));
                    Commands.Add(new CMakeCommand(name, nameSpan, arguments.ToImmutable(), TextSpan.FromBounds(start, end)));
                    return;
                }
                lineStart = false;
                if (c == '#')
                {
                    SkipComment();
                    continue;
                }
                if (c == '(')
                {
                    arguments.Add(new CMakeArgument("(", CMakeArgumentKind.Unquoted, new TextSpan(_pos, 1)));
                    depth++;
                    _pos++;
                    continue;
                }
                if (c == ')')
                {
                    if (depth == 0)
                    {
                        _pos++;
                        break;
                    }
                    arguments.Add(new CMakeArgument(")", CMakeArgumentKind.Unquoted, new TextSpan(_pos, 1)));
                    depth--;
                    _pos++;
                    continue;
                }
                if (c == '"')
                    arguments.Add(ParseQuoted());
                else if (c == '[' && BracketLevel(_pos) >= 0)
                    arguments.Add(ParseBracket());
                else
                    arguments.Add(ParseUnquoted());
            }
            Commands.Add(new CMakeCommand(name, nameSpan, arguments.ToImmutable(), TextSpan.FromBounds(start, _pos)));
        }

        private bool StartsRecoveryCommand()
        {
            var i = _pos;
            if (i >= _text.Length || !IsIdentifierStart(_text[i]))
                return false;
            while (i < _text.Length && IsIdentifierPart(_text[i]))
                i++;
            var name = _text[_pos..i];
            while (i < _text.Length && _text[i] is ' ' or '\t')
                i++;
            return i < _text.Length && _text[i] == '(' && s_recoveryCommands.Contains(name);
        }

        private CMakeArgument ParseQuoted()
        {
            var start = _pos;
            _pos++;
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), "unterminated quoted argument"));
                    break;
                }
                var c = Peek();
                if (c == '"')
                {
                    _pos++;
                    break;
                }
                if (c == '\\')
                {
                    var next = Peek(1);
                    if (next == '\n')
                    {
                        _pos += 2;
                        continue;
                    }
                    if (next == '\r')
                    {
                        _pos += Peek(2) == '\n' ? 3 : 2;
                        continue;
                    }
                    AppendEscape(value, next);
                    _pos += next == '\0' ? 1 : 2;
                    continue;
                }
                value.Append(c);
                _pos++;
            }
            return new CMakeArgument(value.ToString(), CMakeArgumentKind.Quoted, TextSpan.FromBounds(start, _pos));
        }

        private CMakeArgument ParseUnquoted()
        {
            var start = _pos;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = Peek();
                if (c is ' ' or '\t' or '\r' or '\n' or '(' or ')' or '#' or '\f' or '\v')
                    break;
                if (c == '\\')
                {
                    AppendEscape(value, Peek(1));
                    _pos += Peek(1) == '\0' ? 1 : 2;
                    continue;
                }
                if (c == '"')
                {
                    // Legacy unquoted argument with an embedded quoted part: -DNAME="a b" stays one argument, quotes kept.
                    value.Append(c);
                    _pos++;
                    while (!AtEnd && Peek() != '"')
                    {
                        if (Peek() == '\\' && Peek(1) != '\0')
                        {
                            value.Append(Peek()).Append(Peek(1));
                            _pos += 2;
                            continue;
                        }
                        value.Append(Peek());
                        _pos++;
                    }
                    if (!AtEnd)
                    {
                        value.Append('"');
                        _pos++;
                    }
                    continue;
                }
                if (c == '$' && Peek(1) == '{')
                {
                    // A variable reference may not hold spaces, but it may nest: copy it as one piece.
                    CopyVariableReference(value);
                    continue;
                }
                value.Append(c);
                _pos++;
            }
            return new CMakeArgument(value.ToString(), CMakeArgumentKind.Unquoted, TextSpan.FromBounds(start, _pos));
        }

        private void CopyVariableReference(StringBuilder value)
        {
            var depth = 0;
            while (!AtEnd)
            {
                var c = Peek();
                if (c is '\r' or '\n' or ' ' or '\t')
                    return;
                value.Append(c);
                _pos++;
                if (c == '{')
                    depth++;
                else if (c == '}' && --depth == 0)
                    return;
            }
        }

        private CMakeArgument ParseBracket()
        {
            var start = _pos;
            var level = BracketLevel(_pos);
            _pos += level + 2;
            // A newline right after the opening bracket is not part of the content.
            if (Peek() == '\r' && Peek(1) == '\n')
                _pos += 2;
            else if (Peek() == '\n')
                _pos++;
            var close = "]" + new string('=', level) + "]";
            var end = _text.IndexOf(close, _pos, StringComparison.Ordinal);
            string content;
            if (end < 0)
            {
                content = _text[_pos..];
                _pos = _text.Length;
                Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), "unterminated bracket argument"));
            }
            else
            {
                content = _text[_pos..end];
                _pos = end + close.Length;
            }
            return new CMakeArgument(content, CMakeArgumentKind.Bracket, TextSpan.FromBounds(start, _pos));
        }

        /// <summary>The number of '=' of a bracket opening "[==[" at <paramref name="at"/>, or -1 when there is none.</summary>
        private int BracketLevel(int at)
        {
            if (at >= _text.Length || _text[at] != '[')
                return -1;
            var i = at + 1;
            while (i < _text.Length && _text[i] == '=')
                i++;
            return i < _text.Length && _text[i] == '[' ? i - at - 1 : -1;
        }

        private void SkipComment()
        {
            var start = _pos;
            _pos++;
            var level = BracketLevel(_pos);
            if (level >= 0)
            {
                var close = "]" + new string('=', level) + "]";
                var end = _text.IndexOf(close, _pos + level + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _pos = _text.Length;
                    Errors.Add(new SyntaxError(TextSpan.FromBounds(start, _pos), "unterminated bracket comment"));
                }
                else
                {
                    _pos = end + close.Length;
                }
                return;
            }
            SkipToEndOfLine();
        }

        private void SkipToEndOfLine()
        {
            while (!AtEnd && Peek() is not ('\n' or '\r'))
                _pos++;
        }

        private static void AppendEscape(StringBuilder value, char next)
        {
            switch (next)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '0': value.Append('\0'); break;
                // "\;" is a literal semicolon that must not split a list; keep the backslash so list splitting sees it.
                case ';': value.Append("\\;"); break;
                // "\$" is a literal dollar that must not start a variable reference: marked until expansion (CMakeScope.Expand).
                case '$': value.Append(CMakeArgument.EscapedDollar); break;
                case '\0': value.Append('\\'); break;
                default: value.Append(next); break;
            }
        }

        private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';
    }
}
