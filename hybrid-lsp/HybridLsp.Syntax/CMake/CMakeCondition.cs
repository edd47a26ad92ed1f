using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridLsp.Syntax.CMake;

/// <summary>A three-valued truth: what an <c>if()</c> is when static evaluation cannot know.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}

/// <summary>An <c>if()</c> argument after variable expansion.</summary>
internal readonly record struct ConditionArgument(string Text, bool Quoted, bool Certain);

/// <summary>Answers the questions of an <c>if()</c> the evaluator knows about (targets, commands, files).</summary>
internal interface IConditionContext
{
    CMakeScope Scope { get; }
    Truth TargetExists(string name);
    Truth CommandExists(string name);
    Truth PathExists(string path);
}

/// <summary>
/// Evaluates an <c>if()</c>/<c>elseif()</c>/<c>while()</c> condition (cmake-commands(7) "if") in three values: constants,
/// variables, NOT/AND/OR, parentheses, DEFINED, TARGET, COMMAND, EXISTS, IS_ABSOLUTE, string, number and version
/// comparisons, MATCHES and IN_LIST. What depends on the platform, the compiler or the cache is <see cref="Truth.Unknown"/>.
/// </summary>
internal sealed class CMakeCondition
{
    private static readonly HashSet<string> s_unary = ["EXISTS", "COMMAND", "DEFINED", "TARGET", "POLICY", "TEST", "IS_DIRECTORY", "IS_ABSOLUTE", "IS_SYMLINK", "IS_READABLE", "IS_WRITABLE", "IS_EXECUTABLE"];
    private static readonly HashSet<string> s_binary =
    [
        "STREQUAL", "STRLESS", "STRGREATER", "STRLESS_EQUAL", "STRGREATER_EQUAL", "EQUAL", "LESS", "GREATER", "LESS_EQUAL", "GREATER_EQUAL",
        "VERSION_EQUAL", "VERSION_LESS", "VERSION_GREATER", "VERSION_LESS_EQUAL", "VERSION_GREATER_EQUAL", "MATCHES", "IN_LIST", "IS_NEWER_THAN", "PATH_EQUAL",
    ];

    private readonly List<ConditionArgument> _args;
    private readonly IConditionContext _context;
    private int _pos;

    private CMakeCondition(List<ConditionArgument> args, IConditionContext context)
    {
        _args = args;
        _context = context;
    }

    public static Truth Evaluate(List<ConditionArgument> args, IConditionContext context)
    {
        if (args.Count == 0)
            return Truth.False;
        var condition = new CMakeCondition(args, context);
        var result = condition.Or();
        // Trailing garbage: CMake reports an error; here the result is not trusted.
        return condition._pos < args.Count ? Truth.Unknown : result;
    }

    private bool At(string keyword) => _pos < _args.Count && !_args[_pos].Quoted && _args[_pos].Text == keyword;

    private Truth Or()
    {
        var left = And();
        while (At("OR"))
        {
            _pos++;
            var right = And();
            left = left == Truth.True || right == Truth.True ? Truth.True : left == Truth.False && right == Truth.False ? Truth.False : Truth.Unknown;
        }
        return left;
    }

    private Truth And()
    {
        var left = Not();
        while (At("AND"))
        {
            _pos++;
            var right = Not();
            left = left == Truth.False || right == Truth.False ? Truth.False : left == Truth.True && right == Truth.True ? Truth.True : Truth.Unknown;
        }
        return left;
    }

    private Truth Not()
    {
        if (At("NOT"))
        {
            _pos++;
            return Not() switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
        }
        return Comparison();
    }

    private Truth Comparison()
    {
        if (_pos >= _args.Count)
            return Truth.Unknown;
        if (At("("))
        {
            _pos++;
            var inner = Or();
            if (At(")"))
                _pos++;
            return inner;
        }
        var first = _args[_pos];
        if (!first.Quoted && s_unary.Contains(first.Text) && _pos + 1 < _args.Count)
        {
            _pos += 2;
            return Unary(first.Text, _args[_pos - 1]);
        }
        _pos++;
        if (_pos < _args.Count && !_args[_pos].Quoted && s_binary.Contains(_args[_pos].Text) && _pos + 1 < _args.Count)
        {
            var op = _args[_pos].Text;
            var second = _args[_pos + 1];
            _pos += 2;
            return Binary(first, op, second);
        }
        return Truthiness(first);
    }

    private Truth Unary(string op, ConditionArgument operand)
    {
        if (!operand.Certain)
            return Truth.Unknown;
        switch (op)
        {
            case "DEFINED":
                if (operand.Text.StartsWith("ENV{", StringComparison.Ordinal))
                    return Truth.Unknown;
                var name = operand.Text.StartsWith("CACHE{", StringComparison.Ordinal) && operand.Text.EndsWith('}') ? operand.Text[6..^1] : operand.Text;
                var (value, certain) = _context.Scope.Get(name);
                return !certain ? Truth.Unknown : value is null ? Truth.False : Truth.True;
            case "TARGET":
                return _context.TargetExists(operand.Text);
            case "COMMAND":
                return _context.CommandExists(operand.Text);
            case "EXISTS" or "IS_DIRECTORY":
                return _context.PathExists(operand.Text);
            case "IS_ABSOLUTE":
                return CMakePath.IsAbsolute(operand.Text) ? Truth.True : Truth.False;
            default:
                return Truth.Unknown;
        }
    }

    private Truth Binary(ConditionArgument left, string op, ConditionArgument right)
    {
        if (op == "IN_LIST")
        {
            var (list, listCertain) = _context.Scope.Get(right.Text);
            var (item, itemCertain) = Value(left);
            if (!listCertain || !itemCertain || item is null)
                return Truth.Unknown;
            return CMakeScope.SplitList(list ?? "").Contains(item) ? Truth.True : Truth.False;
        }
        var (a, ca) = Value(left);
        var (b, cb) = Value(right);
        if (!ca || !cb || a is null || b is null)
            return Truth.Unknown;
        switch (op)
        {
            case "STREQUAL" or "PATH_EQUAL":
                return From(a == b);
            case "STRLESS":
                return From(string.CompareOrdinal(a, b) < 0);
            case "STRGREATER":
                return From(string.CompareOrdinal(a, b) > 0);
            case "STRLESS_EQUAL":
                return From(string.CompareOrdinal(a, b) <= 0);
            case "STRGREATER_EQUAL":
                return From(string.CompareOrdinal(a, b) >= 0);
            case "MATCHES":
                try
                {
                    return From(Regex.IsMatch(a, b, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)));
                }
                catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
                {
                    return Truth.Unknown;
                }
        }
        if (op.StartsWith("VERSION_", StringComparison.Ordinal))
        {
            var compare = CompareVersions(a, b);
            return op switch
            {
                "VERSION_EQUAL" => From(compare == 0),
                "VERSION_LESS" => From(compare < 0),
                "VERSION_GREATER" => From(compare > 0),
                "VERSION_LESS_EQUAL" => From(compare <= 0),
                _ => From(compare >= 0),
            };
        }
        if (!double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            return op is "EQUAL" or "LESS" or "GREATER" or "LESS_EQUAL" or "GREATER_EQUAL" ? Truth.False : Truth.Unknown;
        return op switch
        {
            "EQUAL" => From(x == y),
            "LESS" => From(x < y),
            "GREATER" => From(x > y),
            "LESS_EQUAL" => From(x <= y),
            "GREATER_EQUAL" => From(x >= y),
            _ => Truth.Unknown,
        };
    }

    /// <summary>An operand of a comparison: an unquoted name of a defined variable stands for its value.</summary>
    private (string? Value, bool Certain) Value(ConditionArgument argument)
    {
        if (!argument.Certain)
            return (null, false);
        if (argument.Quoted)
            return (argument.Text, true);
        var (value, certain) = _context.Scope.Get(argument.Text);
        if (value is not null)
            return (value, certain);
        // An undefined platform/compiler variable (CMAKE_BUILD_TYPE …) is unknown, not its own name.
        return LooksLikeVariable(argument.Text) && !certain ? (null, false) : (argument.Text, true);
    }

    private Truth Truthiness(ConditionArgument argument)
    {
        if (!argument.Certain)
            return Truth.Unknown;
        if (Constant(argument.Text) is { } constant)
            return constant;
        if (argument.Quoted)
            return Truth.False;
        var (value, certain) = _context.Scope.Get(argument.Text);
        if (!certain)
            return Truth.Unknown;
        if (value is null)
            return Truth.False;
        return Constant(value) == Truth.False ? Truth.False : Truth.True;
    }

    /// <summary>CMake's boolean constants; null for a string that is not one (then it names a variable).</summary>
    private static Truth? Constant(string text)
    {
        var upper = text.ToUpperInvariant();
        if (upper is "1" or "ON" or "YES" or "TRUE" or "Y")
            return Truth.True;
        if (upper is "0" or "OFF" or "NO" or "FALSE" or "N" or "IGNORE" or "NOTFOUND" or "" || upper.EndsWith("-NOTFOUND", StringComparison.Ordinal))
            return Truth.False;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number != 0 ? Truth.True : Truth.False;
        return null;
    }

    private static bool LooksLikeVariable(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static int CompareVersions(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var p = i < x.Length && long.TryParse(new string([.. x[i].TakeWhile(char.IsAsciiDigit)]), out var px) ? px : 0;
            var q = i < y.Length && long.TryParse(new string([.. y[i].TakeWhile(char.IsAsciiDigit)]), out var qy) ? qy : 0;
            if (p != q)
                return p.CompareTo(q);
        }
        return 0;
    }

    private static Truth From(bool value) => value ? Truth.True : Truth.False;
}
