using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Syntax.CSharp;

/// <summary>
/// Replays `#pragma warning disable/restore` directives in document order and answers which rule codes (HLnnnn)
/// are disabled at a position; `*` stands for `#pragma warning disable` without codes.
/// </summary>
internal sealed class CsPragmaTracker
{
    private readonly ImmutableArray<PragmaWarningDirectiveTriviaSyntax> _pragmas;
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);
    private ImmutableArray<string> _current = ImmutableArray<string>.Empty;
    private int _next;
    private int _lastPosition;

    private CsPragmaTracker(ImmutableArray<PragmaWarningDirectiveTriviaSyntax> pragmas) => _pragmas = pragmas;

    public static CsPragmaTracker Create(CSharpSyntaxNode root, string text)
    {
        if (!text.Contains("#pragma", StringComparison.Ordinal) && !text.Contains("# pragma", StringComparison.Ordinal))
            return new CsPragmaTracker(ImmutableArray<PragmaWarningDirectiveTriviaSyntax>.Empty);
        // Directive navigation skips subtrees without directives, so this is cheap even for large files.
        static bool IsPragma(DirectiveTriviaSyntax d) => d is PragmaWarningDirectiveTriviaSyntax { IsActive: true };
        var pragmas = ImmutableArray.CreateBuilder<PragmaWarningDirectiveTriviaSyntax>();
        for (var directive = root.GetFirstDirective(IsPragma); directive is not null; directive = directive.GetNextDirective(IsPragma))
            pragmas.Add((PragmaWarningDirectiveTriviaSyntax)directive);
        return new CsPragmaTracker(pragmas.ToImmutable());
    }

    /// <summary>The codes disabled at <paramref name="position"/>. Positions are expected in increasing order; going back replays from the start.</summary>
    public ImmutableArray<string> DisabledAt(int position)
    {
        if (_pragmas.IsEmpty)
            return ImmutableArray<string>.Empty;
        if (position < _lastPosition)
        {
            _next = 0;
            _disabled.Clear();
            _current = ImmutableArray<string>.Empty;
        }
        _lastPosition = position;
        var changed = false;
        while (_next < _pragmas.Length && _pragmas[_next].SpanStart < position)
        {
            Apply(_pragmas[_next++]);
            changed = true;
        }
        if (changed)
            _current = _disabled.Order(StringComparer.Ordinal).ToImmutableArray();
        return _current;
    }

    private void Apply(PragmaWarningDirectiveTriviaSyntax pragma)
    {
        var disable = pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword);
        if (pragma.ErrorCodes.Count == 0)
        {
            _disabled.Clear();
            if (disable)
                _disabled.Add("*");
            return;
        }
        foreach (var code in pragma.ErrorCodes)
        {
            var text = code.ToString().Trim().ToUpperInvariant();
            if (!text.StartsWith("HL", StringComparison.Ordinal))
                continue;
            if (disable)
                _disabled.Add(text);
            else
                _disabled.Remove(text);
        }
    }
}
