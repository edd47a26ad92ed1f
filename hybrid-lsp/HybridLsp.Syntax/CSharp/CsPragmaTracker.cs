using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using HybridLsp.Syntax.Suppressions;
using HybridLsp.Syntax.Text;

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
    private readonly int _end;

    private CsPragmaTracker(ImmutableArray<PragmaWarningDirectiveTriviaSyntax> pragmas, int end)
    {
        _pragmas = pragmas;
        _end = end;
    }

    public static CsPragmaTracker Create(CSharpSyntaxNode root, string text)
    {
        if (!text.Contains("#pragma", StringComparison.Ordinal) && !text.Contains("# pragma", StringComparison.Ordinal))
            return new CsPragmaTracker(ImmutableArray<PragmaWarningDirectiveTriviaSyntax>.Empty, text.Length);
        // Directive navigation skips subtrees without directives, so this is cheap even for large files.
        static bool IsPragma(DirectiveTriviaSyntax d) => d is PragmaWarningDirectiveTriviaSyntax { IsActive: true };
        var pragmas = ImmutableArray.CreateBuilder<PragmaWarningDirectiveTriviaSyntax>();
        for (var directive = root.GetFirstDirective(IsPragma); directive is not null; directive = directive.GetNextDirective(IsPragma))
            pragmas.Add((PragmaWarningDirectiveTriviaSyntax)directive);
        return new CsPragmaTracker(pragmas.ToImmutable(), text.Length);
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

    /// <summary>
    /// Every HL code of a `#pragma warning disable` with its scope: from the directive to the `restore` of that code (or a
    /// bare `restore`, or a later `disable` of the same code, which starts its own scope) or the end of the file.
    /// A bare `disable` names no code of ours and is not listed.
    /// </summary>
    public ImmutableArray<Suppression> Suppressions()
    {
        if (_pragmas.IsEmpty)
            return [];
        var result = ImmutableArray.CreateBuilder<Suppression>();
        var open = new Dictionary<string, (TextSpan Code, TextSpan Directive)>(StringComparer.Ordinal);
        void Close(string code, int at)
        {
            if (open.Remove(code, out var o))
                result.Add(new Suppression(code, o.Code, o.Directive, TextSpan.FromBounds(o.Directive.Start, Math.Max(at, o.Directive.End)), Math.Max(at, o.Directive.End)));
        }
        foreach (var pragma in _pragmas)
        {
            var disable = pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword);
            var directive = new TextSpan(pragma.Span.Start, pragma.Span.Length);
            if (pragma.ErrorCodes.Count == 0)
            {
                if (!disable)
                {
                    foreach (var code in open.Keys.ToList())
                        Close(code, directive.Start);
                }
                continue;
            }
            foreach (var codeNode in pragma.ErrorCodes)
            {
                var text = codeNode.ToString().Trim().ToUpperInvariant();
                if (!text.StartsWith("HL", StringComparison.Ordinal))
                    continue;
                Close(text, directive.Start);
                if (disable)
                    open[text] = (new TextSpan(codeNode.Span.Start, codeNode.Span.Length), directive);
            }
        }
        foreach (var code in open.Keys.ToList())
            Close(code, _end);
        return [.. result.OrderBy(s => s.CodeSpan.Start)];
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
