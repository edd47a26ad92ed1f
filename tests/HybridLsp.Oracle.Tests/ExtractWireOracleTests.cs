using HybridLsp.Server.Cli;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The whole loop from the command line, as a user runs it: a console app prints what its methods compute; then
/// `hybrid-lsp extract` moves methods to Rust (a new crate) or C++ (a new CMake library) — and wires the module into the
/// app's .csproj in the same edit — and a plain `dotnet build` + `dotnet run`, with no `wire` or `build` step between, builds
/// the native code and prints exactly what the managed methods printed.
/// </summary>
public sealed class ExtractWireOracleTests
{
    private const string ProgramCs = """
        using System;
        using Demo;

        int[] data = [1, -2, int.MaxValue, 5, int.MinValue, 7, int.MaxValue];
        Console.WriteLine($"sum {Kernels.SumWrapping(data)} {Kernels.SumWrapping(ReadOnlySpan<int>.Empty)} {Kernels.SumWrapping([int.MaxValue, 1])}");
        foreach (var start in new long[] { 0, 1, 27, 97, long.MaxValue / 3, -5 })
            Console.WriteLine($"collatz {start} {Kernels.Collatz(start, 500)}");
        foreach (var (a, b, s) in new[] { (7, 3, 1), (int.MinValue, -1, 31), (-9, 0, 32), (123456789, -98765, 33), (0, 5, -1) })
            Console.WriteLine($"bits {a} {b} {s} {Kernels.Bits(a, b, s)}");
        """;

    private const string AppCsproj = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    [Theory]
    [InlineData("rust", "native/kernels/target/debug/libkernels.so")]
    [InlineData("cpp", "native/kernels/build/hybrid-lsp-debug/libkernels.so")]
    public async Task Extracted_methods_run_natively_after_a_plain_dotnet_build(string language, string builtLibrary)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-extract-wire", $"{language}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory($"{dir}/app");
        File.WriteAllText($"{dir}/app/App.csproj", AppCsproj);
        File.WriteAllText($"{dir}/app/Kernels.cs", ExtractOracleTests.KernelsCs);
        File.WriteAllText($"{dir}/app/Program.cs", ProgramCs);

        var managed = await DotnetBuildAndRunAsync($"{dir}/app");
        Assert.Equal(1 + 6 + 5, managed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The first extraction creates the module and wires it; the next ones go to the same module, already wired.
        string[] methods = ["SumWrapping", "Collatz", "Bits"];
        for (var i = 0; i < methods.Length; i++)
        {
            var text = File.ReadAllText($"{dir}/app/Kernels.cs");
            var line = text[..text.IndexOf($" {methods[i]}(", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            using var stdout = new StringWriter();
            var exit = ExtractVerb.Run($"{dir}/app/Kernels.cs:{line}", language, into: null, name: null, dir, stdout, CancellationToken.None);
            Assert.True(exit == 0, $"extract {methods[i]} exited {exit}:\n{stdout}");
            Assert.Contains(i == 0 ? "'dotnet build' of App.csproj now builds kernels first" : "App.csproj already builds kernels", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("Run it with dotnet build/dotnet run", stdout.ToString(), StringComparison.Ordinal);
        }
        var project = File.ReadAllText($"{dir}/app/App.csproj");
        Assert.Equal(1, project.Split("<!-- hybrid-lsp:native-build kernels begin -->").Length - 1);
        var kernels = File.ReadAllText($"{dir}/app/Kernels.cs");
        Assert.All(methods, m => Assert.Contains($" {m}Managed(", kernels, StringComparison.Ordinal));

        var native = await DotnetBuildAndRunAsync($"{dir}/app");
        Assert.Equal(managed, native);
        // It really ran native code: the wired build produced the library and copied it next to the app.
        Assert.True(File.Exists($"{dir}/{builtLibrary}"), $"{builtLibrary} was not built");
        Assert.True(File.Exists($"{dir}/app/bin/Debug/net10.0/libkernels.so"));
    }

    [Fact]
    public void No_wire_leaves_the_project_file_alone()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-extract-wire", $"nowire-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory($"{dir}/app");
        File.WriteAllText($"{dir}/app/App.csproj", AppCsproj);
        File.WriteAllText($"{dir}/app/Kernels.cs", ExtractOracleTests.KernelsCs);
        var text = ExtractOracleTests.KernelsCs;
        var line = text[..text.IndexOf(" SumWrapping(", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        using var stdout = new StringWriter();
        Assert.Equal(0, ExtractVerb.Run($"{dir}/app/Kernels.cs:{line}", "rust", null, null, dir, stdout, CancellationToken.None, wire: false));
        Assert.Equal(AppCsproj, File.ReadAllText($"{dir}/app/App.csproj"));
        Assert.Contains("wire it into the .NET build (hybrid-lsp wire)", stdout.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> DotnetBuildAndRunAsync(string app)
    {
        await RunAsync("dotnet", ["build", "-nologo", "-v", "q"], app);
        return (await RunAsync("dotnet", ["run", "--no-build"], app)).Replace("\r\n", "\n");
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string directory)
        => (await ToolProcess.RunAsync(program, arguments, directory)).Stdout;
}
