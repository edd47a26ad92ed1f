using HybridLsp.Ide;
using HybridLsp.Ide.Benchmarks;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The generated BenchmarkDotNet project in a workspace under central package management: a Directory.Packages.props at
/// the root (ManagePackageVersionsCentrally, transitive pinning, a PackageVersion of another BenchmarkDotNet) governs the
/// app and, by folder, the generated project below `.hybrid-lsp/benchmarks/`. The rendered project must still restore
/// from NuGet and build (before, its versioned PackageReference failed restore with NU1008).
/// </summary>
public sealed class BenchmarkCpmOracleTests
{
    private static readonly Dictionary<string, string> s_files = new()
    {
        ["Directory.Packages.props"] = """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="BenchmarkDotNet" Version="0.14.0" />
              </ItemGroup>
            </Project>
            """,
        ["native/fastsum/Cargo.toml"] = "[package]\nname = \"fastsum\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
        ["native/fastsum/src/lib.rs"] = "#[no_mangle]\npub extern \"C\" fn fs_twice(x: i32) -> i32 {\n    x.wrapping_mul(2)\n}\n",
        ["app/App.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
            </Project>
            """,
        ["app/Native.cs"] = """
            using System.Runtime.InteropServices;

            namespace Demo;

            internal static class Native
            {
                [DllImport("fastsum")]
                private static extern int fs_twice(int x);

                internal static int Twice(int x) => fs_twice(x);

                internal static int TwiceManaged(int x) => unchecked(x * 2);
            }
            """,
    };

    [Fact]
    public async Task Generated_benchmark_project_restores_and_builds_under_central_package_management()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-bench", $"cpm-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        foreach (var (path, text) in s_files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName($"{dir}/{path}")!);
            File.WriteAllText($"{dir}/{path}", text);
        }
        // The app itself restores under central management (it references no package).
        await RunAsync("dotnet", ["build", $"{dir}/app/App.csproj", "-nologo", "-v", "q"], dir);

        var host = new AnalysisHost(new AnalysisOptions(dir));
        host.ApplyChange(new WorkspaceChange([.. s_files.Select(f => new FileChange($"{dir}/{f.Key}", f.Value))]));
        var native = s_files["app/Native.cs"];
        var offset = native.IndexOf(" Twice(", StringComparison.Ordinal) + 1;
        var result = host.Snapshot().BenchmarkPlan(new FilePosition($"{dir}/app/Native.cs", offset), null, CancellationToken.None);
        var plan = result.Plan ?? throw new InvalidOperationException(result.Error);

        // The library's bytes do not matter to restore and build: the build copies it next to the benchmark.
        var library = $"{dir}/native/fastsum/target/release/libfastsum.so";
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        File.WriteAllText(library, "not loaded by this test");
        var rendering = BenchmarkProject.Render(plan, library, dir, File.Exists);
        Assert.True(rendering.Succeeded, rendering.Error);
        foreach (var file in rendering.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, string.Concat(file.Edits.Select(e => e.NewText)));
        }

        var output = await RunAsync("dotnet", ["build", plan.ProjectFile, "-c", "Release", "-nologo", "-v", "q"], dir);
        Assert.DoesNotContain("NU1008", output, StringComparison.Ordinal);
        var assets = File.ReadAllText($"{plan.ProjectDirectory}/obj/project.assets.json");
        // The version the template pins, not the central one: the benchmark measures with the BenchmarkDotNet it was written for.
        Assert.Contains("\"BenchmarkDotNet/0.15.8\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"BenchmarkDotNet/0.14.0\"", assets, StringComparison.Ordinal);
        Assert.True(File.Exists($"{plan.ProjectDirectory}/bin/Release/net10.0/{plan.ProjectName}.dll"));
        Assert.True(File.Exists($"{plan.ProjectDirectory}/bin/Release/net10.0/libfastsum.so"));
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string directory)
    {
        var (stdout, stderr) = await ToolProcess.RunAsync(program, arguments, directory);
        return stdout + stderr;
    }
}
