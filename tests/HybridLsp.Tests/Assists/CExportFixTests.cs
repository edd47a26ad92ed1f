using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class CExportFixTests
{
    private const string Library = """
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
        }

        """;

    [Fact]
    public void Hidden_function_gets_the_library_export_macro_on_its_header_declaration() => CheckAssist("Export 'io_hidden' with IMAGEOPS_API", CLibs.ImageOps + Library + """
        //- /app/More.cs
        using System.Runtime.InteropServices;
        static partial class More
        {
            [LibraryImport("imageops")] internal static partial int io_hi$0dden();
        }
        """, """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_public(void);
        IMAGEOPS_API int io_hidden(void);
        """);

    [Fact]
    public void Static_function_loses_static_and_gets_the_export_macro_under_a_hidden_preset() => CheckAssist("Remove 'static' from 'io_static' and export it with IMAGEOPS_API", CLibs.ImageOps + Library + """
        //- /app/More.cs
        using System.Runtime.InteropServices;
        static partial class More
        {
            [LibraryImport("imageops")] internal static partial int io_st$0atic();
        }
        """, """
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        IMAGEOPS_API int io_static(void) { return 1; }
        int io_hidden(void) { return io_static(); }
        int io_public(void) { return io_hidden(); }
        """);

    [Fact]
    public void Cxx_function_gets_extern_c_guarded_in_the_header_and_plain_in_the_source() => CheckAssist("Declare 'widget_area' extern \"C\"", """
        //- /native/widgets/CMakeLists.txt
        cmake_minimum_required(VERSION 3.16)
        project(widgets CXX)
        add_library(widgets SHARED widgets.cpp)
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>
        //- /native/widgets/widgets.h
        #pragma once
        extern "C" int widget_count();
        int widget_area(int w, int h);
        //- /native/widgets/widgets.cpp
        #include "widgets.h"
        extern "C" int widget_count() { return 3; }
        int widget_area(int w, int h) { return w * h; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("widgets")] internal static partial int widget_count();
            [LibraryImport("widgets")] internal static partial int widget_a$0rea(int w, int h);
        }
        """, """
        //- /native/widgets/widgets.h
        #pragma once
        extern "C" int widget_count();
        #ifdef __cplusplus
        extern "C"
        #endif
        int widget_area(int w, int h);
        //- /native/widgets/widgets.cpp
        #include "widgets.h"
        extern "C" int widget_count() { return 3; }
        extern "C" int widget_area(int w, int h) { return w * h; }
        """);
}
