using System.Text;
using HybridLsp.Ide;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// "Create C function", "Create a new C library" and "Create a new C++ library" are correct for real: applied to a temp
/// workspace with a top-level CMake project, `check` reports nothing, `cmake --build` builds every library, and the
/// stubs are in each library's export table (and nothing else is: the visibility presets stay hidden).
/// </summary>
public sealed class CStubOracleTests
{
    [Fact]
    public void Created_c_function_and_new_c_and_cpp_libraries_check_clean_and_build()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hybrid-lsp-cstubs", $"oracle-{Environment.ProcessId}").Replace('\\', '/');
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{dir}/CMakeLists.txt"] = "cmake_minimum_required(VERSION 3.16)\nproject(all C CXX)\nadd_subdirectory(native/imageops)\n",
            [$"{dir}/native/imageops/CMakeLists.txt"] = """
                add_library(imageops SHARED src/imageops.c)
                target_include_directories(imageops PUBLIC include)
                set_target_properties(imageops PROPERTIES C_VISIBILITY_PRESET hidden)
                """,
            [$"{dir}/native/imageops/include/imageops.h"] = """
                #ifndef IMAGEOPS_H
                #define IMAGEOPS_H
                #if defined(_WIN32)
                #  define IMAGEOPS_API __declspec(dllexport)
                #else
                #  define IMAGEOPS_API __attribute__((visibility("default")))
                #endif
                #include <stddef.h>
                typedef struct { unsigned char r, g, b, a; } Rgba;
                IMAGEOPS_API size_t io_count(size_t len);
                #endif
                """,
            [$"{dir}/native/imageops/src/imageops.c"] = "#include \"imageops.h\"\nsize_t io_count(size_t len) { return len; }\nstatic int helper(void) { return 1; }\n",
            [$"{dir}/app/App.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
                </Project>
                """,
            [$"{dir}/app/Native.cs"] = """
                using System.Runtime.InteropServices;

                [StructLayout(LayoutKind.Sequential)] struct Rgba { public byte R, G, B, A; }
                [StructLayout(LayoutKind.Sequential)] struct Span2 { public long Start; public double Length; public nint Data; }

                static unsafe partial class Native
                {
                    [LibraryImport("imageops")] internal static partial nuint io_count(nuint len);
                    [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf8)]
                    [return: MarshalAs(UnmanagedType.U1)]
                    internal static partial bool io_blend(ref Rgba target, in Rgba source, float alpha, string mode, delegate* unmanaged<int, int> progress);
                    [LibraryImport("codec")] internal static partial Span2 codec_span(byte* data, nuint len, CLong flags);
                    [LibraryImport("codec")] internal static partial void codec_reset();
                    [LibraryImport("geometry")] internal static partial double geo_area(double w, double h);
                    [LibraryImport("geometry")] internal static partial Rgba* geo_color([MarshalAs(UnmanagedType.U1)] bool dark);
                }
                """,
        };

        Apply(dir, files, "io_blend", "Create C function 'io_blend' in library 'imageops'");
        Apply(dir, files, "codec_span", "Create a new C library named 'codec' in 'native/codec'");
        Apply(dir, files, "geo_area", "Create a new C++ library named 'geometry' in 'native/geometry'");
        Assert.Contains("add_subdirectory(native/codec)", files[$"{dir}/CMakeLists.txt"], StringComparison.Ordinal);
        Assert.Contains("add_subdirectory(native/geometry)", files[$"{dir}/CMakeLists.txt"], StringComparison.Ordinal);

        var findings = Analyze(dir, files).CheckDiagnostics(CancellationToken.None).Where(d => d.Severity != Severity.Hint).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(d => $"{d.Path} {d.Code}: {d.Message}")));

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        NativeBuild.CMake(dir, $"{dir}/build");
        Assert.Equal(["io_blend", "io_count"], NativeBuild.ExportedSymbols($"{dir}/build/native/imageops/libimageops.so"));
        Assert.Equal(["codec_reset", "codec_span"], NativeBuild.ExportedSymbols($"{dir}/build/native/codec/libcodec.so"));
        Assert.Equal(["geo_area", "geo_color"], NativeBuild.ExportedSymbols($"{dir}/build/native/geometry/libgeometry.so"));
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
}
