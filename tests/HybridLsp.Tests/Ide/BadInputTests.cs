using HybridLsp.Ide;
using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Ide;

public sealed class BadInputTests
{
    [Fact]
    public void Wrong_value_in_cargo_manifest_is_a_diagnostic_on_the_value() => CheckDiagnostics("""
        //- /native/mathcore/Cargo.toml
        [package]
        name = 5
             //^ info HL0003: TOML file could only be partly understood: 'package.name' must be a string, found an integer
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        """);

    [Fact]
    public void Unterminated_string_in_cargo_manifest_is_a_diagnostic_on_that_line()
    {
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(new FileChange("/native/m/Cargo.toml", "[package]\nname = \"mathcore\n[lib]\ncrate-type = [\"cdylib\"]\n")));
        var analysis = host.Snapshot();
        var diagnostic = Assert.Single(analysis.CheckDiagnostics(CancellationToken.None));
        Assert.Equal(("HL0003", "/native/m/Cargo.toml"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(1, analysis.GetLineIndex(diagnostic.Path)!.GetPosition(diagnostic.Span.Start).Line);
    }

    [Fact]
    public void Unparseable_rust_region_is_info_and_does_not_hide_the_rest_of_the_file() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("mathcore")] static extern long mc_after(int a);
                                                //^^^^ error HL1003: return type of 'mc_after': C# 'long' (8 bytes, signed) vs Rust 'i32' (4 bytes, signed) (fix)
        }
        //- /native/mathcore/src/lib.rs
          struct = 5;
        //^^^^^^^^^^^ info HL0003: Rust file could only be partly understood: expected a struct name
        #[no_mangle] pub extern "C" fn mc_after(a: i32) -> i32 { a }
        """);

    [Fact]
    public void Files_over_max_file_size_are_skipped_unless_open()
    {
        var csharp = "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"mathcore\")] static extern long mc_add(int a, int b); }\n// " + new string('x', 2048);
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/hybrid-lsp.toml", "max-file-size = \"1KB\"\n"),
            new FileChange("/native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n"),
            new FileChange("/native/mathcore/src/lib.rs", "#[no_mangle] pub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n"),
            new FileChange("/app/Native.cs", csharp)));
        var skipped = host.Snapshot().CheckDiagnostics(CancellationToken.None);
        var only = Assert.Single(skipped);
        Assert.Equal("HL0003", only.Code);
        Assert.Equal("/app/Native.cs", only.Path);
        Assert.StartsWith("file skipped: larger than max-file-size", only.Message, StringComparison.Ordinal);

        host.ApplyChange(WorkspaceChange.Of(new FileChange("/app/Native.cs", csharp, IsOpen: true)));
        var open = host.Snapshot().CheckDiagnostics(CancellationToken.None);
        Assert.Equal(["HL1003"], open.Select(d => d.Code));
    }

    [Fact]
    public void Large_rust_module_named_by_a_crate_is_still_read()
    {
        var big = "#[no_mangle] pub extern \"C\" fn mc_big() -> i32 { 1 }\n// " + new string('y', 4096) + "\n";
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/hybrid-lsp.toml", "max-file-size = 1024\n"),
            new FileChange("/native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n"),
            new FileChange("/native/mathcore/src/lib.rs", "mod big;\n"),
            new FileChange("/native/mathcore/src/big.rs", big),
            new FileChange("/native/mathcore/src/unused.rs", big),
            new FileChange("/app/Native.cs", "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"mathcore\")] static extern int mc_big(); }\n")));
        var diagnostics = host.Snapshot().CheckDiagnostics(CancellationToken.None);
        var only = Assert.Single(diagnostics);
        Assert.Equal(("HL0003", "/native/mathcore/src/unused.rs"), (only.Code, only.Path));
    }

    [Fact]
    public void Binary_and_unreadable_files_are_reported_and_the_rest_works()
    {
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(
            FileChange.Unreadable("/app/Blob.cs", "binary file"),
            new FileChange("/app/Native.cs", "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"nowhere\")] static extern int f(); }\n")));
        var diagnostics = host.Snapshot().CheckDiagnostics(CancellationToken.None);
        Assert.Equal([("HL0003", "/app/Blob.cs", "file skipped: binary file"), ("HL0001", "/app/Native.cs", "library 'nowhere' matches no native module in this workspace nor in hybrid-lsp.toml")],
            diagnostics.Select(d => (d.Code, d.Path, d.Message)));
    }

    [Fact]
    public void Garbage_in_every_file_kind_never_throws()
    {
        var random = new Random(42);
        var garbage = new string([.. Enumerable.Range(0, 20000).Select(_ => (char)random.Next(0, 0xD7FF))]);
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/hybrid-lsp.toml", garbage),
            new FileChange("/native/x/Cargo.toml", garbage),
            new FileChange("/native/x/src/lib.rs", garbage),
            new FileChange("/app/App.csproj", garbage),
            new FileChange("/app/A.cs", garbage)));
        var analysis = host.Snapshot();
        Assert.NotEmpty(analysis.CheckDiagnostics(CancellationToken.None));
        Assert.Null(analysis.GotoDefinition(new FilePosition("/app/A.cs", 100), CancellationToken.None));
        Assert.Null(analysis.Hover(new FilePosition("/native/x/src/lib.rs", 5000), CancellationToken.None));
        Assert.Empty(analysis.References(new FilePosition("/nope.cs", 0), true, CancellationToken.None));
    }

    [Fact]
    public void An_edit_reextracts_only_the_changed_file_and_updates_diagnostics()
    {
        var host = new AnalysisHost(new AnalysisOptions("/"));
        host.ApplyChange(WorkspaceChange.Of(
            new FileChange("/native/mathcore/Cargo.toml", "[package]\nname = \"mathcore\"\n[lib]\ncrate-type = [\"cdylib\"]\n"),
            new FileChange("/native/mathcore/src/lib.rs", "#[no_mangle] pub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n"),
            new FileChange("/app/Native.cs", "using System.Runtime.InteropServices;\nstatic class Native { [DllImport(\"mathcore\")] static extern int mc_add(int a, int b); }\n")));
        var before = host.Snapshot();
        Assert.Empty(before.CheckDiagnostics(CancellationToken.None));

        host.ApplyChange(WorkspaceChange.Of(new FileChange("/native/mathcore/src/lib.rs", "#[no_mangle] pub extern \"C\" fn mc_add(a: i64, b: i32) -> i32 { 0 }\n", IsOpen: true)));
        var after = host.Snapshot();
        Assert.Equal(["HL1003"], after.CheckDiagnostics(CancellationToken.None).Select(d => d.Code));
        // The older snapshot is immutable: queries on it still answer for the old text.
        Assert.Empty(before.CheckDiagnostics(CancellationToken.None));
        // The editor also shows the finding on the Rust side.
        Assert.Equal(["HL1003"], after.Diagnostics("/native/mathcore/src/lib.rs", CancellationToken.None).Select(d => d.Code));
    }
}

public sealed class ParseErrorScopeTests
{
    [Fact]
    public void Parse_errors_outside_a_crate_module_tree_are_not_reported() => CheckDiagnostics(Crates.MathCore + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native { [DllImport("mathcore")] static extern int mc_one(); }
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_one() -> i32 { 1 }
        //- /native/mathcore/build.rs
        fn main( {
        //- /native/mathcore/tests/it.rs
        struct = ;
        """);
}
