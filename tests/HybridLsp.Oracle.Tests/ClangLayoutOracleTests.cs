using System.Collections.Immutable;
using System.Diagnostics;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using HybridLsp.Syntax.C;

namespace HybridLsp.Oracle.Tests;

/// <summary>
/// The libclang layer against a real compiler: struct sizes and offsets for linux-x64 equal what a gcc-compiled
/// program prints with sizeof/offsetof, and the functions it reports as exported equal the .dynsym of a gcc-built
/// shared library. Not hermetic: needs gcc.
/// </summary>
public sealed class ClangLayoutOracleTests : IDisposable
{
    private const string Header = """
        #include <stdbool.h>
        #include <stddef.h>
        #include <stdint.h>
        struct padded { char tag; double value; short small; long count; bool flag; };
        #pragma pack(push, 1)
        struct packed_pragma { uint8_t a; uint32_t b; uint16_t c; };
        #pragma pack(pop)
        struct __attribute__((packed)) packed_attr { char a; long b; bool c; };
        struct inner { bool ok; double x; };
        struct nested { int id; struct inner first; char name[3]; struct inner second[2]; long double big; };
        union mixed { int32_t i; double d; char bytes[13]; };
        struct with_union { char k; union mixed m; bool last; };
        """;

    private static readonly (string Record, string[] Fields)[] s_records =
    [
        ("padded", ["tag", "value", "small", "count", "flag"]),
        ("packed_pragma", ["a", "b", "c"]),
        ("packed_attr", ["a", "b", "c"]),
        ("inner", ["ok", "x"]),
        ("nested", ["id", "first", "name", "second", "big"]),
        ("mixed", ["i", "d", "bytes"]),
        ("with_union", ["k", "m", "last"]),
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hybrid-lsp-clang-oracle-" + Guid.NewGuid().ToString("N"));

    public ClangLayoutOracleTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Struct_layout_for_linux_x64_equals_what_gcc_prints()
    {
        var program = Header + "\n#include <stdio.h>\nint main(void) {\n";
        foreach (var (record, fields) in s_records)
        {
            var tag = record == "mixed" ? "union" : "struct";
            program += $"    printf(\"{record} size %zu align %zu\\n\", sizeof({tag} {record}), _Alignof({tag} {record}));\n";
            foreach (var field in fields)
                program += $"    printf(\"{record}.{field} %zu\\n\", offsetof({tag} {record}, {field}));\n";
        }
        program += "    return 0;\n}\n";
        var source = Path.Combine(_directory, "layout.c");
        File.WriteAllText(source, program);
        var binary = Path.Combine(_directory, "layout");
        Run("gcc", "-std=c11", "-o", binary, source);
        var expected = Run(binary).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var header = Path.Combine(_directory, "layout.h");
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest(header, ImmutableDictionary<string, string>.Empty.Add(header, Header), "x86_64-unknown-linux-gnu", Standard: "c11"), CancellationToken.None);
        Assert.Equal(CParseStatus.Parsed, result.Status);
        Assert.Null(result.FirstError);
        var actual = new List<string>();
        foreach (var (name, fields) in s_records)
        {
            var record = result.Records.Single(r => r.Name == name);
            actual.Add($"{name} size {record.Size} align {record.Align}");
            foreach (var field in fields)
                actual.Add($"{name}.{field} {record.Fields.Single(f => f.Name == field).OffsetInBits / 8}");
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Exported_functions_equal_the_dynsym_of_a_gcc_built_library()
    {
        const string header = """
            #define API __attribute__((visibility("default")))
            #define DECLARE_GET(field) API int lib_get_##field(void);
            API int lib_add(int a, int b);
            DECLARE_GET(width)
            DECLARE_GET(height)
            int lib_not_exported(void);
            """;
        const string source = """
            #include "lib.h"
            int lib_add(int a, int b) { return a + b; }
            int lib_get_width(void) { return 1; }
            int lib_get_height(void) { return 2; }
            int lib_not_exported(void) { return 3; }
            static int helper(void) { return 4; }
            int lib_uses_helper(void) { return helper(); }
            """;
        var headerPath = Path.Combine(_directory, "lib.h");
        var sourcePath = Path.Combine(_directory, "lib.c");
        File.WriteAllText(headerPath, header);
        File.WriteAllText(sourcePath, source);
        var library = Path.Combine(_directory, "liboracle.so");
        Run("gcc", "-shared", "-fPIC", "-fvisibility=hidden", "-o", library, sourcePath);

        using var elf = ELFReader.Load(library);
        var dynsym = (ISymbolTable)elf.GetSection(".dynsym");
        var exported = dynsym.Entries.OfType<SymbolEntry<ulong>>()
            .Where(e => e.Type == SymbolType.Function && e.Binding == SymbolBinding.Global && e.PointedSectionIndex != 0 && e.Name is not ("_init" or "_fini"))
            .Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

        var files = ImmutableDictionary<string, string>.Empty.Add(headerPath, header).Add(sourcePath, source);
        var result = ClangParser.Parse(ClangOptions.Default, new CParseRequest(sourcePath, files, "x86_64-unknown-linux-gnu", ExtraFlags: ["-fvisibility=hidden"]), CancellationToken.None);
        Assert.Null(result.FirstError);
        var found = result.Functions
            .Where(f => f.IsDefinition && !f.IsStatic && f.Visibility == CVisibility.Default)
            .Select(f => f.MangledName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(exported, found);
        Assert.Equal(["lib_add", "lib_get_height", "lib_get_width"], found);
    }

    [Theory]
    [InlineData("x86_64-unknown-linux-gnu")]
    [InlineData("x86_64-pc-windows-msvc")]
    public void A_user_resource_directory_replaces_the_builtin_headers(string triple)
    {
        // Debian's clang-14 resource directory (libclang-common-14-dev), as a user would point HYBRID_LSP_CLANG_RESOURCE_DIR at it.
        const string resources = "/usr/lib/llvm-14/lib/clang/14.0.6";
        Assert.True(Directory.Exists(resources), $"{resources} is missing: install libclang-common-14-dev");
        const string header = "#include <stddef.h>\n#include <stdbool.h>\n#include <stdint.h>\n#include <wchar.h>\ntypedef size_t my_size;\ntypedef bool my_bool;\n";
        var path = Path.Combine(_directory, "r.h");
        var result = ClangParser.Parse(new ClangOptions(null, resources), new CParseRequest(path, ImmutableDictionary<string, string>.Empty.Add(path, header), triple), CancellationToken.None);
        Assert.Null(result.FirstError);
        Assert.Equal(8, result.Typedefs.Single(t => t.Name == "my_size").Type.Size);
        Assert.Equal(1, result.Typedefs.Single(t => t.Name == "my_bool").Type.Size);
        Assert.Contains(result.IncludedFiles, f => f.StartsWith(resources, StringComparison.Ordinal) && f.EndsWith("/stddef.h", StringComparison.Ordinal));
        Assert.DoesNotContain(result.IncludedFiles, f => f.EndsWith("/builtin/stddef.h", StringComparison.Ordinal));
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed:\n{stderr.Result}");
        return stdout;
    }
}
