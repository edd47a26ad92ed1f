using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

/// <summary>
/// C++ libraries including the standard C wrapper headers (`cstdint`, `cstddef`, `climits`…) on every default target: on
/// the foreign ones (win-x64, osx-arm64) those headers are the product's own per-target definitions, so `std::int32_t`
/// and `int32_t` mean what the target's C library says; a system header still missing silences what depends on it.
/// </summary>
public sealed class CxxStandardHeaderTests
{
    private const string Library = """
        //- /native/geom/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(geom CXX)
        add_library(geom SHARED src/geom.cpp)
        target_include_directories(geom PUBLIC include)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>
        //- /native/geom/include/geom.h
        #pragma once
        #include <cstdint>
        #include <cstddef>
        #include <cstdbool>
        #include <climits>
        #include <cstdlib>
        #include <cstring>
        #include <cwchar>
        #include <cstdarg>
        #include <cstdio>
        #include <cinttypes>
        #define GEOM_API extern "C" __attribute__((visibility("default")))
        struct GeomPoint { std::int32_t x; std::int32_t y; std::uint8_t tag; std::int64_t id; };
        struct GeomSizes { std::size_t count; std::ptrdiff_t delta; std::uintptr_t handle; int16_t small; uint64_t big; };
        enum class GeomKind : std::uint16_t { Line = 1, Arc = 2 };
        GEOM_API std::int32_t geom_add(std::int32_t a, std::int32_t b);
        GEOM_API std::uint64_t geom_hash(const char* text, std::size_t length);
        GEOM_API bool geom_move(GeomPoint* point, std::int32_t dx, std::int32_t dy);
        GEOM_API std::size_t geom_sizes(GeomSizes* out);
        GEOM_API GeomKind geom_kind(std::int8_t code, std::intmax_t wide);
        GEOM_API std::int64_t geom_max(void);
        //- /native/geom/src/geom.cpp
        #include "geom.h"
        std::int32_t geom_add(std::int32_t a, std::int32_t b) { return a + b; }
        std::uint64_t geom_hash(const char* text, std::size_t length) { return std::strlen(text) + length; }
        bool geom_move(GeomPoint* point, std::int32_t dx, std::int32_t dy) { point->x += dx; point->y += dy; return true; }
        std::size_t geom_sizes(GeomSizes* out) { std::memset(out, 0, sizeof *out); return sizeof *out; }
        GeomKind geom_kind(std::int8_t code, std::intmax_t wide) { return code + wide > 0 ? GeomKind::Line : GeomKind::Arc; }
        std::int64_t geom_max(void) { return INT64_MAX; }

        """;

    [Fact]
    public void Std_integer_aliases_bind_cleanly_on_every_default_target() => CheckDiagnostics(Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct GeomPoint { public int x; public int y; public byte tag; public long id; }
        [StructLayout(LayoutKind.Sequential)] struct GeomSizes { public nuint count; public nint delta; public nuint handle; public short small; public ulong big; }
        enum GeomKind : ushort { Line = 1, Arc = 2 }
        static unsafe partial class Native
        {
            [LibraryImport("geom")] internal static partial int geom_add(int a, int b);
            [LibraryImport("geom")] internal static partial ulong geom_hash(sbyte* text, nuint length);
            [LibraryImport("geom")] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool geom_move(ref GeomPoint point, int dx, int dy);
            [LibraryImport("geom")] internal static partial nuint geom_sizes(out GeomSizes sizes);
            [LibraryImport("geom")] internal static partial GeomKind geom_kind(sbyte code, long wide);
            [LibraryImport("geom")] internal static partial long geom_max();
        }
        """);

    [Fact]
    public void A_true_mismatch_through_std_aliases_is_found_on_every_target() => CheckDiagnostics(Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct GeomPoint { public int x; public int y; public byte tag; public int id; }
                                                                                                                       //^^ error HL1009: field 'id' of C# struct 'GeomPoint' differs from 'id' of C++ 'GeomPoint': C# 'int' (4 bytes, signed) vs C++ 'std::int64_t' (8 bytes, signed) (fix)
        static unsafe partial class Native
        {
            [LibraryImport("geom")] internal static partial short geom_add(int a, int b);
                                                          //^^^^^ error HL1003: return type of 'geom_add': C# 'short' (2 bytes, signed) vs C++ 'std::int32_t' (4 bytes, signed) (fix)
            [LibraryImport("geom")] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool geom_move(ref GeomPoint point, int dx, int dy);
        }
        //- /hybrid-lsp.toml
        [rules]
        HL2004 = "off"
        """);

    // A finding that holds on every configured target lists no target: the messages above hold on linux-x64, win-x64 and
    // osx-arm64 alike, which the next test proves target by target.
    [Theory]
    [InlineData("linux-x64")]
    [InlineData("win-x64")]
    [InlineData("osx-arm64")]
    public void The_mismatch_is_found_on_each_target_alone(string target) => CheckDiagnostics(Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe partial class Native
        {
            [LibraryImport("geom")] internal static partial short geom_add(int a, int b);
                                                          //^^^^^ error HL1003: return type of 'geom_add': C# 'short' (2 bytes, signed) vs C++ 'std::int32_t' (4 bytes, signed) (fix)
        }
        //- /hybrid-lsp.toml
        [rules]
        HL2004 = "off"
        """, [target]);

    // <pthread.h> exists on the host only: the struct and the function written with 'pthread_t' are checked on linux-x64
    // and silent on win-x64 and osx-arm64 (no HL0003, no guessed 'int'); a function that does not depend on it is still
    // checked on every target.
    [Fact]
    public void A_system_header_missing_on_a_foreign_target_silences_what_depends_on_it()
        => CheckDiagnostics("""
        //- /native/jobs/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(jobs CXX)
        add_library(jobs SHARED src/jobs.cpp)
        target_include_directories(jobs PUBLIC include)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>
        //- /native/jobs/include/jobs.h
        #pragma once
        #include <cstdint>
        #include <pthread.h>
        #define JOBS_API extern "C" __attribute__((visibility("default")))
        struct Job { pthread_t thread; std::int32_t id; };
        JOBS_API int jobs_start(pthread_t thread, std::int32_t id);
        JOBS_API std::int32_t jobs_plain(std::int32_t x);
        JOBS_API int jobs_run(Job* job);
        //- /native/jobs/src/jobs.cpp
        #include "jobs.h"
        int jobs_start(pthread_t thread, std::int32_t id) { (void)thread; return id; }
        std::int32_t jobs_plain(std::int32_t x) { return x; }
        int jobs_run(Job* job) { return job->id; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Job { public int thread; public int id; }
                                                                    //^^^^^^ error HL1009: field 'thread' of C# struct 'Job' differs from 'thread' of C++ 'Job': C# 'int' (4 bytes, signed) vs C++ 'pthread_t' (8 bytes, unsigned) on linux-x64
        static unsafe partial class Native
        {
            [LibraryImport("jobs")] internal static partial int jobs_start(int thread, int id);
                                                                         //^^^ error HL1003: parameter 'thread' of 'jobs_start': C# 'int' (4 bytes, signed) vs C++ 'pthread_t' (8 bytes, unsigned) on linux-x64
            [LibraryImport("jobs")] internal static partial short jobs_plain(int x);
                                                          //^^^^^ error HL1003: return type of 'jobs_plain': C# 'short' (2 bytes, signed) vs C++ 'std::int32_t' (4 bytes, signed) (fix)
            [LibraryImport("jobs")] internal static partial int jobs_run(ref Job job);
        }
        //- /hybrid-lsp.toml
        [rules]
        HL2004 = "off"
        """);

    // <type_traits> is not provided for foreign targets: the static_assert using it fails there, but no declaration a
    // binding reads depends on it, so the mismatch is still found on all three targets and no HL0003 is reported.
    [Fact]
    public void A_missing_header_that_no_binding_depends_on_does_not_silence_the_others() => CheckDiagnostics("""
        //- /native/shapes/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(shapes CXX)
        add_library(shapes SHARED src/shapes.cpp)
        target_include_directories(shapes PUBLIC include)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /native/shapes/include/shapes.h
        #pragma once
        #include <cstdint>
        #include <type_traits>
        struct Size { std::int32_t w; std::int32_t h; };
        static_assert(std::is_standard_layout<Size>::value, "Size crosses the C ABI");
        extern "C" __attribute__((visibility("default"))) std::int64_t shapes_area(Size size);
        //- /native/shapes/src/shapes.cpp
        #include "shapes.h"
        std::int64_t shapes_area(Size size) { return (std::int64_t)size.w * size.h; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Size { public int w; public int h; }
        static partial class Native
        {
            [LibraryImport("shapes")] internal static partial int shapes_area(Size size);
                                                            //^^^ error HL1003: return type of 'shapes_area': C# 'int' (4 bytes, signed) vs C++ 'std::int64_t' (8 bytes, signed) (fix)
        }
        """);
}
