using System.Diagnostics;
using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// Bind is correct for real: the binding file the engine generates for a crate checks clean, and a C# program calling
/// every generated binding builds, runs against the cargo-built library and gets the native results.
/// </summary>
public sealed class BindOracleTests
{
    private const string Manifest = "[package]\nname = \"orabind\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n";

    private const string Lib = """
        use std::ffi::CStr;
        use std::os::raw::{c_char, c_int, c_long};

        #[repr(C)]
        pub struct Vec2 { pub x: f32, pub y: f32 }

        #[repr(u8)]
        pub enum Mode { Sum = 1, Product = 2 }

        #[no_mangle] pub extern "C" fn ob_add(a: i32, b: i32) -> i32 { a + b }
        #[no_mangle] pub extern "C" fn ob_both(a: bool, b: bool) -> bool { a && b }
        #[no_mangle] pub unsafe extern "C" fn ob_sum(values: *const i64, len: usize) -> i64 { std::slice::from_raw_parts(values, len).iter().sum() }
        #[no_mangle] pub extern "C" fn ob_dot(a: Vec2, b: Vec2) -> f32 { a.x * b.x + a.y * b.y }
        #[no_mangle] pub unsafe extern "C" fn ob_scale(v: *mut Vec2, k: f32) { (*v).x *= k; (*v).y *= k; }
        #[no_mangle] pub extern "C" fn ob_apply(mode: Mode, a: c_int, b: c_int) -> c_int { match mode { Mode::Sum => a + b, Mode::Product => a * b } }
        #[no_mangle] pub extern "C" fn ob_call(f: extern "C" fn(i32) -> i32, x: i32) -> i32 { f(x) }
        #[no_mangle] pub unsafe extern "C" fn ob_len(s: *const c_char) -> usize { CStr::from_ptr(s).to_bytes().len() }
        #[no_mangle] pub extern "C" fn ob_neg(x: c_long) -> c_long { -x }
        #[no_mangle] pub extern "C" fn ob_skipped(s: &str) -> usize { s.len() }
        """;

    private const string Program = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        unsafe
        {
            var values = new long[] { 1, 2, 39 };
            long sum;
            fixed (long* p = values)
                sum = OrabindNative.ob_sum(p, (nuint)values.Length);
            var v = new OrabindNative.Vec2 { x = 1, y = 2 };
            OrabindNative.ob_scale(&v, 3);
            Console.WriteLine(string.Join(" ",
                OrabindNative.ob_add(40, 2),
                OrabindNative.ob_both(true, true), OrabindNative.ob_both(true, false),
                sum,
                OrabindNative.ob_dot(new OrabindNative.Vec2 { x = 1, y = 2 }, new OrabindNative.Vec2 { x = 3, y = 4 }),
                v.x + "," + v.y,
                OrabindNative.ob_apply(OrabindNative.Mode.Product, 6, 7),
                OrabindNative.ob_call(&Callbacks.Twice, 21),
                OrabindNative.ob_len("héllo"),
                OrabindNative.ob_neg(new CLong(5)).Value));
        }

        static class Callbacks
        {
            [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
            public static int Twice(int x) => 2 * x;
        }
        """;

    /// <summary>Without AllowUnsafeBlocks: DllImport, pointers as nint, no function pointer.</summary>
    private const string SafeProgram = """
        using System.Runtime.InteropServices;

        var values = Marshal.AllocHGlobal(3 * sizeof(long));
        Marshal.Copy(new long[] { 1, 2, 39 }, 0, values, 3);
        var v = Marshal.AllocHGlobal(8);
        Marshal.StructureToPtr(new OrabindNative.Vec2 { x = 1, y = 2 }, v, false);
        OrabindNative.ob_scale(v, 3);
        var scaled = Marshal.PtrToStructure<OrabindNative.Vec2>(v);
        Console.WriteLine(string.Join(" ",
            OrabindNative.ob_add(40, 2),
            OrabindNative.ob_both(true, true), OrabindNative.ob_both(true, false),
            OrabindNative.ob_sum(values, 3),
            OrabindNative.ob_dot(new OrabindNative.Vec2 { x = 1, y = 2 }, new OrabindNative.Vec2 { x = 3, y = 4 }),
            scaled.x + "," + scaled.y,
            OrabindNative.ob_apply(OrabindNative.Mode.Product, 6, 7),
            42,
            OrabindNative.ob_len("héllo"),
            OrabindNative.ob_neg(new CLong(5)).Value));
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Generated_bindings_check_clean_build_and_return_the_native_results(bool allowUnsafe)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-bind", $"oracle-{allowUnsafe}-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/native/orabind/Cargo.toml"] = Manifest,
            [$"{dir}/native/orabind/src/lib.rs"] = Lib,
            [$"{dir}/app/App.csproj"] = $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>{{allowUnsafe}}</AllowUnsafeBlocks><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """,
        };
        var generated = Analyze(dir, files).BindingFile("orabind", CancellationToken.None);
        Assert.NotNull(generated);
        Assert.DoesNotContain("ob_skipped", generated, StringComparison.Ordinal);
        Assert.Equal(allowUnsafe, generated.Contains("[LibraryImport(", StringComparison.Ordinal));
        Assert.Equal(allowUnsafe, generated.Contains("ob_call", StringComparison.Ordinal));
        files[$"{dir}/app/NativeMethods.Orabind.cs"] = generated;
        files[$"{dir}/app/Program.cs"] = allowUnsafe ? Program : SafeProgram;
        var findings = Analyze(dir, files).CheckDiagnostics(CancellationToken.None).Where(d => d.Severity != Severity.Hint && d.Code != "HL2002").ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(d => $"{d.Path} {d.Code}: {d.Message}")));

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.Contains("ob_add", CargoBuild.Exports($"{dir}/native/orabind", $"{dir}/target"));
        var output = Run("dotnet", ["build", $"{dir}/app", "-o", $"{dir}/out", "--nologo", "-v", "q"], dir);
        File.Copy($"{dir}/target/debug/liborabind.so", $"{dir}/out/liborabind.so");
        output = Run("dotnet", [$"{dir}/out/App.dll"], dir);
        Assert.Equal("42 True False 42 11 3,6 42 42 6 -5", output.Trim());
    }

    private static Analysis Analyze(string root, Dictionary<string, string> files)
    {
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        return host.Snapshot();
    }

    private static string Run(string program, string[] args, string workingDirectory)
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
