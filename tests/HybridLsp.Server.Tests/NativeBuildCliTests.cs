using System.Diagnostics;

namespace HybridLsp.Server.Tests;

/// <summary>
/// `hybrid-lsp build` and `hybrid-lsp wire` for real: cargo and CMake builds with their compiler errors, the produced
/// libraries and export checks, and a console app wired to a Rust cdylib and a CMake C library that `dotnet build` and
/// `dotnet run` (offline: the project references no package) then run end to end.
/// </summary>
public sealed class NativeBuildCliTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        dir.Write("native/mc/Cargo.toml", "[package]\nname = \"mc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
        dir.Write("native/mc/src/lib.rs", "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n");
        dir.Write("native/cl/CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(cl C)\nadd_library(cl SHARED src/cl.c)\n");
        dir.Write("native/cl/src/cl.c", "int cl_mul(int a, int b) { return a * b; }\n");
        dir.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>disable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
        dir.Write("app/Program.cs",
            "using System.Runtime.InteropServices;\nstatic class Program\n{\n    [DllImport(\"mc\")] static extern int mc_add(int a, int b);\n    [DllImport(\"cl\")] static extern int cl_mul(int a, int b);\n" +
            "    static void Main() => System.Console.WriteLine($\"rust {mc_add(2, 3)} c {cl_mul(4, 5)}\");\n}\n");
        return dir;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> arguments, string directory)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = directory };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {s_timeout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> HybridLsp(string directory, params string[] arguments)
        => RunAsync(ServerProcess.Command.Program, [.. ServerProcess.Command.Arguments, .. arguments], directory);

    [Fact]
    public async Task Build_of_a_crate_prints_rustc_errors_then_the_library_and_the_missing_exports()
    {
        using var dir = Workspace();
        dir.Write("native/mc/src/lib.rs", "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b + \"one\" }\n");
        var broken = await HybridLsp(dir.Path, "build", "native/mc", "--root", dir.Path);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("native/mc/src/lib.rs:2:57: error[E0277]: cannot add `&str` to `i32`", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("hybrid-lsp: cargo build failed (exit code 101) in ", broken.Stderr, StringComparison.Ordinal);
        Assert.Equal("", broken.Stdout);

        dir.Write("native/mc/src/lib.rs", "#[no_mangle]\npub extern \"C\" fn mc_add(a: i32, b: i32) -> i32 { a + b }\n");
        dir.Write("app/More.cs", "using System.Runtime.InteropServices;\nstatic class More\n{\n    [DllImport(\"mc\")] static extern int mc_sub(int a, int b);\n}\n");
        var built = await HybridLsp(dir.Path, "build", "native/mc", "--root", dir.Path);
        Assert.Equal(1, built.ExitCode);
        Assert.Equal($"built mc: {dir.EnginePath}/native/mc/target/debug/libmc.so\n  1 of 2 bound entry points exported (ELF 64-bit little-endian shared object (x86-64))\n", built.Stdout);
        Assert.Contains("app/More.cs:4:41: error HL1001: 'mc_sub' is bound by C# 'More.mc_sub' but 'libmc.so' does not export it", built.Stderr, StringComparison.Ordinal);
        Assert.Contains("  Compiling mc v0.1.0", built.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_of_a_cmake_library_reports_gcc_errors_and_builds_release_into_its_own_tree()
    {
        using var dir = Workspace();
        dir.Write("native/cl/src/cl.c", "int cl_mul(int a, int b) { return a * b }\n");
        var broken = await HybridLsp(dir.Path, "build", "native/cl", "--root", dir.Path, "--release");
        Assert.Equal(1, broken.ExitCode);
        Assert.Matches(@"native/cl/src/cl\.c:1:\d+: error: expected .;. before .}. token", broken.Stderr); // gcc quotes with ‘’ in UTF-8 locales

        dir.Write("native/cl/src/cl.c", "int cl_mul(int a, int b) { return a * b; }\n");
        var built = await HybridLsp(dir.Path, "build", "native/cl", "--root", dir.Path, "--release");
        Assert.True(built.ExitCode == 0, built.Stderr);
        Assert.Equal($"built cl: {dir.EnginePath}/native/cl/build/hybrid-lsp-release/libcl.so\n  1 of 1 bound entry points exported (ELF 64-bit little-endian shared object (x86-64))\n", built.Stdout);
        Assert.Contains("cmake configure (Release)", built.Stderr, StringComparison.Ordinal);
        Assert.Contains("%] Linking C shared library libcl.so\n", built.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wired_project_builds_both_native_modules_and_runs_with_dotnet_run()
    {
        using var dir = Workspace();
        var app = Path.Combine(dir.Path, "app");
        var rust = await HybridLsp(dir.Path, "wire", "app/App.csproj", "--module", "native/mc", "--root", dir.Path);
        Assert.True(rust.ExitCode == 0, rust.Stderr);
        Assert.Equal("app/App.csproj: 'dotnet build' now builds native/mc first and copies its library next to the app\n", rust.Stdout);
        var c = await HybridLsp(dir.Path, "wire", "app/App.csproj", "--module", "native/cl", "--root", dir.Path);
        Assert.True(c.ExitCode == 0, c.Stderr);
        var wired = File.ReadAllText(Path.Combine(app, "App.csproj"));
        var again = await HybridLsp(dir.Path, "wire", "app/App.csproj", "--module", "native/cl", "--root", dir.Path);
        Assert.Equal((0, "app/App.csproj already builds native/cl: nothing to change\n"), (again.ExitCode, again.Stdout));
        Assert.Equal(wired, File.ReadAllText(Path.Combine(app, "App.csproj")));

        var build = await RunAsync("dotnet", ["build", "-nologo", "-v", "q"], app);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.True(File.Exists(Path.Combine(app, "bin/Debug/net10.0/libmc.so")));
        Assert.True(File.Exists(Path.Combine(app, "bin/Debug/net10.0/libcl.so")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "native/mc/target/debug/libmc.so")), "Configuration=Debug builds cargo's debug profile");
        Assert.True(File.Exists(Path.Combine(dir.Path, "native/cl/build/hybrid-lsp-debug/libcl.so")));
        var run = await RunAsync("dotnet", ["run", "--no-build"], app);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("rust 5 c 20\n", run.Stdout);
    }

    [Theory]
    [InlineData("build", "no-such-folder")]
    [InlineData("wire", "no-such.csproj", "--module", "native/mc")]
    [InlineData("wire", "app/App.csproj", "--module", "native/nothing-here")]
    [InlineData("wire", "app/App.csproj")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] arguments)
    {
        using var dir = Workspace();
        Directory.CreateDirectory(Path.Combine(dir.Path, "native/nothing-here"));
        var result = await HybridLsp(dir.Path, [.. arguments, "--root", dir.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hybrid-lsp: ", result.Stderr, StringComparison.Ordinal);
    }
}
