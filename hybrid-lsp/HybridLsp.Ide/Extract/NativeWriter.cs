using System.Text;

namespace HybridLsp.Ide.Extract;

/// <summary>
/// What the Rust and C++ writers share: the method being written, the names its variables get (unique, never a
/// keyword), the helper definitions it needs, and the indented body text. Each language decides how a name is
/// spelled and how a statement reads.
/// </summary>
internal abstract class NativeWriter(NMethod method)
{
    protected readonly NMethod _method = method;
    protected readonly Dictionary<NVariable, string> _names = [];
    protected readonly SortedDictionary<string, string> _helpers = new(StringComparer.Ordinal);
    protected readonly StringBuilder _body = new();
    protected int _indent = 1;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="name"/> from being given to a variable (the exported function's own name).</summary>
    protected void Reserve(string name) => _used.Add(name);

    /// <summary>Claims <paramref name="name"/> (already a valid identifier), or <c>name_2</c>, <c>name_3</c>… when it is taken.</summary>
    protected string Claim(string name)
    {
        var candidate = name;
        for (var i = 2; !_used.Add(candidate); i++)
            candidate = name + "_" + i;
        return candidate;
    }

    protected void Line(string text) => _body.Append(new string(' ', _indent * 4)).Append(text).Append('\n');

    protected void Nested(NBlock block)
    {
        _indent++;
        foreach (var s in block.Statements)
            Statement(s);
        _indent--;
    }

    protected abstract void Statement(NStmt statement);
}
