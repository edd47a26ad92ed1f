namespace HybridLsp.Server.Protocol;

// Custom protocol, documented in server/LSP-EXTENSIONS.md.

/// <summary>`hybridLsp/serverStatus` notification.</summary>
public sealed record ServerStatusParams(string Health, bool Indexing, string Message);

/// <summary>`hybridLsp/reindex` request parameters (none today; an object or null is accepted).</summary>
public sealed record ReindexParams;

public sealed record ReindexResult(int Files);
