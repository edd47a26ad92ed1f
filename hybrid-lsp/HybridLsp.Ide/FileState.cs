using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

/// <summary>
/// One file of a snapshot and its extracted syntax, computed on first use and shared by every later snapshot in which
/// the file is unchanged: an edit re-extracts that file only.
/// </summary>
internal sealed class FileState(FileChange change)
{
    private readonly object _gate = new();
    private LineIndex? _lineIndex;
    private RustFileSyntax? _rust;
    private (string Key, CsFileSyntax Syntax)? _csharp;

    public FileChange Change { get; } = change;
    public string Path => Change.Path;
    public string? Text => Change.Text;

    public LineIndex LineIndex
    {
        get
        {
            lock (_gate)
                return _lineIndex ??= LineIndex.Create(Text ?? "");
        }
    }

    public RustFileSyntax Rust(CancellationToken cancellationToken)
    {
        lock (_gate)
            return _rust ??= RustParser.Parse(Text ?? "", cancellationToken);
    }

    /// <summary>C# syntax depends on the preprocessor symbols of the owning project: the cache is keyed by them.</summary>
    public CsFileSyntax CSharp(ImmutableArray<string> symbols, CancellationToken cancellationToken)
    {
        var key = string.Join(';', symbols);
        lock (_gate)
        {
            if (_csharp is { } cached && cached.Key == key)
                return cached.Syntax;
            var syntax = CsExtractor.Extract(Text ?? "", new CsExtractOptions(symbols), cancellationToken);
            _csharp = (key, syntax);
            return syntax;
        }
    }
}
