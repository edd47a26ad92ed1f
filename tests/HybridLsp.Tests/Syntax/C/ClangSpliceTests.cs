using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// An edit of a header's function declarations re-parses only them (<see cref="ClangSplice"/>, through
/// <see cref="CParseService"/>): the result equals a full parse of the edited files, for the library's headers unit and for
/// a source's unit (which leaves the header's declarations to the headers' unit). Edits it cannot vouch for are parsed whole.
/// </summary>
public sealed class ClangSpliceTests
{
    private const string Header = "/ws/include/lib.h";
    private const string Source = "/ws/src/lib.c";
    private const string Umbrella = "/ws/__hybrid_lsp_headers__.c";

    private const string Fixture = """
        //- /ws/include/lib.h
        #pragma once
        #include <stdint.h>
        #define LIB_API __attribute__((visibility("default")))
        typedef struct lib_point { int32_t x; int64_t y; } lib_point;
        typedef enum lib_mode { LIB_A, LIB_B = 4 } lib_mode;
        LIB_API int32_t lib_first(const lib_point *p);
        // the second one
        LIB_API int64_t lib_second(lib_mode mode,
                                   int32_t count);
        LIB_API void lib_third(void);

        LIB_API double lib_last(double x);
        //- /ws/src/lib.c
        #include "lib.h"
        static int helper(int x) { return x * 2; }
        int32_t lib_first(const lib_point *p) { return p->x + helper(1); }
        int64_t lib_second(lib_mode mode, int32_t count) { return mode + count; }
        void lib_third(void) { }
        double lib_last(double x) { return x; }
        //- /ws/__hybrid_lsp_headers__.c
        #include "/ws/include/lib.h"
        """;

    private static readonly string[] s_triples = [LinuxX64, WinX64, OsxArm64];

    private sealed class Library(string fixture, params string[] flags)
    {
        public ImmutableDictionary<string, string> Files { get; private set; } = CFixture.Files(fixture);
        public CParseService Service { get; } = new(ClangOptions.Default);

        public CParseRequest Request(string main, string triple) => new(main, Files, triple, IncludeDirectories: ["/ws/include"], ExtraFlags: [.. flags])
        {
            OmitDeclarationsFrom = main == Umbrella ? [] : [Header],
        };

        /// <summary>Both units for each triple through the service (one build), each checked against a fresh parse.</summary>
        public Dictionary<string, (CParseResult Headers, CParseResult Source)> Parse(params string[] triples)
        {
            var generation = Service.BeginBuild();
            var results = new Dictionary<string, (CParseResult, CParseResult)>(StringComparer.Ordinal);
            foreach (var triple in triples.Length == 0 ? s_triples : triples)
            {
                var units = new[] { Umbrella, Source }.Select(main =>
                {
                    var request = Request(main, triple);
                    var result = Service.Parse(request, generation, CancellationToken.None);
                    Assert.Equal(Summary(ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None)), Summary(result));
                    return result;
                }).ToArray();
                results[triple] = (units[0], units[1]);
            }
            Service.EndBuild(generation);
            return results;
        }

        public void Edit(string path, string from, string to)
        {
            Assert.Contains(from, Files[path], StringComparison.Ordinal);
            Files = Files.SetItem(path, Files[path].Replace(from, to, StringComparison.Ordinal));
        }
    }

    /// <summary>What the product reads of a result, one line per declaration.</summary>
    private static string Summary(CParseResult result) => string.Join("\n", [
        $"{result.Status} errors: {string.Join(" | ", result.Diagnostics.Where(d => d.Severity >= CSeverity.Error).Select(d => $"{d.Location?.File}:{d.Location?.Line}:{d.Location?.Column} {d.Message}"))}",
        .. result.Functions.Select(f => $"fn {f.Name} {Place(f.NameSpan)} full {Place(f.FullSpan)} def={f.IsDefinition} static={f.IsStatic} {f.Visibility} dll={f.IsDllExport}/{f.IsDllImport} " +
            $"{f.CallingConvention} variadic={f.IsVariadic} omitted={f.SignatureOmitted} invalid={f.IsInvalid} {f.MangledName} {f.ReturnType.Spelling}({string.Join(", ", f.Parameters.Select(p => $"{p.Type.Spelling}/{p.Type.Size} {p.Name} {(p.NameSpan is { } s ? Place(s) : "-")}"))})"),
        .. result.Records.Select(r => $"record {r.QualifiedName} {Place(r.NameSpan)} {r.Size}/{r.Align} {string.Join(", ", r.Fields.Select(f => $"{f.Name}@{f.OffsetInBits}"))}"),
        .. result.Enums.Select(e => $"enum {e.QualifiedName} {Place(e.NameSpan)} {string.Join(", ", e.Constants.Select(c => $"{c.Name}={c.Value}"))}"),
        .. result.Typedefs.Select(t => $"typedef {t.QualifiedName} {Place(t.NameSpan)} {t.Type.Spelling}"),
        .. result.IncludedFiles.Select(f => "includes " + f),
    ]);

    private static string Place(CSourceSpan span) => $"{span.File}@{span.Span.Start}+{span.Span.Length}:{span.Line}:{span.Column}";

    private static void AssertSpliced(Library library, string from, string to, int units = 2)
    {
        library.Edit(Header, from, to);
        var before = library.Service.SpliceCount;
        library.Parse();
        Assert.Equal(units * s_triples.Length, library.Service.SpliceCount - before);
    }

    private static Library Parsed(string fixture = Fixture, params string[] flags)
    {
        var library = new Library(fixture, flags);
        library.Parse();
        return library;
    }

    [Fact]
    public void A_parameter_type_changed_in_the_middle_is_spliced_and_the_clash_with_the_definition_found_by_a_whole_parse()
    {
        var library = Parsed();
        // The headers' unit splices; the source's re-parse meets the definition's old type (an error): it is parsed whole.
        AssertSpliced(library, "int32_t count);", "int16_t count);", units: 1);
        var (headers, source) = library.Parse()[LinuxX64];
        Assert.Equal("int16_t", headers.Function("lib_second").Parameters[1].Type.Spelling);
        Assert.Contains("conflicting types for 'lib_second'", source.FirstError?.Message);

        // Back to a type the definition agrees with: the source's unit is spliced against its last result without errors.
        AssertSpliced(library, "int16_t count);", "int32_t n);");
    }

    [Fact]
    public void A_declaration_added_in_the_middle_moves_the_later_ones_and_is_spliced()
    {
        var library = Parsed();
        AssertSpliced(library, "LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\nLIB_API int lib_added(\n    int a,\n    int b);\n");
        var (headers, source) = library.Parse()[LinuxX64];
        Assert.Equal(["lib_first", "lib_second", "lib_third", "lib_added", "lib_last"], headers.Functions.Select(f => f.Name));
        Assert.Equal(15, headers.Function("lib_last").NameSpan.Line);
        Assert.DoesNotContain(source.Functions, f => f.Name == "lib_added");
    }

    [Fact]
    public void A_declaration_removed_or_renamed_is_spliced_and_the_source_definition_then_reads_its_own_signature()
    {
        var library = Parsed();
        AssertSpliced(library, "LIB_API void lib_third(void);\n", "");
        AssertSpliced(library, "LIB_API int32_t lib_first(", "LIB_API int32_t lib_renamed(");
        var (headers, source) = library.Parse()[WinX64];
        Assert.Contains(headers.Functions, f => f.Name == "lib_renamed");
        // Declared by nothing but itself now: its unit reads its signature.
        var first = source.Function("lib_first");
        Assert.False(first.SignatureOmitted);
        Assert.Equal("const lib_point *", first.Parameters[0].Type.Spelling);
        Assert.True(source.Function("lib_third").IsDefinition);
        Assert.False(source.Function("lib_third").SignatureOmitted);
    }

    [Fact]
    public void An_export_macro_taken_off_a_declaration_hides_the_source_definition_under_hidden_visibility()
    {
        var library = Parsed(Fixture, "-fvisibility=hidden");
        Assert.Equal(CVisibility.Default, library.Parse()[LinuxX64].Source.Function("lib_third").Visibility);

        AssertSpliced(library, "LIB_API void lib_third(void);", "void lib_third(void);");
        var (headers, source) = library.Parse()[LinuxX64];
        Assert.Equal(CVisibility.Hidden, headers.Function("lib_third").Visibility);
        Assert.Equal(CVisibility.Hidden, source.Function("lib_third").Visibility);
    }

    [Fact]
    public void A_declaration_typed_through_errors_is_spliced_against_the_last_result_without_them()
    {
        var library = Parsed();
        // Typing: the declaration is an error until its `;`, and those states are parsed whole.
        library.Edit(Header, "LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\nLIB_API int lib_typed(int\n");
        var splices = library.Service.SpliceCount;
        Assert.All(library.Parse().Values, r => Assert.NotNull(r.Headers.FirstError));
        Assert.Equal(splices, library.Service.SpliceCount);
        library.Edit(Header, "LIB_API int lib_typed(int\n", "LIB_API int lib_typed(int x\n");
        library.Parse();

        // The finished declaration differs from the last clean text by one inserted line.
        AssertSpliced(library, "LIB_API int lib_typed(int x\n", "LIB_API int lib_typed(int x);\n");
        Assert.Equal("lib_typed", library.Parse()[LinuxX64].Headers.Functions[3].Name);
    }

    [Fact]
    public void Comment_and_blank_lines_between_declarations_are_spliced()
    {
        var library = Parsed();
        AssertSpliced(library, "// the second one\n", "// the second one, edited\n\n\n");
        Assert.Equal(14, library.Parse()[OsxArm64].Headers.Function("lib_last").NameSpan.Line);
    }

    [Theory]
    [InlineData("visibility(\"default\")", "visibility(\"hidden\")")]
    [InlineData("// the second one\n", "/* the second one\n")]
    [InlineData("LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\nLIB_API void lib_first(void);\n")]
    [InlineData("LIB_API void lib_third(void);", "LIB_API void lib_third(void)")]
    [InlineData("LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\n#define LIB_MORE 1\n")]
    public void Edits_of_macros_comments_or_that_bring_errors_or_clashes_are_parsed_whole(string from, string to)
    {
        var library = Parsed();
        library.Edit(Header, from, to);
        var (splices, parses) = (library.Service.SpliceCount, library.Service.ParseCount);
        library.Parse();
        Assert.Equal(splices, library.Service.SpliceCount);
        Assert.Equal(6, library.Service.ParseCount - parses);
    }

    [Theory]
    [InlineData("int32_t x; int64_t y;", "int32_t x; int32_t y;")]
    [InlineData("int32_t x; int64_t y;", "int32_t x; int64_t y; double z;")]
    [InlineData("LIB_B = 4", "LIB_B = 5")]
    [InlineData("LIB_B = 4", "LIB_B = 4, LIB_C = 0x7fffffffff")]
    [InlineData("typedef struct lib_point { int32_t x; int64_t y; } lib_point;\ntypedef enum lib_mode { LIB_A, LIB_B = 4 } lib_mode;\nLIB_API int32_t lib_first(const lib_point *p);\n",
        "typedef struct lib_point { int16_t x; int64_t y; } lib_point;\ntypedef enum lib_mode { LIB_A, LIB_B = 4 } lib_mode;\nLIB_API int32_t lib_first(const lib_point *point);\n")]
    public void Edits_of_a_types_body_are_spliced_in_every_unit(string from, string to)
    {
        var library = Parsed();
        AssertSpliced(library, from, to);
        // And undone.
        AssertSpliced(library, to, from);
    }

    [Fact]
    public void A_header_of_types_alone_is_spliced_too()
    {
        var library = Parsed("""
            //- /ws/include/lib_types.h
            #pragma once
            #include <stdint.h>
            typedef struct lib_point { int32_t x; int64_t y; } lib_point;
            typedef enum lib_mode { LIB_A, LIB_B = 4 } lib_mode;
            //- /ws/include/lib.h
            #pragma once
            #include "lib_types.h"
            #define LIB_API __attribute__((visibility("default")))
            LIB_API int32_t lib_first(const lib_point *p);
            LIB_API int64_t lib_second(lib_mode mode);
            //- /ws/src/lib.c
            #include "lib.h"
            int32_t lib_first(const lib_point *p) { return p->x; }
            int64_t lib_second(lib_mode mode) { return mode; }
            //- /ws/__hybrid_lsp_headers__.c
            #include "/ws/include/lib.h"
            """);
        library.Edit("/ws/include/lib_types.h", "int32_t x; int64_t y;", "int32_t x; int16_t y; double z;");
        var before = library.Service.SpliceCount;
        var results = library.Parse();
        Assert.Equal(2 * s_triples.Length, library.Service.SpliceCount - before);
        Assert.Equal(16, results[LinuxX64].Headers.Records.Single(r => r.Name == "lib_point").Size);
        // And the next edit of it too (its regions, none, were told by the splice).
        library.Edit("/ws/include/lib_types.h", "LIB_B = 4", "LIB_B = 8");
        before = library.Service.SpliceCount;
        library.Parse();
        Assert.Equal(2 * s_triples.Length, library.Service.SpliceCount - before);
    }

    [Theory]
    [InlineData("LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\ntypedef int lib_int;\n", 0)]
    [InlineData("LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\nstruct lib_later;\n", 0)]
    [InlineData("typedef enum lib_mode {", "typedef enum lib_kind {", 0)]
    // A source's unit does not report the header's types, and an enum without a name declares no name it could read differently.
    [InlineData("LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\nenum { LIB_C = 9 };\n", 1)]
    public void A_type_added_removed_or_renamed_is_parsed_whole_in_the_unit_that_reports_it(string from, string to, int splicedUnits)
    {
        var library = Parsed();
        library.Edit(Header, from, to);
        var (splices, parses) = (library.Service.SpliceCount, library.Service.ParseCount);
        library.Parse();
        Assert.Equal(splicedUnits * s_triples.Length, library.Service.SpliceCount - splices);
        Assert.Equal(6, library.Service.ParseCount - parses);
    }

    [Fact]
    public void Bad_edits_binary_text_and_huge_pastes_give_what_a_fresh_parse_gives()
    {
        var library = Parsed();
        // Binary bytes and NULs where a declaration was: an error, parsed whole.
        library.Edit(Header, "LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\n\0\u0001\u00ff\ufffd garbage \0\n");
        library.Parse();
        library.Edit(Header, "LIB_API void lib_third(void);\n\0\u0001\u00ff\ufffd garbage \0\n", "LIB_API void lib_third(void);\n");
        library.Parse();

        // 20,000 declarations pasted at once: one window, spliced, and read like a fresh parse (Library.Parse compares).
        var pasted = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"LIB_API int lib_pasted_{i}(int32_t a, const lib_point *p);\n"));
        AssertSpliced(library, "LIB_API void lib_third(void);\n", "LIB_API void lib_third(void);\n" + pasted);
        Assert.Equal(20_004, library.Parse()[LinuxX64].Headers.Functions.Length);
        // And one of them edited in the middle of the paste.
        AssertSpliced(library, "lib_pasted_10000(int32_t a,", "lib_pasted_10000(int64_t a,");
    }

    [Fact]
    public void A_declaration_made_by_a_macro_is_parsed_whole_since_its_name_is_not_in_the_text()
    {
        const string fixture = """
            //- /ws/include/lib.h
            #pragma once
            #define DECLARE(name) int lib_##name(int x)
            DECLARE(one);
            int lib_two(int x);
            //- /ws/src/lib.c
            #include "lib.h"
            int lib_one(int x) { return x; }
            int lib_two(int x) { return x; }
            //- /ws/__hybrid_lsp_headers__.c
            #include "/ws/include/lib.h"
            """;
        var library = Parsed(fixture);
        library.Edit(Header, "DECLARE(one);", "DECLARE(uno);");
        var splices = library.Service.SpliceCount;
        library.Parse();
        Assert.Equal(splices, library.Service.SpliceCount);

        // A plain declaration beside it still splices (the source's unit too: it defines lib_two with an int, now clashing).
        AssertSpliced(library, "int lib_two(int x);", "int lib_two(int y);");
    }
}
