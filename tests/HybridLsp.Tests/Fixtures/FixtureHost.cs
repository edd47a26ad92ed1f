using System.Collections.Immutable;
using System.Text;
using HybridLsp.Ide;
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
    }

    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = string.Join("\n", expected);
        var a = string.Join("\n", actual);
        if (e != a)
            throw new Xunit.Sdk.XunitException($"Fixture mismatch.\n--- expected:\n{e}\n--- actual:\n{a}");
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
