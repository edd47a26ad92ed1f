using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace HybridLsp.Benchmarks;

/// <summary>
/// A minimal LSP client over a child process's stdin/stdout: Content-Length framing, request/response matching,
/// answers every server-to-client request with a null result, and signals the first publishDiagnostics.
/// </summary>
internal sealed class LspConnection : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly TaskCompletionSource _firstDiagnostics = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readLoop;
    private long _nextId;

    public LspConnection(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Starts the server with stdio redirected; stderr is drained and discarded.</summary>
    public static LspConnection Start(string server, params string[] args)
    {
        var psi = new ProcessStartInfo(server)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {server}");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new LspConnection(process);
    }

    public Task FirstDiagnostics => _firstDiagnostics.Task;

    /// <summary>The server's process id (for /proc/&lt;pid&gt;/status).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Called on the read loop for every server notification (method, params) after the built-in handling; keep it
    /// short. Set it before the notifications of interest can arrive.
    /// </summary>
    public Action<string, JsonNode?>? OnNotification { get; set; }

    public int DiagnosticsNotifications;

    public async Task<JsonNode> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
            message["params"] = parameters;
        await WriteAsync(message).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        return await tcs.Task.ConfigureAwait(false);
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
            message["params"] = parameters;
        return WriteAsync(message);
    }

    private async Task WriteAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffered = new BufferedStream(_output, 64 * 1024);
        try
        {
            while (true)
            {
                var length = await ReadHeadersAsync(buffered).ConfigureAwait(false);
                if (length < 0)
                    break;
                var body = new byte[length];
                await buffered.ReadExactlyAsync(body).ConfigureAwait(false);
                Dispatch(JsonNode.Parse(body) ?? throw new InvalidDataException("null message"));
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
        }
        finally
        {
            foreach (var tcs in _pending.Values)
                tcs.TrySetException(new IOException("server closed its output"));
            _firstDiagnostics.TrySetException(new IOException("server closed its output before publishing diagnostics"));
        }
    }

    /// <summary>Reads header lines up to the blank line; returns Content-Length, or -1 at end of stream.</summary>
    private static async Task<int> ReadHeadersAsync(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        var sawAny = false;
        while (true)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
                return sawAny ? throw new EndOfStreamException("end of stream inside headers") : -1;
            sawAny = true;
            if (one[0] != (byte)'\n')
            {
                if (one[0] != (byte)'\r')
                    line.Append((char)one[0]);
                continue;
            }
            if (line.Length == 0)
                return length >= 0 ? length : throw new InvalidDataException("message without Content-Length");
            var text = line.ToString();
            line.Clear();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && text[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(text[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void Dispatch(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null)
        {
            if (id is not null && _pending.TryRemove(id.GetValue<long>(), out var tcs))
                tcs.TrySetResult(message);
            return;
        }
        if (id is not null)
        {
            // A server-to-client request (e.g. window/workDoneProgress/create): answer it so the server never waits.
            var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = null };
            _ = WriteAsync(reply);
            return;
        }
        if (method == "textDocument/publishDiagnostics")
        {
            Interlocked.Increment(ref DiagnosticsNotifications);
            _firstDiagnostics.TrySetResult();
        }
        OnNotification?.Invoke(method, message["params"]);
    }

    /// <summary>shutdown + exit, then waits for the process; kills it if it lingers. Returns true on a clean exit.</summary>
    public async Task<bool> ShutdownAsync(TimeSpan timeout)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            await RequestAsync("shutdown", null, cts.Token).ConfigureAwait(false);
            await NotifyAsync("exit", null).ConfigureAwait(false);
            _input.Close();
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        await _readLoop.ConfigureAwait(false);
        _process.Dispose();
        _writeLock.Dispose();
    }
}
