using HybridLsp.Ide;
using HybridLsp.Syntax.C;
using static HybridLsp.Tests.Ide.DifferentialHarness;

namespace HybridLsp.Tests.Ide;

/// <summary>
/// Incremental == fresh for C and C++ libraries: random sequences of typical edits (headers, sources, CMake list files,
/// C# bindings, configuration) are applied to one host, and after every step its diagnostics and bindings must equal those
/// of a new host (with a new parse cache) given the same files at once. The host reuses parse results per translation
/// unit, whole libraries whose inputs did not change (CLibraryReuse), and the bindings to them and their findings
/// (ModelReuse); this keeps all three honest.
/// </summary>
public sealed class CIncrementalDifferentialTests
{
    private const string Root = "/ws";

    private static Dictionary<string, string> BaseWorkspace() => new(StringComparer.Ordinal)
    {
        [$"{Root}/native/imgops/CMakeLists.txt"] = "cmake_minimum_required(VERSION 3.16)\nproject(imgops C)\nadd_library(imgops SHARED src/imgops.c src/extra.c)\ntarget_include_directories(imgops PUBLIC include)\nset_target_properties(imgops PROPERTIES C_VISIBILITY_PRESET hidden)\n",
        [$"{Root}/native/imgops/include/api.h"] = "#pragma once\n#if defined(_WIN32)\n#  define IMG_API __declspec(dllexport)\n#else\n#  define IMG_API __attribute__((visibility(\"default\")))\n#endif\n",
        [$"{Root}/native/imgops/include/imgops.h"] = "#pragma once\n#include <stdint.h>\n#include <stddef.h>\n#include \"api.h\"\ntypedef struct { uint8_t r; uint32_t rgba; double gamma; } Pixel;\ntypedef enum { IO_OK = 0, IO_FAIL = 2 } io_status;\nIMG_API size_t io_count(const uint8_t* data, size_t len);\nIMG_API io_status io_blend(Pixel* out, const Pixel* a);\nIMG_API long io_ticks(void);\nIMG_API int io_extra(int x);\n",
        [$"{Root}/native/imgops/src/imgops.c"] = "#include \"imgops.h\"\nsize_t io_count(const uint8_t* data, size_t len) { (void)data; return len; }\nio_status io_blend(Pixel* out, const Pixel* a) { *out = *a; return IO_OK; }\nlong io_ticks(void) { return 1; }\n",
        [$"{Root}/native/imgops/src/extra.c"] = "#include \"imgops.h\"\nint io_extra(int x) { return x; }\n",
        [$"{Root}/native/geom/CMakeLists.txt"] = "cmake_minimum_required(VERSION 3.16)\nproject(geom CXX)\nadd_library(geom SHARED src/geom.cpp)\ntarget_include_directories(geom PUBLIC include)\n",
        [$"{Root}/native/geom/include/geom.h"] = "#pragma once\n#include <cstdint>\n#define GEOM_API extern \"C\" __attribute__((visibility(\"default\")))\nstruct GeomPoint { std::int32_t x; std::int32_t y; };\nGEOM_API std::int32_t geom_add(std::int32_t a, std::int32_t b);\nGEOM_API int geom_move(GeomPoint* p);\nint geom_mangled(int a);\n",
        [$"{Root}/native/geom/src/geom.cpp"] = "#include \"geom.h\"\nstd::int32_t geom_add(std::int32_t a, std::int32_t b) { return a + b; }\nint geom_move(GeomPoint* p) { return p->x; }\nint geom_mangled(int a) { return a; }\n",
        [$"{Root}/native/alpha/Cargo.toml"] = "[package]\nname = \"alpha\"\nversion = \"0.1.0\"\n\n[lib]\ncrate-type = [\"cdylib\"]\n",
        [$"{Root}/native/alpha/src/lib.rs"] = "#[no_mangle]\npub extern \"C\" fn al_add(a: i32, b: i32) -> i32 { a + b }\n",
        [$"{Root}/app/App.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>\n",
        [$"{Root}/app/Types.cs"] = "using System.Runtime.InteropServices;\n\n[StructLayout(LayoutKind.Sequential)]\npublic struct Pixel { public byte r; public uint rgba; public double gamma; }\n\n[StructLayout(LayoutKind.Sequential)]\npublic struct GeomPoint { public int x; public int y; }\n\npublic enum io_status : int { IO_OK = 0, IO_FAIL = 2 }\n",
        [$"{Root}/app/ImgNative.cs"] = "using System.Runtime.InteropServices;\n\ninternal static unsafe partial class ImgNative\n{\n    [LibraryImport(\"imgops\")]\n    internal static partial nuint io_count(byte* data, nuint len);\n\n    [LibraryImport(\"imgops\")]\n    internal static partial io_status io_blend(out Pixel o, in Pixel a);\n\n    [LibraryImport(\"imgops\")]\n    internal static partial int io_ticks();\n}\n",
        [$"{Root}/app/GeomNative.cs"] = "using System.Runtime.InteropServices;\n\ninternal static partial class GeomNative\n{\n    [LibraryImport(\"geom\")]\n    internal static partial int geom_add(int a, int b);\n\n    [LibraryImport(\"geom\")]\n    internal static partial int geom_move(ref GeomPoint p);\n\n    [LibraryImport(\"geom\")]\n    internal static partial int geom_mangled(int a);\n\n    [LibraryImport(\"alpha\")]\n    internal static partial int al_add(int a, int b);\n}\n",
        [$"{Root}/app/Program.cs"] = "public static class Program\n{\n    public static void Main()\n    {\n        _ = GeomNative.geom_add(1, 2);\n        _ = ImgNative.io_ticks();\n    }\n}\n",
    };

    /// <summary>One kind of edit: a toggle between two texts of a file (or its presence), so sequences can go back and forth.</summary>
    private static readonly (string Name, string Path, Func<string?, string?> Apply)[] s_edits =
    [
        ("header declaration added", "native/imgops/include/imgops.h", t => Toggle(t, "IMG_API int io_extra(int x);\n", "IMG_API int io_extra(int x);\nIMG_API int io_added(int x);\n")),
        ("header parameter type", "native/imgops/include/imgops.h", t => Toggle(t, "size_t io_count(const uint8_t* data, size_t len);", "size_t io_count(const uint8_t* data, int len);")),
        ("header struct field", "native/imgops/include/imgops.h", t => Toggle(t, "uint8_t r; uint32_t rgba;", "uint16_t r; uint32_t rgba;")),
        ("header enum value", "native/imgops/include/imgops.h", t => Toggle(t, "IO_FAIL = 2", "IO_FAIL = 3")),
        ("header syntax error", "native/imgops/include/imgops.h", t => Toggle(t, "IMG_API long io_ticks(void);", "IMG_API long io_ticks(void")),
        ("header comment", "native/imgops/include/imgops.h", t => Toggle(t, "#pragma once\n#include <stdint.h>", "#pragma once\n// a comment\n#include <stdint.h>")),
        ("export macro hidden", "native/imgops/include/api.h", t => Toggle(t, "visibility(\"default\")", "visibility(\"hidden\")")),
        ("source definition removed", "native/imgops/src/imgops.c", t => Toggle(t, "long io_ticks(void) { return 1; }\n", "")),
        ("source definition static", "native/imgops/src/extra.c", t => Toggle(t, "int io_extra(", "static int io_extra(")),
        ("source windows-only definition", "native/imgops/src/imgops.c", t => Toggle(t, "long io_ticks(void) { return 1; }\n", "#ifdef _WIN32\nlong io_ticks(void) { return 1; }\n#endif\n")),
        ("source file deleted", "native/imgops/src/extra.c", t => t is null ? BaseWorkspace()[$"{Root}/native/imgops/src/extra.c"] : null),
        ("new header", "native/imgops/include/more.h", t => t is null ? "#pragma once\n#include \"api.h\"\nIMG_API int io_more(void);\n" : null),
        ("CMake output name", "native/imgops/CMakeLists.txt", t => Toggle(t, "C_VISIBILITY_PRESET hidden)", "C_VISIBILITY_PRESET hidden OUTPUT_NAME imgops2)")),
        ("CMake source dropped", "native/imgops/CMakeLists.txt", t => Toggle(t, " src/extra.c)", ")")),
        ("C++ header extern C removed", "native/geom/include/geom.h", t => Toggle(t, "#define GEOM_API extern \"C\" __attribute", "#define GEOM_API __attribute")),
        ("C++ header missing system include", "native/geom/include/geom.h", t => Toggle(t, "#include <cstdint>\n", "#include <cstdint>\n#include <sys/mman.h>\n")),
        ("C++ source type", "native/geom/src/geom.cpp", t => Toggle(t, "int geom_move(GeomPoint* p) { return p->x; }", "int geom_move(GeomPoint* p) { return p->y; }")),
        ("C# parameter type", "app/ImgNative.cs", t => Toggle(t, "partial nuint io_count(byte* data, nuint len)", "partial nuint io_count(byte* data, uint len)")),
        ("C# comment", "app/GeomNative.cs", t => Toggle(t, "{\n    [LibraryImport(\"geom\")]\n    internal static partial int geom_add", "{\n    // a comment\n    [LibraryImport(\"geom\")]\n    internal static partial int geom_add")),
        ("C# struct field", "app/Types.cs", t => Toggle(t, "public byte r;", "public ushort r;")),
        ("C# library name", "app/GeomNative.cs", t => Toggle(t, "[LibraryImport(\"alpha\")]", "[LibraryImport(\"geom\")]")),
        ("Rust crate named like a C library", "native/alpha/Cargo.toml", t => Toggle(t, "name = \"alpha\"", "name = \"geom\"")),
        ("config targets", "hybrid-lsp.toml", t => t is null ? "targets = [\"linux-x64\", \"win-x86\"]\n" : null),
        // A declaration the headers' unit does not see (its macro is defined only by a source): the source's definition, whose
        // signature the source's unit otherwise leaves to the header, is its only occurrence and must carry it.
        ("header internal declaration", "native/imgops/include/imgops.h", t => Toggle(t, InternalFrom, InternalTo)),
        ("source internal definition", "native/imgops/src/extra.c", ToggleInternalDefinition),
        ("C# binds more functions", "app/ImgNative.cs", t => Toggle(t, BindMoreFrom, BindMoreTo)),
    ];

    private const string InternalFrom = "#include \"api.h\"\ntypedef struct {";
    private const string InternalTo = "#include \"api.h\"\n#ifdef IMG_INTERNAL\nIMG_API int io_internal(int x);\n#endif\ntypedef struct {";
    private const string BindMoreFrom = "    internal static partial int io_ticks();\n}";
    private const string BindMoreTo = "    internal static partial int io_ticks();\n\n    [LibraryImport(\"imgops\")]\n    internal static partial int io_internal(long x);\n\n    [LibraryImport(\"imgops\")]\n    internal static partial int io_extra(short x);\n}";

    private static string? ToggleInternalDefinition(string? text)
    {
        const string define = "#define IMG_INTERNAL\n", definition = "int io_internal(int x) { return x; }\n";
        if (text is null)
            return null;
        return text.StartsWith(define, StringComparison.Ordinal) ? text[define.Length..].Replace(definition, "", StringComparison.Ordinal) : define + text + definition;
    }

    private static AnalysisHost Host(Dictionary<string, string> files)
    {
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        return host;
    }

    private static void Edit(AnalysisHost host, Dictionary<string, string> files, string relative, Func<string?, string?> apply)
    {
        var path = $"{Root}/{relative}";
        files[path] = apply(files[path])!;
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path], IsOpen: true)));
    }

    private static IEnumerable<HybridLsp.Semantics.Model.CLibraryFunction> AllFunctions(HybridLsp.Semantics.Binding.SemanticModel model) =>
        model.CLibraries.SelectMany(l => l.Targets.Values).SelectMany(t => t.FunctionsByName.Values.SelectMany(list => list));

    [Fact]
    public void A_function_only_a_source_sees_declared_in_a_header_gets_its_signature_from_the_source()
    {
        var files = BaseWorkspace();
        var header = $"{Root}/native/imgops/include/imgops.h";
        files[header] = Toggle(files[header], InternalFrom, InternalTo)!;
        var source = $"{Root}/native/imgops/src/extra.c";
        files[source] = ToggleInternalDefinition(files[source])!;
        var binding = $"{Root}/app/ImgNative.cs";
        files[binding] = Toggle(files[binding], BindMoreFrom, BindMoreTo)!;
        var model = Host(files).Snapshot().Model;

        Assert.DoesNotContain(AllFunctions(model), f => f.Declaration.SignatureOmitted);
        var imgops = model.CLibraries.Single(l => l.Name == "imgops");
        Assert.All(imgops.Targets.Values, t =>
        {
            var function = Assert.Single(t.FunctionsByName["io_internal"]);
            Assert.True(function.IsExported);
            Assert.Equal(source, function.Declaration.NameSpan.File);
            Assert.Equal(CTypeKind.Int, Assert.Single(function.Declaration.Parameters).Type.Kind);
        });
        // C# `long` against C `int`: found as for any other function.
        Assert.Contains(model.Findings, f => f.Rule.Code == "HL1003" && f.Path == binding && f.Message.Contains("io_internal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_csharp_edit_that_binds_an_unbound_function_checks_its_signature_as_a_fresh_index_does()
    {
        var files = BaseWorkspace();
        var host = Host(files);
        Assert.Contains(host.Snapshot().Model.Findings, f => f.Rule.Code == "HL2004" && f.Message.Contains("io_extra", StringComparison.Ordinal));

        Edit(host, files, "app/ImgNative.cs", t => Toggle(t, BindMoreFrom, BindMoreTo));
        var model = host.Snapshot().Model;
        Assert.Contains(model.Findings, f => f.Rule.Code == "HL1003" && f.Message.Contains("io_extra", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Findings, f => f.Rule.Code == "HL2004" && f.Message.Contains("io_extra", StringComparison.Ordinal));
        AssertSameAsFresh(Root, host, files, "after binding io_extra");
    }

    [Fact]
    public void A_header_left_unterminated_while_typing_parses_each_unit_once()
    {
        // Typing a declaration at a header's end leaves it unterminated until the `;`: in a source's unit it runs into the
        // source's text, so that unit sees other declarations than the headers' unit. It reads every signature itself
        // (it has errors) instead of leaving some to declarations the headers' unit lacks, which would parse it again.
        var files = BaseWorkspace();
        var service = new HybridLsp.Semantics.Model.CParseService(ClangOptions.Default);
        var host = new AnalysisHost(new AnalysisOptions(Root) { CParser = service });
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        _ = host.Snapshot().Model;
        var before = service.ParseCount;

        Edit(host, files, "native/imgops/include/imgops.h", t => t!.Replace("IMG_API int io_extra(int x);\n", "IMG_API int io_extra(int x)\n", StringComparison.Ordinal));
        var model = host.Snapshot().Model;
        // imgops: two sources and the headers' unit, for each of the three default targets.
        Assert.Equal(9, service.ParseCount - before);
        Assert.DoesNotContain(AllFunctions(model), f => f.Declaration.SignatureOmitted);
        AssertSameAsFresh(Root, host, files, "after the unterminated declaration");
    }

    [Fact]
    public void A_header_edit_that_changes_a_bound_parameter_type_is_found()
    {
        var files = BaseWorkspace();
        var host = Host(files);
        Assert.DoesNotContain(host.Snapshot().Model.Findings, f => f.Rule.Code == "HL1003" && f.Message.Contains("io_count", StringComparison.Ordinal));

        Edit(host, files, "native/imgops/include/imgops.h", t => t!.Replace("size_t io_count(const uint8_t* data, size_t len);", "size_t io_count(const uint8_t* data, int len);", StringComparison.Ordinal));
        var model = host.Snapshot().Model;
        Assert.Contains(model.Findings, f => f.Rule.Code == "HL1003" && f.Message.Contains("io_count", StringComparison.Ordinal));
        Assert.DoesNotContain(AllFunctions(model), f => f.Declaration.SignatureOmitted);
        AssertSameAsFresh(Root, host, files, "after the header edit");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_edit_sequences_on_c_libraries_give_the_same_results_as_a_fresh_index(int seed)
        => DifferentialHarness.Run(Root, BaseWorkspace(), s_edits, seed, steps: 20, maxEditsPerChange: 2, cancelSome: false);

    [Fact]
    public void A_csharp_edit_reuses_the_c_libraries_their_bindings_and_findings()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var before = host.Snapshot().Model;
        var path = $"{Root}/app/ImgNative.cs";
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path].Replace("nuint len)", "uint len)", StringComparison.Ordinal), IsOpen: true)));
        var after = host.Snapshot().Model;

        Assert.Equal(2, after.CLibraries.Length);
        Assert.All(after.CLibraries.Zip(before.CLibraries), p => Assert.Same(p.Second, p.First));
        // The bindings of the unchanged C# file are the same objects (so their findings are taken over); those of the edited
        // file are new.
        var reused = after.Bindings.Where(b => before.Bindings.Contains(b)).Select(b => b.Method.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["al_add", "geom_add", "geom_mangled", "geom_move"], reused);
        var unchanged = $"{Root}/app/GeomNative.cs";
        Assert.Equal(before.Findings.Where(f => f.Path == unchanged).Select(f => f.Message), after.Findings.Where(f => f.Path == unchanged).Select(f => f.Message));
        Assert.Contains(after.Findings, f => f.Rule.Code == "HL1003" && f.Path == path);
    }

    [Fact]
    public void A_header_edit_rebuilds_only_the_library_that_reads_the_header()
    {
        var files = BaseWorkspace();
        var host = new AnalysisHost(new AnalysisOptions(Root));
        host.ApplyChange(new WorkspaceChange([.. files.Select(f => new FileChange(f.Key, f.Value))]));
        var before = host.Snapshot().Model;
        var path = $"{Root}/native/geom/include/geom.h";
        host.ApplyChange(WorkspaceChange.Of(new FileChange(path, files[path] + "GEOM_API int geom_new(int a);\n", IsOpen: true)));
        var after = host.Snapshot().Model;

        Assert.Same(before.CLibraries.Single(l => l.Name == "imgops"), after.CLibraries.Single(l => l.Name == "imgops"));
        Assert.NotSame(before.CLibraries.Single(l => l.Name == "geom"), after.CLibraries.Single(l => l.Name == "geom"));
        // Another library changed: bindings to C libraries are resolved again (which library a name finds may have changed).
        Assert.DoesNotContain(after.Bindings, b => b.CLibrary is not null && before.Bindings.Contains(b));
        Assert.All(after.CLibraries.Single(l => l.Name == "geom").Targets.Values, t => Assert.True(t.FunctionsByName.ContainsKey("geom_new")));
    }
}
