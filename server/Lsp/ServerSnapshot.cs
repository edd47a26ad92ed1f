using HybridLsp.Ide;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Lsp;

/// <summary>One immutable view for a request: the analysis snapshot, how positions are encoded, what the client supports.</summary>
public sealed record ServerSnapshot(Analysis Analysis, PositionEncoding Encoding, bool LinkSupport)
{
    public PositionMapper CreateMapper() => new(Analysis, Encoding);

    /// <summary>The client's version of each open document, as of this snapshot (versioned workspace edits).</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, int> Versions { get; init; } = System.Collections.Immutable.ImmutableDictionary<string, int>.Empty;

    /// <summary>The client applies `documentChanges` in a WorkspaceEdit.</summary>
    public bool DocumentChangesSupport { get; init; }
    public bool CreateFileSupport { get; init; }

    /// <summary>Code actions go out without their edit; `codeAction/resolve` computes it.</summary>
    public bool CodeActionResolveSupport { get; init; }
    /// <summary>The client shows `disabled` actions (LSP 3.16); otherwise they are not sent.</summary>
    public bool CodeActionDisabledSupport { get; init; }
}
