using HybridLsp.Ide;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Reporting;

/// <summary>0-based line / UTF-16 character positions of offsets, one line index per file of the snapshot.</summary>
public sealed class PositionCache(Analysis analysis)
{
    private readonly Dictionary<string, LineIndex?> _indexes = new(StringComparer.Ordinal);

    public LinePosition Get(string path, int offset)
    {
        if (!_indexes.TryGetValue(path, out var index))
            _indexes[path] = index = analysis.GetLineIndex(path);
        return index?.GetPosition(offset) ?? new LinePosition(0, 0);
    }
}
