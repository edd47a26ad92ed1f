using HybridLsp.Ide;
using static HybridLsp.Tests.Ide.DifferentialHarness;

namespace HybridLsp.Tests.Ide;

/// <summary>
/// Incremental == fresh: random sequences of typical edits are applied to one host, and after every step its
/// diagnostics, bindings and call sites must equal those of a new host given the same files at once. The host reuses
/// crates, C# symbols, bindings and rule findings of the previous snapshot (ModelReuse) and skips the Roslyn parse of
/// files without interop (CsPrefilter); this is what keeps both honest.
/// </summary>
public sealed class IncrementalDifferentialTests
{
    private const string Root = "/ws";

    private static Dictionary<string, string> BaseWorkspace() => new(StringComparer.Ordinal)
    {
        [$"{Root}/native/alpha/Cargo.toml"] = "[package]\nname = \"alpha\"\nversion = \"0.1.0\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
        [$"{Root}/native/alpha/src/lib.rs"] = "pub mod shapes;\npub mod types;\nuse types::Count;\n\n#[no_mangle]\npub extern \"C\" fn al_add(a: i32, b: i32) -> i32 { a + b }\n\n#[no_mangle]\npub extern \"C\" fn al_flag(x: Count) -> bool { x > 0 }\n",
        // An alias in another file than the export that uses it: editing it must re-check that binding (and only what reaches it).
        [$"{Root}/native/alpha/src/types.rs"] = "pub type Count = i32;\n",
        [$"{Root}/native/alpha/src/shapes.rs"] = "#[repr(C)]\npub struct Point {\n    pub x: f64,\n    pub y: i32,\n}\n\n#[repr(i32)]\npub enum Mode { A = 0, B = 1 }\n\n#[no_mangle]\npub extern \"C\" fn al_len(p: Point) -> f64 { p.x }\n\n#[no_mangle]\npub extern \"C\" fn al_mode(m: Mode) -> Mode { m }\n",
        [$"{Root}/native/beta/Cargo.toml"] = "[package]\nname = \"beta\"\nversion = \"0.1.0\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
        [$"{Root}/native/beta/src/lib.rs"] = "#[no_mangle]\npub extern \"C\" fn be_scale(v: f64, n: usize) -> f64 { v * n as f64 }\n\n#[no_mangle]\npub unsafe extern \"C\" fn be_sum(p: *const i32, n: usize) -> i64 { 0 }\n",
        [$"{Root}/app/App.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>\n",
        [$"{Root}/app/Libs.cs"] = "namespace App;\n\ninternal static class Libs\n{\n    public const string Alpha = \"alpha\";\n    public const string Beta = \"beta\";\n}\n",
        [$"{Root}/app/Types.cs"] = "using System.Runtime.InteropServices;\n\nnamespace App;\n\n[StructLayout(LayoutKind.Sequential)]\npublic struct Point\n{\n    public double x;\n    public int y;\n}\n\npublic enum Mode : int { A = 0, B = 1 }\n",
        [$"{Root}/app/AlphaNative.cs"] = "using System.Runtime.InteropServices;\n\nnamespace App;\n\ninternal static partial class AlphaNative\n{\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_add\")]\n    internal static partial int Add(int a, int b);\n\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_flag\")]\n    [return: MarshalAs(UnmanagedType.U1)]\n    internal static partial bool Flag(int x);\n\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_len\")]\n    internal static partial double Len(Point p);\n\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_mode\")]\n    internal static partial Mode Pick(Mode m);\n}\n",
        [$"{Root}/app/BetaNative.cs"] = "using System.Runtime.InteropServices;\n\nnamespace App;\n\ninternal static unsafe partial class BetaNative\n{\n    [DllImport(Libs.Beta, EntryPoint = \"be_scale\")]\n    internal static extern double Scale(double v, nuint n);\n\n    [DllImport(Libs.Beta, EntryPoint = \"be_sum\")]\n    internal static extern long Sum(int* p, nuint n);\n}\n",
        [$"{Root}/app/Program.cs"] = "namespace App;\n\npublic static class Program\n{\n    public static void Main()\n    {\n        _ = AlphaNative.Add(1, 2);\n        _ = BetaNative.Scale(1, 2);\n    }\n}\n",
        // Calls a name no extern has until "C# extern renamed" gives it one: the pre-filter must read it then.
        [$"{Root}/app/Later.cs"] = "namespace App;\n\npublic static class Later\n{\n    public static int Run() => AlphaNative.Added(3, 4);\n}\n",
        [$"{Root}/app/Plain.cs"] = "namespace App;\n\npublic sealed class Plain\n{\n    public int Twice(int x) => x * 2;\n}\n",
        [$"{Root}/tool/Tool.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n",
        [$"{Root}/tool/ToolNative.cs"] = "using System.Runtime.InteropServices;\n\nnamespace Tool;\n\ninternal static class ToolNative\n{\n    [DllImport(\"beta\", EntryPoint = \"be_scale\")]\n    internal static extern double Scale(double v, ulong n);\n}\n",
    };

    /// <summary>One kind of edit: a toggle between two texts of a file (or its presence), so sequences can go back and forth.</summary>
    private static readonly (string Name, string Path, Func<string?, string?> Apply)[] s_edits =
    [
        ("C# parameter type", "app/AlphaNative.cs", t => Toggle(t, "partial int Add(int a, int b)", "partial int Add(long a, int b)")),
        ("C# return attribute", "app/AlphaNative.cs", t => Toggle(t, "    [return: MarshalAs(UnmanagedType.U1)]\n", "")),
        ("C# line inserted above the externs", "app/AlphaNative.cs", t => Toggle(t, "{\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_add\")]", "{\n    // a comment\n\n    [LibraryImport(Libs.Alpha, EntryPoint = \"al_add\")]")),
        ("Rust export rename", "native/alpha/src/lib.rs", t => Toggle(t, "fn al_add(", "fn al_add2(")),
        ("Rust no_mangle removed", "native/alpha/src/lib.rs", t => Toggle(t, "#[no_mangle]\npub extern \"C\" fn al_flag", "pub extern \"C\" fn al_flag")),
        ("Rust struct field added", "native/alpha/src/shapes.rs", t => Toggle(t, "pub struct Point {\n", "pub struct Point {\n    pub extra: i32,\n")),
        ("Rust enum value", "native/alpha/src/shapes.rs", t => Toggle(t, "B = 1 }", "B = 2 }")),
        ("Rust module removed", "native/alpha/src/lib.rs", t => Toggle(t, "pub mod shapes;\n", "")),
        ("Rust module file deleted", "native/alpha/src/shapes.rs", t => t is null ? BaseWorkspace()[$"{Root}/native/alpha/src/shapes.rs"] : null),
        ("C# struct field type", "app/Types.cs", t => Toggle(t, "public int y;", "public long y;")),
        ("C# enum base", "app/Types.cs", t => Toggle(t, "enum Mode : int", "enum Mode : byte")),
        ("C# library constant", "app/Libs.cs", t => Toggle(t, "Beta = \"beta\"", "Beta = \"betaa\"")),
        ("C# binding file deleted", "app/BetaNative.cs", t => t is null ? BaseWorkspace()[$"{Root}/app/BetaNative.cs"] : null),
        ("C# call added to a plain file", "app/Plain.cs", t => Toggle(t, "x * 2;", "x * 2 + AlphaNative.Add(x, x);")),
        ("C# struct added to a plain file", "app/Plain.cs", t => Toggle(t, "public sealed class Plain", "public struct Extra { public int a; }\n\npublic sealed class Plain")),
        ("Cargo crate-type", "native/beta/Cargo.toml", t => Toggle(t, "[\"cdylib\"]", "[\"rlib\"]")),
        ("Cargo lib name", "native/beta/Cargo.toml", t => Toggle(t, "[lib]\n", "[lib]\nname = \"gamma\"\n")),
        ("csproj added", "app/Sub/Sub.csproj", t => t is null ? "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n" : null),
        ("C# file in a new folder", "app/Sub/SubNative.cs", t => t is null ? "using System.Runtime.InteropServices;\nstatic class SubNative { [DllImport(\"alpha\")] static extern int al_add(int a, long b); }\n" : null),
        ("config targets", "hybrid-lsp.toml", t => t is null ? "targets = [\"linux-x64\", \"win-x86\"]\n" : null),
        ("half-typed C#", "app/AlphaNative.cs", t => Toggle(t, "internal static partial double Len(Point p);", "internal static partial double Len(Point p")),
        // Binding resolution changes while the crate is unchanged (the crate's native findings are reused only for the same bound exports).
        ("C# entry point misspelt", "app/AlphaNative.cs", t => Toggle(t, "EntryPoint = \"al_flag\"", "EntryPoint = \"al_flagg\"")),
        ("C# library of one extern changed", "app/BetaNative.cs", t => Toggle(t, "[DllImport(Libs.Beta, EntryPoint = \"be_sum\")]", "[DllImport(Libs.Alpha, EntryPoint = \"be_sum\")]")),
        ("Rust unbound export added", "native/beta/src/lib.rs", t => Toggle(t, "{ v * n as f64 }\n", "{ v * n as f64 }\n\n#[no_mangle]\npub extern \"C\" fn be_extra(s: String) -> i32 { 0 }\n")),
        ("Rust panic in an export", "native/alpha/src/lib.rs", t => Toggle(t, "{ a + b }", "{ a.checked_add(b).unwrap() }")),
        // The extern names decide which files without interop are read (their calls); renaming one changes that set.
        ("C# extern renamed (a plain file calls it)", "app/AlphaNative.cs", t => Toggle(t, "partial int Add(int a, int b)", "partial int Added(int a, int b)")),
        ("C# suppression in a calling file", "app/Program.cs", t => Toggle(t, "        _ = AlphaNative.Add(1, 2);\n", "#pragma warning disable HL1003\n        _ = AlphaNative.Add(1, 2);\n#pragma warning restore HL1003\n")),
        ("C# plain file calling a binding in another project", "tool/Caller.cs", t => t is null ? "namespace Tool;\n\nstatic class Caller\n{\n    static double Run() => ToolNative.Scale(1, 2);\n}\n" : null),
        ("csproj defines changed", "tool/Tool.csproj", t => Toggle(t, "<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>net10.0</TargetFramework><DefineConstants>EXTRA</DefineConstants>")),
        ("C# second declaration of an entry point", "app/BetaNative.cs", t => Toggle(t, "    internal static extern long Sum(int* p, nuint n);\n", "    internal static extern long Sum(int* p, nuint n);\n\n    [DllImport(Libs.Beta, EntryPoint = \"be_scale\")]\n    internal static extern float ScaleF(float v, nuint n);\n")),
        ("Rust alias in another file", "native/alpha/src/types.rs", t => Toggle(t, "pub type Count = i32;", "pub type Count = i64;")),
        ("Rust struct moved to another file", "native/alpha/src/types.rs", t => Toggle(t, "pub type Count = i32;\n", "pub type Count = i32;\n\n#[repr(C)]\npub struct Point {\n    pub x: f32,\n}\n")),
        ("Rust allow comment", "native/beta/src/lib.rs", t => Toggle(t, "#[no_mangle]\npub unsafe extern \"C\" fn be_sum", "// hybrid-lsp: allow(HL2004)\n#[no_mangle]\npub unsafe extern \"C\" fn be_sum")),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_edit_sequences_give_the_same_results_as_a_fresh_index(int seed)
        => DifferentialHarness.Run(Root, BaseWorkspace(), s_edits, seed, steps: 30, maxEditsPerChange: 3, cancelSome: true);

    [Fact]
    public void A_rust_edit_rechecks_the_bindings_its_types_reach_and_reuses_the_findings_of_the_others()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var before = host.Snapshot();
        Assert.DoesNotContain(before.CheckDiagnostics(CancellationToken.None), d => d.Message.Contains("of 'Flag'", StringComparison.Ordinal));

        // The alias lives in another file than al_flag: al_flag's binding reaches it and is checked again.
        var types = $"{Root}/native/alpha/src/types.rs";
        host.ApplyChange(WorkspaceChange.Of(new FileChange(types, "pub type Count = i64;\n", IsOpen: true)));
        var after = host.Snapshot();
        Assert.Contains(after.CheckDiagnostics(CancellationToken.None), d => d.Code == "HL1003" && d.Message.Contains("of 'Flag'", StringComparison.Ordinal));

        // al_add's exports are the same items and reach no changed name: its findings are taken over, not computed again.
        var model = after.Model;
        var previous = before.Model;
        var add = model.Bindings.Single(b => b.EntryPoint == "al_add");
        Assert.NotSame(previous.Bindings.Single(b => b.EntryPoint == "al_add"), add);
        Assert.Same(previous.Bindings.Single(b => b.EntryPoint == "al_add").Natives[0].Item, add.Natives[0].Item);
    }

    [Fact]
    public void A_cancelled_build_is_started_again_by_the_next_query()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        Assert.ThrowsAny<OperationCanceledException>(() => host.Snapshot().AllDiagnostics(new CancellationToken(canceled: true)));
        Assert.ThrowsAny<OperationCanceledException>(() => host.Snapshot().GotoDefinition(new FilePosition($"{Root}/app/AlphaNative.cs", 0), new CancellationToken(canceled: true)));
        DifferentialHarness.AssertSameAsFresh(Root, host, files, "after cancelled queries");
    }

    [Fact]
    public void An_edit_of_one_extern_reuses_the_native_findings_of_unchanged_crates()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var before = host.Snapshot().Model;
        var path = $"{Root}/app/AlphaNative.cs";
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path].Replace("Add(int a", "Add(long a", StringComparison.Ordinal), IsOpen: true)));
        var after = host.Snapshot().Model;
        Assert.Equal(2, after.NativeFindingsByCrate.Count);
        Assert.All(after.NativeFindingsByCrate, p => Assert.Same(before.NativeFindingsByCrate[p.Key], p.Value));

        // Misspelling an entry point unbinds an export of the same (unchanged) crate: its native rules run again (HL2004).
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path].Replace("\"al_flag\"", "\"al_flagg\"", StringComparison.Ordinal), IsOpen: true)));
        var misspelt = host.Snapshot().Model;
        var alpha = misspelt.Crates.Single(c => c.LibName == "alpha");
        Assert.Same(before.Crates.Single(c => c.LibName == "alpha"), alpha);
        Assert.NotSame(before.NativeFindingsByCrate[alpha], misspelt.NativeFindingsByCrate[alpha]);
        Assert.Contains(misspelt.Findings, f => f.Rule.Code == "HL2004" && f.Symbol == "al_flag");
    }

    [Fact]
    public void An_edit_of_one_extern_reuses_the_other_bindings_and_their_findings()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var before = host.Snapshot().Model;
        var path = $"{Root}/app/AlphaNative.cs";
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path].Replace("Add(int a", "Add(long a", StringComparison.Ordinal), IsOpen: true)));
        var after = host.Snapshot().Model;

        // Bindings of unchanged files are the same objects; those of the edited file are new.
        var reused = after.Bindings.Where(b => before.Bindings.Contains(b)).Select(b => b.Method.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Scale", "Scale", "Sum"], reused);
        Assert.Same(before.Crates[0], after.Crates[0]);
        Assert.Contains(after.Findings, f => f.Rule.Code == "HL1003" && f.Path == path);
    }
}
