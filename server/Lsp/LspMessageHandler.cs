using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace HybridLsp.Server.Lsp;

/// <summary>
/// LSP base protocol framing for StreamJsonRpc. Unlike <see cref="HeaderDelimitedMessageHandler"/>, a malformed
/// message (bad header, invalid JSON, a body that is not a JSON-RPC message) is answered with a JSON-RPC error
/// (ParseError / InvalidRequest, with a null id when none can be read) and reading goes on: the connection
/// stays up (DESIGN §4.3).
/// </summary>
public sealed partial class LspMessageHandler(Stream output, Stream input, SystemTextJsonFormatter formatter, ILogger logger) : IJsonRpcMessageHandler
{
    private readonly FrameReader _reader = new(input);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _outgoingRequests = new(StringComparer.Ordinal);

    public bool CanRead => true;

    public bool CanWrite => true;

    public IJsonRpcMessageFormatter Formatter => formatter;

    public async ValueTask<JsonRpcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } frame)
                return null;
            if (frame.Body is not { } body)
            {
                logger.LogWarning("Malformed message header: {Reason}", frame.HeaderError);
                await WriteErrorAsync(null, JsonRpcErrorCode.ParseError, "Parse error: " + frame.HeaderError, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var problem = Validate(body, out var responseId);
            if (problem is null && responseId is not null && !_outgoingRequests.TryRemove(responseId, out _))
            {
                // StreamJsonRpc ends the connection on a response it did not ask for; a stray response is ignored instead.
                logger.LogWarning("Ignored a response to unknown request {Id}", responseId);
                continue;
            }
            if (problem is not null)
            {
                logger.LogWarning("Malformed message: {Reason}", problem.Message);
                await WriteErrorAsync(problem.Id, problem.Code, problem.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }
            try
            {
                return formatter.Deserialize(new ReadOnlySequence<byte>(body));
            }
            catch (Exception e)
            {
                logger.LogWarning("Malformed message: {Reason}", e.Message);
                await WriteErrorAsync(ReadId(body), JsonRpcErrorCode.InvalidRequest, "Invalid request: " + e.Message, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask WriteAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request && IdKey(request.RequestId) is { } key)
            _outgoingRequests[key] = 0;
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            formatter.Serialize(buffer, content);
        }
        catch (Exception e) when (content is IJsonRpcMessageWithId { RequestId: var id } && content is not JsonRpcRequest)
        {
            // A result or error the formatter cannot write must not end the connection: answer InternalError instead.
            logger.LogError(e, "Cannot serialise the response to {Id}", id);
            JsonElement? idElement = id.String is { } text ? JsonSerializer.SerializeToElement(text, JsonContext.Default.String)
                : id.Number is { } number ? JsonSerializer.SerializeToElement(number, JsonContext.Default.Int64) : null;
            await WriteErrorAsync(idElement, JsonRpcErrorCode.InternalError, "Internal error: the response could not be serialised", cancellationToken).ConfigureAwait(false);
            return;
        }
        await WriteFrameAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    [System.Text.Json.Serialization.JsonSerializable(typeof(string))]
    [System.Text.Json.Serialization.JsonSerializable(typeof(long))]
    private sealed partial class JsonContext : System.Text.Json.Serialization.JsonSerializerContext;

    private sealed record Problem(JsonElement? Id, JsonRpcErrorCode Code, string Message);

    /// <summary>Null when the body is a JSON-RPC message; <paramref name="responseId"/> is the id key of a response.</summary>
    private static Problem? Validate(byte[] body, out string? responseId)
    {
        responseId = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new Problem(null, JsonRpcErrorCode.ParseError, "Parse error: " + e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new Problem(null, JsonRpcErrorCode.InvalidRequest, "Invalid request: a message must be a JSON object");
            JsonElement? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String
                ? idElement.Clone()
                : null;
            var hasMethod = root.TryGetProperty("method", out var method);
            if (hasMethod && method.ValueKind != JsonValueKind.String)
                return new Problem(id, JsonRpcErrorCode.InvalidRequest, "Invalid request: 'method' must be a string");
            if (!hasMethod)
            {
                if (!root.TryGetProperty("result", out _) && !root.TryGetProperty("error", out _))
                    return new Problem(id, JsonRpcErrorCode.InvalidRequest, "Invalid request: no 'method', 'result' or 'error'");
                responseId = id is { } rid ? IdKey(rid) : "";
                return null;
            }
            if (root.TryGetProperty("params", out var p) && p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                return new Problem(id, JsonRpcErrorCode.InvalidParams, "Invalid params: 'params' must be an object or an array");
            return null;
        }
    }

    private static string IdKey(JsonElement id)
        => id.ValueKind == JsonValueKind.String ? "\"" + id.GetString() : id.GetRawText();

    private static string? IdKey(RequestId id)
        => id.String is { } s ? "\"" + s : id.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : null;

    private static JsonElement? ReadId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
                ? id.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async ValueTask WriteErrorAsync(JsonElement? id, JsonRpcErrorCode code, string message, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            if (id is { } value)
                value.WriteTo(w);
            else
                w.WriteNullValue();
            w.WriteStartObject("error");
            w.WriteNumber("code", (int)code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        await WriteFrameAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
