using System.Diagnostics;
using System.Text;
using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// "Create Rust function" and "Create a new Rust crate" are correct for real: applied to a temp copy of a Cargo-workspace
/// fixture, `check` reports nothing for the bindings, `cargo build` builds both crates and exports the stubs, and a C#
/// program calling the stubs runs and gets their default values.
/// </summary>
public sealed class StubOracleTests
{
    private const string NativeCs = """
        using System.Runtime.InteropServices;

        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_scale")] internal static partial long Scale(long value, uint factor);
            [LibraryImport("mathcore")]
            [return: MarshalAs(UnmanagedType.U1)]
            internal static partial bool McIsReady([MarshalAs(UnmanagedType.U1)] bool force);
        }

        static class Imaging
        {
            [DllImport("imaging")] internal static extern nuint im_size(nuint width, nuint height);
            [DllImport("imaging")] internal static extern bool im_flag(bool on);
            [DllImport("imaging")] internal static extern double im_mix(double a, [MarshalAs(UnmanagedType.LPUTF8Str)] string label);
            [DllImport("imaging")] internal static extern void im_reset();
        }
        """;

    private const string Program = """
        Imaging.im_reset();
        Console.WriteLine(string.Join(" ", Native.mc_add(40, 2), Native.Scale(5, 3), Native.McIsReady(true),
            Imaging.im_size(2, 3), Imaging.im_flag(true), Imaging.im_mix(1.5, "x")));
        """;

    [Fact]
    public void Created_rust_function_and_new_crate_check_clean_build_and_run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-stubs", $"oracle-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/Cargo.toml"] = "[workspace]\nmembers = [\"native/mathcore\"]\nresolver = \"2\"\n",
            [$"{dir}/native/mathcore/Cargo.toml"] = "[package]\nname = \"mathcore\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
            [$"{dir}/native/mathcore/src/lib.rs"] = "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
            [$"{dir}/app/App.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """,
            [$"{dir}/app/Native.cs"] = NativeCs,
            [$"{dir}/app/Program.cs"] = Program,
        };

        Apply(dir, files, "Scale", "Create Rust function 'mc_scale' in crate 'mathcore'");
        Apply(dir, files, "McIsReady", "Create Rust function 'mc_is_ready' in crate 'mathcore'");
        Apply(dir, files, "im_size", "Create a new Rust crate named 'imaging' in 'native/imaging'");
        Assert.Contains("\"native/imaging\"", files[$"{dir}/Cargo.toml"], StringComparison.Ordinal);

        var analysis = Analyze(dir, files);
        var findings = analysis.CheckDiagnostics(CancellationToken.None).Where(d => d.Severity != Severity.Hint).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(d => $"{d.Path} {d.Code}: {d.Message}")));

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.Equal(["McIsReady", "mc_add", "mc_scale"], CargoBuild.Exports($"{dir}/native/mathcore", $"{dir}/target-mathcore"));
        Assert.Equal(["im_flag", "im_mix", "im_reset", "im_size"], CargoBuild.Exports($"{dir}/native/imaging", $"{dir}/target-imaging"));
        Run("dotnet", ["build", $"{dir}/app", "-o", $"{dir}/out", "--nologo", "-v", "q"], dir);
        File.Copy($"{dir}/target-mathcore/debug/libmathcore.so", $"{dir}/out/libmathcore.so");
        File.Copy($"{dir}/target-imaging/debug/libimaging.so", $"{dir}/out/libimaging.so");
        var output = Run("dotnet", [$"{dir}/out/App.dll"], dir);
        Assert.Equal("42 0 False 0 False 0", output.Trim());
    }

    /// <summary>Applies the action titled <paramref name="title"/> offered on the first occurrence of <paramref name="at"/> in Native.cs.</summary>
    private static void Apply(string dir, Dictionary<string, string> files, string at, string title)
    {
        var path = $"{dir}/app/Native.cs";
        var offset = files[path].IndexOf(at, StringComparison.Ordinal);
        var actions = Analyze(dir, files).CodeActions(path, new TextSpan(offset, 0), CancellationToken.None);
        var action = actions.SingleOrDefault(a => a.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"no '{title}'; offered: {string.Join(", ", actions.Select(a => a.Title))}");
        foreach (var edit in action.Edits)
        {
            Assert.Equal(edit.Creates, !files.ContainsKey(edit.Path));
            var text = new StringBuilder(edit.Creates ? "" : files[edit.Path]);
            foreach (var e in edit.Edits.OrderByDescending(e => e.Span.Start))
                text.Remove(e.Span.Start, e.Span.Length).Insert(e.Span.Start, e.NewText);
            files[edit.Path] = text.ToString();
        }
    }

    private static Analysis Analyze(string root, Dictionary<string, string> files)
    {
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        return host.Snapshot();
    }

    internal static string Run(string program, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
