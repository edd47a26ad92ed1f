using HybridLsp.Ide.Assists;
using HybridLsp.Syntax.Text;
using HybridLsp.Tests.Fixtures;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

/// <summary>"Extract to native" wires the module into the method's project within its own edit: new and existing modules,
/// idempotence, the untrusted variant of the code action, and what cannot be wired.</summary>
public sealed class ExtractWiringTests
{
    private const string Csproj = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n";

    /// <summary>An existing cdylib crate 'fast' with one export.</summary>
    private const string FastCrate = """
        //- /native/fast/Cargo.toml
        [package]
        name = "fast"
        version = "0.1.0"
        edition = "2021"

        [lib]
        crate-type = ["cdylib"]
        //- /native/fast/src/lib.rs
        #[no_mangle]
        pub extern "C" fn fast_one() -> i32 { 1 }

        """;

    private const string Kernels = """
        //- /app/Kernels.cs
        static class Kernels
        {
            public static int Tw$0ice(int x) => x * 2;
            public static int Half(int x) => x / 2;
        }
        """;

    private static ExtractResult Extract(string text, string language, ExtractOptions? options = null)
    {
        var fixture = Fixture.Parse(text);
        var (path, offset) = fixture.Cursor!.Value;
        return Load(fixture).ExtractToNative(path, offset, options ?? new ExtractOptions(language), CancellationToken.None);
    }

    private static string ProjectAfter(ExtractResult result, string project = "/app/App.csproj", string before = Csproj)
    {
        var edit = Assert.Single(result.Action!.Edits, e => e.Path == project);
        var text = new System.Text.StringBuilder(before);
        foreach (var e in edit.Edits.OrderByDescending(e => e.Span.Start))
            text.Remove(e.Span.Start, e.Span.Length).Insert(e.Span.Start, e.NewText);
        return text.ToString();
    }

    [Theory]
    [InlineData("rust", "new crate 'native/kernels'", "../native/kernels/target", " build --manifest-path &quot;$(HybridLsp_kernels_Dir)/Cargo.toml&quot;")]
    [InlineData("cpp", "new C++ library 'native/kernels'", "../native/kernels/build", "cmake --build")]
    public void A_new_module_is_wired_in_the_same_edit(string language, string where, string output, string command)
    {
        var result = Extract("//- /app/App.csproj\n" + Csproj + Kernels, language);
        Assert.True(result.Action is not null, result.Error);
        var display = language == "rust" ? "Rust" : "C++";
        Assert.Equal($"Extract 'Twice' to {display} ('kernels_twice' in {where}), built by App.csproj", result.Action.Title);
        Assert.True(result.Action.RequiresTrust);
        Assert.True(result.Wired);
        Assert.Equal("'dotnet build' of App.csproj now builds kernels first and copies its library next to the app", result.WireNote);
        var project = ProjectAfter(result);
        Assert.Contains("  <!-- hybrid-lsp:native-build kernels begin -->\n", project, StringComparison.Ordinal);
        Assert.Contains("$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/../native/kernels'))", project, StringComparison.Ordinal);
        Assert.Contains($"$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/{output}'))", project, StringComparison.Ordinal);
        Assert.Contains(command, project, StringComparison.Ordinal);
        Assert.EndsWith("  <!-- hybrid-lsp:native-build kernels end -->\n</Project>\n", project, StringComparison.Ordinal);

        // Untrusted: the same edit without the project file, and the title says so.
        var untrusted = result.Action.Untrusted!;
        Assert.Equal($"Extract 'Twice' to {display} ('kernels_twice' in {where}); not wired into App.csproj: untrusted workspace", untrusted.Title);
        Assert.False(untrusted.RequiresTrust);
        Assert.Equal(result.Action.Edits.Where(e => e.Path != "/app/App.csproj").Select(e => (e.Path, string.Concat(e.Edits.Select(t => t.NewText)))),
            untrusted.Edits.Select(e => (e.Path, string.Concat(e.Edits.Select(t => t.NewText)))));
    }

    [Fact]
    public void The_code_actions_carry_the_untrusted_variant()
    {
        var fixture = Fixture.Parse("//- /app/App.csproj\n" + Csproj + Kernels);
        var (path, offset) = fixture.Cursor!.Value;
        var actions = Load(fixture).CodeActions(path, new TextSpan(offset, 0), CancellationToken.None).Where(a => a.Kind == CodeActionKinds.RefactorExtractNative).ToList();
        Assert.Equal(["Extract 'Twice' to Rust ('kernels_twice' in new crate 'native/kernels'), built by App.csproj",
                      "Extract 'Twice' to C++ ('kernels_twice' in new C++ library 'native/kernels'), built by App.csproj"], actions.Select(a => a.Title));
        Assert.All(actions, a => Assert.Contains(a.Edits, e => e.Path == "/app/App.csproj"));
        Assert.All(actions, a => Assert.DoesNotContain(a.Untrusted!.Edits, e => e.Path == "/app/App.csproj"));
    }

    [Fact]
    public void An_existing_crate_already_wired_gets_no_second_block()
    {
        var wired = WireNativeBuild.Apply(Csproj, "/app/App.csproj",
            new HybridLsp.Ide.BuildableModule(HybridLsp.Ide.BuildSystem.Cargo, "kernels", "/native/kernels", "/native/kernels", "/native/kernels/Cargo.toml", "kernels", true, [], "/native/kernels/target")).NewText!;
        var text = "//- /app/App.csproj\n" + wired + """
            //- /native/kernels/Cargo.toml
            [package]
            name = "kernels"
            version = "0.1.0"
            edition = "2021"

            [lib]
            crate-type = ["cdylib"]
            //- /native/kernels/src/lib.rs
            #[no_mangle]
            pub extern "C" fn kernels_half(x: i32) -> i32 { x / 2 }

            """ + Kernels;
        var result = Extract(text, "rust");
        Assert.True(result.Action is not null, result.Error);
        Assert.Equal("Extract 'Twice' to Rust ('kernels_twice' in crate 'kernels')", result.Action.Title);
        Assert.False(result.Action.RequiresTrust);
        Assert.Null(result.Action.Untrusted);
        Assert.True(result.Wired);
        Assert.Equal("App.csproj already builds kernels", result.WireNote);
        Assert.DoesNotContain(result.Action.Edits, e => e.Path == "/app/App.csproj");
    }

    [Fact]
    public void An_existing_unwired_crate_is_wired_once()
    {
        var result = Extract("//- /app/App.csproj\n" + Csproj + FastCrate + Kernels, "rust");
        Assert.True(result.Action is not null, result.Error);
        Assert.Equal("Extract 'Twice' to Rust ('fast_twice' in crate 'fast'), built by App.csproj", result.Action.Title);
        Assert.Contains("<!-- hybrid-lsp:native-build fast begin -->", ProjectAfter(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_false_leaves_the_project_alone()
    {
        var result = Extract("//- /app/App.csproj\n" + Csproj + Kernels, "rust", new ExtractOptions("rust") { Wire = false });
        Assert.Equal("Extract 'Twice' to Rust ('kernels_twice' in new crate 'native/kernels')", result.Action!.Title);
        Assert.False(result.Wired);
        Assert.Null(result.WireNote);
        Assert.DoesNotContain(result.Action.Edits, e => e.Path.EndsWith(".csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void What_cannot_be_wired_still_extracts_and_says_why()
    {
        // No project above the file (the binding goes into the class that already binds the crate).
        var loose = Extract(FastCrate + """
            //- /loose/Kernels.cs
            using System.Runtime.InteropServices;
            static class Kernels
            {
                [DllImport("fast")] static extern int fast_one();
                public static int Tw$0ice(int x) => x * 2;
            }
            """, "rust");
        Assert.True(loose.Action is not null, loose.Error);
        Assert.False(loose.Wired);
        Assert.Equal("not wired into dotnet build: 'Kernels.cs' belongs to no .csproj", loose.WireNote);

        // A project file that is not a <Project> (half-written, binary junk).
        var broken = Extract("//- /app/App.csproj\n<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n" + Kernels, "rust");
        Assert.True(broken.Action is not null, broken.Error);
        Assert.False(broken.Wired);
        Assert.Equal("not wired into dotnet build: the project file has no <Project> element to add the build to", broken.WireNote);
        Assert.DoesNotContain(broken.Action.Edits, e => e.Path == "/app/App.csproj");
        Assert.Null(broken.Action.Untrusted);

        // --into a crate that builds no cdylib: extracted into it, not wired.
        var rlib = Extract("//- /app/App.csproj\n" + Csproj + """
            //- /native/plain/Cargo.toml
            [package]
            name = "plain"
            version = "0.1.0"
            edition = "2021"
            //- /native/plain/src/lib.rs
            pub fn one() -> i32 { 1 }

            """ + Kernels, "rust", new ExtractOptions("rust", "native/plain"));
        Assert.True(rlib.Action is not null, rlib.Error);
        Assert.False(rlib.Wired);
        Assert.Equal("not wired into dotnet build: crate 'plain' does not build a cdylib (add crate-type = [\"cdylib\"] to its [lib])", rlib.WireNote);
    }
}
