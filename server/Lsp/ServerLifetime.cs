namespace HybridLsp.Server.Lsp;

/// <summary>Ends `serve`: the exit notification sets the process exit code.</summary>
public sealed class ServerLifetime
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> Exited => _exit.Task;

    public void Exit(int code) => _exit.TrySetResult(code);
}
