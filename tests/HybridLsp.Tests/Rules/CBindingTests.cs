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

public sealed class CMismatchTests
{
    [Fact]
    public void C_long_bound_to_csharp_long_breaks_on_windows() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API long io_offset(long delta);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        long io_offset(long delta) { return delta; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial long io_offset(long delta);
                                                              //^^^^ error HL1003: return type of 'io_offset': C# 'long' (8 bytes, signed) vs C 'long' (4 bytes, signed) on win-x64 (fix)
                                                                             //^^^^ error HL1003: parameter 'delta' of 'io_offset': C# 'long' (8 bytes, signed) vs C 'long' (4 bytes, signed) on win-x64 (fix)
        }
        """);

    [Fact]
    public void Default_bool_marshalling_against_c_bool_is_reported() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include <stdbool.h>
        #include "api.h"
        IMAGEOPS_API bool io_flag(bool on);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        bool io_flag(bool on) { return !on; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] static extern bool io_flag(bool on);
                                                //^^^^ error HL1005: 'io_flag' returns a 1-byte C 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
                                                             //^^^^ error HL1005: parameter 'on' of 'io_flag' is a 1-byte C 'bool'; C# 'bool' marshals as a 4-byte BOOL (fix)
        }
        """);

    [Fact]
    public void Static_and_hidden_functions_are_not_exported() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_public(void);
        int io_hidden(void);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        static int io_static(void) { return 1; }
        int io_hidden(void) { return io_static(); }
        int io_public(void) { return io_hidden(); }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_public();
            [LibraryImport("imageops")] internal static partial int io_hidden();
                                                                  //^^^^^^^^^ error HL2001: C function 'io_hidden' exists in library 'imageops' but is not exported: its visibility is hidden (a hidden visibility preset or -fvisibility=hidden, and no visibility("default") export macro on it) (fix)
            [LibraryImport("imageops")] internal static partial int io_static();
                                                                  //^^^^^^^^^ error HL2001: C function 'io_static' exists in library 'imageops' but is not exported: it is 'static' (internal linkage) (fix)
        }
        """);

    [Fact]
    public void Missing_export_suggests_the_closest_name_and_declared_but_undefined_is_explained() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_resize(int w, int h);
        IMAGEOPS_API int io_rotate(int degrees);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_resize(int w, int h) { return w * h; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_resize(int w, int h);
            [LibraryImport("imageops")] internal static partial int io_resise(int w, int h);
                                                                  //^^^^^^^^^ error HL1001: library 'imageops' (C library 'imageops') exports no function 'io_resise'; did you mean 'io_resize'
            [LibraryImport("imageops")] internal static partial int io_rotate(int degrees);
                                                                  //^^^^^^^^^ error HL1001: library 'imageops' (C library 'imageops') declares 'io_rotate' in 'imageops.h' but none of its sources defines it, so it is not exported
        }
        """);

    [Fact]
    public void Struct_layout_and_enum_size_differences_are_reported() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include <stdint.h>
        #include "api.h"
        typedef struct Rect { int32_t x; int32_t y; int64_t area; } Rect;
        typedef enum Mode { MODE_FAST = 0, MODE_SLOW = 1 } Mode;
        IMAGEOPS_API void io_fill(const Rect* r, Mode mode);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        void io_fill(const Rect* r, Mode mode) { (void)r; (void)mode; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; }
                                                   //^^^^ error HL1009: C# struct 'Rect' (8 bytes) lacks field 'area' ('int64_t' at offset 8) of C 'Rect' (16 bytes) (fix)
        enum Mode : byte { Fast = 0, Slow = 1 }
           //^^^^ error HL1010: C# enum 'Mode' is 1 byte but C 'Mode' is 4 bytes (fix)
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """);

    [Fact]
    public void Variadic_function_bound_with_a_fixed_signature_is_reported() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_log(const char* format, ...);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_log(const char* format, ...) { return format[0]; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf8)] internal static partial int io_log(string format, int value);
                                                                                                              //^^^^^^ warning HL1014: 'io_log' is variadic in C ('...'), but 'io_log' binds it with a fixed signature: variadic arguments are passed differently on some platforms (arm64 Apple passes them on the stack)
        }
        """);

    [Fact]
    public void Wide_strings_differ_in_width_between_windows_and_unix() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include <wchar.h>
        #include "api.h"
        IMAGEOPS_API int io_title(const wchar_t* title);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_title(const wchar_t* title) { return title[0]; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf16)] internal static partial int io_title(string title);
                                                                                                                        //^^^^^^ warning HL1006: parameter 'title' of 'io_title': C# 'string' is marshalled as UTF-16 (2-byte units) but C 'const wchar_t *' expects 4-byte characters on linux-x64, osx-arm64
        }
        """);

    [Fact]
    public void A_header_with_an_error_is_reported_and_what_parsed_still_counts() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_ok(int x);
        IMAGEOPS_API int io_broken(int x
                                     //^ info HL0003: C/C++ file could only be partly understood: expected ')'
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_ok(int x) { return x; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial long io_ok(int x);
                                                              //^^^^ error HL1003: return type of 'io_ok': C# 'long' (8 bytes, signed) vs C 'int' (4 bytes, signed) (fix)
        }
        """);
}

public sealed class CxxBindingTests
{
    private const string Widgets = """
        //- /native/widgets/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(widgets CXX)
        add_library(widgets SHARED widgets.cpp)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>

        """;

    [Fact]
    public void A_cxx_function_without_extern_c_is_mangled() => CheckDiagnostics(Widgets + """
        //- /native/widgets/widgets.h
        #pragma once
        extern "C" int widget_count();
        int widget_area(int w, int h);
          //^^^^^^^^^^^ hint HL2004: '_Z11widget_areaii' is exported by C++ library 'widgets' but no C# declaration binds it
        //- /native/widgets/widgets.cpp
        #include "widgets.h"
        extern "C" int widget_count() { return 3; }
        int widget_area(int w, int h) { return w * h; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("widgets")] internal static partial int widget_count();
            [LibraryImport("widgets")] internal static partial int widget_area(int w, int h);
                                                                 //^^^^^^^^^^^ error HL2003: C++ function 'widget_area' in library 'widgets' has C++ linkage: it is exported as '_Z11widget_areaii', not 'widget_area'; declare it extern "C" (fix)
        }
        """);
}

public sealed class CPlatformAndConfigTests
{
    [Fact]
    public void C_long_matching_on_windows_only_warns_where_it_breaks() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API long io_ticks(void);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        long io_ticks(void) { return 1; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_ticks();
                                                              //^^^ warning HL1008: return type of 'io_ticks': C 'long' changes size with the platform but C# 'int' is always 4 bytes; it breaks on linux-x64, linux-arm64, osx-x64, osx-arm64 (fix)
        }
        """, ["win-x64"]);

    [Fact]
    public void A_vendored_sdk_named_by_its_headers_is_bound_without_sources() => CheckDiagnostics("""
        //- /hybrid-lsp.toml
        [libraries.vendorsdk]
        headers = ["third_party/vendorsdk/include"]
        //- /third_party/vendorsdk/include/vendorsdk.h
        #include <stdint.h>
        uint32_t vsdk_version(void);
        void vsdk_set_name(const char* name);
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("vendorsdk")] static extern uint vsdk_version();
            [DllImport("vendorsdk")] static extern ushort vsdk_set_name(string name);
                                                 //^^^^^^ error HL1003: return type of 'vsdk_set_name': C# 'ushort' (2 bytes) vs C returning nothing
                                                                      //^^^^^^ warning HL1006: parameter 'name' of 'vsdk_set_name': C# 'string' is marshalled with the ANSI code page on Windows but C 'const char *' is conventionally UTF-8; use StringMarshalling.Utf8 or [MarshalAs(UnmanagedType.LPUTF8Str)] on win-x64 (fix)
            [DllImport("vendorsdk")] static extern void vsdk_shutdown();
                                                      //^^^^^^^^^^^^^ error HL1001: library 'vendorsdk' (C library 'vendorsdk') exports no function 'vsdk_shutdown'
        }
        """);
}

public sealed class CEnumValueTests
{
    [Fact]
    public void Inferred_csharp_enum_values_are_compared() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        typedef enum { IO_READ = 1, IO_WRITE, IO_APPEND } io_mode;
        typedef enum { IO_LOW, IO_MID = 5, IO_HIGH } io_level;
        IMAGEOPS_API void io_open(io_mode mode, io_level level);
        IMAGEOPS_API void io_open_wrong(io_mode mode, io_level level);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        void io_open(io_mode mode, io_level level) { (void)mode; (void)level; }
        void io_open_wrong(io_mode mode, io_level level) { (void)mode; (void)level; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        enum Mode { Read = 1, Write, Append }
        enum Level { Low, Mid = 5, High }
        enum WrongMode { Read = 1, Write = 3, Append }
                                            //^^^^^^ warning HL1015: C# enum member 'WrongMode.Append' = 4 has no counterpart in C 'io_mode'
        enum WrongLevel { Low, Mid = 6, High }
                                      //^^^^ warning HL1015: C# enum member 'WrongLevel.High' = 7 has no counterpart in C 'io_level'
        static class Native
        {
            [DllImport("imageops")] static extern void io_open(Mode mode, Level level);
            [DllImport("imageops")] static extern void io_open_wrong(WrongMode mode, WrongLevel level);
        }
        """);
}

public sealed class CNativeSideTests
{
    [Fact]
    public void Unbound_exports_are_hints_unless_an_allow_comment_is_above_them() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_bound(void);
        IMAGEOPS_API int io_unbound(void);
                       //^^^^^^^^^^ hint HL2004: 'io_unbound' is exported by C library 'imageops' but no C# declaration binds it
        // hybrid-lsp: allow(HL2004)
        IMAGEOPS_API int io_internal_only(void);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_bound(void) { return 1; }
        int io_unbound(void) { return 2; }
        int io_internal_only(void) { return 3; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_bound();
        }
        """);

    [Fact]
    public void An_allow_comment_that_suppresses_nothing_is_HL0005() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        // hybrid-lsp: allow(HL2004)
                           //^^^^^^ hint HL0005: 'allow(HL2004)' suppresses nothing: 'io_bound' has no HL2004 finding
        IMAGEOPS_API int io_bound(void);
        // hybrid-lsp: allow(HL2004, HL1003)
                                   //^^^^^^ hint HL0005: 'allow(HL1003)' suppresses nothing: 'io_internal_only' has no HL1003 finding
        IMAGEOPS_API int io_internal_only(void);
        // hybrid-lsp: allow(HL2004)
                           //^^^^^^ hint HL0005: 'allow(HL2004)' suppresses nothing: no function declaration starts on the line below it
        typedef struct { int x; } io_point;
        // hybrid-lsp: allow(HL9999)
                           //^^^^^^ hint HL0005: 'HL9999' is not a HybridLsp rule code: the suppression suppresses nothing
        IMAGEOPS_API int io_other(void);
                       //^^^^^^^^ hint HL2004: 'io_other' is exported by C library 'imageops' but no C# declaration binds it
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        // hybrid-lsp: allow(HL2004)
                           //^^^^^^ hint HL0005: 'allow(HL2004)' suppresses nothing: 'io_internal_only' has no HL2004 finding
        int io_internal_only(void) { return 3; }
        int io_bound(void) { return 1; }
        int io_other(void) { return 2; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_bound();
        }
        """);

    [Fact]
    public void Allow_comments_in_a_library_nothing_binds_are_not_reported() => CheckDiagnostics(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        // hybrid-lsp: allow(HL2004)
        IMAGEOPS_API int io_bound(void);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_bound(void) { return 1; }
        //- /app/Native.cs
        static class Native { }
        """);
}
