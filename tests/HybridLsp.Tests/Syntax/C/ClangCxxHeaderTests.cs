using HybridLsp.Syntax.C;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// The C++ wrappers of the C headers (`cstdint`, `cstddef`…): the machine's libstdc++ on the host, the product's own
/// per-target definitions on foreign targets; `std::` aliases keep the typedef name they bring in.
/// </summary>
public sealed class ClangCxxHeaderTests
{
    private const string Header = """
        //- /p/api.hpp
        #include <cstdint>
        #include <cstddef>
        #include <cstdbool>
        #include <climits>
        #include <cfloat>
        #include <cstdlib>
        #include <cstring>
        #include <cwchar>
        #include <cstdarg>
        #include <cstdio>
        #include <ctime>
        #include <cinttypes>
        #include <cerrno>
        #include <cuchar>
        extern "C" std::int64_t f(std::intmax_t a, int64_t b, std::size_t c, std::uint8_t d, std::ptrdiff_t e, std::uintptr_t g);
        static_assert(sizeof(std::int32_t) == 4 && INT32_MAX == 2147483647 && CHAR_BIT == 8, "fixed widths");
        static_assert(sizeof(std::max_align_t) >= 8 && sizeof(std::nullptr_t) == sizeof(void*), "cstddef");
        inline std::size_t g(const char* s) { return std::strlen(s) + std::wcslen(L"x") + (std::size_t)std::abs(-1); }
        struct Io { std::FILE* file; std::time_t when; std::va_list* args; std::mbstate_t state; };
        """;

    [Theory]
    [InlineData(CFixture.LinuxX64)]
    [InlineData(CFixture.LinuxArm64)]
    [InlineData(CFixture.WinX64)]
    [InlineData(CFixture.WinX86)]
    [InlineData(CFixture.WinArm64)]
    [InlineData(CFixture.OsxX64)]
    [InlineData(CFixture.OsxArm64)]
    public void Cxx_wrappers_of_the_c_headers_parse_without_errors_on_every_target(string triple)
    {
        var result = CFixture.ParseClean(Header, triple, CLanguage.Cxx);
        var f = result.Functions.Single(x => x.Name == "f");
        Assert.False(f.IsInvalid);
        Assert.Equal(8, f.ReturnType.Size);
        Assert.Equal(["int64_t", "intmax_t", "int64_t", "size_t", "uint8_t", "ptrdiff_t", "uintptr_t"],
            new[] { f.ReturnType }.Concat(f.Parameters.Select(p => p.Type)).Select(t => t.TypedefChain[0]));
        Assert.Equal(triple.StartsWith("i686", StringComparison.Ordinal) ? 4 : 8, f.Parameters[2].Type.Size);
    }

    [Fact]
    public void A_declaration_using_a_type_of_a_missing_header_is_marked_invalid()
    {
        var result = CFixture.Parse("""
            //- /p/api.hpp
            #include <cstdint>
            #include <pthread.h>
            struct Job { pthread_t thread; std::int32_t id; };
            typedef pthread_t handle_t;
            extern "C" int start(pthread_t thread, std::int32_t id);
            extern "C" int start_handle(handle_t* handle);
            extern "C" int plain(std::int32_t id);
            """, CFixture.WinX64, CLanguage.Cxx);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("file not found", StringComparison.Ordinal));
        Assert.True(result.Functions.Single(f => f.Name == "start").IsInvalid);
        Assert.True(result.Functions.Single(f => f.Name == "start_handle").IsInvalid);
        Assert.False(result.Functions.Single(f => f.Name == "plain").IsInvalid);
        Assert.True(result.Records.Single(r => r.Name == "Job").IsInvalid);
    }
}
