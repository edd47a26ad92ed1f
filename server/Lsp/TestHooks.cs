namespace HybridLsp.Server.Lsp;

/// <summary>
/// Fault injection for the real-process tests (tests/HybridLsp.Server.Tests), off unless the server's environment
/// has <c>HYBRID_LSP_TEST_HOOKS=1</c>. With it, a `workspace/symbol` query of <see cref="ThrowQuery"/> throws inside
/// its handler and one of <see cref="HangQuery"/> runs until cancelled — the real request path, so tests can prove
/// that an unexpected exception becomes an error response plus a log entry and that `$/cancelRequest` answers
/// RequestCancelled. Without the variable both are ordinary queries that match nothing.
/// </summary>
internal static class TestHooks
{
    public const string Variable = "HYBRID_LSP_TEST_HOOKS";
    public const string ThrowQuery = "hybridLsp.test:throw";
    public const string HangQuery = "hybridLsp.test:hang";

    private static readonly bool s_enabled = Environment.GetEnvironmentVariable(Variable) == "1";

    public static async ValueTask RunAsync(string query, CancellationToken cancellationToken)
    {
        if (!s_enabled)
            return;
        if (query == ThrowQuery)
            throw new InvalidOperationException("test hook: injected failure in the workspace/symbol handler");
        if (query == HangQuery)
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }
}
