using HybridLsp.Ide;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// Bind for a C library is correct for real: the binding file the engine generates (`hybrid-lsp bind`) checks clean, the
/// library builds with cmake, and a C# program calling every generated binding runs and gets the native results.
/// </summary>
public sealed class CBindOracleTests
{
    private const string Header = """
        #ifndef CBIND_H
        #define CBIND_H
        #include <stdbool.h>
        #include <stddef.h>
        #include <stdint.h>
        #if defined(_WIN32)
        #  define CBIND_API __declspec(dllexport)
        #else
        #  define CBIND_API __attribute__((visibility("default")))
        #endif
        typedef struct vec2 { float x; float y; } vec2;
        typedef enum cb_mode { CB_SUM = 1, CB_PRODUCT = 2 } cb_mode;
        typedef int32_t (*cb_fn)(int32_t);
        CBIND_API int32_t cb_add(int32_t a, int32_t b);
        CBIND_API bool cb_both(bool a, bool b);
        CBIND_API int64_t cb_sum(const int64_t* values, size_t len);
        CBIND_API float cb_dot(vec2 a, vec2 b);
        CBIND_API void cb_scale(vec2* v, float k);
        CBIND_API int cb_apply(cb_mode mode, int a, int b);
        CBIND_API int32_t cb_call(cb_fn f, int32_t x);
        CBIND_API size_t cb_len(const char* s);
        CBIND_API long cb_neg(long x);
        CBIND_API int cb_printf_like(const char* format, ...);
        #endif
        """;

    private const string Source = """
        #include "cbind.h"
        #include <string.h>
        int32_t cb_add(int32_t a, int32_t b) { return a + b; }
        bool cb_both(bool a, bool b) { return a && b; }
        int64_t cb_sum(const int64_t* values, size_t len) { int64_t s = 0; for (size_t i = 0; i < len; i++) s += values[i]; return s; }
        float cb_dot(vec2 a, vec2 b) { return a.x * b.x + a.y * b.y; }
        void cb_scale(vec2* v, float k) { v->x *= k; v->y *= k; }
        int cb_apply(cb_mode mode, int a, int b) { return mode == CB_SUM ? a + b : a * b; }
        int32_t cb_call(cb_fn f, int32_t x) { return f(x); }
        size_t cb_len(const char* s) { return strlen(s); }
        long cb_neg(long x) { return -x; }
        int cb_printf_like(const char* format, ...) { return (int)strlen(format); }
        """;

    private const string Program = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        unsafe
        {
            var values = new long[] { 1, 2, 39 };
            long sum;
            fixed (long* p = values)
                sum = CbindNative.cb_sum(p, (nuint)values.Length);
            var v = new CbindNative.vec2 { x = 1, y = 2 };
            CbindNative.cb_scale(&v, 3);
            Console.WriteLine(string.Join(" ",
                CbindNative.cb_add(40, 2),
                CbindNative.cb_both(true, true), CbindNative.cb_both(true, false),
                sum,
                CbindNative.cb_dot(new CbindNative.vec2 { x = 1, y = 2 }, new CbindNative.vec2 { x = 3, y = 4 }),
                v.x + "," + v.y,
                CbindNative.cb_apply(CbindNative.cb_mode.CB_PRODUCT, 6, 7),
                CbindNative.cb_call(&Callbacks.Twice, 21),
                CbindNative.cb_len("héllo"),
                CbindNative.cb_neg(new CLong(5)).Value));
        }

        static class Callbacks
        {
            [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void Generated_c_bindings_check_clean_build_and_return_the_native_results()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-cbind", $"oracle-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/native/cbind/CMakeLists.txt"] = """
                cmake_minimum_required(VERSION 3.16)
                project(cbind C)
                add_library(cbind SHARED src/cbind.c)
                target_include_directories(cbind PUBLIC include)
                set_target_properties(cbind PROPERTIES C_VISIBILITY_PRESET hidden)
                """,
            [$"{dir}/native/cbind/include/cbind.h"] = Header,
            [$"{dir}/native/cbind/src/cbind.c"] = Source,
            [$"{dir}/app/App.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """,
        };
        var generated = Analyze(dir, files).BindingFile("cbind", CancellationToken.None);
        Assert.NotNull(generated);
        Assert.DoesNotContain("cb_printf_like", generated, StringComparison.Ordinal);
        Assert.Contains("[LibraryImport(", generated, StringComparison.Ordinal);
        files[$"{dir}/app/NativeMethods.Cbind.cs"] = generated;
        files[$"{dir}/app/Program.cs"] = Program;
        var findings = Analyze(dir, files).CheckDiagnostics(CancellationToken.None).Where(d => d.Severity != Severity.Hint).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(d => $"{d.Path} {d.Code}: {d.Message}")) + "\n" + generated);

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        NativeBuild.CMake($"{dir}/native/cbind", $"{dir}/build");
        StubOracleTests.Run("dotnet", ["build", $"{dir}/app", "-o", $"{dir}/out", "--nologo", "-v", "q"], dir);
        File.Copy($"{dir}/build/libcbind.so", $"{dir}/out/libcbind.so");
        var output = StubOracleTests.Run("dotnet", [$"{dir}/out/App.dll"], dir);
        Assert.Equal("42 True False 42 11 3,6 42 42 6 -5", output.Trim());
    }

    private static Analysis Analyze(string root, Dictionary<string, string> files)
    {
        var host = new AnalysisHost(new AnalysisOptions(root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        return host.Snapshot();
    }
}
