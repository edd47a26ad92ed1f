using System.Collections.Immutable;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Tests.Fixtures;

/// <summary>The Check… helpers of building and wiring native modules (FixtureHost's rule: only fixture hosts call the engine).</summary>
internal static class BuildFixtureHost
{
    public static ImmutableArray<BuildableModule> Modules(string text) => FixtureHost.Load(Fixture.Parse(text)).BuildModules(CancellationToken.None);

    /// <summary>Wires the module into the fixture's own project text: (before, after).</summary>
    public static (string Before, string After) Wire(string text, string projectPath, string module)
    {
        var fixture = Fixture.Parse(text);
        var before = fixture.Files[projectPath];
        var result = FixtureHost.Load(fixture).Wire(projectPath, before, module, CancellationToken.None);
        Assert.Null(result.Error);
        Assert.True(result.Changed);
        Assert.Equal(result.NewText, FixtureHost.Apply(before, result.Edits));
        return (before, result.NewText!);
    }

    /// <summary>Wires the module into <paramref name="projectText"/> (which need not be the fixture's).</summary>
    public static WireResult WireText(string text, string projectPath, string projectText, string module)
    {
        var result = FixtureHost.Load(Fixture.Parse(text)).Wire(projectPath, projectText, module, CancellationToken.None);
        if (result.Changed)
            Assert.Equal(result.NewText, FixtureHost.Apply(projectText, result.Edits));
        return result;
    }

    /// <summary>The text the code action titled <paramref name="title"/> at `$0` inserts into the project.</summary>
    public static string WireActionInsertion(string text, string title)
    {
        var fixture = Fixture.Parse(text);
        var (path, offset) = fixture.Cursor ?? throw new InvalidOperationException("fixture has no $0");
        var actions = FixtureHost.Load(fixture).CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        var action = actions.FirstOrDefault(a => a.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"no action '{title}'; offered: [{string.Join(", ", actions.Select(a => a.Title))}]");
        Assert.Equal(CodeActionKinds.Refactor, action.Kind);
        var edit = Assert.Single(Assert.Single(action.Edits).Edits);
        Assert.Equal(0, edit.Span.Length);
        return edit.NewText;
    }

    /// <summary>
    /// The lenses of every fixture file: each `//^^^ Title` annotation must be a lens, and nothing else may be, except the
    /// manifests named as "path:text" in <paramref name="manifestLenses"/> (TOML has no `//` comments), whose lens
    /// covers that text. Every lens builds <paramref name="module"/>.
    /// </summary>
    public static void CheckLenses(string text, string manifestLens, string module)
    {
        var fixture = Fixture.Parse(text);
        var analysis = FixtureHost.Load(fixture);
        var expected = fixture.Annotations.Select(a => $"{a.Path} {a.Span.Start}-{a.Span.End} {a.Text}").ToList();
        var colon = manifestLens.LastIndexOf(':');
        var (manifest, anchor) = (manifestLens[..colon], manifestLens[(colon + 1)..]);
        var at = fixture.Files[manifest].IndexOf(anchor, StringComparison.Ordinal);
        expected.Add($"{manifest} {at}-{at + anchor.Length} Build mathcore");
        var actual = fixture.Files.Keys.SelectMany(path => analysis.BuildLenses(path, CancellationToken.None).Select(l =>
        {
            Assert.Equal(module, l.Module);
            return $"{path} {l.Span.Start}-{l.Span.End} {l.Title}";
        })).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
