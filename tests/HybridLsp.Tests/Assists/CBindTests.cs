using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class CBindTests
{
    private const string Library = """
        //- /native/imageops/include/imageops.h
        #pragma once
        #include <stddef.h>
        #include <stdbool.h>
        #include <stdint.h>
        #include "api.h"
        typedef struct { uint8_t r; uint32_t rgba; double gamma; } Pixel;
        typedef enum io_status { IO_OK = 0, IO_FAIL = 2 } io_status;
        typedef int (*io_progress)(size_t done, void* user);
        typedef struct io_image io_image;
        IMAGEOPS_API size_t io_count(const uint8_t* data, size_t len);
        IMAGEOPS_API io_status io_blend(Pixel* out, const Pixel* a, Pixel b, bool wide, long n);
        IMAGEOPS_API void io_run(io_progress cb, io_image* image, const char* label);
        IMAGEOPS_API int io_sum(int count, ...);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_count(const uint8_t* data, size_t len) { (void)data; return len; }
        io_status io_blend(Pixel* out, const Pixel* a, Pixel b, bool wide, long n) { *out = *a; (void)b; (void)wide; (void)n; return IO_OK; }
        void io_run(io_progress cb, io_image* image, const char* label) { (void)image; (void)label; cb(0, 0); }
        int io_sum(int count, ...) { return count; }

        """;

    [Fact]
    public void C_export_gets_a_library_import_with_generated_struct_and_enum() => CheckRefactor("Generate C# binding for 'io_blend'", CLibs.ImageOps + Library.Replace("IMAGEOPS_API io_status io_blend", "IMAGEOPS_API io_status io_bl$0end") + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial nuint io_count(nint data, nuint len);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial nuint io_count(nint data, nuint len);
            [StructLayout(LayoutKind.Sequential)]
            public struct Pixel
            {
                public byte r;
                public uint rgba;
                public double gamma;
            }

            public enum io_status : int
            {
                IO_OK = 0,
                IO_FAIL = 2,
            }

            [LibraryImport("imageops", EntryPoint = "io_blend")]
            internal static unsafe partial io_status io_blend(Pixel* @out, Pixel* a, Pixel b, [MarshalAs(UnmanagedType.U1)] bool wide, CLong n);
        }
        """);

    [Fact]
    public void Bind_all_binds_every_unbound_c_export_but_the_variadic_one() => CheckRefactor("Bind all unbound exports of 'imageops'", CLibs.ImageOps + Library.Replace("size_t io_count(const uint8_t* data, size_t len) {", "size_t io_c$0ount(const uint8_t* data, size_t len) {") + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("imageops")] internal static extern int io_sum(int count, __arglist);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static unsafe class Native
        {
            [DllImport("imageops")] internal static extern int io_sum(int count, __arglist);
            [StructLayout(LayoutKind.Sequential)]
            public struct Pixel
            {
                public byte r;
                public uint rgba;
                public double gamma;
            }

            public enum io_status : int
            {
                IO_OK = 0,
                IO_FAIL = 2,
            }

            [DllImport("imageops", EntryPoint = "io_blend", CallingConvention = CallingConvention.Cdecl)]
            internal static extern io_status io_blend(Pixel* @out, Pixel* a, Pixel b, [MarshalAs(UnmanagedType.U1)] bool wide, CLong n);
            [DllImport("imageops", EntryPoint = "io_count", CallingConvention = CallingConvention.Cdecl)]
            internal static extern nuint io_count(byte* data, nuint len);
            [DllImport("imageops", EntryPoint = "io_run", CallingConvention = CallingConvention.Cdecl)]
            internal static extern void io_run(delegate* unmanaged[Cdecl]<nuint, nint, int> cb, nint image, [MarshalAs(UnmanagedType.LPUTF8Str)] string label);
        }
        """);

    [Fact]
    public void Bind_file_for_a_c_library() => Assert.Contains(
        "internal static partial nuint io_count(byte* data, nuint len);",
        BindingFile(CLibs.ImageOps + Library, "imageops"), StringComparison.Ordinal);
}
