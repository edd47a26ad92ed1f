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
}
