using System.Buffers;
using System.Diagnostics;
using System.Text;
using HybridLsp.Ide;
using Microsoft.Extensions.Logging;

namespace HybridLsp.Server.Workspace;

/// <summary>
/// Reads a workspace folder into a <see cref="WorkspaceChange"/>: an iterative walk that skips the engine's skipped
/// folders and never enters a directory (by its resolved real path) twice, so symlink loops terminate. Any file
/// that cannot be read becomes <see cref="FileChange.Unreadable"/> with the reason; nothing here throws for a
/// file's content.
/// </summary>
public sealed class WorkspaceLoader(ILogger logger)
{
    public const long MaxReadBytes = 64L * 1024 * 1024;
    private const int BinaryProbeBytes = 8 * 1024;
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <param name="filesFound">Called once the walk is done, with the number of files about to be read.</param>
    public WorkspaceChange Load(string root, CancellationToken cancellationToken = default, Action<int>? filesFound = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = Walk(root, cancellationToken);
        filesFound?.Invoke(files.Count);
        var results = new FileChange[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = ReadWalkedFile(files[i].Path, files[i].Length));
        logger.LogInformation("Indexed {FileCount} files in {ElapsedMs} ms", results.Length, stopwatch.ElapsedMilliseconds);
        return new WorkspaceChange([.. results]);
    }

    /// <summary>The workspace files under root, absolute with '/' separators, in a stable order.</summary>
    public List<string> EnumerateFiles(string root, CancellationToken cancellationToken = default)
        => [.. Walk(root, cancellationToken).Select(f => f.Path)];

    /// <summary>The workspace files under root in ordinal path order, each with its size as the walk saw it (null: unknown).</summary>
    private List<(string Path, long? Length)> Walk(string root, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, long? Length)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string RealPath)>();
        var rootFull = System.IO.Path.GetFullPath(root);
        pending.Push((rootFull, RealPath(new DirectoryInfo(rootFull))));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, real) = pending.Pop();
            if (!visited.Add(real))
                continue;
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                logger.LogWarning("Cannot list {Directory}: {Reason}", dir, e.Message);
                continue;
            }
            Array.Sort(entries, (a, b) => string.CompareOrdinal(b.Name, a.Name)); // reversed: the stack pops in name order
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    if (AnalysisHost.IsSkippedDirectory(sub.Name))
                        continue;
                    var subReal = sub.LinkTarget is null ? real.TrimEnd('/') + "/" + sub.Name : RealPath(sub);
                    if (!visited.Contains(subReal))
                        pending.Push((sub.FullName, subReal));
                }
                else if (AnalysisHost.IsWorkspaceFile(entry.FullName))
                {
                    files.Add((Normalize(entry.FullName), LengthOf((FileInfo)entry)));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    // The size the directory listing's stat gives (a link is followed); null when the file vanished or cannot be stat'ed.
    private static long? LengthOf(FileInfo file)
    {
        try
        {
            return file.Exists ? file.Length : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string RealPath(DirectoryInfo dir)
    {
        try
        {
            if (dir.LinkTarget is not null && dir.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return Normalize(System.IO.Path.GetFullPath(target.FullName));
        }
        catch (IOException)
        {
            // A dangling or looping link: use its own path; listing it fails later and is logged.
        }
        return Normalize(dir.FullName);
    }

    public static string Normalize(string path) => Protocol.DocumentUri.NormalizeDriveLetter(path.Replace('\\', '/'));

    /// <summary>
    /// Reads the files the configuration names besides the workspace files (the `baseline =` file), so the engine, which
    /// does no IO, sees them like any other file. Empty when the snapshot's configuration names none.
    /// </summary>
    public static WorkspaceChange ReadConfiguredInputs(Analysis analysis) =>
        new([.. analysis.ConfiguredInputs.Select(ReadFile)]);

    /// <summary>Reads one file's current state from disk (a removal when it does not exist).</summary>
    public static FileChange ReadFile(string path) => Read(path, null);

    /// <summary>Like <see cref="ReadFile"/>, but a file that vanished mid-walk is reported unreadable rather than removed.</summary>
    public static FileChange ReadWalkedFile(string path) => ReadWalkedFile(path, null);

    private static FileChange ReadWalkedFile(string path, long? length)
    {
        var change = Read(path, length);
        return change.IsRemoved ? FileChange.Unreadable(path, "deleted while reading") : change;
    }

    /// <summary>
    /// <paramref name="knownLength"/>: the size the walk saw, which spares a stat (a workspace has thousands of files, and
    /// each system call counts); the file is read to its end whatever its size is by then.
    /// </summary>
    internal static FileChange Read(string path, long? knownLength)
    {
        try
        {
            // A FIFO (or a link to one) reports no length, and opening it blocks until a writer appears: the walk
            // would hang. Nothing of length 0 needs opening, so it is never opened.
            var length = knownLength ?? (new FileInfo(path) is { Exists: true } info ? info.Length : -1);
            if (length == 0)
                return new FileChange(path, "");
            if (length < 0)
                return FileChange.Removed(path);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (length > MaxReadBytes)
                return FileChange.Unreadable(path, $"too large to read ({length / (1024 * 1024)} MB)");
            // One byte more than expected: a file that grew since the walk is noticed without another stat. The bytes go to
            // a pooled buffer (only the text is kept), so reading thousands of files allocates their text and nothing else.
            var bytes = ArrayPool<byte>.Shared.Rent((int)length + 1);
            try
            {
                var read = 0;
                while (true)
                {
                    if (read == bytes.Length)
                    {
                        if (bytes.Length > MaxReadBytes)
                            return FileChange.Unreadable(path, $"too large to read ({bytes.Length / (1024 * 1024)} MB)");
                        var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                        bytes.AsSpan().CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(bytes);
                        bytes = larger;
                    }
                    var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                    read += n;
                    // A regular file reads short only at its end (or truncated while reading: use what is there).
                    if (n == 0 || read < bytes.Length)
                        break;
                }
                var content = bytes.AsSpan(0, read);
                if (content[..Math.Min(content.Length, BinaryProbeBytes)].Contains((byte)0))
                    return FileChange.Unreadable(path, "binary file");
                if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    content = content[3..];
                return new FileChange(path, s_utf8.GetString(content));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return File.Exists(path) ? FileChange.Unreadable(path, e.Message) : FileChange.Removed(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileChange.Unreadable(path, e.Message);
        }
    }
}
