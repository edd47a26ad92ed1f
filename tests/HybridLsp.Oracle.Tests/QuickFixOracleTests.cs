using System.Text;
using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The Rust- and TOML-side quick fixes (HL2001, HL0002) are correct for real: a small crate is written to a temp folder,
/// the engine's fix is applied to the files, `check` then reports nothing, and `cargo build` exports the symbol.
/// </summary>
public sealed class QuickFixOracleTests
{
    private const string CSharp = """
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("orafix")] static extern int ora_add(int a, int b);
        }
        """;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "HL2001", "2021",
            "[package]\nname = \"orafix\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
            "/// Adds.\npub fn ora_add(a: i32, b: i32) -> i32 { a + b }\n"
        },
        {
            "HL2001", "2024",
            "[package]\nname = \"orafix\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
            "mod inner {\n    pub unsafe extern \"C\" fn ora_add(a: i32, b: i32) -> i32 { a + b }\n}\n"
        },
        {
            "HL0002", "no-lib-table",
            "[package]\nname = \"orafix\" # the crate\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            "#[no_mangle]\npub extern \"C\" fn ora_add(a: i32, b: i32) -> i32 { a + b }\n"
        },
        {
            "HL0002", "rlib-only",
            "[package]\nname = \"orafix\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\n# only for Rust users\ncrate-type = [\n    \"rlib\", # keep\n]\n",
            "#[no_mangle]\npub extern \"C\" fn ora_add(a: i32, b: i32) -> i32 { a + b }\n"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applied_fix_checks_clean_and_cargo_exports_the_symbol(string code, string variant, string manifest, string lib)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-quickfix", $"{code}-{variant}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/native/orafix/Cargo.toml"] = manifest,
            [$"{dir}/native/orafix/src/lib.rs"] = lib,
            [$"{dir}/app/Native.cs"] = CSharp,
            [$"{dir}/app/App.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>",
        };

        var before = Analyze(dir, files);
        var diagnostic = Assert.Single(before.CheckDiagnostics(CancellationToken.None), d => d.Severity != Severity.Hint);
        Assert.Equal(code, diagnostic.Code);
        Assert.True(diagnostic.HasFix);
        // The certain fix is the preferred action; "Suppress HLnnnn for this declaration" is offered beside it.
        var action = Assert.Single(before.CodeActions(diagnostic.Path, diagnostic.Span, CancellationToken.None), a => a.IsPreferred);
        foreach (var fileEdit in action.Edits)
        {
            var text = files[fileEdit.Path];
            var sb = new StringBuilder(text);
            foreach (var edit in fileEdit.Edits.OrderByDescending(e => e.Span.Start))
                sb.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
            files[fileEdit.Path] = sb.ToString();
        }

        var after = Analyze(dir, files);
        Assert.Empty(after.CheckDiagnostics(CancellationToken.None).Where(d => d.Severity != Severity.Hint));

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.Contains("ora_add", CargoBuild.Exports($"{dir}/native/orafix", $"{dir}/target"));
    }

    private static Analysis Analyze(string root, Dictionary<string, string> files)
    {
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        return host.Snapshot();
    }

}
