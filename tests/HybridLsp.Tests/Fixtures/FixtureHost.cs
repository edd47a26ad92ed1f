using System.Collections.Immutable;
using System.Text;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Fixtures;

/// <summary>The only test code that calls the engine API: one Check… helper per feature.</summary>
internal static class FixtureHost
{
    public static Analysis Load(Fixture fixture, ImmutableArray<string> targets = default)
    {
        var host = new AnalysisHost(new AnalysisOptions("/", TargetOverride: targets));
        host.ApplyChange(new WorkspaceChange([.. fixture.Files.Select(f => new FileChange(f.Key, f.Value))]));
        return host.Snapshot();
    }

    /// <summary>Every diagnostic `check` reports must be annotated as `severity CODE: message`, and every annotation must be reported.</summary>
    public static void CheckDiagnostics(string text, ImmutableArray<string> targets = default)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture, targets);
        var actual = analysis.CheckDiagnostics(CancellationToken.None)
            .Select(d => Render(d.Path, d.Span, $"{SeverityText(d.Severity)} {d.Code}: {d.Message}{(d.HasFix ? " (fix)" : "")}", fixture))
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        var expected = fixture.Annotations.Where(a => a.Text.Length > 0)
            .Select(a => Render(a.Path, a.Span, a.Text, fixture))
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        AssertSame(expected, actual);
        CheckOfferedFixes(fixture, analysis);
    }

    /// <summary>
    /// The editor shows each finding `check` reports at the same place with the same severity and message (configured
    /// severities, "off" and baselines apply to both alike); returns the check diagnostics rendered like annotations.
    /// </summary>
    public static List<string> CheckEditorAgreesWithCheck(string text)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var check = analysis.CheckDiagnostics(CancellationToken.None);
        foreach (var d in check)
        {
            var shown = analysis.Diagnostics(d.Path, CancellationToken.None).Where(e => e.Code == d.Code && e.Span == d.Span).ToList();
            Assert.True(shown.Count == 1 && shown[0].Severity == d.Severity && shown[0].Message == d.Message && shown[0].Baselined == d.Baselined,
                $"the editor shows {d.Code} at {d.Path} {d.Span} differently from check");
        }
        return [.. check.Select(d => Render(d.Path, d.Span, $"{SeverityText(d.Severity)} {d.Code}: {d.Message}", fixture))];
    }

    /// <summary>
    /// Every diagnostic marked `(fix)` has its quick fix at its span, and applying that fix makes the finding go away
    /// without any new finding: run over every rule fixture.
    /// </summary>
    private static void CheckOfferedFixes(Fixture fixture, Analysis analysis)
    {
        var before = analysis.CheckDiagnostics(CancellationToken.None);
        foreach (var d in before.Where(d => d.HasFix))
        {
            var action = analysis.CodeActions(d.Path, d.Span, CancellationToken.None).FirstOrDefault(a => a.DiagnosticCodes.Contains(d.Code))
                ?? throw new Xunit.Sdk.XunitException($"{d.Code} at {d.Path} {d.Span} is marked (fix) but no action is offered");
            var files = fixture.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            foreach (var fileEdit in action.Edits)
                files[fileEdit.Path] = Apply(files[fileEdit.Path], fileEdit.Edits);
            var host = new AnalysisHost(new AnalysisOptions("/", TargetOverride: analysis.TargetNames));
            host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
            var known = before.Select(b => (b.Code, b.Message)).ToHashSet();
            var after = host.Snapshot().CheckDiagnostics(CancellationToken.None).Where(a => a.Severity != Severity.Hint).ToList();
            Assert.True(!after.Any(a => a.Code == d.Code && a.Message == d.Message), $"'{action.Title}' left {d.Code}: {d.Message}");
            var added = after.Where(a => !known.Contains((a.Code, a.Message))).ToList();
            Assert.True(added.Count == 0, $"'{action.Title}' for {d.Code} added: " + string.Join("; ", added.Select(a => $"{a.Code}: {a.Message}")));
        }
    }

    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = string.Join("\n", expected);
        var a = string.Join("\n", actual);
        if (e != a)
            throw new Xunit.Sdk.XunitException($"Fixture mismatch.\n--- expected:\n{e}\n--- actual:\n{a}");
    }

    /// <summary>The libraries whose flags come from a build tree, rendered `library: N sources from ORIGIN; dropped: …`.</summary>
    public static void CheckBuildTreeFlags(string text, params string[] expected)
    {
        var analysis = Load(Fixture.Parse(text));
        var actual = analysis.BuildTreeFlags().Select(b => $"{b.Library}: {b.Sources} sources from {b.Origin}; dropped: {string.Join(" | ", b.DroppedFlags)}");
        AssertSame(expected, actual);
    }

    /// <summary>
    /// The `check` findings (`CODE: message`, sorted) of the fixture, then of the same host after each change in turn (a
    /// file's new text, or null to delete it): shows what an edit of one file invalidates.
    /// </summary>
    public static void CheckFindingsAcrossEdits(string text, string[] before, params (string Path, string? Text, string[] After)[] edits)
    {
        var fixture = Fixture.Parse(text);
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(new WorkspaceChange([.. fixture.Files.Select(f => new FileChange(f.Key, f.Value))]));
        static IEnumerable<string> Findings(Analysis analysis) =>
            analysis.CheckDiagnostics(CancellationToken.None).Select(d => $"{d.Code}: {d.Message}").Order(StringComparer.Ordinal);
        AssertSame(before, Findings(host.Snapshot()));
        foreach (var (path, newText, after) in edits)
        {
            host.ApplyChange(new WorkspaceChange([newText is null ? FileChange.Removed(path) : new FileChange(path, newText)]));
            AssertSame(after, Findings(host.Snapshot()));
        }
    }

    /// <summary>Go to definition from `$0` lands exactly on the spans annotated with bare `//^^^` markers.</summary>
    public static void CheckDefinition(string text)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var result = analysis.GotoDefinition(new FilePosition(path, offset), CancellationToken.None);
        var actual = (result?.Targets ?? []).Select(t => Render(t.Path, t.FocusSpan, "", fixture)).OrderBy(s => s, StringComparer.Ordinal);
        var expected = fixture.Annotations.Where(a => a.Text.Length == 0).Select(a => Render(a.Path, a.Span, "", fixture)).OrderBy(s => s, StringComparer.Ordinal);
        AssertSame(expected, actual);
    }

    /// <summary>References from `$0` are exactly the spans annotated `//^^^ decl`, `//^^^ call` or `//^^^ native`.</summary>
    public static void CheckReferences(string text, bool includeDeclaration = true)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var refs = analysis.References(new FilePosition(path, offset), includeDeclaration, CancellationToken.None);
        var actual = refs.Select(r => Render(r.Path, r.Span, r.Kind switch { ReferenceKind.Declaration => "decl", ReferenceKind.CallSite => "call", _ => "native" }, fixture)).OrderBy(s => s, StringComparer.Ordinal);
        var expected = fixture.Annotations.Select(a => Render(a.Path, a.Span, a.Text, fixture)).OrderBy(s => s, StringComparer.Ordinal);
        AssertSame(expected, actual);
    }

    /// <summary>Hover at `$0` contains every expected fragment.</summary>
    public static string CheckHover(string text, params string[] fragments)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var hover = analysis.Hover(new FilePosition(path, offset), CancellationToken.None);
        Assert.NotNull(hover);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, hover!.Markdown, StringComparison.Ordinal);
        return hover!.Markdown;
    }

    /// <summary>
    /// The quick fix titled <paramref name="title"/> at `$0` turns the files of <paramref name="before"/> into those of
    /// <paramref name="after"/> (files not listed in `after` must stay unchanged), and after it `check` reports nothing.
    /// </summary>
    public static void CheckAssist(string title, string before, string after)
    {
        var fixture = Fixture.Parse(before);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = analysis.CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        var action = actions.FirstOrDefault(a => a.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"no action '{title}'; offered: [{string.Join(", ", actions.Select(a => a.Title))}]");
        Assert.Equal(CodeActionKinds.QuickFix, action.Kind);
        Assert.NotEmpty(action.Diagnostics);
        CheckApplied(fixture, action, Fixture.Parse(after));
    }

    /// <summary>
    /// The refactoring titled <paramref name="title"/> at `$0` (Bind) turns <paramref name="before"/> into <paramref name="after"/>
    /// (which may list new files), and after it `check` reports nothing but hints.
    /// </summary>
    public static void CheckRefactor(string title, string before, string after)
    {
        var fixture = Fixture.Parse(before);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = analysis.CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        var action = actions.FirstOrDefault(a => a.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"no action '{title}'; offered: [{string.Join(", ", actions.Select(a => a.Title))}]");
        Assert.Equal(CodeActionKinds.Refactor, action.Kind);
        CheckApplied(fixture, action, Fixture.Parse(after));
    }

    /// <summary>No action titled <paramref name="title"/> is offered at `$0`.</summary>
    public static void CheckNoRefactor(string title, string text)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = analysis.CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        Assert.True(actions.All(a => a.Title != title), $"unexpected '{title}'");
    }

    /// <summary>No action whose title starts with <paramref name="titlePrefix"/> is offered at `$0`.</summary>
    public static void CheckNoAssistTitled(string titlePrefix, string text)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = analysis.CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        Assert.True(actions.All(a => !a.Title.StartsWith(titlePrefix, StringComparison.Ordinal)), $"unexpected: [{string.Join(", ", actions.Select(a => a.Title))}]");
    }

    /// <summary>`hybrid-lsp bind LIBRARY`: the whole file for <paramref name="library"/>, or null.</summary>
    /// <summary>The benchmark plan for the method at `$0` (docs/benchmark.md).</summary>
    public static global::HybridLsp.Ide.Benchmarks.BenchmarkPlanResult BenchmarkPlan(string text, global::HybridLsp.Ide.Benchmarks.BenchmarkOptions? options = null)
    {
        var fixture = Fixture.Parse(text);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        return Load(fixture).BenchmarkPlan(new FilePosition(path, offset), options, CancellationToken.None);
    }

    public static string? BindingFile(string text, string library) => Load(Fixture.Parse(text)).BindingFile(library, CancellationToken.None);

    /// <summary>`source.fixAll.hybridLsp` on the file of `$0` gives <paramref name="after"/>, and `check` then reports nothing.</summary>
    public static void CheckFixAll(string before, string after)
    {
        var fixture = Fixture.Parse(before);
        var analysis = Load(fixture);
        var (path, _) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var action = analysis.FixAll(path, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("no fix-all action");
        Assert.Equal(CodeActionKinds.FixAll, action.Kind);
        CheckApplied(fixture, action, Fixture.Parse(after));
    }

    /// <summary>No code action is offered at `$0` (but "Suppress HLnnnn for this declaration", which every finding has, and
    /// "Build NAME with dotnet build", which every extern bound to a module of an unwired project has).</summary>
    public static void CheckNoAssist(string text)
    {
        var fixture = Fixture.Parse(text);
        var analysis = Load(fixture);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = analysis.CodeActions(path, new TextSpan(offset, 0), CancellationToken.None).RemoveAll(a => a.Title.StartsWith("Suppress HL", StringComparison.Ordinal) || a.Title.EndsWith(" with dotnet build", StringComparison.Ordinal));
        Assert.True(actions.IsEmpty, $"unexpected actions: [{string.Join(", ", actions.Select(a => a.Title))}]");
    }

    private static void CheckApplied(Fixture before, CodeAction action, Fixture after)
    {
        var files = before.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var fileEdit in action.Edits)
        {
            Assert.True(files.ContainsKey(fileEdit.Path) != fileEdit.Creates, fileEdit.Creates ? $"creates an existing file: {fileEdit.Path}" : $"edit of a file outside the fixture: {fileEdit.Path}");
            Assert.True(after.Files.ContainsKey(fileEdit.Path), $"'after' does not list the edited file {fileEdit.Path}");
            files[fileEdit.Path] = Apply(fileEdit.Creates ? "" : files[fileEdit.Path], fileEdit.Edits);
        }
        foreach (var (path, expected) in after.Files)
            AssertSame([expected], [files.GetValueOrDefault(path) ?? "<missing>"]);

        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        // Hints (unbound exports) are not findings; a parse failure the fixture already had (half-typed code) may stay.
        var parseFailures = Load(before).CheckDiagnostics(CancellationToken.None).Where(d => d.Code == "HL0003").Select(d => d.Message).ToHashSet(StringComparer.Ordinal);
        var remaining = host.Snapshot().CheckDiagnostics(CancellationToken.None)
            .Where(d => d.Severity != Severity.Hint && !(d.Code == "HL0003" && parseFailures.Contains(d.Message))).ToList();
        Assert.True(remaining.Count == 0, "after the fix, check still reports:\n" + string.Join("\n", remaining.Select(d => $"{d.Path} {d.Code}: {d.Message}")));
    }

    /// <summary>Applies non-overlapping edits (offsets into the original text), last first.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i - 1].Span.End <= ordered[i].Span.Start, "overlapping edits");
        var sb = new StringBuilder(text);
        foreach (var edit in Enumerable.Reverse(ordered))
            sb.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        return sb.ToString();
    }

    public static string SeverityText(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "hint",
    };

    /// <summary>`path:line:col-col text` with the covered source text, so failures read like the fixture.</summary>
    public static string Render(string path, TextSpan span, string text, Fixture fixture)
    {
        var source = fixture.Files.GetValueOrDefault(path) ?? "";
        var index = LineIndex.Create(source);
        var start = index.GetPosition(span.Start);
        var end = index.GetPosition(span.End);
        var covered = span.End <= source.Length ? source.Substring(span.Start, span.Length) : "?";
        var sb = new StringBuilder();
        sb.Append($"{path}:{start.Line + 1}:{start.Character + 1}-{(end.Line == start.Line ? "" : (end.Line + 1) + ":")}{end.Character + 1} '{covered}'");
        if (text.Length > 0)
            sb.Append(' ').Append(text);
        return sb.ToString();
    }
}
