using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class CreateCStubTests
{
    private const string Header = """
        //- /native/imageops/include/imageops.h
        #ifndef IMAGEOPS_H
        #define IMAGEOPS_H
        #include "api.h"
        #include <stddef.h>
        IMAGEOPS_API size_t io_count(size_t len);
        #endif
        """;

    [Fact]
    public void C_function_gets_a_prototype_with_the_export_macro_and_a_zero_stub() => CheckAssist("Create C function 'io_scale' in library 'imageops'", CLibs.ImageOps + Header + """

        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(size_t len) { return len; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe partial class Native
        {
            [LibraryImport("imageops")] internal static partial nuint io_count(nuint len);
            [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf8)]
            [return: MarshalAs(UnmanagedType.U1)]
            internal static partial bool io_sc$0ale(int value, nuint n, byte* data, in long limit, ref double sum, [MarshalAs(UnmanagedType.U1)] bool clamp, string label, void* user, CLong big);
        }
        """, """
        //- /native/imageops/include/imageops.h
        #ifndef IMAGEOPS_H
        #define IMAGEOPS_H
        #include <stdbool.h>
        #include <stdint.h>
        #include "api.h"
        #include <stddef.h>
        IMAGEOPS_API size_t io_count(size_t len);
        IMAGEOPS_API bool io_scale(int32_t value, size_t n, uint8_t* data, const int64_t* limit, double* sum, bool clamp, const char* label, void* user, long big);
        #endif
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(size_t len) { return len; }

        bool io_scale(int32_t value, size_t n, uint8_t* data, const int64_t* limit, double* sum, bool clamp, const char* label, void* user, long big)
        {
            // Write the implementation here.
            // Until then this stub returns a zero value.
            (void)value;
            (void)n;
            (void)data;
            (void)limit;
            (void)sum;
            (void)clamp;
            (void)label;
            (void)user;
            (void)big;
            return false;
        }
        """);

    [Fact]
    public void Existing_struct_and_enum_are_used_by_their_c_spelling_and_a_new_struct_is_declared() => CheckAssist("Create C function 'io_blend' in library 'imageops'", CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #pragma once
        #include <stdint.h>
        #include "api.h"
        struct Pixel { uint8_t r; uint32_t rgba; };
        typedef enum { IO_FAIL = 1, IO_OK = 0 } io_status;
        IMAGEOPS_API io_status io_fill(struct Pixel* p);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        io_status io_fill(struct Pixel* p) { p->r = 0; return IO_OK; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Pixel { public byte R; public uint Rgba; }
        [StructLayout(LayoutKind.Sequential)] struct Size2 { public int W; public int H; }
        enum io_status { Fail = 1, Ok = 0 }
        enum Mode : byte { Fast, Slow }
        static unsafe class Native
        {
            [DllImport("imageops")] internal static extern io_status io_fill(out Pixel p);
            [DllImport("imageops")] internal static extern Size2 io_bl$0end(ref Pixel a, io_status s, Mode m, delegate* unmanaged<int, void> cb);
        }
        """, """
        //- /native/imageops/include/imageops.h
        #pragma once
        #include <stdint.h>
        #include "api.h"
        struct Pixel { uint8_t r; uint32_t rgba; };
        typedef enum { IO_FAIL = 1, IO_OK = 0 } io_status;
        IMAGEOPS_API io_status io_fill(struct Pixel* p);
        typedef struct Size2
        {
            int32_t W;
            int32_t H;
        } Size2;
        IMAGEOPS_API Size2 io_blend(struct Pixel* a, io_status s, uint8_t m, void (*cb)(int32_t));
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        io_status io_fill(struct Pixel* p) { p->r = 0; return IO_OK; }

        Size2 io_blend(struct Pixel* a, io_status s, uint8_t m, void (*cb)(int32_t))
        {
            // Write the implementation here.
            // Until then this stub returns a zero value.
            (void)a;
            (void)s;
            (void)m;
            (void)cb;
            Size2 result = {0};
            return result;
        }
        """);

    [Fact]
    public void Cpp_function_goes_inside_the_extern_c_block() => CheckAssist("Create C++ function 'w_area' in library 'widgets'", """
        //- /native/widgets/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(widgets CXX)
        add_library(widgets SHARED src/widgets.cpp)
        target_include_directories(widgets PUBLIC include)
        //- /native/widgets/include/widgets.h
        #pragma once
        #ifdef __cplusplus
        extern "C" {
        #endif
        int w_count(void);
        #ifdef __cplusplus
        }
        #endif
        //- /native/widgets/src/widgets.cpp
        #include "widgets.h"
        int w_count(void) { return 1; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("widgets")] internal static extern int w_count();
            [DllImport("widgets")] internal static extern double w_ar$0ea(double w, double h, nint handle);
        }
        """, """
        //- /native/widgets/include/widgets.h
        #pragma once
        #include <stdint.h>
        #ifdef __cplusplus
        extern "C" {
        #endif
        int w_count(void);
        double w_area(double w, double h, intptr_t handle);
        #ifdef __cplusplus
        }
        #endif
        //- /native/widgets/src/widgets.cpp
        #include "widgets.h"
        int w_count(void) { return 1; }

        double w_area(double w, double h, intptr_t handle)
        {
            // Write the implementation here (no C++ exception may escape: unwinding into .NET ends the process).
            // Until then this stub returns a zero value.
            (void)w;
            (void)h;
            (void)handle;
            return 0.0;
        }
        """);

    [Fact]
    public void Not_offered_when_the_function_exists_but_is_static() => CheckNoAssistTitled("Create C function", CLibs.ImageOps + Header + """

        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(size_t len) { return len; }
        static int io_hidden(int a) { return a; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] internal static extern nuint io_count(nuint len);
            [DllImport("imageops")] internal static extern int io_hid$0den(int a);
        }
        """);

    [Fact]
    public void Not_offered_for_a_returned_string_or_a_half_typed_declaration() => CheckNoAssistTitled("Create C function", CLibs.ImageOps + Header + """

        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(size_t len) { return len; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] internal static extern nuint io_count(nuint len);
            [DllImport("imageops")] internal static extern string io_na$0me();
        }
        """);

    [Fact]
    public void New_c_library_renders_the_template_and_joins_the_top_level_cmake_project() => CheckAssist("Create a new C library named 'codec' in 'native/codec'", """
        //- /CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(all C)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("co$0dec")] internal static extern uint codec_crc(byte[] data, nuint len);
            [DllImport("codec")] internal static extern void codec_reset();
        }
        """, """
        //- /CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(all C)
        add_subdirectory(native/codec)
        //- /native/codec/.gitignore
        /build/
        //- /native/codec/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(codec LANGUAGES C)

        # One shared library for .NET P/Invoke: libcodec.so, codec.dll, libcodec.dylib.
        add_library(codec SHARED src/codec.c)
        target_include_directories(codec PUBLIC include)
        # Only functions marked CODEC_API are exported; everything else stays inside the library.
        set_target_properties(codec PROPERTIES
            C_VISIBILITY_PRESET hidden
            VISIBILITY_INLINES_HIDDEN ON)
        target_compile_definitions(codec PRIVATE CODEC_BUILDING)
        //- /native/codec/include/codec.h
        #ifndef CODEC_H
        #define CODEC_H

        /* CODEC_API marks the functions .NET calls: exported from the shared library, hidden otherwise. */
        #if defined(_WIN32) || defined(__CYGWIN__)
        #  ifdef CODEC_BUILDING
        #    define CODEC_API __declspec(dllexport)
        #  else
        #    define CODEC_API __declspec(dllimport)
        #  endif
        #else
        #  define CODEC_API __attribute__((visibility("default")))
        #endif

        #include <stdbool.h>
        #include <stddef.h>
        #include <stdint.h>

        #ifdef __cplusplus
        extern "C" {
        #endif

        CODEC_API uint32_t codec_crc(uint8_t* data, size_t len);
        CODEC_API void codec_reset(void);

        #ifdef __cplusplus
        }
        #endif

        #endif /* CODEC_H */
        //- /native/codec/src/codec.c
        #include "codec.h"

        uint32_t codec_crc(uint8_t* data, size_t len)
        {
            // Write the implementation here.
            // Until then this stub returns a zero value.
            (void)data;
            (void)len;
            return 0;
        }

        void codec_reset(void)
        {
            // Write the implementation here.
        }
        """);
}
