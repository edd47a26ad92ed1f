using System.Text;
using HybridLsp.Server.Lsp;
using HybridLsp.Server.Protocol;
using Range = HybridLsp.Server.Protocol.Range;

namespace HybridLsp.Server.Tests;

/// <summary>URIs, position encodings, content changes and framing: the server's own conversions, in process.</summary>
public sealed class ProtocolConversionTests
{
    [Theory]
    [InlineData("/home/me/a b/Ünï.cs", "file:///home/me/a%20b/%C3%9Cn%C3%AF.cs")]
    [InlineData("/x/c#/y%z.rs", "file:///x/c%23/y%25z.rs")]
    [InlineData("C:/work/App.cs", "file:///C%3A/work/App.cs")]
    public void Paths_and_file_uris_round_trip(string path, string uri)
    {
        Assert.Equal(uri, DocumentUri.FromPath(path));
        Assert.Equal(path, DocumentUri.ToPath(uri));
    }

    [Theory]
    [InlineData("file:///C:/work/App.cs", "C:/work/App.cs")]
    [InlineData("file:///c%3A/work/App.cs", "C:/work/App.cs")]
    [InlineData("file://localhost/tmp/x.cs", "/tmp/x.cs")]
    [InlineData("untitled:Untitled-1", null)]
    [InlineData("https://example.com/x.cs", null)]
    public void Uris_from_other_clients_are_tolerated(string uri, string? path)
        => Assert.Equal(path, DocumentUri.ToPath(uri));

    [Fact]
    public void Incremental_changes_apply_in_order_with_utf16_ranges()
    {
        var text = "a😀b\nsecond\n";
        var changed = FromLsp.ApplyContentChanges(text,
        [
            new TextDocumentContentChangeEvent("X", new Range(new Position(0, 3), new Position(0, 4))), // 'b' after a surrogate pair
            new TextDocumentContentChangeEvent("2nd", new Range(new Position(1, 0), new Position(1, 6))),
            new TextDocumentContentChangeEvent("!", new Range(new Position(9, 0), new Position(9, 0))), // past the end: clamped
        ], PositionEncoding.Utf16);
        Assert.Equal("a😀X\n2nd\n!", changed);
    }

    [Fact]
    public void A_change_without_range_replaces_the_text()
        => Assert.Equal("new", FromLsp.ApplyContentChanges("old", [new TextDocumentContentChangeEvent("new")], PositionEncoding.Utf16));

    [Theory]
    [InlineData(PositionEncoding.Utf8, 6)]
    [InlineData(PositionEncoding.Utf32, 2)]
    [InlineData(PositionEncoding.Utf16, 3)]
    public void Other_encodings_count_their_own_units(PositionEncoding encoding, int characterOfB)
    {
        var changed = FromLsp.ApplyContentChanges("é😀b", [new TextDocumentContentChangeEvent("X", new Range(new Position(0, characterOfB), new Position(0, characterOfB + 1)))], encoding);
        Assert.Equal("é😀X", changed);
    }

    [Fact]
    public async Task Frame_reader_resynchronises_after_a_bad_header()
    {
        var wire = "Content-Length: abc\r\n\r\n{\"x\":1}Content-Length: 2\r\n\r\n{}Content-Length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]";
        var reader = new FrameReader(new MemoryStream(Encoding.ASCII.GetBytes(wire)));
        var frames = new List<Frame>();
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
            frames.Add(frame);
        Assert.Equal(3, frames.Count);
        Assert.NotNull(frames[0].HeaderError);
        Assert.Equal("{}", Encoding.ASCII.GetString(frames[1].Body!));
        Assert.Equal("[1]", Encoding.ASCII.GetString(frames[2].Body!));
    }

    [Fact]
    public async Task Frame_reader_ends_at_a_truncated_body()
    {
        var reader = new FrameReader(new MemoryStream("Content-Length: 10\r\n\r\n{}"u8.ToArray()));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }
}
