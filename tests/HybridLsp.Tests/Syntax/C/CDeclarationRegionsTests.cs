using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// Which function declarations of a file <see cref="ClangSplice"/> may blank: exactly one whole declaration each (through
/// its <c>;</c> or body), starting a statement, with no preprocessor line inside and no text shared with another.
/// </summary>
public sealed class CDeclarationRegionsTests
{
    private static Dictionary<string, string?> Blanks(string fixture, CLanguage language = CLanguage.C, string file = "/ws/a.h")
    {
        var files = Files(fixture);
        var result = ParseClean(fixture, LinuxX64, language);
        var regions = CDeclarationRegions.Compute(files[file], result.Functions.Where(f => f.FullSpan.File == file).Select(f => (f.FullSpan.Span, f.Name)));
        return regions.Regions.ToDictionary(r => r.Name, r => r.Blank is { } b ? files[file].Substring(b.Start, b.Length) : null);
    }

    [Fact]
    public void A_declaration_is_blanked_through_its_semicolon_with_its_attributes_and_macros()
    {
        var blanks = Blanks("""
            //- /ws/u.c
            #include "/ws/a.h"
            //- /ws/a.h
            #define API __attribute__((visibility("default")))
            #define DECL(n) API int n##_fn(int x)
            API int a(int x);
            int b(int x) __attribute__((deprecated));
            DECL(e);
            extern int h(
               int x,
               long y);
            """);

        Assert.Equal("API int a(int x);", blanks["a"]);
        Assert.Equal("int b(int x) __attribute__((deprecated));", blanks["b"]);
        Assert.Equal("DECL(e);", blanks["e_fn"]);
        Assert.Equal("extern int h(\n   int x,\n   long y);", blanks["h"]);
    }

    [Fact]
    public void A_definition_is_blanked_through_its_body()
    {
        var blanks = Blanks("""
            //- /ws/u.c
            #include "/ws/a.h"
            //- /ws/a.h
            static inline int d(int x) { if (x) { return x + 1; } return '}'; }
            int after(void);
            """);

        Assert.Equal("static inline int d(int x) { if (x) { return x + 1; } return '}'; }", blanks["d"]);
        Assert.Equal("int after(void);", blanks["after"]);
    }

    [Fact]
    public void Declarations_that_share_text_or_do_not_start_a_statement_are_not_blanked()
    {
        var blanks = Blanks("""
            //- /ws/u.c
            #include "/ws/a.h"
            //- /ws/a.h
            int f(void), g(void);
            [[deprecated]] int c(int x);
            #define PAIR(n) int n##_a(void); int n##_b(void)
            PAIR(p);
            int ok(void);
            """);

        Assert.Null(blanks["f"]);
        Assert.Null(blanks["g"]);
        // The attribute before it is not part of its extent: blanking the rest would leave it to the next declaration.
        Assert.Null(blanks["c"]);
        // One macro making two functions: one extent, two names.
        Assert.Null(blanks["p_a"]);
        Assert.Equal("int ok(void);", blanks["ok"]);
    }

    [Fact]
    public void A_declaration_with_a_preprocessor_line_a_type_definition_or_non_ascii_text_inside_is_not_blanked()
    {
        var blanks = Blanks("""
            //- /ws/u.c
            #include "/ws/a.h"
            //- /ws/a.h
            int split(
            #ifdef WIDE
              long x
            #else
              int x
            #endif
            );
            int accent(int x /* naïve */);
            int plain(int x /* plain */);
            struct made { int x; } *make(void);
            """);

        Assert.Null(blanks["split"]);
        // Blanking it would take the struct's definition along.
        Assert.Null(blanks["make"]);
        Assert.Null(blanks["accent"]);
        Assert.Equal("int plain(int x /* plain */);", blanks["plain"]);
    }

    [Fact]
    public void In_cxx_a_declaration_inside_an_extern_c_block_is_blanked_but_one_after_extern_c_is_not()
    {
        var blanks = Blanks("""
            //- /ws/u.cpp
            #include "/ws/a.h"
            //- /ws/a.h
            extern "C" {
            int in_block(int x);
            }
            extern "C" int prefixed(int x);
            namespace ns { int nested(int x); }
            """, CLanguage.Cxx);

        Assert.Equal("int in_block(int x);", blanks["in_block"]);
        // Blanking from `int` would leave `extern "C"` to whatever follows.
        Assert.Null(blanks["prefixed"]);
        Assert.Equal("int nested(int x);", blanks["nested"]);
    }
}
