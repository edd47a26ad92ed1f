using System.Text;
using HybridLsp.Ide;

namespace HybridLsp.Tests.Ide;

/// <summary>
/// The driver shared by the incremental == fresh tests: random sequences of edits applied to one host, compared after
/// (some of) the steps with a new host given the same files at once — diagnostics as `check` and the editor see them,
/// every binding with what it resolved to, and every call site.
/// </summary>
internal static class DifferentialHarness
{
    /// <summary>Replaces <paramref name="from"/> with <paramref name="to"/>, or back when the text has the latter.</summary>
    public static string? Toggle(string? text, string from, string to)
    {
        if (text is null)
            return null;
        if (from.Length > 0 && text.Contains(from, StringComparison.Ordinal))
            return text.Replace(from, to, StringComparison.Ordinal);
        if (to.Length > 0 && text.Contains(to, StringComparison.Ordinal))
            return text.Replace(to, from, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// <paramref name="steps"/> changes of 1 to <paramref name="maxEditsPerChange"/> edits each (some to open buffers),
    /// some builds cancelled part-way when <paramref name="cancelSome"/>, and only some snapshots queried, so that some
    /// builds start from a snapshot several changes back.
    /// </summary>
    public static void Run(string root, Dictionary<string, string> files, IReadOnlyList<(string Name, string Path, Func<string?, string?> Apply)> edits, int seed, int steps, int maxEditsPerChange, bool cancelSome)
    {
        var random = new Random(seed);
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        AssertSameAsFresh(root, host, files, "initial");

        for (var step = 0; step < steps; step++)
        {
            var changes = new List<FileChange>();
            var names = new List<string>();
            for (var k = random.Next(1, maxEditsPerChange + 1); k > 0; k--)
            {
                var edit = edits[random.Next(edits.Count)];
                var path = $"{root}/{edit.Path}";
                var after = edit.Apply(files.GetValueOrDefault(path));
                if (after is null)
                    files.Remove(path);
                else
                    files[path] = after;
                changes.RemoveAll(c => c.Path == path);
                changes.Add(after is null ? FileChange.Removed(path) : new FileChange(path, after, IsOpen: random.Next(2) == 0));
                names.Add(edit.Name);
            }
            host.ApplyChange(new WorkspaceChange([.. changes]));
            // A build cancelled part-way (a newer change superseded its query) must leave nothing half-built behind.
            if (cancelSome && random.Next(4) == 0)
            {
                using var cancel = new CancellationTokenSource();
                cancel.CancelAfter(random.Next(0, 3));
                try
                {
                    host.Snapshot().AllDiagnostics(cancel.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            if (random.Next(3) > 0 || step == steps - 1)
                AssertSameAsFresh(root, host, files, $"seed {seed}, step {step}: {string.Join(", ", names)}");
        }
    }

    public static void AssertSameAsFresh(string root, AnalysisHost host, Dictionary<string, string> files, string what)
    {
        var incremental = host.Snapshot();
        var freshHost = new AnalysisHost(new AnalysisOptions(root));
        freshHost.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value, IsOpen: incremental.IsOpen(f.Key)))]));
        var fresh = freshHost.Snapshot();
        Assert.True(Render(fresh) == Render(incremental), $"{what}:\n--- fresh\n{Render(fresh)}\n--- incremental\n{Render(incremental)}");
    }

    private static string Render(Analysis analysis)
    {
        var text = new StringBuilder();
        foreach (var d in analysis.CheckDiagnostics(CancellationToken.None))
            text.AppendLine(Diagnostic(d));
        text.AppendLine("-- editor");
        foreach (var (path, list) in analysis.AllDiagnostics(CancellationToken.None).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var d in list)
                text.AppendLine(Diagnostic(d));
        }
        text.AppendLine("-- bindings");
        foreach (var b in analysis.Bindings(CancellationToken.None))
            text.AppendLine($"{b.Path} {b.Span} {b.Name} {b.Library}!{b.EntryPoint} {b.Resolution} {b.Native?.Path}:{b.Native?.Span} [{string.Join(",", b.Also.Select(a => a.Path + ":" + a.Span))}] {b.UnknownReason}");
        text.AppendLine("-- call sites");
        foreach (var c in analysis.Model.CallSites)
            text.AppendLine($"{c.Path} {c.Invocation.NameSpan} → {c.Binding.Path} {c.Binding.Method.Name}");
        return text.ToString();
    }

    private static string Diagnostic(HybridLsp.Ide.Diagnostic d)
        => $"{d.Path} {d.Span} {d.Severity} {d.Code} {d.Message} fix={d.HasFix} targets=[{string.Join(",", d.Targets)}] related=[{string.Join("; ", d.Related.Select(r => $"{r.Path} {r.Span} {r.Message}"))}]";
}
