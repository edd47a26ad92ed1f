using System.Text;
using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>Broken, missing, huge and binary input: results for what parsed, diagnostics for the rest, never a crash or a hang.</summary>
public sealed class ClangBadInputTests
{
    [Fact]
    public void Header_with_errors_keeps_what_parsed_and_reports_the_first_error()
    {
        var result = Parse("""
            //- /ws/broken.h
            int good_before(int x);
            int broken(int x, ;
            struct half { int a; unknown_t b; };
            int good_after(void);
            """);
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Contains(result.Functions, f => f.Name == "good_before");
        Assert.Contains(result.Functions, f => f.Name == "good_after");
        var first = result.FirstError;
        Assert.NotNull(first);
        Assert.Equal(2, first.Location!.Line);
        Assert.Equal("/ws/broken.h", first.Location.File);
    }

    [Fact]
    public void Brackets_nested_deeper_than_clang_allows_are_refused_before_libclang_overflows_its_stack()
    {
        // 13,000 open parentheses in a declarator crashed the process inside libclang (found by the C parser fuzz test).
        var text = "void f(const char* na" + new string('(', 13_000) + "me);\n";
        var result = ClangParser.Parse(ClangOptions.Default,
            new CParseRequest("/ws/deep.c", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("/ws/deep.c", text), "x86_64-unknown-linux-gnu"),
            CancellationToken.None);
        Assert.Equal(CParseStatus.Failed, result.Status);
        Assert.Contains("nests brackets more than 256 deep", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_include_is_a_diagnostic_and_the_rest_still_parses()
    {
        var result = Parse("""
            //- /ws/m.h
            #include "does_not_exist.h"
            #include <vendor/sdk.h>
            int still_here(void);
            """);
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Contains("'does_not_exist.h' file not found", result.FirstError!.Message);
        Assert.Contains(result.Functions, f => f.Name == "still_here");
    }

    [Fact]
    public void Include_cycle_terminates()
    {
        var result = Parse("""
            //- /ws/a.h
            #include "b.h"
            int from_a(void);
            //- /ws/b.h
            #include "a.h"
            int from_b(void);
            """);
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Contains(result.Functions, f => f.Name == "from_a");
        Assert.Contains(result.Functions, f => f.Name == "from_b");
        Assert.NotNull(result.FirstError); // clang stops the recursion with "#include nested too deeply".
    }

    [Fact]
    public void Generated_50k_line_header_parses_completely()
    {
        var text = new StringBuilder("//- /ws/huge.h\n#include <stdint.h>\n");
        for (var i = 0; i < 25_000; i++)
            text.Append("typedef struct rec_").Append(i).Append(" { int32_t a; double b; } rec_").Append(i).Append("_t;\n")
                .Append("int32_t huge_fn_").Append(i).Append("(rec_").Append(i).Append("_t *r, uint8_t flag);\n");
        var files = Files(text.ToString());
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest("/ws/huge.h", files, LinuxX64, TimeLimit: TimeSpan.FromMinutes(2)), CancellationToken.None); // a generous limit: 2 cores shared by many processes
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Equal(25_000, result.Functions.Length);
        Assert.Equal(25_000, result.Records.Length);
        Assert.Null(result.FirstError);
    }

    [Fact]
    public void Binary_garbage_gives_errors_not_a_crash()
    {
        var random = new Random(7);
        var bytes = new char[20_000];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (char)random.Next(0, 0x3000);
        var result = Parse("//- /ws/garbage.h\n" + new string(bytes));
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.NotNull(result.FirstError);
        Assert.Empty(result.Functions);
    }

    [Fact]
    public void Empty_file_parses_to_nothing()
    {
        var result = Parse("//- /ws/empty.h\n");
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Empty(result.Functions);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("/ws/empty.h", result.IncludedFiles[0]);
    }

    [Fact]
    public void Non_ascii_text_gets_utf16_spans()
    {
        var result = ParseClean("""
            //- /ws/u.h
            /* größe → 🙂 */ int after_emoji(void);
            """);
        var span = result.Function("after_emoji").NameSpan.Span;
        var text = "/* größe → 🙂 */ int after_emoji(void);\n";
        Assert.Equal("after_emoji", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_time_limit_that_passes_gives_timed_out()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
            text.Append("int slow_").Append(i).Append("(int a, int b);\n");
        var files = Files("//- /ws/slow.h\n" + text);
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest("/ws/slow.h", files, LinuxX64, TimeLimit: TimeSpan.FromMilliseconds(1)), CancellationToken.None);
        Assert.Equal(CParseStatus.TimedOut, result.Status);
        Assert.Contains("took longer than", result.Message);
    }

    [Fact]
    public void A_main_file_that_is_neither_a_buffer_nor_on_disk_fails_with_a_message()
    {
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest("/__no_such_dir__/missing.h", Files("//- /ws/other.h\nint a(void);\n"), LinuxX64), CancellationToken.None);
        Assert.True(result.Status is CParseStatus.Failed or CParseStatus.Parsed, result.Message);
        Assert.Empty(result.Functions);
        if (result.Status == CParseStatus.Failed)
            Assert.Contains("/__no_such_dir__/missing.h", result.Message);
        else
            Assert.NotNull(result.FirstError);
    }

    [Fact]
    public void Cancellation_gives_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest("/ws/a.h", Files("//- /ws/a.h\nint a(void);\n"), LinuxX64), cancelled.Token);
        Assert.Equal(CParseStatus.Cancelled, result.Status);
    }

    [Fact]
    public void A_library_path_that_is_not_libclang_makes_c_support_unavailable()
    {
        var options = new ClangOptions("/nonexistent/libclang.so");
        var result = ClangParser.Parse(options, new CParseRequest("/ws/a.h", Files("//- /ws/a.h\nint a(void);\n"), LinuxX64), CancellationToken.None);
        Assert.Equal(CParseStatus.Unavailable, result.Status);
        Assert.Contains("/nonexistent/libclang.so", result.Message);
        Assert.Contains(ClangOptions.LibraryPathVariable, result.Message);
        Assert.NotNull(ClangParser.Unavailable(options));
        Assert.Null(ClangParser.Unavailable(ClangOptions.Default));
        Assert.StartsWith("clang version 22", ClangParser.Version(ClangOptions.Default));
    }

    [Fact]
    public void Flags_outside_the_allow_list_are_dropped_and_reported()
    {
        var result = Parse("""
            //- /ws/f.h
            int f(void);
            """, LinuxX64, CLanguage.C, "-fvisibility=hidden", "-Xclang", "-load", "-DOK=1", "-fplugin=evil.so");
        Assert.Equal(["-Xclang", "-load", "-fplugin=evil.so"], result.DroppedFlags.ToArray());
        Assert.Equal(CVisibility.Hidden, result.Function("f").Visibility);
    }
}
