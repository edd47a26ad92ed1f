using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Syntax.C.CFixture;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// Differential tests of <see cref="CParseService"/>'s reparse after an edit: whatever way the service brings a cached
/// translation unit up to date (a full parse, or splicing the re-read declarations of an edited header into the cached
/// result), the result must be indistinguishable from a fresh full parse of the same request for everything the product
/// reads (<see cref="CParseResultText.Describe"/>). Each edit runs on the units the product parses for a library
/// (<c>CLibraryBuilder.Index</c>): the headers' unit (<c>__hybrid_lsp_headers__.c</c> including each public header) and
/// each source's unit omitting the public headers' declarations, on Linux, Windows and macOS targets and with
/// <c>-fvisibility=hidden</c>; then the edit is undone (a second reparse on top of the first). A catalogue of edits names
/// the ones the service's fast path should take (<see cref="SpliceCase.Splices"/>) and those it must leave to a full parse;
/// a seeded random walk of edits over a generated library covers the combinations.
/// </summary>
public sealed class CParseSpliceDifferentialTests
{
    // ---------------------------------------------------------------------------------------------------------------
    // Libraries and their units, as CLibraryBuilder.Index builds them.
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>A library: its files (fixture text), folder, public headers, sources, include folders and language.</summary>
    public sealed record Library(string Fixture, string Directory, ImmutableArray<string> Headers, ImmutableArray<string> Sources, ImmutableArray<string> IncludeDirectories, bool IsCxx = false)
    {
        /// <summary>The files' line ending (the fixture's are \n).</summary>
        public string LineEnding { get; init; } = "\n";

        public ImmutableDictionary<string, string> Files =>
            LineEnding == "\n" ? CFixture.Files(Fixture) : CFixture.Files(Fixture).ToImmutableDictionary(f => f.Key, f => f.Value.Replace("\n", LineEnding, StringComparison.Ordinal), StringComparer.Ordinal);

        public string UmbrellaPath => Directory + (IsCxx ? "/__hybrid_lsp_headers__.cpp" : "/__hybrid_lsp_headers__.c");

        /// <summary>
        /// The units' requests for the library's files <paramref name="files"/>, the headers' unit first; each source also
        /// reading every signature, as the product parses it again when the headers' unit misses a definition's declaration.
        /// </summary>
        public ImmutableArray<(string Unit, CParseRequest Request)> Requests(ImmutableDictionary<string, string> files, Target target)
        {
            var unsaved = files.SetItem(UmbrellaPath, string.Concat(Headers.Select(h => $"#include \"{h}\"\n")));
            var language = IsCxx ? CLanguage.Cxx : CLanguage.C;
            var omitted = Headers.ToImmutableHashSet(StringComparer.Ordinal);
            CParseRequest Request(string path) => new(path, unsaved, target.Triple, language, null, IncludeDirectories, [], target.Flags);
            return
            [
                ("headers", Request(UmbrellaPath)),
                .. Sources.Select(s => (s, Request(s) with { OmitDeclarationsFrom = omitted })),
                .. Sources.Select(s => (s + " (all signatures)", Request(s) with { OmitDeclarationsFrom = omitted, ReadAllSignatures = true })),
            ];
        }
    }

    /// <summary>A target triple and the library's extra flags.</summary>
    public sealed record Target(string Name, string Triple, ImmutableArray<string> Flags);

    private static readonly Target Linux = new("linux", LinuxX64, []);
    private static readonly Target Windows = new("windows", WinX64, []);
    private static readonly Target Darwin = new("darwin", OsxArm64, []);
    private static readonly Target LinuxHidden = new("linux-hidden", LinuxX64, ["-fvisibility=hidden"]);
    private static readonly Target Windows32 = new("windows-x86", WinX86, []);

    private static readonly ImmutableArray<Target> DefaultTargets = [Linux, Windows, Darwin, LinuxHidden];

    /// <summary>
    /// A C library with the shapes the fast path meets: an export macro per platform, a calling convention macro, structs,
    /// enums, typedefs, a token-pasting declaration macro, static inline functions, declarations over several lines, a
    /// line with two declarations, a non-ASCII comment inside a declaration, a second public header, a header without an
    /// include guard included twice, and a private header only the source includes. Its types reach signatures in every
    /// way a type edit must follow: a struct embedded by value in another, a union, a struct only behind a pointer typedef,
    /// a struct over several lines, one between <c>#pragma pack</c> lines, enum constants sizing an array field and an array
    /// parameter, <c>sizeof</c> of a struct sizing one, a typedef of a typedef, a function pointer parameter and return,
    /// a macro naming a type, a function type typedef declaring a function, a <c>__stdcall</c> function taking a struct by
    /// value, variable declarations, and a struct of the source's own that its static helpers take.
    /// </summary>
    private static readonly Library Geo = new("""
        //- /ws/geo/include/geo.h
        #ifndef GEO_H
        #define GEO_H
        #include <stdint.h>
        #include <stddef.h>

        #if defined(_WIN32)
        #  define GEO_API __declspec(dllexport)
        #  define GEO_CALL __stdcall
        #else
        #  define GEO_API __attribute__((visibility("default")))
        #  define GEO_CALL
        #endif
        #define GEO_DECLARE(name) GEO_API int geo_##name(geo_handle h)

        typedef struct geo_point { int32_t x; int32_t y; } geo_point;
        typedef enum geo_mode { GEO_FAST = 1, GEO_EXACT = 2 } geo_mode;
        typedef uint64_t geo_handle;
        typedef int (*geo_callback)(void *user, const geo_point *p);
        struct geo_opaque;

        GEO_API int geo_init(geo_mode mode);
        GEO_API geo_handle geo_open(const char *path, size_t len);
        GEO_API int geo_move(geo_handle h, geo_point *p, int32_t dx, int32_t dy);
        // Distance between two points.
        GEO_API double geo_distance(const geo_point *a, const geo_point *b);
        GEO_API void geo_visit(geo_handle h, geo_callback cb,
                               void *user);
        GEO_API int geo_count(geo_handle h);
        GEO_API int
        geo_scale(geo_handle h, // facteur d'échelle
                  double factor);
        GEO_API int geo_min(int a, int b); GEO_API int geo_max(int a, int b);
        GEO_API const char *geo_version(void);
        GEO_API int geo_log(const char *message);
        int geo_internal_hook(void);
        GEO_API struct geo_opaque *geo_raw(geo_handle h);
        GEO_API void geo_close(geo_handle h);

        typedef struct geo_stats { size_t count; double mean; } geo_stats;
        enum geo_flags { GEO_FLAG_NONE = 0, GEO_FLAG_LOUD = 1 };
        typedef void (*geo_logger)(const char *line);
        GEO_API int geo_stats_get(geo_handle h, geo_stats *out, enum geo_flags flags);

        typedef struct geo_extent { int32_t w; int32_t h; } geo_extent;
        typedef struct geo_rect { geo_point origin; geo_extent size; } geo_rect;
        #define GEO_EXTENT_T geo_extent
        GEO_API int geo_rect_area(const geo_rect *r);
        GEO_API geo_rect geo_rect_make(geo_point origin, geo_extent size);
        GEO_API int GEO_CALL geo_rect_contains(geo_rect r, geo_point p);
        GEO_API void geo_each_extent(geo_handle h, void (*fn)(const geo_extent *s, void *user), void *user);
        GEO_API int geo_extent_area(const GEO_EXTENT_T *s);
        GEO_API int (*geo_picker(int which))(const geo_extent *s);

        typedef union geo_value { int64_t i; double d; char bytes[8]; } geo_value;
        GEO_API int geo_value_set(geo_value *v, geo_value init);
        typedef struct geo_node { int id; struct geo_node *next; } *geo_node_ref;
        GEO_API geo_node_ref geo_node_first(geo_handle h);

        typedef struct geo_header {
            uint8_t kind;
            uint32_t length;
            uint16_t tag;
        } geo_header;
        GEO_API int geo_header_read(geo_handle h, geo_header *out);
        GEO_API geo_header geo_header_default(void);

        #pragma pack(push, 1)
        typedef struct geo_wire { uint8_t code; uint32_t value; } geo_wire;
        #pragma pack(pop)
        GEO_API int geo_wire_send(const geo_wire *w);

        enum { GEO_NAME_MAX = 16 };
        typedef struct geo_label { char name[GEO_NAME_MAX]; int32_t id; } geo_label;
        GEO_API int geo_label_get(geo_handle h, geo_label *out);
        enum geo_limits { GEO_PATH_MAX = 260 };
        GEO_API int geo_path_copy(char (*buffer)[GEO_PATH_MAX], const char *path);
        GEO_API int geo_point_bytes(unsigned char (*raw)[sizeof(geo_point)]);
        typedef geo_point geo_vertex;
        GEO_API int geo_vertex_id(const geo_vertex *v);
        typedef struct { int32_t lo; int32_t hi; } geo_range;
        typedef struct geo_pair { int32_t first; int32_t second; } geo_pair, *geo_pair_ref;
        GEO_API int geo_pair_sum(geo_pair_ref pair);
        typedef struct geo_note {
            int32_t page;   // Seite, größer als 0
            int32_t line;
        } geo_note;
        GEO_API int geo_note_add(const geo_note *note);
        GEO_API geo_range geo_range_of(geo_handle h);
        typedef struct geo_sample { int32_t level; } geo_sample;
        GEO_API int geo_sample_level(__typeof__(((geo_sample *)0)->level) level);
        enum geo_lanes { GEO_LANES = 4, GEO_BITS = 24 };
        GEO_API void geo_simd(float __attribute__((vector_size(GEO_LANES * 4))) v);
        GEO_API void geo_bits(unsigned _BitInt(GEO_BITS) v);

        typedef int geo_filter_fn(int32_t x, int32_t y, void *user);
        GEO_API int geo_filter(geo_handle h, geo_filter_fn *fn, void *user);
        GEO_API geo_filter_fn geo_default_filter;

        extern int geo_errno;
        GEO_API extern const int geo_version_number;

        GEO_DECLARE(width);
        GEO_DECLARE(height);

        static inline int geo_abs(int v) { return v < 0 ? -v : v; }
        static inline int geo_smaller(int a, int b) { return geo_min(a, b); }
        static inline int geo_sign(int v) {
            return v < 0 ? -1 : v > 0;
        }
        #endif
        //- /ws/geo/include/geo_extra.h
        #ifndef GEO_EXTRA_H
        #define GEO_EXTRA_H
        #include "geo.h"
        #include "geo_noguard.h"
        GEO_API int geo_extra_flags(geo_handle h, uint32_t flags);
        GEO_API geo_point geo_extra_origin(void);
        typedef struct geo_box { geo_point corner; int32_t depth; } geo_box;
        GEO_API int geo_box_depth(const geo_box *b);
        #endif
        //- /ws/geo/include/geo_noguard.h
        GEO_API int geo_ng_first(int a);
        GEO_API long geo_ng_second(long b, geo_mode mode);
        //- /ws/geo/src/internal.h
        #pragma once
        int geo_internal_sum(int a, int b);
        void geo_internal_debug(const char *what);
        typedef struct geo_internal_state { int depth; } geo_internal_state;
        int geo_internal_depth(const geo_internal_state *state);
        //- /ws/geo/src/geo.c
        #include "geo.h"
        #include "geo_extra.h"
        #include "geo_noguard.h"
        #include "internal.h"

        static int clamp(int v);
        static int clamp(int v) { return v < 0 ? 0 : v; }
        static int twice(int v) { return clamp(v) * 2; }
        typedef struct geo_cache { int hits; int misses; } geo_cache;
        static int cache_total(const geo_cache *c) { return c->hits + c->misses; }
        static int rect_width(const geo_rect *r) { return r->size.w; }
        static int point_sum(geo_point p) { return p.x + p.y; }

        GEO_API int geo_init(geo_mode mode) { return twice((int)mode) + GEO_FLAG_LOUD; }
        GEO_API geo_handle geo_open(const char *path, size_t len) { return path ? (geo_handle)len : 0; }
        GEO_API int geo_move(geo_handle h, geo_point *p, int32_t dx, int32_t dy) { p->x += dx; p->y += dy; return (int)h; }
        GEO_API double geo_distance(const geo_point *a, const geo_point *b) { return (double)(a->x - b->x) + (b->y - a->y); }
        GEO_API void geo_visit(geo_handle h, geo_callback cb, void *user) { geo_point p = { (int32_t)h, 0 }; cb(user, &p); }
        GEO_API int geo_count(geo_handle h) { return (int)h; }
        GEO_API int geo_scale(geo_handle h, double factor) { return (int)(h * factor); }
        int geo_internal_hook(void) { return geo_internal_sum(1, 2); }
        GEO_API void geo_close(geo_handle h) { (void)h; }
        GEO_API int geo_width(geo_handle h) { return clamp((int)h); }
        GEO_API int geo_extra_flags(geo_handle h, uint32_t flags) { return (int)(h + flags); }
        GEO_API int geo_ng_first(int a) { return geo_abs(a); }
        int geo_internal_sum(int a, int b) { return a + b; }
        int geo_internal_depth(const geo_internal_state *state) { return state->depth; }
        GEO_API int GEO_CALL geo_rect_contains(geo_rect r, geo_point p) { return p.x >= r.origin.x && p.y >= r.origin.y; }
        GEO_API int geo_label_get(geo_handle h, geo_label *out) { out->id = (int32_t)h; return GEO_NAME_MAX; }
        """,
        "/ws/geo",
        ["/ws/geo/include/geo.h", "/ws/geo/include/geo_extra.h", "/ws/geo/include/geo_noguard.h"],
        ["/ws/geo/src/geo.c"],
        ["/ws/geo/include"]);

    /// <summary>The C library with Windows line endings: offsets count the \r, lines do not.</summary>
    private static readonly Library GeoCrlf = Geo with { LineEnding = "\r\n" };

    /// <summary>
    /// A C++ library: an <c>extern "C"</c> block with a struct typedef, a struct at file scope, a namespace with overloads,
    /// a struct, a class and an <c>enum class</c>, sources in .cpp.
    /// </summary>
    private static readonly Library Shapes = new("""
        //- /ws/shapes/include/shapes.hpp
        #pragma once
        #include <cstdint>
        #if defined(_WIN32)
        #  define SHAPES_API __declspec(dllexport)
        #else
        #  define SHAPES_API __attribute__((visibility("default")))
        #endif

        extern "C" {
        typedef struct shapes_color { std::uint8_t r; std::uint8_t g; std::uint8_t b; } shapes_color;
        SHAPES_API int shapes_count(void);
        SHAPES_API double shapes_area(std::int32_t id, double scale);
        SHAPES_API void shapes_reset(void);
        SHAPES_API void shapes_paint(std::int32_t id, shapes_color color);
        }

        struct shapes_style { int width; bool dashed; };
        SHAPES_API int shapes_styled(const shapes_style *style);

        namespace shapes {
        struct Box { int w; int h; };
        class Canvas {
        public:
            int width;
            int height;
            int pixels() const;
        };
        enum class Kind : int { Square = 1, Circle = 2 };
        SHAPES_API double area(int side);
        SHAPES_API double area(double radius);
        SHAPES_API int volume(const Box &box, int depth);
        SHAPES_API int paint(Canvas *canvas, Kind kind);
        SHAPES_API int width_of(decltype(Box::w) w);
        typedef int shape_id;
        SHAPES_API int find(shape_id id, const Box *within);
        template <int N> struct Buffer { char data[N]; };
        enum { BUFFER_SIZE = 16 };
        SHAPES_API int fill(Buffer<BUFFER_SIZE> &buffer);
        }
        //- /ws/shapes/src/shapes.cpp
        #include "shapes.hpp"
        extern "C" SHAPES_API int shapes_count(void) { return 2; }
        extern "C" SHAPES_API double shapes_area(std::int32_t id, double scale) { return id * scale; }
        extern "C" SHAPES_API void shapes_paint(std::int32_t id, shapes_color color) { (void)id; (void)color; }
        namespace shapes {
        SHAPES_API double area(int side) { return side * side; }
        SHAPES_API double area(double radius) { return radius * radius * 3.14; }
        SHAPES_API int volume(const Box &box, int depth) { return box.w * box.h * depth; }
        SHAPES_API int paint(Canvas *canvas, Kind kind) { return canvas->width * static_cast<int>(kind); }
        int Canvas::pixels() const { return width * height; }
        }
        """,
        "/ws/shapes",
        ["/ws/shapes/include/shapes.hpp"],
        ["/ws/shapes/src/shapes.cpp"],
        ["/ws/shapes/include"],
        IsCxx: true);

    /// <summary>
    /// A C header whose types and declarations read functions: a function declared with <c>__typeof__</c> of another, a
    /// typedef of <c>__typeof__</c> a function, a struct whose array is bounded by <c>sizeof</c> of a call.
    /// </summary>
    private static readonly Library Calls = new("""
        //- /ws/calls/include/calls.h
        #ifndef CALLS_H
        #define CALLS_H
        int calls_clamp(int v, int lo, int hi);
        __typeof__(calls_clamp) calls_clamp_fast;
        int calls_scale(int v, int by);
        typedef __typeof__(calls_scale) calls_scale_t;
        int calls_apply(calls_scale_t *fn, int v);
        short calls_width(int v);
        typedef struct calls_result { char bytes[sizeof(calls_width(0))]; } calls_result;
        calls_result calls_result_of(int v);
        #endif
        //- /ws/calls/src/calls.c
        #include "calls.h"
        int calls_clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
        """,
        "/ws/calls",
        ["/ws/calls/include/calls.h"],
        ["/ws/calls/src/calls.c"],
        ["/ws/calls/include"]);

    // ---------------------------------------------------------------------------------------------------------------
    // The edit catalogue.
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// One edit of one file. <see cref="Splices"/> is whether the service's fast path should serve the reparse of the unit
    /// that reports the edited file's declarations — the headers' unit for a public header, the source's unit for a source
    /// or a header only a source includes — instead of a full parse. The edited lines, widened to whole top-level statements
    /// (function declarations, struct/union/enum definitions, typedefs, variable declarations; whitespace and <c>//</c>
    /// comments allowed), must hold no preprocessor line, block comment delimiter, line splice, <c>__COUNTER__</c>, raw
    /// string, <c>namespace</c>/<c>using</c>/<c>template</c>/<c>concept</c>, <c>extern "C" {</c> or its closing brace (nor,
    /// in C++, a typedef or alias inside a class body); both parses must be free of errors, and the edited file read once.
    /// A type edit must leave the same record, enum and typedef names in the same order, and not change a typedef of a
    /// function type (functions declared with it do not spell their signature). A source's unit, which leaves the public
    /// headers' signatures to the headers' unit, falls back in more cases: re-reading a header it omits (C++ typedefs,
    /// function declarations of the same names, lines that may declare a function type or change the declared names), and
    /// for any type edit on 32-bit Windows when it omits signatures (their symbols spell their parameters' sizes). The
    /// assertion is about the reporting unit only: when <see cref="Splices"/> is true it splices, when false it is parsed
    /// whole. Every unit's result must equal a fresh parse either way.
    /// </summary>
    public sealed record SpliceCase(string Name, string File, Func<string, string> Edit, bool Splices)
    {
        public Library Library { get; init; } = Geo;

        /// <summary>Edits of further files in the same change (the fast path takes an edit of one file only).</summary>
        public ImmutableArray<(string File, Func<string, string> Edit)> AlsoEdits { get; init; } = [];

        public ImmutableDictionary<string, string> Apply(ImmutableDictionary<string, string> files) =>
            AlsoEdits.Aggregate(files.SetItem(File, Edit(files[File])), (edited, also) => edited.SetItem(also.File, also.Edit(edited[also.File])));

        public ImmutableArray<string> EditedFiles => [File, .. AlsoEdits.Select(a => a.File)];

        public ImmutableArray<Target> Targets { get; init; } = DefaultTargets;
    }

    private const string GeoH = "/ws/geo/include/geo.h";
    private const string GeoExtraH = "/ws/geo/include/geo_extra.h";
    private const string GeoNoGuardH = "/ws/geo/include/geo_noguard.h";
    private const string CallsH = "/ws/calls/include/calls.h";
    private const string GeoInternalH = "/ws/geo/src/internal.h";
    private const string GeoC = "/ws/geo/src/geo.c";
    private const string ShapesHpp = "/ws/shapes/include/shapes.hpp";

    /// <summary>Replaces the one occurrence of <paramref name="old"/> (an edit that no longer matches its fixture fails loudly).</summary>
    private static Func<string, string> Replace(string old, string replacement) => text =>
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"the edit expects exactly one '{old}' in the file");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    };

    private static Func<string, string> InsertBefore(string anchor, string lines) => Replace(anchor, lines + anchor);

    private static Func<string, string> InsertAfter(string anchor, string lines) => Replace(anchor, anchor + lines);

    public static readonly ImmutableArray<SpliceCase> Cases =
    [
        // Edits the fast path takes: whole lines of function declarations, names declared once in the reporting unit.
        new("parameter type changed in the middle", GeoH, Replace("int32_t dx, int32_t dy", "int64_t dx, int32_t dy"), true),
        new("return type changed", GeoH, Replace("GEO_API const char *geo_version(void);", "GEO_API const wchar_t *geo_version(void);"), true),
        new("return type changed of a function the source defines", GeoH, Replace("GEO_API int geo_count(geo_handle h);", "GEO_API long geo_count(geo_handle h);"), true),
        new("declaration added at the end", GeoH, InsertAfter("GEO_API void geo_close(geo_handle h);\n", "GEO_API int geo_added(const geo_point *p, size_t n);\n"), true),
        new("declaration added in the middle", GeoH, InsertBefore("GEO_API int geo_count(geo_handle h);", "GEO_API double geo_added(double a,\n                          float b);\n"), true),
        new("declaration added at the start", GeoH, InsertBefore("GEO_API int geo_init(geo_mode mode);", "GEO_API void geo_added(void);\n"), true),
        new("declaration with a struct tag first seen in its parameters added", GeoH, InsertBefore("GEO_API int geo_count(geo_handle h);", "GEO_API int geo_tagged(struct geo_unseen *p);\n"), true),
        new("declaration deleted", GeoH, Replace("GEO_API void geo_close(geo_handle h);\n", ""), true),
        new("declaration over several lines deleted", GeoH, Replace("GEO_API void geo_visit(geo_handle h, geo_callback cb,\n                       void *user);\n", ""), true),
        new("two adjacent declarations edited", GeoH,
            Replace("GEO_API int geo_init(geo_mode mode);\nGEO_API geo_handle geo_open(const char *path, size_t len);",
                    "GEO_API int geo_init(geo_mode mode, int flags);\nGEO_API geo_handle geo_open(const wchar_t *path);"), true),
        new("function renamed, header only", GeoH, Replace("geo_version(void)", "geo_release(void)"), true),
        new("function renamed, the source defines the old name", GeoH, Replace("geo_count(geo_handle h)", "geo_size(geo_handle h)"), true),
        new("export macro removed", GeoH, Replace("GEO_API double geo_distance", "double geo_distance"), true),
        new("export macro added", GeoH, Replace("int geo_internal_hook(void);", "GEO_API int geo_internal_hook(void);"), true),
        new("static added", GeoH, Replace("int geo_internal_hook(void);", "static int geo_internal_hook(void);"), true),
        new("variadic added", GeoH, Replace("geo_log(const char *message);", "geo_log(const char *message, ...);"), true),
        new("calling convention macro added", GeoH, Replace("GEO_API int geo_count(geo_handle h);", "GEO_API int GEO_CALL geo_count(geo_handle h);"), true)
        {
            Targets = [Windows32, Linux],
        },
        new("comment line added between declarations", GeoH, InsertBefore("GEO_API int geo_count(geo_handle h);", "// Counts the points.\n"), true),
        new("blank lines added", GeoH, InsertBefore("GEO_API int geo_count(geo_handle h);", "\n\n   \n"), true),
        new("two declarations far apart edited", GeoH,
            text => Replace("geo_open(const char *path, size_t len)", "geo_open(const char *path, size_t len, int mode)")(
                    Replace("GEO_API int geo_log(const char *message);", "GEO_API int geo_log(const char *message, int level);")(text)), false),
        new("line with two declarations edited", GeoH, Replace("GEO_API int geo_max(int a, int b);", "GEO_API long geo_max(long a, long b);"), true),
        new("non-ASCII comment inside a declaration edited", GeoH, Replace("// facteur d'échelle", "// Maßstab, ≥ 0 😀"), false),
        new("declaration in the second header edited", GeoExtraH, Replace("uint32_t flags", "uint16_t flags"), true),
        new("declaration in a private header edited, not defined anywhere", GeoInternalH, Replace("const char *what", "const char *what, int level"), true),
        new("deprecated attribute added", GeoH, Replace("GEO_API int geo_count(geo_handle h);", "GEO_API __attribute__((deprecated)) int geo_count(geo_handle h);"), true),
        new("visibility attribute written on a declaration", GeoH, Replace("GEO_API int geo_log(const char *message);", "__attribute__((visibility(\"hidden\"))) int geo_log(const char *message);"), true),
        new("extern added", GeoH, Replace("GEO_API double geo_distance", "extern GEO_API double geo_distance"), true),
        new("declaration added in a header with CRLF line endings", GeoH, InsertBefore("GEO_API int geo_count(geo_handle h);", "GEO_API int geo_added(int a,\r\n                  int b);\r\n"), true)
        {
            Library = GeoCrlf,
        },
        new("declaration deleted in a header with CRLF line endings", GeoH, Replace("GEO_API int geo_count(geo_handle h);\r\n", ""), true)
        {
            Library = GeoCrlf,
        },
        new("prototype added in the source", GeoC, InsertBefore("static int clamp(int v);", "int geo_external(int a);\n"), true),

        // Edits of types the fast path takes: the edited lines widened to whole top-level statements, the same type names
        // declared in the same order, every function whose signature reaches a changed type read again.
        new("struct field type changed", GeoH, Replace("int32_t x; int32_t y;", "int32_t x; int64_t y;"), true),
        new("enum value changed", GeoH, Replace("GEO_EXACT = 2", "GEO_EXACT = 4"), true),
        new("typedef changed", GeoH, Replace("typedef uint64_t geo_handle;", "typedef uint32_t geo_handle;"), true),
        new("struct field added", GeoH, Replace("size_t count; double mean;", "size_t count; double mean; double max;"), true),
        new("struct field removed", GeoH, Replace("size_t count; double mean;", "size_t count;"), true),
        new("struct field renamed", GeoH, Replace("double mean;", "double average;"), true),
        new("field changed in an anonymous struct named by a typedef", GeoH, Replace("int32_t lo; int32_t hi;", "int32_t lo; int64_t hi;"), true),
        new("field changed in a struct typedef with two declarators", GeoH, Replace("int32_t first; int32_t second;", "int32_t first; int64_t second;"), true),
        new("field changed in a struct with a non-ASCII comment", GeoH, Replace("    int32_t line;\n", "    int64_t line;\n"), true),
        new("non-ASCII comment edited inside a struct", GeoH, Replace("// Seite, größer als 0", "// Seite ≥ 1 😀"), true),
        new("field line added to a struct over several lines with CRLF line endings", GeoH, InsertBefore("    uint16_t tag;\r\n", "    uint64_t stamp;\r\n"), true)
        {
            Library = GeoCrlf,
        },
        new("opaque struct completed", GeoH, Replace("struct geo_opaque;", "struct geo_opaque { int fd; };"), true),
        // The source's bodies read what these edits take away: its unit has errors, which a fresh parse reports.
        new("struct field removed that a source's body reads", GeoH, Replace("int32_t x; int32_t y;", "int32_t x;"), true),
        new("enum constant removed that a source's body reads", GeoH, Replace("GEO_FLAG_NONE = 0, GEO_FLAG_LOUD = 1", "GEO_FLAG_NONE = 0"), true),
        new("typedef retargeted to a pointer that a source's body multiplies", GeoH, Replace("typedef uint64_t geo_handle;", "typedef struct geo_opaque *geo_handle;"), true),
        new("field added to a struct whose size bounds an array parameter", GeoH, Replace("int32_t x; int32_t y;", "int32_t x; int32_t y; int32_t z;"), true),
        // geo_rect embeds geo_extent by value; functions take it by pointer, by value, through a function pointer's parameter and through a macro.
        new("field type changed in a struct another struct embeds", GeoH, Replace("int32_t w; int32_t h;", "int64_t w; int32_t h;"), true),
        // geo_rect_contains is __stdcall on 32-bit Windows: its decorated name counts the bytes of its by-value parameters.
        new("field type changed in an embedded struct on 32-bit Windows", GeoH, Replace("int32_t w; int32_t h;", "int32_t w; int32_t h; int32_t d;"), true)
        {
            Targets = [Windows32, Linux],
        },
        new("union member changed", GeoH, Replace("char bytes[8];", "char bytes[24];"), true),
        new("struct used only through a pointer typedef changed", GeoH, Replace("int id; struct geo_node *next;", "int id; double weight; struct geo_node *next;"), true),
        new("field of a struct over several lines changed", GeoH, Replace("    uint32_t length;\n", "    uint64_t length;\n"), true),
        // Only the new line differs: a field of the struct, not a declaration at file scope.
        new("field line added to a struct over several lines", GeoH, InsertBefore("    uint16_t tag;\n", "    uint64_t stamp;\n"), true),
        new("statement line added to a static inline function's body", GeoH, InsertBefore("    return v < 0 ? -1 : v > 0;\n", "    (void)geo_abs(v);\n"), true),
        new("packed attribute added to a struct", GeoH, Replace("typedef struct geo_header {", "typedef struct __attribute__((packed)) geo_header {"), true),
        new("_Alignas added to a field", GeoH, Replace("    uint32_t length;", "    _Alignas(8) uint32_t length;"), true),
        new("aligned attribute added to a field", GeoH, Replace("    uint16_t tag;", "    uint16_t tag __attribute__((aligned(16)));"), true),
        new("field changed in a struct between #pragma pack lines", GeoH, Replace("uint8_t code; uint32_t value;", "uint8_t code; uint64_t value;"), true),
        new("enum constant added", GeoH, Replace("GEO_FAST = 1, GEO_EXACT = 2 }", "GEO_FAST = 1, GEO_EXACT = 2, GEO_BEST = 3 }"), true),
        new("enum constant removed", GeoH, Replace("GEO_FAST = 1, GEO_EXACT = 2 }", "GEO_FAST = 1 }"), true),
        new("enum constant given a value that needs 64 bits", GeoH, Replace("GEO_EXACT = 2", "GEO_EXACT = 0x100000000"), true),
        new("enum constant sizing an array field changed", GeoH, Replace("GEO_NAME_MAX = 16", "GEO_NAME_MAX = 40"), true),
        // geo_path_copy's parameter is a pointer to char[GEO_PATH_MAX]: its signature names no type the edit changes.
        new("enum constant sizing an array parameter changed", GeoH, Replace("GEO_PATH_MAX = 260", "GEO_PATH_MAX = 4096"), true),
        // Types a signature reads without naming them: __typeof__ of a field, a vector size and a _BitInt width from enum constants.
        new("field type changed that a __typeof__ parameter reads", GeoH, Replace("int32_t level;", "int64_t level;"), true),
        new("enum constant sizing a vector parameter changed", GeoH, Replace("GEO_LANES = 4", "GEO_LANES = 8"), true),
        new("enum constant giving a _BitInt parameter's width changed", GeoH, Replace("GEO_BITS = 24", "GEO_BITS = 40"), true),
        new("function pointer typedef's parameter changed", GeoH, Replace("typedef int (*geo_callback)(void *user, const geo_point *p);", "typedef int (*geo_callback)(void *user, geo_point *p, int flags);"), true),
        new("calling convention added to a function pointer typedef", GeoH, Replace("typedef int (*geo_callback)(void *user, const geo_point *p);", "typedef int (GEO_CALL *geo_callback)(void *user, const geo_point *p);"), true)
        {
            Targets = [Windows32, Linux],
        },
        new("struct and a function declaration edited in the same lines", GeoH,
            Replace("typedef struct geo_stats { size_t count; double mean; } geo_stats;\nenum geo_flags { GEO_FLAG_NONE = 0, GEO_FLAG_LOUD = 1 };\ntypedef void (*geo_logger)(const char *line);\nGEO_API int geo_stats_get(geo_handle h, geo_stats *out, enum geo_flags flags);",
                    "typedef struct geo_stats { uint32_t count; double mean; } geo_stats;\nenum geo_flags { GEO_FLAG_NONE = 0, GEO_FLAG_LOUD = 1 };\ntypedef void (*geo_logger)(const char *line);\nGEO_API int geo_stats_get(geo_handle h, geo_stats *out, enum geo_flags flags, int level);"), true),
        new("extern variable declaration edited", GeoH, Replace("extern int geo_errno;", "extern long geo_errno;"), true),
        new("exported variable declaration edited", GeoH, Replace("GEO_API extern const int geo_version_number;", "GEO_API extern const long long geo_version_number;"), true),
        new("struct edited in the source", GeoC, Replace("int hits; int misses;", "long hits; int misses; char state;"), true),
        new("struct edited in a private header the source defines a function with", GeoInternalH, Replace("int depth; }", "int depth; int limit; }"), true),
        new("C++ struct field changed inside extern \"C\"", ShapesHpp, Replace("std::uint8_t b; } shapes_color;", "std::uint8_t b; std::uint8_t a; } shapes_color;"), true)
        {
            Library = Shapes,
        },
        new("C++ struct field changed outside extern \"C\"", ShapesHpp, Replace("bool dashed;", "int dashed;"), true)
        {
            Library = Shapes,
        },
        new("C++ namespaced struct field changed", ShapesHpp, Replace("struct Box { int w; int h; };", "struct Box { int w; long long h; };"), true)
        {
            Library = Shapes,
        },
        new("C++ class field changed", ShapesHpp, Replace("    int height;\n", "    int height;\n    double scale;\n"), true)
        {
            Library = Shapes,
        },
        new("C++ field type changed that a decltype parameter reads", ShapesHpp, Replace("struct Box { int w; int h; };", "struct Box { long w; int h; };"), true)
        {
            Library = Shapes,
        },
        new("C++ enum constant giving a template argument changed", ShapesHpp, Replace("BUFFER_SIZE = 16", "BUFFER_SIZE = 32"), true)
        {
            Library = Shapes,
        },
        // C++ mangles a typedef as the type it names: find's symbol changes.
        new("C++ typedef retargeted", ShapesHpp, Replace("typedef int shape_id;", "typedef long shape_id;"), true)
        {
            Library = Shapes,
        },
        new("C++ method declaration edited inside a class", ShapesHpp, Replace("    int pixels() const;", "    long pixels() const;"), true)
        {
            Library = Shapes,
        },
        new("C++ virtual destructor added to a class", ShapesHpp, Replace("public:\n", "public:\n    virtual ~Canvas();\n"), true)
        {
            Library = Shapes,
        },
        new("C++ enum class value changed", ShapesHpp, Replace("Circle = 2", "Circle = 3"), true)
        {
            Library = Shapes,
        },
        new("C++ enum class underlying type changed", ShapesHpp, Replace("enum class Kind : int", "enum class Kind : long long"), true)
        {
            Library = Shapes,
        },

        // Edits that must fall back to a full parse.
        new("define body changed", GeoH, Replace("#  define GEO_API __attribute__((visibility(\"default\")))", "#  define GEO_API __attribute__((visibility(\"hidden\")))"), false),
        new("block comment around declarations", GeoH, Replace("GEO_API int geo_count(geo_handle h);\n", "/* GEO_API int geo_count(geo_handle h);\n*/\n"), false),
        new("block comment opened before declarations", GeoH, InsertBefore("GEO_API int geo_init(geo_mode mode);", "/* opened\n"), false),
        new("declaration left unterminated", GeoH, Replace("GEO_API geo_handle geo_open(const char *path, size_t len);", "GEO_API geo_handle geo_open(const char *path, size_t len)"), false),
        new("second declaration of a declared function added", GeoH, InsertAfter("GEO_API void geo_close(geo_handle h);\n", "GEO_API int geo_init(geo_mode mode);\n"), true),
        new("token-pasting macro declaration edited", GeoH, Replace("GEO_DECLARE(height);", "GEO_DECLARE(depth);"), false),
        new("declaration turned into a definition", GeoH, Replace("GEO_API const char *geo_version(void);", "GEO_API const char *geo_version(void) { return \"1.0\"; }"), true),
        new("prototype of a static function the source defines edited", GeoC, Replace("static int clamp(int v);", "static int clamp(int value);"), true),
        new("declaration a static inline body calls deleted", GeoH, Replace("GEO_API int geo_min(int a, int b); ", ""), true),
        new("declaration in a header without include guard edited", GeoNoGuardH, Replace("geo_ng_second(long b, geo_mode mode)", "geo_ng_second(long long b, geo_mode mode)"), false),
        new("declaration in a private header edited, defined by the source", GeoInternalH, Replace("int geo_internal_sum(int a, int b);", "long geo_internal_sum(int a, int b);"), false),
        new("declaration continued with a backslash", GeoH, Replace("GEO_API int geo_count(geo_handle h);", "GEO_API int geo_count(geo_handle \\\nh);"), false),
        new("conditional around a declaration", GeoH, Replace("GEO_API int geo_count(geo_handle h);\n", "#ifndef GEO_NO_COUNT\nGEO_API int geo_count(geo_handle h);\n#endif\n"), false),
        new("declarations edited in two headers at once", GeoH, Replace("int32_t dx, int32_t dy", "int32_t dx, int16_t dy"), false)
        {
            AlsoEdits = [(GeoExtraH, Replace("uint32_t flags", "uint64_t flags"))],
        },
        new("declaration and its definition renamed together", GeoH, Replace("geo_count(geo_handle h)", "geo_size(geo_handle h)"), true)
        {
            AlsoEdits = [(GeoC, Replace("geo_count(geo_handle h)", "geo_size(geo_handle h)"))],
        },
        new("edit inside an extern \"C\" block", ShapesHpp, Replace("shapes_area(std::int32_t id, double scale)", "shapes_area(std::int64_t id, double scale)"), true)
        {
            Library = Shapes,
        },
        new("C++ overload added", ShapesHpp, InsertAfter("SHAPES_API double area(double radius);\n", "SHAPES_API double area(float radius);\n"), true)
        {
            Library = Shapes,
        },
        new("C++ namespaced declaration edited", ShapesHpp, Replace("int volume(const Box &box, int depth);", "int volume(const Box &box, long depth);"), true)
        {
            Library = Shapes,
        },

        // Edits of types that must fall back to a full parse.
        new("struct tag renamed", GeoH, Replace("typedef struct geo_stats {", "typedef struct geo_statistics {"), false),
        new("struct added", GeoH, InsertBefore("GEO_API int geo_rect_area(", "struct geo_circle { geo_point center; int32_t radius; };\n"), false),
        new("typedef added", GeoH, InsertBefore("GEO_API int geo_rect_area(", "typedef int32_t geo_coord;\n"), false),
        new("nested struct added inside a struct", GeoH, Replace("int32_t first; int32_t second;", "int32_t first; struct geo_inner { int32_t a; } second;"), false),
        new("typedef removed", GeoH, Replace("typedef void (*geo_logger)(const char *line);\n", ""), false),
        new("enum added", GeoH, InsertBefore("GEO_API int geo_rect_area(", "enum geo_side { GEO_LEFT, GEO_RIGHT };\n"), false),
        // A function type typedef declares functions (geo_default_filter) whose text does not spell their signature.
        new("function type typedef changed", GeoH, Replace("typedef int geo_filter_fn(int32_t x, int32_t y, void *user);", "typedef int geo_filter_fn(int64_t x, int32_t y, void *user);"), false),
        new("#pragma pack lines put around a struct", GeoH,
            Replace("typedef struct geo_header {\n    uint8_t kind;\n    uint32_t length;\n    uint16_t tag;\n} geo_header;\n",
                    "#pragma pack(push, 2)\ntypedef struct geo_header {\n    uint8_t kind;\n    uint32_t length;\n    uint16_t tag;\n} geo_header;\n#pragma pack(pop)\n"), false),
        new("block comment put inside a struct", GeoH, Replace("size_t count; double mean;", "size_t count; /* running */ double mean;"), false),
        new("struct field continued with a backslash", GeoH, Replace("uint8_t code; uint32_t value;", "uint8_t code; uint32_t \\\nvalue;"), false),
        // The source's unit leaves the signatures of the functions the headers declare to the headers' unit, and on 32-bit
        // Windows their symbols spell their parameters' sizes (geo_rect_contains is __stdcall): a type edit there is parsed whole.
        new("struct edited in the source on 32-bit Windows", GeoC, Replace("int hits; int misses;", "int hits; double misses;"), false)
        {
            Targets = [Windows32],
        },
        // Declarations and types that read a function (__typeof__ of it, sizeof of a call): the skeleton blanks the function
        // they read, its re-parse has errors, and every edit of the unit is parsed whole.
        new("function declaration edited that another declares itself with through __typeof__", CallsH, Replace("int calls_clamp(int v, int lo, int hi);", "long calls_clamp(long v, int lo, int hi);"), false)
        {
            Library = Calls,
        },
        new("function declaration edited that a typedef names through __typeof__", CallsH, Replace("int calls_scale(int v, int by);", "long calls_scale(long v, int by);"), false)
        {
            Library = Calls,
        },
        new("function declaration edited whose result's size bounds a struct's array", CallsH, Replace("short calls_width(int v);", "long long calls_width(int v);"), false)
        {
            Library = Calls,
        },
        new("C++ typedef added inside a class body", ShapesHpp, Replace("    int width;\n", "    typedef int unit;\n    unit width;\n"), false)
        {
            Library = Shapes,
        },
        new("C++ using added inside a struct body", ShapesHpp, Replace("struct Box { int w; int h; };", "struct Box { using unit = long; unit w; int h; };"), false)
        {
            Library = Shapes,
        },
    ];

    public static TheoryData<string, string> CaseTargets()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases)
        {
            foreach (var target in c.Targets)
                data.Add(c.Name, target.Name);
        }
        return data;
    }

    [Fact]
    public void The_catalogue_covers_both_outcomes_and_every_edit_changes_its_file()
    {
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Cases, c => c.Splices);
        Assert.Contains(Cases, c => !c.Splices);
        foreach (var c in Cases)
        {
            var edited = c.Apply(c.Library.Files);
            Assert.All(c.EditedFiles, file => Assert.NotEqual(c.Library.Files[file], edited[file]));
        }
    }

    [Theory]
    [MemberData(nameof(CaseTargets))]
    public void Reparse_after_an_edit_equals_a_fresh_parse(string name, string targetName)
    {
        var edit = Cases.Single(c => c.Name == name);
        var target = edit.Targets.Single(t => t.Name == targetName);
        var before = edit.Library.Files;
        var after = edit.Apply(before);
        var service = new CParseService(ClangOptions.Default);
        var reporting = edit.Library.Headers.Contains(edit.File) ? "headers" : edit.Library.Sources.Single();
        var initial = ParseAll(service, edit.Library, before, target, $"{name} [{targetName}] before the edit", compare: false);
        var spliced = new HashSet<string>(StringComparer.Ordinal);
        var edited = ParseAll(service, edit.Library, after, target, $"{name} [{targetName}] after the edit", compare: true, edited: edit.EditedFiles, spliced: spliced);
        // Undone: the inverse edit (a deleted declaration comes back…) on top of the result the first reparse left.
        ParseAll(service, edit.Library, before, target, $"{name} [{targetName}] after undoing the edit", compare: true, edited: edit.EditedFiles);
        // An edit the fast path should take leaves the unit reporting the edited file free of errors (else it falls back).
        if (edit.Splices)
        {
            Assert.Null(initial[reporting].FirstError);
            Assert.True(edited[reporting].FirstError is null, $"{name} [{targetName}]: {edited[reporting].FirstError?.Location?.Line}: {edited[reporting].FirstError?.Message}");
            Assert.True(spliced.Contains(reporting), $"{name} [{targetName}]: the unit {reporting} was parsed whole; spliced: {string.Join(", ", spliced)}");
        }
        else
        {
            Assert.False(spliced.Contains(reporting), $"{name} [{targetName}]: the unit {reporting} was spliced");
        }
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("windows")]
    [InlineData("darwin")]
    public void A_header_without_include_guard_included_twice_reparses_like_a_fresh_parse(string targetName)
    {
        // geo_noguard.h is read twice by both units (directly and through geo_extra.h): each function is reported twice.
        var target = DefaultTargets.Single(t => t.Name == targetName);
        var fresh = ClangParser.Parse(ClangOptions.Default, Geo.Requests(Geo.Files, target)[0].Request, CancellationToken.None);
        Assert.Equal(2, fresh.Functions.Count(f => f.Name == "geo_ng_first"));
        var edit = Replace("GEO_API int geo_ng_first(int a);", "GEO_API int geo_ng_first(int a);\nGEO_API int geo_ng_third(void);");
        var service = new CParseService(ClangOptions.Default);
        ParseAll(service, Geo, Geo.Files, target, "no include guard before", compare: true);
        ParseAll(service, Geo, Geo.Files.SetItem(GeoNoGuardH, edit(Geo.Files[GeoNoGuardH])), target, "no include guard after", compare: true, edited: [GeoNoGuardH]);
    }

    /// <summary>
    /// Parses every unit of <paramref name="library"/> through <paramref name="service"/> (one build) and, when
    /// <paramref name="compare"/>, checks each result against a fresh parse. A unit that read one of the <paramref name="edited"/>
    /// files must have been parsed again (by whatever path), the others served from the cache.
    /// </summary>
    private static Dictionary<string, CParseResult> ParseAll(CParseService service, Library library, ImmutableDictionary<string, string> files, Target target, string label, bool compare,
        ImmutableArray<string> edited = default, HashSet<string>? spliced = null)
    {
        var results = new Dictionary<string, CParseResult>(StringComparer.Ordinal);
        var generation = service.BeginBuild();
        foreach (var (unit, request) in library.Requests(files, target))
        {
            var (parses, splices) = (service.ParseCount, service.SpliceCount);
            var result = service.Parse(request, generation, CancellationToken.None);
            if (service.SpliceCount > splices)
                spliced?.Add(unit);
            Assert.True(result.Status == CParseStatus.Parsed, $"{label}, {unit}: {result.Status} {result.Message}");
            if (!edited.IsDefault)
            {
                var reads = edited.Any(file => result.IncludedFiles.Contains(file) || request.MainFile == file);
                Assert.True(service.ParseCount == parses + (reads ? 1 : 0), $"{label}, {unit}: {(reads ? "not parsed again though it reads" : "parsed again though it does not read")} {string.Join(", ", edited)}");
            }
            if (compare)
                AssertSameAsFresh(result, request, $"{label}, unit {unit}");
            results[unit] = result;
        }
        service.EndBuild(generation);
        return results;
    }

    private static void AssertSameAsFresh(CParseResult result, CParseRequest request, string label)
    {
        var fresh = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
        Assert.True(fresh.Status == CParseStatus.Parsed, $"{label}: the fresh parse ended {fresh.Status} {fresh.Message}");
        if (CParseResultText.Difference(CParseResultText.Describe(fresh), CParseResultText.Describe(result)) is { } difference)
            Assert.Fail($"{label} ({request.TargetTriple} {string.Join(' ', request.ExtraFlags)}): the service's result differs from a fresh parse\n{difference}");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The describer itself: it must see what the product reads.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void The_description_shows_every_field_the_product_reads()
    {
        var request = Geo.Requests(Geo.Files, Linux)[0].Request;
        var result = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
        var text = CParseResultText.Describe(result);
        Assert.Equal(text, CParseResultText.Describe(ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None)));
        Assert.Contains("function #0 geo_init qualified geo_init name /ws/geo/include/geo.h:", text, StringComparison.Ordinal);
        Assert.Contains("parameter #0 'mode' /ws/geo/include/geo.h:", text, StringComparison.Ordinal);
        Assert.Contains("record Struct geo_point", text, StringComparison.Ordinal);
        Assert.Contains("constant GEO_EXACT = 2", text, StringComparison.Ordinal);
        Assert.Contains("typedef geo_callback", text, StringComparison.Ordinal);
        Assert.Contains("includes /ws/geo/include/geo_noguard.h", text, StringComparison.Ordinal);

        // A change to any one field, however deep, changes the text.
        var move = result.Functions.First(f => f.Name == "geo_move");
        var index = result.Functions.IndexOf(move);
        var dy = move.Parameters[3];
        var changes = new (string What, CParseResult Changed)[]
        {
            ("a name span's start", result with { Functions = result.Functions.SetItem(index, move with { NameSpan = move.NameSpan with { Span = new(move.NameSpan.Span.Start + 1, move.NameSpan.Span.Length) } }) }),
            ("a full span's line", result with { Functions = result.Functions.SetItem(index, move with { FullSpan = move.FullSpan with { Line = move.FullSpan.Line + 1 } }) }),
            ("a parameter's name span", result with { Functions = result.Functions.SetItem(index, move with { Parameters = move.Parameters.SetItem(3, dy with { NameSpan = dy.NameSpan! with { Column = 1 } }) }) }),
            ("a parameter type's typedef chain", result with { Functions = result.Functions.SetItem(index, move with { Parameters = move.Parameters.SetItem(3, dy with { Type = dy.Type with { TypedefChain = [] } }) }) }),
            ("a pointee's constness", result with { Functions = result.Functions.SetItem(index, move with { Parameters = move.Parameters.SetItem(1, move.Parameters[1] with { Type = move.Parameters[1].Type with { Pointee = move.Parameters[1].Type.Pointee! with { IsConst = true } } }) }) }),
            ("the visibility", result with { Functions = result.Functions.SetItem(index, move with { Visibility = CVisibility.Hidden }) }),
            ("the invalid flag", result with { Functions = result.Functions.SetItem(index, move with { IsInvalid = true }) }),
            ("the omitted flag", result with { Functions = result.Functions.SetItem(index, move with { SignatureOmitted = true }) }),
            ("the order of two functions", result with { Functions = result.Functions.SetItem(index, result.Functions[index + 1]).SetItem(index + 1, move) }),
            ("a field offset", result with { Records = result.Records.SetItem(0, result.Records[0] with { Fields = result.Records[0].Fields.SetItem(1, result.Records[0].Fields[1] with { OffsetInBits = 0 }) }) }),
            ("an enum value", result with { Enums = result.Enums.SetItem(0, result.Enums[0] with { Constants = result.Enums[0].Constants.SetItem(0, result.Enums[0].Constants[0] with { Value = 7 }) }) }),
            ("an error", result with { Diagnostics = result.Diagnostics.Add(new CDiagnostic(CSeverity.Error, "boom", null)) }),
            ("an included file", result with { IncludedFiles = result.IncludedFiles.RemoveAt(1) }),
        };
        foreach (var (what, changed) in changes)
            Assert.True(CParseResultText.Difference(text, CParseResultText.Describe(changed)) is not null, what);
        // Warnings and timings are not part of the contract.
        Assert.Null(CParseResultText.Difference(text, CParseResultText.Describe(result with
        {
            Diagnostics = result.Diagnostics.Add(new CDiagnostic(CSeverity.Warning, "unused", null)),
            ParseTime = TimeSpan.FromDays(1),
        })));
        var difference = CParseResultText.Difference(text, CParseResultText.Describe(changes[0].Changed));
        Assert.Contains(">> function #", difference, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A seeded random walk of edits over a generated library.
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_edits_reparse_like_fresh_parses(int seed)
    {
        const int Steps = 25;
        var random = new Random(seed);
        var model = RandomLibrary.Create(random);
        // Even seeds build the library with hidden visibility: a definition's visibility then follows its header declaration.
        ImmutableArray<string> flags = seed % 2 == 0 ? ["-fvisibility=hidden"] : [];
        // Seeds from 3 on add 32-bit Windows, where RND_CALL (__stdcall) changes the convention and the decorated symbol.
        Target[] targets = [new("linux", LinuxX64, flags), new("windows", WinX64, flags), new("darwin", OsxArm64, flags), .. seed >= 3 ? [new Target("windows-x86", WinX86, flags)] : Array.Empty<Target>()];
        var service = new CParseService(ClangOptions.Default);
        var log = new List<string> { "initial" };
        var clean = new Dictionary<string, int>(StringComparer.Ordinal) { ["headers"] = 0, [RandomLibrary.Source] = 0 };
        for (var step = 0; step <= Steps; step++)
        {
            // A step is one edit, sometimes two (two places of the header, or the header and the source at once).
            if (step > 0)
                log.Add(random.Next(4) == 0 ? model.ApplyRandomEdit(random) + " + " + model.ApplyRandomEdit(random) : model.ApplyRandomEdit(random));
            var files = model.Files();
            var library = model.Library(files);
            var generation = service.BeginBuild();
            var work = targets.SelectMany(t => library.Requests(files, t).Select(u => (Target: t, u.Unit, u.Request))).ToList();
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            // The service is thread-safe and the product parses a library's units in parallel: so does the walk.
            Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
            {
                var result = service.Parse(w.Request, generation, CancellationToken.None);
                var fresh = ClangParser.Parse(ClangOptions.Default, w.Request, CancellationToken.None);
                if (fresh.FirstError is not null)
                    errors[w.Unit] = $"{fresh.FirstError.Location?.Line}: {fresh.FirstError.Message}";
                if (CParseResultText.Difference(CParseResultText.Describe(fresh), CParseResultText.Describe(result)) is { } difference)
                    failures.Add($"{w.Target.Triple} {string.Join(' ', flags)}, unit {w.Unit}:\n{difference}");
            });
            service.EndBuild(generation);
            foreach (var unit in clean.Keys.Where(u => !errors.ContainsKey(u)).ToList())
                clean[unit]++;
            if (errors.TryGetValue(RandomLibrary.Source, out var error))
                log[^1] += $" (source: {error})";
            if (!failures.IsEmpty)
            {
                Assert.Fail($"seed {seed}, step {step}: the service's result differs from a fresh parse\nedits: {string.Join(" | ", log)}\n"
                    + string.Join("\n", failures.Order(StringComparer.Ordinal)) + "\n--- header ---\n" + files[RandomLibrary.Header] + "--- source ---\n" + files[RandomLibrary.Source]);
            }
        }
        // The walk spends enough of its steps without errors (where the fast path applies), and some with them.
        Assert.True(clean["headers"] >= Steps / 2, $"seed {seed}: only {clean["headers"]} of {Steps + 1} states of the headers' unit are free of errors\nedits: {string.Join(" | ", log)}");
        Assert.True(clean[RandomLibrary.Source] >= Steps / 5, $"seed {seed}: only {clean[RandomLibrary.Source]} of {Steps + 1} states of the source's unit are free of errors\nedits: {string.Join(" | ", log)}");
    }

    [Fact]
    public void The_random_library_starts_clean_and_its_edits_are_deterministic()
    {
        var a = RandomLibrary.Create(new Random(7));
        var b = RandomLibrary.Create(new Random(7));
        var files = a.Files();
        Assert.Equal(files[RandomLibrary.Header], b.Files()[RandomLibrary.Header]);
        Assert.True(a.FunctionCount >= 16, $"{a.FunctionCount} functions");
        foreach (var (unit, request) in a.Library(files).Requests(files, Linux))
        {
            var result = ClangParser.Parse(ClangOptions.Default, request, CancellationToken.None);
            Assert.True(result.FirstError is null, $"{unit}: {result.FirstError?.Location?.Line}: {result.FirstError?.Message}\n{files[RandomLibrary.Header]}\n{files[RandomLibrary.Source]}");
        }
        var ra = new Random(3);
        var rb = new Random(3);
        for (var i = 0; i < 30; i++)
            Assert.Equal(a.ApplyRandomEdit(ra), b.ApplyRandomEdit(rb));
        Assert.Equal(a.Files(), b.Files());
    }

    /// <summary>
    /// A generated C library as a model (items in order) rendered to text: a header of structs (some one field a line),
    /// enums, function-pointer typedefs, exported and plain declarations (some over two or three lines, some with <c>//</c>
    /// comments), static inline functions and comments, and a source defining most functions next to static helpers. An
    /// edit changes the model (a declaration, a struct's fields, an enum's constants, a callback's parameters), so only the
    /// edited item's lines change in the text.
    /// </summary>
    private sealed class RandomLibrary
    {
        public const string Header = "/ws/rnd/include/rnd.h";
        public const string Source = "/ws/rnd/src/rnd.c";

        private sealed class Item
        {
            public required string Kind { get; init; }   // struct, enum, callback, function, inline, comment, blank
            public required string Name { get; set; }
            public List<(string Type, string Name)> Members { get; set; } = [];
            public string Return { get; set; } = "int";
            public bool Exported { get; set; }
            public int Layout { get; set; }              // function: 0 one line, 1 return type on its own line, 2 one parameter a line
            public bool Unterminated { get; set; }
            public bool Variadic { get; set; }
            public bool Static { get; set; }
            public bool Convention { get; set; }         // RND_CALL (__stdcall on Windows)
            public string Text { get; set; } = "";       // comment text; for a function, the comment after each parameter in layout 2
            public Defined? Definition { get; set; }     // the source's definition (its signature as last synchronised)
        }

        private sealed record Defined(string Name, string Return, List<(string Type, string Name)> Parameters, bool Variadic, bool Exported, bool Convention);

        private static readonly string[] Scalars = ["int", "unsigned int", "long", "int32_t", "uint8_t", "int64_t", "size_t", "double", "float", "const char *", "void *", "char", "unsigned short"];
        private static readonly string[] Returns = ["int", "void", "long", "uint32_t", "double", "const char *", "void *", "int64_t"];

        private readonly List<Item> _header = [];
        // The source's definitions in order; a definition stays when its declaration is removed or renamed in the header.
        private readonly List<Defined> _definitions = [];
        private int _helpers;
        private int _next;

        public int FunctionCount => _header.Count(i => i.Kind == "function");

        public static RandomLibrary Create(Random random)
        {
            var model = new RandomLibrary { _helpers = 3 + random.Next(3) };
            for (var i = 0; i < 44; i++)
            {
                var roll = random.Next(100);
                var kind = i < 3 ? "struct" : roll switch
                {
                    < 8 => "struct",
                    < 14 => "enum",
                    < 20 => "callback",
                    < 26 => "inline",
                    < 32 => "comment",
                    < 35 => "blank",
                    _ => "function",
                };
                model._header.Add(model.NewItem(random, kind, model._header.Count));
            }
            foreach (var f in model._header.Where(f => f.Kind == "function"))
            {
                if (random.Next(10) < 8)
                    model.Define(f);
            }
            return model;
        }

        private Item NewItem(Random random, string kind, int position)
        {
            var n = _next++;
            switch (kind)
            {
                case "struct":
                    return new Item { Kind = kind, Name = $"rnd_s{n}", Members = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(k => (Pick(random, Scalars), $"m{k}"))] };
                case "enum":
                    return new Item { Kind = kind, Name = $"rnd_e{n}", Members = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(k => ((random.Next(5) - 1).ToString(CultureInfo.InvariantCulture), $"RND_E{n}_{k}"))] };
                case "callback":
                    return new Item { Kind = kind, Name = $"rnd_cb{n}", Return = Pick(random, Returns), Members = RandomParameters(random, position) };
                case "inline":
                    return new Item { Kind = kind, Name = $"rnd_inline{n}" };
                case "comment":
                    return new Item { Kind = kind, Name = "", Text = Pick(random, ["Section.", "Handles and points.", "Dépréciée: à éviter.", "TODO-free note"]) };
                case "blank":
                    return new Item { Kind = kind, Name = "" };
                default:
                    return new Item
                    {
                        Kind = "function",
                        Name = $"rnd_f{n}",
                        Return = PickType(random, position, Returns),
                        Members = RandomParameters(random, position),
                        Exported = random.Next(4) != 0,
                        Layout = random.Next(6) switch { 0 => 1, 1 => 2, _ => 0 },
                        Text = "next",
                    };
            }
        }

        private static T Pick<T>(Random random, T[] from) => from[random.Next(from.Length)];

        /// <summary>A scalar, or a type the header declares before <paramref name="position"/> (a struct by pointer, an enum, a callback).</summary>
        private string PickType(Random random, int position, string[] scalars)
        {
            var declared = _header.Take(position).Where(i => i.Kind is "struct" or "enum" or "callback").ToList();
            if (declared.Count == 0 || random.Next(3) != 0)
                return Pick(random, scalars);
            var item = declared[random.Next(declared.Count)];
            return item.Kind switch
            {
                "struct" => random.Next(2) == 0 ? $"{item.Name} *" : $"const {item.Name} *",
                "enum" => $"enum {item.Name}",
                _ => item.Name,
            };
        }

        private List<(string Type, string Name)> RandomParameters(Random random, int position) =>
            [.. Enumerable.Range(0, random.Next(5)).Select(k => (PickType(random, position, Scalars), $"a{k}"))];

        /// <summary>Applies one random edit and says what it did.</summary>
        public string ApplyRandomEdit(Random random)
        {
            var functions = _header.Where(i => i.Kind == "function").ToList();
            // Errors heal: a missing ';' comes back, a second declaration (which later edits may make conflict) goes.
            var broken = functions.FirstOrDefault(f => f.Unterminated);
            if (broken is not null && random.Next(2) == 0)
            {
                broken.Unterminated = false;
                return $"terminate {broken.Name}";
            }
            var again = functions.FirstOrDefault(f => f.Text == "again");
            if (again is not null && random.Next(3) == 0)
            {
                _header.Remove(again);
                return $"remove the second declaration of {again.Name}";
            }
            var f = functions[random.Next(functions.Count)];
            var position = _header.IndexOf(f);
            switch (random.Next(26))
            {
                case 0:
                    if (f.Members.Count == 0)
                        goto case 4;
                    var k = random.Next(f.Members.Count);
                    f.Members[k] = (PickType(random, position, Scalars), f.Members[k].Name);
                    return $"parameter {k} of {f.Name} is {f.Members[k].Type}";
                case 1:
                    f.Return = PickType(random, position, Returns);
                    return $"{f.Name} returns {f.Return}";
                case 2:
                    var old = f.Name;
                    f.Name = $"rnd_f{_next++}";
                    return $"rename {old} to {f.Name}";
                case 3:
                    var at = random.Next(_header.Count + 1);
                    var added = NewItem(random, "function", at);
                    _header.Insert(at, added);
                    return $"add {added.Name} at {at}";
                case 4:
                    if (functions.Count <= 5)
                        goto case 3;
                    _header.Remove(f);
                    return $"remove {f.Name}";
                case 5:
                    // dllexport needs external linkage: exporting a static declaration makes it extern.
                    f.Exported = !f.Exported;
                    f.Static = false;
                    return $"{f.Name} exported {f.Exported}";
                case 6:
                    var where = random.Next(_header.Count + 1);
                    _header.Insert(where, NewItem(random, random.Next(2) == 0 ? "comment" : "blank", where));
                    return $"comment or blank at {where}";
                case 7:
                    var structs = _header.Where(i => i.Kind == "struct").ToList();
                    var s = structs[random.Next(structs.Count)];
                    var m = random.Next(s.Members.Count);
                    s.Members[m] = (Pick(random, Scalars), s.Members[m].Name);
                    return $"field {m} of {s.Name} is {s.Members[m].Type}";
                case 8:
                    f.Unterminated = true;
                    return $"unterminate {f.Name}";
                case 9:
                    f.Layout = (f.Layout + 1 + random.Next(2)) % 3;
                    return $"{f.Name} layout {f.Layout}";
                case 10:
                    f.Variadic = !f.Variadic && f.Members.Count > 0;
                    return $"{f.Name} variadic {f.Variadic}";
                case 11:
                    var enums = _header.Where(i => i.Kind == "enum").ToList();
                    if (enums.Count == 0)
                        goto case 7;
                    var e = enums[random.Next(enums.Count)];
                    var c = random.Next(e.Members.Count);
                    e.Members[c] = ((random.Next(9) - 2).ToString(CultureInfo.InvariantCulture), e.Members[c].Name);
                    return $"constant {e.Members[c].Name} = {e.Members[c].Type}";
                case 12:
                    if (f.Exported)
                        goto case 5;
                    f.Static = !f.Static;
                    return $"{f.Name} static {f.Static}";
                case 13:
                    // A second declaration of the same function: the name is then declared twice in the unit.
                    _header.Insert(position + 1 + random.Next(_header.Count - position), new Item
                    {
                        Kind = "function", Name = f.Name, Return = f.Return, Members = [.. f.Members], Exported = f.Exported, Variadic = f.Variadic,
                        Static = f.Static, Convention = f.Convention, Layout = random.Next(3), Text = "again",
                    });
                    return $"redeclare {f.Name}";
                case 14:
                    f.Layout = 2;
                    f.Text = Pick(random, ["größe", "naïve → ok", "😀 emoji", "plain"]);
                    return $"{f.Name} parameter comments '{f.Text}'";
                case 15:
                    var inline = _header.FirstOrDefault(i => i.Kind == "inline");
                    if (inline is not null && random.Next(2) == 0)
                    {
                        _header.Remove(inline);
                        return $"remove {inline.Name}";
                    }
                    var place = random.Next(_header.Count + 1);
                    _header.Insert(place, NewItem(random, "inline", place));
                    return $"static inline function at {place}";
                case 16:
                    f.Convention = !f.Convention;
                    return $"{f.Name} stdcall {f.Convention}";
                case 17:
                    var grown = Pick(random, [.. _header.Where(i => i.Kind == "struct")]);
                    var field = random.Next(grown.Members.Count + 1);
                    grown.Members.Insert(field, (Pick(random, Scalars), $"m{_next++}"));
                    return $"field {grown.Members[field].Name} added to {grown.Name} at {field}";
                case 18:
                    var shrunk = _header.Where(i => i.Kind == "struct" && i.Members.Count > 1).ToList();
                    if (shrunk.Count == 0)
                        goto case 17;
                    var from = Pick(random, [.. shrunk]);
                    var gone = random.Next(from.Members.Count);
                    var goneName = from.Members[gone].Name;
                    from.Members.RemoveAt(gone);
                    return $"field {goneName} removed from {from.Name}";
                case 19:
                    var callbacks = _header.Where(i => i.Kind == "callback").ToList();
                    if (callbacks.Count == 0)
                        goto case 7;
                    var cb = Pick(random, [.. callbacks]);
                    var type = PickType(random, _header.IndexOf(cb), Scalars);
                    if (cb.Members.Count == 0)
                    {
                        cb.Members.Add((type, "a0"));
                        return $"callback {cb.Name} takes {type}";
                    }
                    var p = random.Next(cb.Members.Count);
                    cb.Members[p] = (type, cb.Members[p].Name);
                    return $"parameter {p} of callback {cb.Name} is {type}";
                case 20:
                    var grownEnums = _header.Where(i => i.Kind == "enum").ToList();
                    if (grownEnums.Count == 0)
                        goto case 17;
                    var ge = Pick(random, [.. grownEnums]);
                    var constant = $"{ge.Name.ToUpperInvariant()}_X{_next++}";
                    ge.Members.Insert(random.Next(ge.Members.Count + 1), ((random.Next(9) - 2).ToString(CultureInfo.InvariantCulture), constant));
                    return $"constant {constant} added to {ge.Name}";
                default:
                    // The source catches up with the header: each definition takes its declaration's signature. A second
                    // declaration of a name (a redeclaration) gets no definition of its own: the name would be defined twice.
                    foreach (var d in functions.Where((d, i) => functions.FindIndex(o => o.Name == d.Name) == i && (d.Definition is not null || random.Next(4) == 0)))
                        Define(d);
                    return "source synchronised";
            }
        }

        /// <summary>Gives <paramref name="f"/> a definition with its current signature (in place of the one it had).</summary>
        private void Define(Item f)
        {
            var definition = new Defined(f.Name, f.Return, [.. f.Members], f.Variadic, f.Exported, f.Convention);
            var at = f.Definition is null ? -1 : _definitions.IndexOf(f.Definition);
            if (at < 0)
                _definitions.Add(definition);
            else
                _definitions[at] = definition;
            f.Definition = definition;
        }

        public ImmutableDictionary<string, string> Files() => ImmutableDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create(Header, RenderHeader()),
            KeyValuePair.Create(Source, RenderSource()),
        ]);

        public Library Library(ImmutableDictionary<string, string> files) => new(string.Concat(files.Select(f => $"//- {f.Key}\n{f.Value}")), "/ws/rnd", [Header], [Source], ["/ws/rnd/include"]);

        private string RenderHeader()
        {
            var s = new StringBuilder();
            s.Append("#ifndef RND_H\n#define RND_H\n#include <stdint.h>\n#include <stddef.h>\n");
            s.Append("#ifdef _WIN32\n#define RND_API __declspec(dllexport)\n#define RND_CALL __stdcall\n#else\n#define RND_API __attribute__((visibility(\"default\")))\n#define RND_CALL\n#endif\n\n");
            foreach (var item in _header)
            {
                switch (item.Kind)
                {
                    case "struct":
                        // Odd-numbered structs are written one field a line: a field added or removed is then a whole line.
                        var lines = item.Name[^1] % 2 == 1;
                        s.Append("typedef struct ").Append(item.Name).Append(" {");
                        foreach (var (type, name) in item.Members)
                            s.Append(lines ? "\n    " : " ").Append(type).Append(' ').Append(name).Append(';');
                        s.Append(lines ? "\n} " : " } ").Append(item.Name).Append(";\n");
                        break;
                    case "enum":
                        s.Append("enum ").Append(item.Name).Append(" { ").AppendJoin(", ", item.Members.Select(m => $"{m.Name} = {m.Type}")).Append(" };\n");
                        break;
                    case "callback":
                        s.Append("typedef ").Append(item.Return).Append(" (*").Append(item.Name).Append(")(").Append(ParameterList(item.Members, false, ", ")).Append(");\n");
                        break;
                    case "inline":
                        s.Append("static inline int ").Append(item.Name).Append("(int v) {\n    return v * 3 + 1;\n}\n");
                        break;
                    case "comment":
                        s.Append("// ").Append(item.Text).Append('\n');
                        break;
                    case "blank":
                        s.Append('\n');
                        break;
                    default:
                        var export = (item.Static ? "static " : "") + (item.Exported ? "RND_API " : "");
                        var declarator = item.Convention ? "RND_CALL " + item.Name : item.Name;
                        var end = item.Unterminated ? "\n" : ";\n";
                        switch (item.Layout)
                        {
                            case 1:
                                s.Append(export).Append(item.Return).Append('\n').Append(declarator).Append('(').Append(ParameterList(item.Members, item.Variadic, ", ")).Append(')').Append(end);
                                break;
                            case 2 when item.Members.Count > 1:
                                s.Append(export).Append(item.Return).Append(' ').Append(declarator).Append("(\n    ")
                                    .Append(ParameterList(item.Members, item.Variadic, $", // {item.Text}\n    ")).Append(')').Append(end);
                                break;
                            default:
                                s.Append(export).Append(item.Return).Append(' ').Append(declarator).Append('(').Append(ParameterList(item.Members, item.Variadic, ", ")).Append(')').Append(end);
                                break;
                        }
                        break;
                }
            }
            return s.Append("#endif\n").ToString();
        }

        private static string ParameterList(List<(string Type, string Name)> parameters, bool variadic, string separator) =>
            parameters.Count == 0 ? "void" : string.Join(separator, parameters.Select(p => $"{p.Type} {p.Name}").Concat(variadic ? ["..."] : []));

        private string RenderSource()
        {
            var s = new StringBuilder();
            s.Append("#include \"rnd.h\"\n\n");
            for (var h = 0; h < _helpers; h++)
                s.Append(CultureInfo.InvariantCulture, $"static int rnd_helper{h}(int v) {{ return {(h == 0 ? "v + 1" : $"rnd_helper{h - 1}(v) * 2")}; }}\n");
            foreach (var d in _definitions)
            {
                s.Append(d.Exported ? "RND_API " : "").Append(d.Return).Append(d.Convention ? " RND_CALL " : " ").Append(d.Name).Append('(').Append(ParameterList(d.Parameters, d.Variadic, ", ")).Append(") {\n");
                var call = $"rnd_helper{d.Name.Length % _helpers}({d.Parameters.Count})";
                s.Append(d.Return switch
                {
                    "void" => $"    (void){call};\n",
                    "double" or "int" or "long" or "uint32_t" or "int64_t" => $"    return ({d.Return}){call};\n",
                    _ when d.Return.StartsWith("enum ", StringComparison.Ordinal) => $"    return ({d.Return}){call};\n",
                    _ => $"    (void){call};\n    return 0;\n",
                });
                s.Append("}\n");
            }
            return s.ToString();
        }
    }
}
