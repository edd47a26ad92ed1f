using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>The product's builtin and per-target libc headers make the standard types right on every target, with no clang install.</summary>
public sealed class ClangBuiltinHeaderTests
{
    private const string StandardHeaders = """
        //- /ws/api.h
        #include <stdbool.h>
        #include <stddef.h>
        #include <stdint.h>
        #include <wchar.h>
        #include <stdarg.h>
        typedef size_t my_size;
        typedef bool my_bool;
        typedef wchar_t my_wchar;
        typedef long my_long;
        typedef int64_t my_i64;
        typedef uintptr_t my_uptr;
        typedef va_list my_va;
        typedef wint_t my_wint;
        void api_log(const char *format, ...);
        """;

    [Fact]
    public void Size_t_is_8_bytes_and_bool_1_byte_on_x86_64_linux()
    {
        var result = ParseClean(StandardHeaders, LinuxX64);
        Assert.Equal(8, result.Typedef("my_size").Type.Size);
        Assert.Equal(CTypeKind.ULong, result.Typedef("my_size").Type.Kind);
        Assert.Equal(1, result.Typedef("my_bool").Type.Size);
        Assert.Equal(CTypeKind.Bool, result.Typedef("my_bool").Type.Kind);
        Assert.Equal(["size_t"], result.Typedef("my_size").Type.TypedefChain.ToArray());
    }

    [Theory]
    [InlineData(LinuxX64)]
    [InlineData(LinuxArm64)]
    [InlineData(WinX64)]
    [InlineData(WinX86)]
    [InlineData(WinArm64)]
    [InlineData(OsxX64)]
    [InlineData(OsxArm64)]
    public void Standard_headers_parse_without_errors_on_every_target(string triple)
    {
        var result = ParseClean(StandardHeaders, triple);
        var pointer = triple.StartsWith("i686", StringComparison.Ordinal) ? 4 : 8;
        Assert.Equal(pointer, result.Typedef("my_size").Type.Size);
        Assert.Equal(pointer, result.Typedef("my_uptr").Type.Size);
        Assert.Equal(8, result.Typedef("my_i64").Type.Size);
        Assert.Equal(1, result.Typedef("my_bool").Type.Size);
        Assert.True(result.Function("api_log").IsVariadic);
    }

    [Theory]
    [InlineData(LinuxX64, 8, 4)]
    [InlineData(LinuxArm64, 8, 4)]
    [InlineData(WinX64, 4, 2)]
    [InlineData(WinX86, 4, 2)]
    [InlineData(WinArm64, 4, 2)]
    [InlineData(OsxX64, 8, 4)]
    [InlineData(OsxArm64, 8, 4)]
    public void Long_and_wchar_t_have_the_target_size(string triple, long longSize, long wcharSize)
    {
        var result = ParseClean(StandardHeaders, triple);
        Assert.Equal(longSize, result.Typedef("my_long").Type.Size);
        Assert.Equal(CTypeKind.Long, result.Typedef("my_long").Type.Kind);
        Assert.Equal(wcharSize, result.Typedef("my_wchar").Type.Size);
    }

    [Theory]
    [InlineData(WinX64)]
    [InlineData(LinuxX64)]
    [InlineData(OsxArm64)]
    public void Wchar_t_is_a_builtin_type_in_cxx(string triple)
    {
        var result = ParseClean("""
            //- /ws/w.hpp
            #include <wchar.h>
            #include <cstddef>
            extern "C" size_t w_len(const wchar_t *s);
            """.Replace("#include <cstddef>\n", ""), triple, CLanguage.Cxx);
        var parameter = result.Function("w_len").Parameters[0].Type;
        Assert.Equal(CTypeKind.Pointer, parameter.Kind);
        Assert.Equal(CTypeKind.WChar, parameter.Pointee!.Kind);
        Assert.True(parameter.Pointee.IsConst);
        Assert.Equal(triple == WinX64 ? 2 : 4, parameter.Pointee.Size);
    }

    [Fact]
    public void Foreign_targets_get_libc_and_windows_types()
    {
        var result = ParseClean("""
            //- /ws/io.h
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <time.h>
            #include <limits.h>
            #include <windows.h>
            typedef DWORD my_dword;
            typedef HANDLE my_handle;
            typedef time_t my_time;
            BOOL WINAPI io_open(LPCWSTR path, FILE *log);
            #if LONG_MAX != 2147483647
            #error long should be 32-bit on Windows
            #endif
            """, WinX86);
        Assert.Equal(4, result.Typedef("my_dword").Type.Size);
        Assert.Equal(4, result.Typedef("my_handle").Type.Size);
        Assert.Equal(8, result.Typedef("my_time").Type.Size);
        var open = result.Function("io_open");
        Assert.Equal(CCallingConvention.StdCall, open.CallingConvention);
        Assert.Equal("_io_open@8", open.MangledName);
    }

    [Fact]
    public void The_builtin_headers_are_reported_as_included_but_their_declarations_are_not()
    {
        var result = ParseClean(StandardHeaders, WinX64);
        Assert.Contains(result.IncludedFiles, f => f == BuiltinHeaders.BuiltinDirectory + "/stddef.h");
        Assert.Contains(result.IncludedFiles, f => f == BuiltinHeaders.LibcDirectory + "/wchar.h");
        Assert.Equal("/ws/api.h", result.IncludedFiles[0]);
        Assert.DoesNotContain(result.Functions, f => f.Name == "wcslen");
        Assert.DoesNotContain(result.Typedefs, t => t.Name == "size_t");
    }
}
