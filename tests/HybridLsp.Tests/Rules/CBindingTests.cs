using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

internal static class CLibs
{
    /// <summary>
    /// A CMake C library `imageops` (OUTPUT_NAME imageops, hidden visibility preset, IMAGEOPS_API export macro) under
    /// /native/imageops; append `//- /native/imageops/include/imageops.h`, `//- /native/imageops/src/imageops.c` and C#.
    /// </summary>
    public const string ImageOps = """
        //- /native/imageops/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(imageops C)
        add_library(imageops SHARED src/imageops.c)
        target_include_directories(imageops PUBLIC include)
        set_target_properties(imageops PROPERTIES C_VISIBILITY_PRESET hidden)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>
        //- /native/imageops/include/api.h
        #pragma once
        #if defined(_WIN32)
        #  if defined(imageops_EXPORTS)
        #    define IMAGEOPS_API __declspec(dllexport)
        #  else
        #    define IMAGEOPS_API __declspec(dllimport)
        #  endif
        #else
        #  define IMAGEOPS_API __attribute__((visibility("default")))
        #endif

        """;
}

public sealed class CBindingTests
{
    [Fact]
    public void Correct_bindings_to_a_c_library_report_nothing() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #pragma once
        #include <stddef.h>
        #include <stdbool.h>
        #include <stdint.h>
        #include "api.h"
        typedef struct { uint8_t r; uint32_t rgba; double gamma; } Pixel;
        typedef enum { IO_OK = 0, IO_FAIL = 2 } io_status;
        typedef int (*io_progress)(size_t done, void* user);
        IMAGEOPS_API size_t io_count(const uint8_t* data, size_t len);
        IMAGEOPS_API bool io_ready(void);
        IMAGEOPS_API io_status io_blend(Pixel* out, const Pixel* a, Pixel b);
        IMAGEOPS_API void io_run(io_progress cb, void* user);
        IMAGEOPS_API int64_t io_sum(const char* label);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(const uint8_t* data, size_t len) { (void)data; return len; }
        bool io_ready(void) { return true; }
        io_status io_blend(Pixel* out, const Pixel* a, Pixel b) { *out = *a; (void)b; return IO_OK; }
        void io_run(io_progress cb, void* user) { cb(0, user); }
        int64_t io_sum(const char* label) { return label[0]; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Pixel { public byte R; public uint Rgba; public double Gamma; }
        enum IoStatus { Ok = 0, Fail = 2 }
        static unsafe partial class Native
        {
            [LibraryImport("imageops")] internal static partial nuint io_count(byte* data, nuint len);
            [LibraryImport("imageops")] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool io_ready();
            [LibraryImport("imageops")] internal static partial IoStatus io_blend(out Pixel result, in Pixel a, Pixel b);
            [LibraryImport("imageops")] internal static partial void io_run(delegate* unmanaged<nuint, nint, int> cb, nint user);
            [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf8)] internal static partial long io_sum(string label);
        }
        """);
}
