using HybridLsp.Ide;
using HybridLsp.Ide.Assists;
using HybridLsp.Tests.Fixtures;
using HybridLsp.Tests.Rules;

namespace HybridLsp.Tests.Assists;

/// <summary>
/// Wiring a native module into dotnet build (the engine's pure .csproj edit), the modules `build` knows, and the Build
/// lenses. A real `dotnet build` + `dotnet run` of a wired project is in HybridLsp.Server.Tests (NativeBuildProtocolTests).
/// </summary>
public sealed class WireNativeBuildTests
{
    private const string Workspace = Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_$0add(int a, int b);
            [LibraryImport("mathcore", EntryPoint = "mc_add")] internal static partial int Add2(int a, int b);
        }
        """;

    [Fact]
    public void Wiring_adds_one_delimited_block_before_the_closing_project_tag()
    {
        var (before, after) = BuildFixtureHost.Wire(Workspace, "/app/App.csproj", "/native/mathcore");
        Assert.StartsWith(before.TrimEnd()[..^"</Project>".Length], after, StringComparison.Ordinal);
        Assert.EndsWith("  <!-- hybrid-lsp:native-build mathcore end -->\n</Project>", after.TrimEnd(), StringComparison.Ordinal);
        var block = after[after.IndexOf("  <!-- hybrid-lsp:native-build mathcore begin -->", StringComparison.Ordinal)..];
        Assert.Contains("<HybridLsp_mathcore_Dir>$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/../native/mathcore'))</HybridLsp_mathcore_Dir>", block, StringComparison.Ordinal);
        Assert.Contains("<HybridLsp_mathcore_Lib>$([System.IO.Path]::GetFullPath('$(MSBuildProjectDirectory)/../native/mathcore/target'))/$(HybridLsp_mathcore_Profile)/$(HybridLsp_mathcore_File)</HybridLsp_mathcore_Lib>", block, StringComparison.Ordinal);
        Assert.Contains("<HybridLsp_mathcore_File Condition=\"$([MSBuild]::IsOSPlatform('Windows'))\">mathcore.dll</HybridLsp_mathcore_File>", block, StringComparison.Ordinal);
        Assert.Contains("<HybridLsp_mathcore_File Condition=\"$([MSBuild]::IsOSPlatform('OSX'))\">libmathcore.dylib</HybridLsp_mathcore_File>", block, StringComparison.Ordinal);
        Assert.Contains(">libmathcore.so</HybridLsp_mathcore_File>", block, StringComparison.Ordinal);
        Assert.Contains("<HybridLsp_mathcore_Profile Condition=\"'$(Configuration)' == 'Release'\">release</HybridLsp_mathcore_Profile>", block, StringComparison.Ordinal);
        Assert.Contains("build --manifest-path &quot;$(HybridLsp_mathcore_Dir)/Cargo.toml&quot; $(HybridLsp_mathcore_ReleaseFlag)", block, StringComparison.Ordinal);
        Assert.Contains("<Target Name=\"HybridLsp_mathcore_Build\" BeforeTargets=\"BeforeBuild\">", block, StringComparison.Ordinal);
        Assert.Contains("Pack=\"true\" PackagePath=\"runtimes/$(HybridLsp_mathcore_Rid)/native/\"", block, StringComparison.Ordinal);
        // Well-formed XML that MSBuild can load.
        System.Xml.Linq.XDocument.Parse(after);
    }

    [Fact]
    public void Wiring_twice_changes_nothing()
    {
        var (_, once) = BuildFixtureHost.Wire(Workspace, "/app/App.csproj", "/native/mathcore");
        var again = BuildFixtureHost.WireText(Workspace, "/app/App.csproj", once, "/native/mathcore");
        Assert.Null(again.Error);
        Assert.False(again.Changed);
        Assert.Equal(once, again.NewText);
    }

    [Fact]
    public void An_edited_block_is_replaced_in_place_and_the_rest_is_kept()
    {
        var (_, once) = BuildFixtureHost.Wire(Workspace, "/app/App.csproj", "/native/mathcore");
        var edited = once.Replace("</Project>", "  <ItemGroup><Compile Remove=\"Old.cs\" /></ItemGroup>\n</Project>", StringComparison.Ordinal)
            .Replace("BeforeTargets=\"BeforeBuild\"", "BeforeTargets=\"Something\"", StringComparison.Ordinal);
        var result = BuildFixtureHost.WireText(Workspace, "/app/App.csproj", edited, "/native/mathcore");
        Assert.True(result.Changed);
        Assert.Single(result.Edits);
        Assert.Equal(once.Replace("</Project>", "  <ItemGroup><Compile Remove=\"Old.cs\" /></ItemGroup>\n</Project>", StringComparison.Ordinal), result.NewText);
        Assert.Equal("BeforeBuild", result.Edits[0].NewText); // the smallest edit: only what differs
    }

    [Fact]
    public void Crlf_projects_stay_crlf()
    {
        const string project = "<Project Sdk=\"Microsoft.NET.Sdk\">\r\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\r\n</Project>\r\n";
        var result = BuildFixtureHost.WireText(Workspace, "/app/App.csproj", project, "/native/mathcore");
        Assert.DoesNotContain("\n", result.NewText!.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("end -->\r\n</Project>\r\n", result.NewText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">", "the project file has no <Project> element to add the build to")]
    [InlineData("not xml at all", "the project file has no <Project> element to add the build to")]
    [InlineData("<Project>\n  <!-- hybrid-lsp:native-build mathcore begin -->\n</Project>", "the hybrid-lsp block for 'mathcore' has lost its end line ('<!-- hybrid-lsp:native-build mathcore end -->'); remove the block's remains and wire again")]
    public void Projects_it_cannot_wire_get_a_reason(string project, string error)
    {
        var result = BuildFixtureHost.WireText(Workspace, "/app/App.csproj", project, "/native/mathcore");
        Assert.Equal(error, result.Error);
        Assert.False(result.Changed);
    }

    [Fact]
    public void A_crate_that_is_not_a_cdylib_is_refused()
    {
        var workspace = Workspace.Replace("crate-type = [\"cdylib\"]", "crate-type = [\"rlib\"]", StringComparison.Ordinal);
        var result = BuildFixtureHost.WireText(workspace, "/app/App.csproj", "<Project></Project>", "/native/mathcore");
        Assert.Equal("crate 'mathcore' does not build a cdylib (add crate-type = [\"cdylib\"] to its [lib])", result.Error);
    }

    [Fact]
    public void An_unknown_module_folder_is_refused()
        => Assert.Equal("'/native/nothing' holds no Rust crate and no CMake shared library this workspace knows",
            BuildFixtureHost.WireText(Workspace, "/app/App.csproj", "<Project></Project>", "/native/nothing").Error);

    [Fact]
    public void The_extern_offers_wiring_until_its_project_is_wired()
    {
        var (_, wired) = BuildFixtureHost.Wire(Workspace, "/app/App.csproj", "/native/mathcore");
        Assert.Equal("\n" + wired[wired.IndexOf("  <!-- hybrid-lsp:native-build", StringComparison.Ordinal)..wired.LastIndexOf("</Project>", StringComparison.Ordinal)],
            BuildFixtureHost.WireActionInsertion(Workspace, "Build mathcore with dotnet build"));
        var wiredWorkspace = Workspace.Replace(
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>", wired, StringComparison.Ordinal);
        FixtureHost.CheckNoRefactor("Build mathcore with dotnet build", wiredWorkspace);
    }

    [Fact]
    public void Build_modules_list_the_crate_with_its_bound_entry_points()
    {
        var module = Assert.Single(BuildFixtureHost.Modules(Workspace));
        Assert.Equal(BuildSystem.Cargo, module.System);
        Assert.Equal(("mathcore", "/native/mathcore", "/native/mathcore/Cargo.toml", "mathcore", true, "/native/mathcore/target"),
            (module.Name, module.Directory, module.ManifestPath, module.LibName, module.IsLoadable, module.OutputDirectory));
        Assert.Equal(["mc_add Native.mc_add", "mc_add Native.Add2"], module.Bindings.Select(b => $"{b.EntryPoint} {b.Method}"));
    }

    [Fact]
    public void A_cargo_workspace_member_builds_into_the_workspace_target_folder()
    {
        var workspace = Workspace + "\n" + """
            //- /native/Cargo.toml
            [workspace]
            members = ["mathcore"]
            """;
        Assert.Equal("/native/target", Assert.Single(BuildFixtureHost.Modules(workspace)).OutputDirectory);
    }

    [Fact]
    public void Lenses_sit_on_the_manifest_and_on_the_first_bound_extern_of_each_file() => BuildFixtureHost.CheckLenses(Crates.MathCore + """
        //- /native/mathcore/src/lib.rs
        #[no_mangle] pub extern "C" fn mc_add(a: i32, b: i32) -> i32 { a + b }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("mathcore")] internal static partial int mc_add(int a, int b);
                                                                  //^^^^^^ Build mathcore
            [LibraryImport("mathcore", EntryPoint = "mc_add")] internal static partial int Add2(int a, int b);
            [LibraryImport("libc")] internal static partial int getpid();
        }
        """, "/native/mathcore/Cargo.toml:[package]", "/native/mathcore");
}
