using HybridLsp.Ide;
using HybridLsp.Server.Workspace;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridLsp.Server.Tests;

/// <summary>Reading a workspace from disk: whatever is on disk, the walk ends and every file is text or a reason.</summary>
public sealed class WorkspaceLoaderTests
{
    private static WorkspaceChange Load(TempDirectory dir) => new WorkspaceLoader(NullLogger.Instance).Load(dir.Path);

    private static FileChange Single(WorkspaceChange change, string suffix) => Assert.Single(change.Files, f => f.Path.EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public void Reads_workspace_files_with_absolute_slash_paths_and_skips_build_folders()
    {
        using var dir = new TempDirectory();
        dir.Write("app/App.csproj", "<Project />");
        dir.Write("app/Native.cs", "class N { }");
        dir.Write("app/obj/Gen.cs", "class G { }");
        dir.Write("native/target/debug/build.rs", "fn main() {}");
        dir.Write("native/src/lib.rs", "fn f() {}");
        dir.Write("notes.txt", "no");
        var change = Load(dir);
        Assert.Equal(
            new[] { "app/App.csproj", "app/Native.cs", "native/src/lib.rs" },
            change.Files.Select(f => f.Path[(dir.EnginePath.Length + 1)..]).Order(StringComparer.Ordinal));
        Assert.All(change.Files, f => Assert.StartsWith(dir.EnginePath + "/", f.Path));
        Assert.All(change.Files, f => Assert.DoesNotContain('\\', f.Path));
    }

    [Theory]
    [InlineData(0, "")]            // seen empty by the walk: not opened (a FIFO would block)
    [InlineData(5, "abcdefghij")]  // grew after the walk: read to its end
    [InlineData(10, "abcdefghij")] // exactly the size the walk saw
    [InlineData(64, "abcdefghij")] // shrank after the walk: what is there
    public void A_walked_file_is_read_to_its_end_whatever_size_the_walk_saw(long walked, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("a.rs", "abcdefghij");
        Assert.Equal(expected, WorkspaceLoader.Read(Path.Combine(dir.Path, "a.rs"), walked).Text);
    }

    [Fact]
    public void A_file_that_doubles_its_buffer_several_times_is_read_whole()
    {
        using var dir = new TempDirectory();
        var text = new string('x', 100_000);
        dir.Write("big.rs", text);
        Assert.Equal(text, WorkspaceLoader.Read(Path.Combine(dir.Path, "big.rs"), 3).Text);
    }

    [Fact]
    public void Binary_files_are_unreadable_with_a_reason()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("Bin.cs", [(byte)'c', 0, (byte)'x']);
        var file = Single(Load(dir), "Bin.cs");
        Assert.Null(file.Text);
        Assert.Equal("binary file", file.UnreadableReason);
    }

    [Fact]
    public void Invalid_utf8_is_decoded_with_replacement_and_a_bom_is_dropped()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("a.rs", [0xEF, 0xBB, 0xBF, (byte)'f', (byte)'n', 0xFF, (byte)'x']);
        var file = Single(Load(dir), "a.rs");
        Assert.Equal("fn\uFFFDx", file.Text);
    }

    [Fact]
    public void Files_larger_than_64_MB_are_not_read()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "Huge.cs");
        using (var stream = File.Create(path))
            stream.SetLength(65L * 1024 * 1024); // sparse where the file system allows it
        var file = Single(Load(dir), "Huge.cs");
        Assert.Null(file.Text);
        Assert.Equal("too large to read (65 MB)", file.UnreadableReason);
    }

    [Fact]
    public void Symlink_loops_terminate_and_each_real_folder_is_read_once()
    {
        using var dir = new TempDirectory();
        dir.Write("a/A.cs", "class A { }");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "a", "loop"), Path.Combine(dir.Path, "a"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "alias"), Path.Combine(dir.Path, "a"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "dangling"), Path.Combine(dir.Path, "nowhere"));
        var change = Load(dir);
        Assert.Single(change.Files, f => f.Path.EndsWith("/A.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_vanished_is_a_removal_when_read_alone()
    {
        using var dir = new TempDirectory();
        var change = WorkspaceLoader.ReadFile(Path.Combine(dir.Path, "gone.cs"));
        Assert.True(change.IsRemoved);
        var walked = WorkspaceLoader.ReadWalkedFile(Path.Combine(dir.Path, "gone.cs"));
        Assert.Equal("deleted while reading", walked.UnreadableReason);
    }

    [Fact]
    public void Unreadable_files_carry_the_reason()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
            return; // root reads everything; Windows has no chmod — nothing to observe there
        using var dir = new TempDirectory();
        var path = dir.Write("Secret.cs", "class S { }");
        File.SetUnixFileMode(path, UnixFileMode.None);
        var file = Single(Load(dir), "Secret.cs");
        Assert.Null(file.Text);
        Assert.False(string.IsNullOrEmpty(file.UnreadableReason));
    }
}
