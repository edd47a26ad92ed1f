using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide.Assists;

// The records of code actions, in editor terms. One file: they are read together.

/// <summary>Replace <see cref="Span"/> (UTF-16 offsets into the snapshot's text) with <see cref="NewText"/>; an empty span inserts.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>The edits of one file, non-overlapping and sorted by position.</summary>
/// <remarks><see cref="Creates"/>: the file does not exist yet and is created with the one insertion at offset 0 (never over an existing file).</remarks>
public sealed record FileEdit(string Path, ImmutableArray<TextEdit> Edits)
{
    public bool Creates { get; init; }
}

public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string FixAll = "source.fixAll.hybridLsp";
    public const string Refactor = "refactor";
    public const string RefactorExtractNative = "refactor.extract.native";
}

/// <summary>A code action: <see cref="DiagnosticCodes"/> are the codes of the diagnostics it fixes.</summary>
public sealed record CodeAction(string Title, string Kind, ImmutableArray<string> DiagnosticCodes, bool IsPreferred, ImmutableArray<FileEdit> Edits)
{
    /// <summary>The diagnostics of the requested file it fixes, as <see cref="Analysis.Diagnostics"/> reports them.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Offered only in a trusted workspace: applying it makes the next build run project code (wiring a native build into a .csproj).</summary>
    public bool RequiresTrust { get; init; }

    /// <summary>
    /// For an action that <see cref="RequiresTrust"/>: what to offer instead in an untrusted workspace (the same change
    /// without its trusted part, e.g. an extraction without wiring the build), or null to offer nothing.
    /// </summary>
    public CodeAction? Untrusted { get; init; }

    /// <summary>Why the action cannot be applied (LSP `disabled.reason`): it is shown greyed out with this explanation, and has no edits.</summary>
    public string? DisabledReason { get; init; }
}
