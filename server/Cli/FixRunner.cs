using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Server.Workspace;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Server.Cli;

/// <summary>
/// `check --fix`: applies the engine's fix-all (only certain fixes: the same edits as `source.fixAll.hybridLsp` in the
/// editor) to every file with a fixable finding, writes the files, re-reads them and repeats while fixes remain (a fix
/// can uncover another: an exported function then has its types compared). Writes only files under the workspace root.
/// </summary>
internal static class FixRunner
{
    private const int MaxRounds = 5;

    /// <summary>The outcome: findings fixed, files written, and files that could not be written.</summary>
    public sealed record Result(int Fixed, int FilesWritten, IReadOnlyList<string> Failures);

    public static Result Run(AnalysisHost host, string root, CancellationToken cancellationToken)
    {
        var fixedCount = 0;
        var written = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var prefix = root.TrimEnd('/') + "/";
        for (var round = 0; round < MaxRounds; round++)
        {
            var analysis = host.Snapshot();
            var fixable = analysis.CheckDiagnostics(cancellationToken).Where(d => d.HasFix).ToList();
            if (fixable.Count == 0)
                break;
            var accepted = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
            var codes = 0;
            foreach (var path in fixable.Select(d => d.Path).Distinct(StringComparer.Ordinal))
            {
                if (analysis.FixAll(path, cancellationToken) is not { } action)
                    continue;
                // The same finding is offered from its C# file and its native mirror: keep the first, skip overlaps.
                if (action.Edits.Any(fe => !fe.Path.StartsWith(prefix, StringComparison.Ordinal) || fe.Creates
                    || accepted.TryGetValue(fe.Path, out var list) && fe.Edits.Any(e => list.Any(a => Overlaps(a.Span, e.Span)))))
                    continue;
                foreach (var fe in action.Edits)
                {
                    if (!accepted.TryGetValue(fe.Path, out var list))
                        accepted[fe.Path] = list = [];
                    list.AddRange(fe.Edits);
                }
                codes += action.Diagnostics.Length;
            }
            if (accepted.Count == 0)
                break;
            var changes = new List<FileChange>();
            foreach (var (path, edits) in accepted)
            {
                if (analysis.GetText(path) is not { } text)
                    continue;
                var updated = Apply(text, edits);
                try
                {
                    WriteKeepingBom(path, updated);
                    written.Add(path);
                    changes.Add(WorkspaceLoader.ReadFile(path));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add($"{path}: {e.Message}");
                }
            }
            if (changes.Count == 0)
                break;
            fixedCount += codes;
            host.ApplyChange(new WorkspaceChange([.. changes]));
        }
        return new Result(fixedCount, written.Count, failures);
    }

    private static string Apply(string text, List<TextEdit> edits)
    {
        var sb = new System.Text.StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.End))
            sb.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        return sb.ToString();
    }

    /// <summary>Writes UTF-8, with a byte order mark exactly when the file had one (the loader strips it when reading).</summary>
    private static void WriteKeepingBom(string path, string text)
    {
        var bom = false;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Span<byte> head = stackalloc byte[3];
            bom = stream.Read(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        }
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(bom));
    }

    private static bool Overlaps(TextSpan a, TextSpan b) =>
        a.Start < b.End && b.Start < a.End || a.Start == b.Start;
}
