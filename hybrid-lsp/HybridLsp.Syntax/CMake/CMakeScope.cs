using System.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>
/// A variable scope of the static evaluator (a directory or a function call), with each value's certainty: a value is
/// uncertain when it was set under an <c>if()</c> that could not be decided, or came from something not evaluated.
/// A new scope starts as a copy of its parent's variables, as in CMake.
/// </summary>
internal sealed class CMakeScope
{
    // Variables that describe the machine, the compiler or the user's cache: never known statically.
    private static readonly HashSet<string> s_environmentVariables = new(StringComparer.Ordinal)
    {
        "WIN32", "UNIX", "APPLE", "MSVC", "MINGW", "CYGWIN", "MSYS", "ANDROID", "IOS", "LINUX", "BSD", "XCODE", "EMSCRIPTEN",
        "BUILD_SHARED_LIBS", "BUILD_TESTING",
    };

    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _uncertain;

    public CMakeScope(CMakeScope? parent)
    {
        Parent = parent;
        _values = parent is null ? new(StringComparer.Ordinal) : new(parent._values, StringComparer.Ordinal);
        _uncertain = parent is null ? new(StringComparer.Ordinal) : new(parent._uncertain, StringComparer.Ordinal);
    }

    public CMakeScope? Parent { get; }

    public void Set(string name, string value, bool certain)
    {
        _values[name] = value;
        if (certain)
            _uncertain.Remove(name);
        else
            _uncertain.Add(name);
    }

    public void Unset(string name, bool certain)
    {
        _values.Remove(name);
        if (certain)
            _uncertain.Remove(name);
        else
            _uncertain.Add(name);
    }

    public void MarkUncertain(string name) => _uncertain.Add(name);

    public bool IsDefined(string name) => _values.ContainsKey(name);

    /// <summary>
    /// The value of a variable and whether it is certain. An undefined variable is the empty string; it is uncertain when
    /// it describes the platform or the compiler (CMAKE_*, WIN32, BUILD_SHARED_LIBS, X_FOUND …) or was marked so.
    /// </summary>
    public (string? Value, bool Certain) Get(string name)
    {
        if (_values.TryGetValue(name, out var value))
            return (value, !_uncertain.Contains(name));
        return (null, !_uncertain.Contains(name) && !IsEnvironmentVariable(name));
    }

    public static bool IsEnvironmentVariable(string name) =>
        s_environmentVariables.Contains(name) || name.StartsWith("CMAKE_", StringComparison.Ordinal) || name.EndsWith("_FOUND", StringComparison.Ordinal);

    /// <summary>Expands <c>${NAME}</c> (nested, as in <c>${a_${b}}</c>), <c>$CACHE{NAME}</c> and <c>$ENV{NAME}</c> (always uncertain).</summary>
    public (string Value, bool Certain) Expand(string text)
    {
        if (!text.Contains('$'))
            return (text.Replace(CMakeArgument.EscapedDollar, '$'), true);
        var certain = true;
        var position = 0;
        var value = ExpandUntil(text, ref position, '\0', ref certain, 0);
        return (value.Replace(CMakeArgument.EscapedDollar, '$'), certain);
    }

    private string ExpandUntil(string text, ref int position, char stop, ref bool certain, int depth)
    {
        var result = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (c == stop)
                return result.ToString();
            if (c == '$' && depth < 32)
            {
                var kind = ReferenceKind(text, position, out var open);
                if (kind is not null)
                {
                    var start = position;
                    position = open + 1;
                    var name = ExpandUntil(text, ref position, '}', ref certain, depth + 1);
                    if (position >= text.Length)
                    {
                        // No closing brace: keep the text as written, as CMake reports an error and this is best effort.
                        result.Append(text, start, text.Length - start);
                        certain = false;
                        return result.ToString();
                    }
                    position++;
                    if (kind == "ENV")
                    {
                        certain = false;
                        continue;
                    }
                    var (v, c2) = Get(name);
                    certain &= c2;
                    result.Append(v);
                    continue;
                }
            }
            result.Append(c);
            position++;
        }
        return result.ToString();
    }

    private static string? ReferenceKind(string text, int position, out int open)
    {
        open = -1;
        if (position + 1 < text.Length && text[position + 1] == '{')
        {
            open = position + 1;
            return "";
        }
        foreach (var kind in new[] { "ENV", "CACHE" })
        {
            if (string.CompareOrdinal(text, position + 1, kind + "{", 0, kind.Length + 1) == 0)
            {
                open = position + 1 + kind.Length;
                return kind;
            }
        }
        return null;
    }

    /// <summary>Splits a CMake list on ';', except escaped "\;" and ';' inside a generator expression <c>$&lt;…&gt;</c>; empty elements dropped.</summary>
    public static List<string> SplitList(string value)
    {
        var items = new List<string>();
        if (value.Length == 0)
            return items;
        var current = new StringBuilder();
        var genexDepth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] == ';')
            {
                current.Append(';');
                i++;
                continue;
            }
            if (c == '$' && i + 1 < value.Length && value[i + 1] == '<')
            {
                genexDepth++;
                current.Append("$<");
                i++;
                continue;
            }
            if (c == '>' && genexDepth > 0)
                genexDepth--;
            if (c == ';' && genexDepth == 0)
            {
                if (current.Length > 0)
                    items.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
            items.Add(current.ToString());
        return items;
    }
}
