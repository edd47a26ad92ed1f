using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HybridLsp.Server.Tests;

/// <summary>
/// A minimal LSP client over the real server's stdio: Content-Length framing, requests matched by id, every
/// notification kept, server requests answered with a null result. Every wait has a timeout; nothing sleeps.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = new();
    private readonly List<JsonObject> _serverRequests = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readLoop;
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
                _stderr.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public static LspClient Start(string? logFile = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        logFile ??= Path.Combine(Path.GetTempPath(), "hybrid-lsp-tests", $"server-{Guid.NewGuid():N}.log");
        return new LspClient(ServerProcess.Start(["serve", "--stdio", "--log-file", logFile], environment: environment));
    }

    /// <summary>The server's process id (for /proc inspection).</summary>
    public int ProcessId => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>The result this client sends for a request from the server (default: null for every request).</summary>
    public Func<JsonObject, JsonNode?>? AnswerServerRequest { get; set; }

    public IReadOnlyList<JsonObject> ServerRequests
    {
        get
        {
            lock (_notifications)
                return _serverRequests.ToList();
        }
    }

    /// <summary>initialize (with the given capabilities and root) then initialized.</summary>
    public async Task<JsonObject> InitializeAsync(string? rootPath = null, JsonObject? capabilities = null, JsonObject? initializationOptions = null)
    {
        var p = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = capabilities ?? new JsonObject(),
        };
        if (initializationOptions is not null)
            p["initializationOptions"] = initializationOptions;
        var response = await RequestAsync("initialize", p);
        await NotifyAsync("initialized", new JsonObject());
        return response;
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var task = StartRequest(id, method, parameters);
        return await task.WaitAsync(timeout ?? ServerProcess.Timeout);
    }

    /// <summary>Sends a request and returns its id and the pending response (to cancel it in between).</summary>
    public (int Id, Task<JsonObject> Response) StartRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        return (id, StartRequest(id, method, parameters));
    }

    private Task<JsonObject> StartRequest(int id, string method, JsonNode? parameters)
    {
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
            _pending[id.ToString(CultureInfo.InvariantCulture)] = tcs;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
            message["params"] = parameters;
        _ = SendAsync(message);
        return tcs.Task;
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
            message["params"] = parameters;
        return SendAsync(message);
    }

    public Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        return SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    /// <summary>Writes bytes as they are: for malformed frames.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(bytes);
            await _stdin.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Waits for a response with the given id (null id: an error response to an unreadable message).</summary>
    public Task<JsonObject> WaitForResponseAsync(string idKey)
    {
        TaskCompletionSource<JsonObject> tcs;
        lock (_pending)
        {
            if (!_pending.TryGetValue(idKey, out tcs!))
                _pending[idKey] = tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return tcs.Task.WaitAsync(ServerProcess.Timeout);
    }

    /// <summary>The first notification (received before or after the call) with this method that matches.</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? ServerProcess.Timeout);
        while (true)
        {
            Task received;
            lock (_notifications)
            {
                var found = _notifications.FirstOrDefault(n => (string?)n["method"] == method && (match?.Invoke(n) ?? true));
                if (found is not null)
                    return found;
                received = _received.Task;
            }
            try
            {
                await received.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no '{method}' notification; stderr:\n{Stderr}");
            }
        }
    }

    public IReadOnlyList<JsonObject> Notifications(string method)
    {
        lock (_notifications)
            return _notifications.Where(n => (string?)n["method"] == method).ToList();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var cts = new CancellationTokenSource(ServerProcess.Timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public void CloseInput() => _stdin.Close();

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                if (message["method"] is not null && message["id"] is not null)
                {
                    lock (_notifications)
                        _serverRequests.Add(message);
                    var answer = AnswerServerRequest?.Invoke(message);
                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = answer });
                }
                else if (message["method"] is not null)
                {
                    lock (_notifications)
                    {
                        _notifications.Add(message);
                        var old = _received;
                        _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        old.SetResult();
                    }
                }
                else
                {
                    var key = message["id"]?.ToJsonString().Trim('"') ?? "null";
                    TaskCompletionSource<JsonObject> tcs;
                    lock (_pending)
                    {
                        if (!_pending.Remove(key, out tcs!))
                            _pending[key] = tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                    tcs.TrySetResult(message);
                }
            }
        }
        catch (Exception) when (_process.HasExited)
        {
        }
    }

    private async Task<JsonObject?> ReadMessageAsync()
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await _stdout.ReadAsync(one) == 0)
                return null;
            header.Add(one[0]);
        }
        var length = Encoding.ASCII.GetString(header.ToArray()).Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .Single();
        var body = new byte[length];
        await _stdout.ReadExactlyAsync(body);
        return (JsonObject)JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }
        try
        {
            await _readLoop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
        }
        _process.Dispose();
    }
}
