using HybridLsp.Ide;
using HybridLsp.Server.Protocol;

namespace HybridLsp.Server.Lsp;

/// <summary>One immutable view for a request: the analysis snapshot, how positions are encoded, what the client supports.</summary>
public sealed record ServerSnapshot(Analysis Analysis, PositionEncoding Encoding, bool LinkSupport)
{
    public PositionMapper CreateMapper() => new(Analysis, Encoding);
}
