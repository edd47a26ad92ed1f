using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Reporting;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Protocol;

/// <summary>Engine → LSP conversions. With <see cref="FromLsp"/>, the only place LSP types and engine records meet.</summary>
public static class ToLsp
{
    private static readonly int[] s_unnecessary = [1];

    public static int Severity(Severity severity) => severity switch
    {
        Ide.Severity.Error => 1,
        Ide.Severity.Warning => 2,
        Ide.Severity.Info => 3,
        _ => 4,
    };

    public static Range Range(PositionMapper mapper, string path, TextSpan span)
    {
        var start = mapper.ToPosition(path, span.Start);
        var end = mapper.ToPosition(path, span.End);
        return new Range(new Position(start.Line, start.Character), new Position(end.Line, end.Character));
    }

    public static LspDiagnostic[] Diagnostics(PositionMapper mapper, ImmutableArray<Diagnostic> diagnostics)
    {
        var docsBase = mapper.Analysis.RuleDocsBase;
        var result = new LspDiagnostic[diagnostics.Length];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var d = diagnostics[i];
            var related = d.Related.IsDefaultOrEmpty
                ? null
                : d.Related.Select(r => new DiagnosticRelatedInformation(
                    new Location(DocumentUri.FromPath(r.Path), Range(mapper, r.Path, r.Span)), r.Message)).ToArray();
            result[i] = new LspDiagnostic(
                Range(mapper, d.Path, d.Span), Severity(d.Severity), d.Code,
                new CodeDescription(RuleDocs.HelpUri(docsBase, d.Code)), "hybrid-lsp", d.Message, related)
            {
                Tags = d.Code == Semantics.Rules.RuleCatalog.UnusedSuppression.Code ? s_unnecessary : null,
            };
        }
        return result;
    }

    public static DefinitionResult? Definition(ServerSnapshot snapshot, string originPath, NavigationResult? result)
    {
        if (result is null)
            return null;
        var mapper = snapshot.CreateMapper();
        if (snapshot.LinkSupport)
        {
            var origin = Range(mapper, originPath, result.OriginSpan);
            return new DefinitionResult(
                result.Targets.Select(t => new LocationLink(
                    origin, DocumentUri.FromPath(t.Path), Range(mapper, t.Path, t.FullSpan), Range(mapper, t.Path, t.FocusSpan))).ToArray(),
                null);
        }
        return new DefinitionResult(null,
            result.Targets.Select(t => new Location(DocumentUri.FromPath(t.Path), Range(mapper, t.Path, t.FocusSpan))).ToArray());
    }

    public static Location[] Locations(ServerSnapshot snapshot, ImmutableArray<ReferenceLocation> references)
    {
        var mapper = snapshot.CreateMapper();
        return references.Select(r => new Location(DocumentUri.FromPath(r.Path), Range(mapper, r.Path, r.Span))).ToArray();
    }

    public static Hover? Hover(ServerSnapshot snapshot, string path, HoverResult? hover)
        => hover is null ? null : new Hover(new MarkupContent("markdown", hover.Markdown), Range(snapshot.CreateMapper(), path, hover.Span));

    public static SymbolInformation[] Symbols(ServerSnapshot snapshot, ImmutableArray<Ide.WorkspaceSymbol> symbols)
    {
        var mapper = snapshot.CreateMapper();
        return symbols.Select(s => new SymbolInformation(
            s.Name,
            s.Kind switch { SymbolKind.Struct => LspSymbolKind.Struct, SymbolKind.Enum => LspSymbolKind.Enum, _ => LspSymbolKind.Function },
            new Location(DocumentUri.FromPath(s.Path), Range(mapper, s.Path, s.Span)),
            string.IsNullOrEmpty(s.ContainerName) ? null : s.ContainerName)).ToArray();
    }

    public static InitializeResult InitializeResult(PositionEncoding encoding, string version, string[] commands) => new(
        new ServerCapabilities(
            FromLsp.EncodingName(encoding),
            new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: new SaveOptions(IncludeText: false)),
            DefinitionProvider: true,
            ReferencesProvider: true,
            HoverProvider: true,
            WorkspaceSymbolProvider: true,
            CodeActionProvider: new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.Refactor, CodeActionKinds.RefactorExtractNative, CodeActionKinds.FixAll], ResolveProvider: true),
            ExecuteCommandProvider: commands.Length == 0 ? null : new ExecuteCommandOptions(commands),
            CodeLensProvider: new CodeLensOptions(ResolveProvider: false)),
        new ServerInfo("hybrid-lsp", version));

    /// <summary>
    /// Code actions with their edits as a WorkspaceEdit: versioned `documentChanges` (null version for files that are not
    /// open) when the client supports them, else `changes`. Positions come from the snapshot the edits were made against.
    /// A new file is a `create` operation followed by its text (only sent to clients that support both, see the handler).
    /// </summary>
    /// <param name="lazy">When set (the client resolves edits), each action carries this request's data instead of its edit.</param>
    public static LspCodeAction[] CodeActions(ServerSnapshot snapshot, IEnumerable<CodeAction> actions, bool documentChanges, CodeActionData? lazy = null)
    {
        var mapper = snapshot.CreateMapper();
        return actions.Select(a => a.DisabledReason is { } reason
            ? new LspCodeAction(a.Title, a.Kind) { Disabled = new CodeActionDisabled(reason) }
            : new LspCodeAction(
                a.Title, a.Kind,
                a.Diagnostics.IsDefaultOrEmpty ? null : Diagnostics(mapper, a.Diagnostics),
                a.IsPreferred ? true : null,
                lazy is null ? WorkspaceEdit(snapshot, mapper, a.Edits, documentChanges) : null,
                lazy is null ? null : lazy with { Title = a.Title, Kind = a.Kind })).ToArray();
    }

    public static WorkspaceEdit WorkspaceEdit(ServerSnapshot snapshot, PositionMapper mapper, ImmutableArray<FileEdit> edits, bool documentChanges)
    {
        LspTextEdit[] Edits(FileEdit f) => [.. f.Edits.Select(e => new LspTextEdit(
            f.Creates ? new Range(new Position(0, 0), new Position(0, 0)) : Range(mapper, f.Path, e.Span), e.NewText))];
        if (documentChanges)
        {
            var changes = new List<DocumentChange>();
            foreach (var f in edits)
            {
                if (f.Creates)
                    changes.Add(new CreateFile(DocumentUri.FromPath(f.Path), new CreateFileOptions(Overwrite: false, IgnoreIfExists: false)));
                changes.Add(new TextDocumentEdit(
                    new OptionalVersionedTextDocumentIdentifier(DocumentUri.FromPath(f.Path), !f.Creates && snapshot.Versions.TryGetValue(f.Path, out var v) ? v : null),
                    Edits(f)));
            }
            return new WorkspaceEdit(DocumentChanges: [.. changes]);
        }
        return new WorkspaceEdit(Changes: edits.ToDictionary(f => DocumentUri.FromPath(f.Path), Edits, StringComparer.Ordinal));
    }

    public static ServerStatusParams Status(bool indexing, bool trusted, IndexStatus? status, int files)
    {
        var trust = trusted ? "trusted workspace" : "untrusted workspace: navigation and diagnostics only";
        var message = indexing
            ? $"Indexing… ({trust})"
            : $"{files} files, {status?.Bindings ?? 0} bindings, {status?.Exports ?? 0} exports ({trust})";
        return new ServerStatusParams("ok", indexing, message);
    }
}
