using System.Collections.Immutable;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HybridLsp.Syntax.CSharp;

/// <summary>
/// Extracts the interop declarations of one C# file from Roslyn syntax alone (no compilation): externs, layouts,
/// enums, delegates, constants and call sites. Never throws on any input; cancellation throws <see cref="OperationCanceledException"/>.
/// </summary>
public static class CsExtractor
{
    /// <summary>At most this many parse errors are reported per file.</summary>
    public const int MaxErrors = 20;

    private static readonly string[] s_interestingWords =
    [
        "DllImport", "LibraryImport", "StructLayout", "struct", "enum", "delegate", "const", "DisableRuntimeMarshalling", "class", "record",
    ];

    public static readonly CsFileSyntax Empty = new(
        ImmutableArray<CsExternMethod>.Empty, ImmutableArray<CsStruct>.Empty, ImmutableArray<CsEnum>.Empty,
        ImmutableArray<CsDelegate>.Empty, ImmutableArray<CsClass>.Empty, ImmutableArray<CsConstant>.Empty,
        ImmutableArray<CsInvocation>.Empty, false, ImmutableDictionary<string, string>.Empty, ImmutableArray<SyntaxError>.Empty);

    public static CsFileSyntax Extract(string text, CsExtractOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        text ??= "";
        cancellationToken.ThrowIfCancellationRequested();
        if (!options.CollectInvocations && !MayDeclareInterop(text))
            return Empty;

        if (CsNestingGuard.Problem(text) is { } refused)
            return Empty with { Errors = ImmutableArray.Create(new SyntaxError(new TextSpan(0, 0), "The file was not read: " + refused)) };

        var symbols = options.PreprocessorSymbols.IsDefault ? ImmutableArray<string>.Empty : options.PreprocessorSymbols;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Regular, symbols.Where(IsValidSymbol));
        SyntaxTree tree;
        try
        {
            tree = CSharpSyntaxTree.ParseText(text, parseOptions, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Empty with { Errors = ImmutableArray.Create(new SyntaxError(new TextSpan(0, 0), "The C# parser failed: " + ex.Message)) };
        }

        var errors = ImmutableArray<SyntaxError>.Empty;
        var extraction = new CsFileExtraction(options.CollectInvocations, cancellationToken);
        try
        {
            errors = ReadErrors(tree, cancellationToken);
            extraction.Run((CSharpSyntaxNode)tree.GetRoot(cancellationToken), text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // InsufficientExecutionStackException on absurdly nested code, or a bug: keep what was found so far.
            errors = errors.Add(new SyntaxError(new TextSpan(0, 0), "The file could only be partly read: " + ex.Message));
        }
        return extraction.ToResult(errors);
    }

    private static bool MayDeclareInterop(string text)
    {
        foreach (var word in s_interestingWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // CSharpParseOptions rejects nothing, but a symbol with spaces or punctuation can never match an #if: drop it.
    private static bool IsValidSymbol(string symbol) =>
        !string.IsNullOrEmpty(symbol) && symbol.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static ImmutableArray<SyntaxError> ReadErrors(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxError>();
        foreach (var diagnostic in tree.GetDiagnostics(cancellationToken))
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error)
                continue;
            var span = diagnostic.Location.SourceSpan;
            builder.Add(new SyntaxError(new TextSpan(span.Start, span.Length), diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            if (builder.Count >= MaxErrors)
                break;
        }
        return builder.ToImmutable();
    }
}
