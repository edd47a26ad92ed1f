using System.Text;

namespace HybridLsp.Server.Lsp;

/// <summary>One frame read from the wire: a body, or why the header block was unusable.</summary>
public readonly record struct Frame(byte[]? Body, string? HeaderError);

/// <summary>
/// Reads `Content-Length`-framed messages from a stream. A bad header block yields one <see cref="Frame.HeaderError"/>
/// and the reader resynchronises on the next `Content-Length:` header, so a broken message never ends the connection.
/// </summary>
public sealed class FrameReader(Stream input)
{
    private const int MaxHeaderLine = 8 * 1024;
    public const int MaxBody = 512 * 1024 * 1024;
    private const int InitialBody = 1024 * 1024;
    private static readonly byte[] s_contentLength = "content-length:"u8.ToArray();

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _resync;

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        string? error = null;
        var sawHeader = false;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
                return null;
            if (_resync)
            {
                var at = IndexOfContentLength(line);
                if (at < 0)
                    continue;
                _resync = false;
                line = line[at..];
            }
            else if (!sawHeader && IndexOfContentLength(line) is > 0 and var junk)
            {
                // The tail of a body longer or shorter than its Content-Length runs into the next header (bodies end
                // without a newline): the junk before the header was already answered, so the next message is kept.
                line = line[junk..];
            }
            if (line.Length == 0)
            {
                if (!sawHeader)
                    continue; // stray blank lines between messages
                break;
            }
            sawHeader = true;
            var colon = Array.IndexOf(line, (byte)':');
            if (colon <= 0)
            {
                error ??= "malformed header line";
                continue;
            }
            var name = Encoding.ASCII.GetString(line, 0, colon).Trim();
            var value = Encoding.ASCII.GetString(line, colon + 1, line.Length - colon - 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= MaxBody)
                    length = n;
                else
                    error ??= $"invalid Content-Length '{value}'";
            }
        }
        if (length is not { } bodyLength)
        {
            _resync = true;
            return new Frame(null, error ?? "missing Content-Length header");
        }
        var body = await ReadExactAsync(bodyLength, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return null;
        return error is null ? new Frame(body, null) : new Frame(null, error);
    }

    private static int IndexOfContentLength(byte[] line)
    {
        for (var i = 0; i + s_contentLength.Length <= line.Length; i++)
        {
            var match = true;
            for (var j = 0; j < s_contentLength.Length && match; j++)
                match = char.ToLowerInvariant((char)line[i + j]) == s_contentLength[j];
            if (match)
                return i;
        }
        return -1;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            return true;
        var n = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += n;
        return n > 0;
    }

    /// <summary>A line without its terminator (\r\n or \n); an over-long line is cut. Null at the end of the stream.</summary>
    private async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0 || span.Length >= MaxHeaderLine)
            {
                var take = nl >= 0 ? nl : span.Length;
                var lineSpan = span[..take];
                if (lineSpan.Length > 0 && lineSpan[^1] == (byte)'\r')
                    lineSpan = lineSpan[..^1];
                var line = lineSpan.ToArray();
                _start += nl >= 0 ? nl + 1 : take;
                return line;
            }
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_end > _start)
                {
                    var rest = _buffer.AsSpan(_start, _end - _start).ToArray();
                    _start = _end;
                    return rest;
                }
                return null;
            }
        }
    }

    /// <summary>
    /// The body grows as bytes arrive (doubling, from at most 1 MB): a header that claims hundreds of megabytes
    /// costs memory only for what the client really sends.
    /// </summary>
    private async ValueTask<byte[]?> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var body = new byte[Math.Min(count, InitialBody)];
        var filled = Math.Min(count, _end - _start);
        if (filled > body.Length)
            Array.Resize(ref body, filled);
        Buffer.BlockCopy(_buffer, _start, body, 0, filled);
        _start += filled;
        while (filled < count)
        {
            if (filled == body.Length)
                Array.Resize(ref body, (int)Math.Min(count, 2L * body.Length));
            var n = await input.ReadAsync(body.AsMemory(filled, body.Length - filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                return null;
            filled += n;
        }
        return body;
    }
}
