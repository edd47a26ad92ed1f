using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>Functions as libclang sees them after macro expansion: names, linkage, visibility, attributes, signatures.</summary>
public sealed class ClangFunctionTests
{
    [Fact]
    public void Export_macros_expand_to_visibility_and_dllexport()
    {
        const string fixture = """
            //- /ws/include/mylib.h
            #if defined(_WIN32)
            #  define MYLIB_API __declspec(dllexport)
            #else
            #  define MYLIB_API __attribute__((visibility("default")))
            #endif
            MYLIB_API int mylib_add(int a, int b);
            int mylib_internal(void);
            """;
        var linux = ParseClean(fixture, LinuxX64, CLanguage.C, "-fvisibility=hidden");
        Assert.Equal(CVisibility.Default, linux.Function("mylib_add").Visibility);
        Assert.Equal(CVisibility.Hidden, linux.Function("mylib_internal").Visibility);
        Assert.False(linux.Function("mylib_add").IsDllExport);

        var windows = ParseClean(fixture, WinX64);
        Assert.True(windows.Function("mylib_add").IsDllExport);
        Assert.False(windows.Function("mylib_internal").IsDllExport);
    }

    [Fact]
    public void Token_pasted_declarations_are_ordinary_functions()
    {
        var result = ParseClean("""
            //- /ws/gen.h
            #define DECLARE_GETTER(type, field) type lib_get_##field(const void *self);
            DECLARE_GETTER(int, width)
            DECLARE_GETTER(double, ratio)
            """);
        var width = result.Function("lib_get_width");
        Assert.Equal(CTypeKind.Int, width.ReturnType.Kind);
        Assert.Equal(2, width.NameSpan.Line);
        Assert.Equal(CTypeKind.Double, result.Function("lib_get_ratio").ReturnType.Kind);
        Assert.Equal("lib_get_ratio", result.Function("lib_get_ratio").EntryPoint);
    }

    [Fact]
    public void Extern_c_blocks_and_namespaces_give_c_and_mangled_names()
    {
        var result = ParseClean("""
            //- /ws/api.hpp
            extern "C" {
                int c_api(int x);
                namespace inner { int c_in_namespace(int x); }
            }
            extern "C" int c_single(void);
            namespace geo {
                double area(double w, double h);
                int area(int w, int h);
            }
            """, LinuxX64, CLanguage.Cxx);
        Assert.Equal(CLinkage.C, result.Function("c_api").Linkage);
        Assert.Equal("c_api", result.Function("c_api").MangledName);
        Assert.Equal(CLinkage.C, result.Function("c_in_namespace").Linkage);
        Assert.Equal("inner::c_in_namespace", result.Function("c_in_namespace").QualifiedName);
        Assert.Equal(CLinkage.C, result.Function("c_single").Linkage);
        var areas = result.Functions.Where(f => f.Name == "area").ToList();
        Assert.Equal(["_ZN3geo4areaEdd", "_ZN3geo4areaEii"], areas.Select(f => f.MangledName).ToArray());
        Assert.All(areas, f => Assert.Equal(CLinkage.Cxx, f.Linkage));
        Assert.Equal("geo::area", areas[0].QualifiedName);
    }

    [Fact]
    public void Cxx_names_are_mangled_per_target()
    {
        const string fixture = """
            //- /ws/m.hpp
            int scale(int v);
            extern "C" int plain(int v);
            """;
        Assert.Equal("?scale@@YAHH@Z", ParseClean(fixture, WinX64, CLanguage.Cxx).Function("scale").MangledName);
        var mac = ParseClean(fixture, OsxArm64, CLanguage.Cxx);
        Assert.Equal("__Z5scalei", mac.Function("scale").MangledName);
        Assert.Equal("_Z5scalei", mac.Function("scale").EntryPoint);
        Assert.Equal("_plain", mac.Function("plain").MangledName);
        Assert.Equal("plain", mac.Function("plain").EntryPoint);
        Assert.Equal(CLinkage.C, mac.Function("plain").Linkage);
    }

    [Fact]
    public void Stdcall_on_win_x86_is_a_distinct_convention_and_decorates_the_name()
    {
        const string fixture = """
            //- /ws/w.h
            #define WINAPI __stdcall
            int WINAPI win_call(int a, short b);
            int __cdecl win_cdecl(int a);
            int __fastcall win_fast(int a);
            int __vectorcall win_vector(int a);
            """;
        var x86 = ParseClean(fixture, WinX86);
        Assert.Equal(CCallingConvention.StdCall, x86.Function("win_call").CallingConvention);
        Assert.Equal("_win_call@8", x86.Function("win_call").MangledName);
        Assert.Equal("win_call", x86.Function("win_call").EntryPoint);
        Assert.Equal(CCallingConvention.C, x86.Function("win_cdecl").CallingConvention);
        Assert.Equal(CCallingConvention.FastCall, x86.Function("win_fast").CallingConvention);
        Assert.Equal(CCallingConvention.VectorCall, x86.Function("win_vector").CallingConvention);

        // On x64 stdcall and cdecl are the one Windows convention.
        var x64 = ParseClean(fixture, WinX64);
        Assert.Equal(CCallingConvention.C, x64.Function("win_call").CallingConvention);
        Assert.Equal("win_call", x64.Function("win_call").MangledName);
    }

    [Fact]
    public void Static_functions_definitions_and_variadics_are_flagged()
    {
        var result = ParseClean("""
            //- /ws/lib.c
            #include <stdarg.h>
            int lib_sum(int count, ...);
            static int helper(int x) { return x * 2; }
            int lib_twice(int x) { return helper(x); }
            int lib_vsum(int count, va_list args);
            """);
        Assert.True(result.Function("helper").IsStatic);
        Assert.True(result.Function("helper").IsDefinition);
        Assert.False(result.Function("lib_twice").IsStatic);
        Assert.True(result.Function("lib_twice").IsDefinition);
        Assert.False(result.Function("lib_sum").IsDefinition);
        Assert.True(result.Function("lib_sum").IsVariadic);
        Assert.False(result.Function("lib_vsum").IsVariadic);
        Assert.Equal(["count", "args"], result.Function("lib_vsum").Parameters.Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Hidden_visibility_preset_and_default_attribute_override()
    {
        var result = ParseClean("""
            //- /ws/v.c
            __attribute__((visibility("default"))) int v_public(void) { return 1; }
            int v_hidden_by_preset(void) { return 2; }
            __attribute__((visibility("hidden"))) int v_hidden_explicitly(void) { return 3; }
            #pragma GCC visibility push(default)
            int v_public_by_pragma(void) { return 4; }
            #pragma GCC visibility pop
            """, LinuxX64, CLanguage.C, "-fvisibility=hidden");
        Assert.Equal(CVisibility.Default, result.Function("v_public").Visibility);
        Assert.Equal(CVisibility.Hidden, result.Function("v_hidden_by_preset").Visibility);
        Assert.Equal(CVisibility.Hidden, result.Function("v_hidden_explicitly").Visibility);
        Assert.Equal(CVisibility.Default, result.Function("v_public_by_pragma").Visibility);

        var noPreset = ParseClean("""
            //- /ws/v.c
            int v_plain(void) { return 2; }
            """);
        Assert.Equal(CVisibility.Default, noPreset.Function("v_plain").Visibility);
    }

    [Fact]
    public void Declaration_and_definition_in_different_files_are_both_reported_with_their_spans()
    {
        var result = ParseClean("""
            //- /ws/src/lib.c
            #include <lib.h>
            #include "local.h"
            int lib_get(void) { return 42; }
            //- /ws/include/lib.h
            int lib_get(void);
            //- /ws/src/local.h
            static inline int local_twice(int x) { return 2 * x; }
            """, LinuxX64, CLanguage.C, "-I/ws/include");
        var occurrences = result.Functions.Where(f => f.Name == "lib_get").ToList();
        Assert.Equal(2, occurrences.Count);
        Assert.Equal("/ws/include/lib.h", occurrences[0].NameSpan.File);
        Assert.False(occurrences[0].IsDefinition);
        Assert.Equal(new HybridLsp.Syntax.Text.TextSpan(4, 7), occurrences[0].NameSpan.Span);
        Assert.Equal("/ws/src/lib.c", occurrences[1].NameSpan.File);
        Assert.True(occurrences[1].IsDefinition);
        Assert.Equal(3, occurrences[1].NameSpan.Line);
        Assert.Equal(["/ws/src/lib.c", "/ws/include/lib.h", "/ws/src/local.h"], result.IncludedFiles.Take(3).ToArray());
        Assert.True(result.Function("local_twice").IsStatic);
    }

    [Fact]
    public void Parameter_and_return_types_keep_typedef_names_and_pointee_constness()
    {
        var result = ParseClean("""
            //- /ws/t.h
            #include <stdint.h>
            typedef struct handle handle_t;
            typedef uint32_t status_t;
            status_t t_open(const char *path, handle_t **out, const uint8_t *data, size_t length);
            """.Replace("size_t length", "uint64_t length"));
        var open = result.Function("t_open");
        Assert.Equal("status_t", open.ReturnType.Spelling);
        Assert.Equal(CTypeKind.UInt, open.ReturnType.Kind);
        Assert.Equal(["status_t", "uint32_t", "__uint32_t"], open.ReturnType.TypedefChain.ToArray());
        Assert.True(open.Parameters[0].Type.Pointee!.IsConst);
        Assert.Equal(CTypeKind.Char, open.Parameters[0].Type.Pointee!.Kind);
        Assert.True(open.Parameters[0].Type.Pointee!.IsSigned);
        var handle = open.Parameters[1].Type.Pointee!.Pointee!;
        Assert.Equal(CTypeKind.Record, handle.Kind);
        Assert.Equal("handle", handle.DeclarationName);
        Assert.False(handle.IsComplete);
        Assert.False(open.Parameters[1].Type.Pointee!.IsConst);
    }
}
