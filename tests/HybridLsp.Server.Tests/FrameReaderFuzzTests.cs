using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HybridLsp.Server.Lsp;
using HybridLsp.Tests.Fuzzing;
using Microsoft.Extensions.Logging.Abstractions;
using StreamJsonRpc;

namespace HybridLsp.Server.Tests;

/// <summary>
/// The server's LSP message reader (<see cref="FrameReader"/> under <see cref="LspMessageHandler"/>, with the
/// server's formatter settings) under the shared <see cref="Fuzz"/> harness: mutated streams of real messages and
/// random bytes must end in messages or error answers, never an exception, a hang or unbounded memory.
/// </summary>
public sealed class FrameReaderFuzzTests
{
    private static readonly string[] s_messages =
    [
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":1,"rootUri":"file:///ws","capabilities":{"general":{"positionEncodings":["utf-16"]}}}}""",
        """{"jsonrpc":"2.0","method":"initialized","params":{}}""",
        """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///ws/A.cs","languageId":"csharp","version":1,"text":"using System.Runtime.InteropServices;\nstatic class N { [DllImport(\"m\")] static extern int f(int a); } // é😀"}}}""",
        """{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///ws/A.cs","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":5}},"text":"x"}]}}""",
        """{"jsonrpc":"2.0","id":"h","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///ws/A.cs"},"position":{"line":1,"character":40}}}""",
        """{"jsonrpc":"2.0","id":7,"result":null}""",
        """{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}""",
        """{"jsonrpc":"2.0","id":[1],"method":5,"params":"x"}""",
    ];

    private static IReadOnlyList<byte[]> Seeds()
    {
        var seeds = new List<byte[]>();
        for (var n = 1; n <= s_messages.Length; n++)
        {
            var stream = new List<byte>();
            foreach (var m in s_messages.Take(n))
            {
                var body = Encoding.UTF8.GetBytes(m);
                stream.AddRange(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"));
                stream.AddRange(body);
            }
            seeds.Add([.. stream]);
        }
        return seeds;
    }

    private static SystemTextJsonFormatter Formatter()
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions = new JsonSerializerOptions(formatter.JsonSerializerOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        return formatter;
    }

    [Fact]
    public void Lsp_message_reader()
    {
        var formatter = Formatter();
        var report = Fuzz.RunBytes("lsp-frames", Seeds(), bytes =>
        {
            var output = new MemoryStream();
            var handler = new LspMessageHandler(output, new MemoryStream(bytes), formatter, NullLogger.Instance);
            var messages = 0;
            // Every read consumes input, so the loop ends at the end of the stream.
            while (handler.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is not null)
                messages++;
            return (messages, output.Length);
        });
        Assert.True(report.Cases > 0);
    }

    [Fact]
    public void Frame_reader_alone_returns_a_frame_or_an_error_for_every_header_block()
    {
        var report = Fuzz.RunBytes("frame-reader", Seeds(), bytes =>
        {
            var reader = new FrameReader(new MemoryStream(bytes));
            var frames = 0;
            while (reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } frame)
            {
                Assert.True(frame.Body is not null ^ frame.HeaderError is not null);
                frames++;
            }
            return frames;
        });
        Assert.True(report.Cases > 0);
    }
}
