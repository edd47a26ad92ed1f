using HybridLsp.Tests.Rules;
using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Assists;

public sealed class CLayoutFixTests
{
    private const string Library = """
        //- /native/imageops/include/imageops.h
        #include <stdint.h>
        #include "api.h"
        typedef struct Rect { int32_t x; int32_t y; int64_t area; } Rect;
        typedef enum Mode { MODE_FAST = 0, MODE_SLOW = 4, MODE_BEST = 8 } Mode;
        IMAGEOPS_API void io_fill(const Rect* r, Mode mode);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        void io_fill(const Rect* r, Mode mode) { (void)r; (void)mode; }

        """;

    [Fact]
    public void Enum_size_takes_the_c_enum_size() => CheckAssist("Change C# enum 'Mode' to ': int'", CLibs.ImageOps + Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public long Area; }
        enum Mo$0de : byte { Mode_Fast = 0, Mode_Slow = 4, Mode_Best = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public long Area; }
        enum Mode : int { Mode_Fast = 0, Mode_Slow = 4, Mode_Best = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """);

    [Fact]
    public void Enum_values_take_the_c_enumerators() => CheckAssist("Change C# enum 'Mode' to the values of C 'Mode'", CLibs.ImageOps + Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public long Area; }
        enum Mode { MODE_FAST, MODE_S$0LOW }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public long Area; }
        enum Mode { MODE_FAST = 0, MODE_SLOW = 4,  MODE_BEST = 8, }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """);

    [Fact]
    public void Struct_field_gets_the_exact_type_of_the_c_field() => CheckAssist("Change type to 'long'", CLibs.ImageOps + Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public int Ar$0ea; }
        enum Mode { MODE_FAST = 0, MODE_SLOW = 4, MODE_BEST = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Rect { public int X; public int Y; public long Area; }
        enum Mode { MODE_FAST = 0, MODE_SLOW = 4, MODE_BEST = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """);

    [Fact]
    public void Struct_fix_adds_the_missing_c_field() => CheckAssist("Match C# struct 'Rect' to C 'Rect' (add field 'area')", CLibs.ImageOps + Library + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Re$0ct
        {
            public int X;
            public int Y;
        }
        enum Mode { MODE_FAST = 0, MODE_SLOW = 4, MODE_BEST = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)]
        struct Rect
        {
            public int X;
            public int Y;
            public long area;
        }
        enum Mode { MODE_FAST = 0, MODE_SLOW = 4, MODE_BEST = 8 }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_fill(in Rect r, Mode mode);
        }
        """);

    private const string Packed = """
        //- /native/imageops/include/imageops.h
        #include <stdint.h>
        #include "api.h"
        #pragma pack(push, 2)
        typedef struct Header { uint8_t tag; uint32_t len; } Header;
        #pragma pack(pop)
        typedef struct Wire { uint8_t kind; uint64_t stamp; } __attribute__((packed)) Wire;
        IMAGEOPS_API void io_send(const Header* h, Wire w);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        void io_send(const Header* h, Wire w) { (void)h; (void)w; }

        """;

    [Fact]
    public void Struct_fix_sets_pack_to_the_pragma_pack_value() => CheckAssist("Match C# struct 'Header' to C 'Header' (Pack = 2)", CLibs.ImageOps + Packed + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential)] struct Header { public byte Tag; public uint L$0en; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Wire { public byte Kind; public ulong Stamp; }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_send(in Header h, Wire w);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 2)] struct Header { public byte Tag; public uint Len; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Wire { public byte Kind; public ulong Stamp; }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_send(in Header h, Wire w);
        }
        """);

    [Fact]
    public void Struct_fix_packs_like_attribute_packed_and_drops_an_extra_trailing_field() => CheckAssist(
        "Match C# struct 'Wire' to C 'Wire' (remove 1 extra field, Pack = 1)", CLibs.ImageOps + Packed + """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 2)] struct Header { public byte Tag; public uint Len; }
        [StructLayout(LayoutKind.Sequential, Pack = 8)] struct Wire { public byte Kind; public ulong St$0amp; public int Checksum; }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_send(in Header h, Wire w);
        }
        """, """
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 2)] struct Header { public byte Tag; public uint Len; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Wire { public byte Kind; public ulong Stamp; }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_send(in Header h, Wire w);
        }
        """);

    [Fact]
    public void No_struct_fix_when_the_missing_c_field_is_an_array() => CheckNoAssistTitled("Match C# struct", CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #include <stdint.h>
        #include "api.h"
        typedef struct Name { int32_t len; char text[16]; } Name;
        IMAGEOPS_API void io_name(const Name* n);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        void io_name(const Name* n) { (void)n; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        struct Na$0me { public int Len; }
        static partial class Native
        {
            [LibraryImport("imageops")] internal static partial void io_name(in Name n);
        }
        """);
}
