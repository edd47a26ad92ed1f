using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Ide;

public sealed class CNavigationTests
{
    [Fact]
    public void Definition_from_csharp_offers_the_c_definition_and_the_header_declaration() => CheckDefinition(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_scale(int value, int factor);
                       //^^^^^^^^
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_scale(int value, int factor) { return value * factor; }
          //^^^^^^^^
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_sc$0ale(int value, int factor);
        }
        """);

    [Fact]
    public void Definition_from_a_c_declaration_goes_to_the_csharp_bindings() => CheckDefinition(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_sc$0ale(int value, int factor);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_scale(int value, int factor) { return value * factor; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_scale(int value, int factor);
                                                                  //^^^^^^^^
        }
        """);

    [Fact]
    public void References_from_a_c_definition_list_declarations_and_calls() => CheckReferences(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include "api.h"
        IMAGEOPS_API int io_scale(int value, int factor);
                       //^^^^^^^^ native
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_sc$0ale(int value, int factor) { return value * factor; }
          //^^^^^^^^ native
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial int io_scale(int value, int factor);
                                                                  //^^^^^^^^ decl
        }
        //- /app/Program.cs
        static class Program
        {
            static int Main() => Native.io_scale(2, 3);
                                      //^^^^^^^^ call
        }
        """);

    [Fact]
    public void Hover_on_csharp_shows_the_c_signature_and_mapping() => CheckHover(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include <stddef.h>
        #include "api.h"
        IMAGEOPS_API size_t io_len(const char* text);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        size_t io_len(const char* text) { size_t n = 0; while (text[n]) n++; return n; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static partial class Native
        {
            [LibraryImport("imageops", StringMarshalling = StringMarshalling.Utf8)] internal static partial nuint io_l$0en(string text);
        }
        """, "**C export** `io_len` in library `imageops`", "size_t io_len(const char * text);", "| `text` | `string`");
}
