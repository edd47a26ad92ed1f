using static HybridLsp.Tests.Fixtures.FixtureHost;

namespace HybridLsp.Tests.Rules;

/// <summary>
/// Flags from a CMake build tree (compile_commands.json, the File API reply) replace the static evaluation for the
/// translation units the build tree compiles, through the allow-list of DESIGN §7.
/// </summary>
public sealed class CBuildTreeTests
{
    // `io_extra` exists only when IO_FEATURE_X is defined, which no CMakeLists.txt does: only a build tree can.
    private const string Library = CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #pragma once
        #include "api.h"
        IMAGEOPS_API int io_base(int x);
        #ifdef IO_FEATURE_X
        IMAGEOPS_API int io_extra(int x);
        #endif
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_base(int x) { return x; }
        #ifdef IO_FEATURE_X
        int io_extra(int x) { return x + 1; }
        #endif
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] static extern int io_base(int x);
            [DllImport("imageops")] static extern int io_extra(int x);
        }

        """;

    private const string MissingExtra = "HL1001: library 'imageops' (C library 'imageops') exports no function 'io_extra'";

    private static string CompileCommands(string extraFlags) => $$"""
        [
          { "directory": "/native/imageops/build",
            "command": "/usr/bin/cc -Dimageops_EXPORTS -DIO_FEATURE_X -I/native/imageops/include {{extraFlags}} -fPIC -fvisibility=hidden -std=gnu11 -o CMakeFiles/imageops.dir/src/imageops.c.o -c /native/imageops/src/imageops.c",
            "file": "/native/imageops/src/imageops.c",
            "output": "CMakeFiles/imageops.dir/src/imageops.c.o" }
        ]
        """;

    [Fact]
    public void Without_a_build_tree_the_static_evaluation_decides() => CheckFindingsAcrossEdits(Library, [MissingExtra]);

    [Fact]
    public void A_define_only_the_compilation_database_sets_changes_the_exports() =>
        CheckDiagnostics(Library + "//- /native/imageops/build/compile_commands.json\n" + CompileCommands(""));

    [Fact]
    public void Hostile_flags_are_dropped_and_reported_the_rest_is_used()
    {
        var text = Library + "//- /native/imageops/build/compile_commands.json\n"
            + CompileCommands("-Xclang -load -Xclang /tmp/evil.so -fplugin=/tmp/evil.so @/tmp/flags.rsp --config=/tmp/x.cfg -load /tmp/y.so -m32");
        CheckDiagnostics(text);
        CheckBuildTreeFlags(text,
            "imageops: 1 sources from /native/imageops/build/compile_commands.json; dropped: -Xclang -load | -Xclang /tmp/evil.so | -fplugin=/tmp/evil.so | @/tmp/flags.rsp | --config=/tmp/x.cfg | -load | /tmp/y.so | -fPIC");
    }

    [Fact]
    public void Editing_or_deleting_the_compilation_database_invalidates_the_parses() => CheckFindingsAcrossEdits(
        Library + "//- /native/imageops/build/compile_commands.json\n" + CompileCommands(""),
        [],
        ("/native/imageops/build/compile_commands.json", CompileCommands("-UIO_FEATURE_X"), [MissingExtra]),
        ("/native/imageops/build/compile_commands.json", CompileCommands(""), []),
        ("/native/imageops/build/compile_commands.json", null, [MissingExtra]));

    [Fact]
    public void A_build_tree_outside_the_conventional_folders_is_used_only_when_configured()
    {
        var elsewhere = Library + "//- /native/imageops/objects/compile_commands.json\n" + CompileCommands("").Replace("/native/imageops/build", "/native/imageops/objects");
        CheckFindingsAcrossEdits(elsewhere, [MissingExtra]);
        CheckDiagnostics(elsewhere + """

            //- /hybrid-lsp.toml
            [libraries.imageops]
            build-dir = "native/imageops/objects"
            """);
        CheckDiagnostics(elsewhere + """

            //- /hybrid-lsp.toml
            cmake-build-dir = "native/imageops/objects"
            """);
    }

    [Fact]
    public void Conventional_build_folders_under_the_workspace_root_are_searched()
    {
        foreach (var folder in new[] { "/build", "/build-release", "/cmake-build-debug", "/out/build/x64-linux" })
        {
            var text = Library + $"//- {folder}/compile_commands.json\n" + CompileCommands("").Replace("/native/imageops/build", folder);
            CheckDiagnostics(text);
            CheckBuildTreeFlags(text, $"imageops: 1 sources from {folder}/compile_commands.json; dropped: -fPIC");
        }
    }

    [Fact]
    public void A_database_that_does_not_compile_the_library_leaves_the_static_flags() => CheckFindingsAcrossEdits(
        Library + "//- /native/imageops/build/compile_commands.json\n" + CompileCommands("").Replace("src/imageops.c", "src/other.c"),
        [MissingExtra]);

    [Fact]
    public void Invalid_build_tree_files_are_ignored() => CheckFindingsAcrossEdits(
        Library + """
        //- /native/imageops/build/compile_commands.json
        [ { "directory": 3, "file": [ "x" ] }, "garbage",
        //- /native/imageops/build/.cmake/api/v1/reply/index-2026-01-01T00-00-00-0000.json
        { "reply": { "codemodel-v2": { "jsonFile": "../../../../../../etc/passwd" } } }
        """,
        [MissingExtra]);

    private const string Reply = "/native/imageops/build/.cmake/api/v1/reply/";

    private static string FileApi(string fragments, string defines) => $$"""
        //- {{Reply}}index-2026-11-25T20-59-12-0535.json
        { "reply": { "codemodel-v2": { "kind": "codemodel", "jsonFile": "codemodel-v2-1.json" } } }
        //- {{Reply}}codemodel-v2-1.json
        { "kind": "codemodel", "paths": { "source": "/native/imageops", "build": "/native/imageops/build" },
          "configurations": [ { "name": "", "targets": [ { "name": "imageops", "jsonFile": "target-imageops.json" } ] } ] }
        //- {{Reply}}target-imageops.json
        { "name": "imageops", "type": "SHARED_LIBRARY", "nameOnDisk": "libimageops.so",
          "paths": { "source": ".", "build": "." },
          "sources": [ { "path": "src/imageops.c", "compileGroupIndex": 0 } ],
          "compileGroups": [ { "language": "C", "sourceIndexes": [ 0 ],
            "compileCommandFragments": [ { "fragment": "{{fragments}}" } ],
            "includes": [ { "path": "/native/imageops/include" } ],
            "defines": [ {{defines}} ] } ] }

        """;

    [Fact]
    public void The_file_api_reply_gives_the_targets_flags() => CheckDiagnostics(Library
        + FileApi("-fvisibility=hidden -fplugin=/tmp/evil.so", """{ "define": "imageops_EXPORTS" }, { "define": "IO_FEATURE_X" }"""));

    [Fact]
    public void The_file_api_reply_wins_over_the_compilation_database_of_the_same_tree()
    {
        var text = Library + FileApi("-fvisibility=hidden -Xclang -load -Xclang /tmp/evil.so", """{ "define": "imageops_EXPORTS" }""")
            + "//- /native/imageops/build/compile_commands.json\n" + CompileCommands("");
        CheckFindingsAcrossEdits(text, [MissingExtra]);
        CheckBuildTreeFlags(text, $"imageops: 1 sources from {Reply.TrimEnd('/')}; dropped: -Xclang -load | -Xclang /tmp/evil.so");
    }

    [Fact]
    public void A_build_tree_visibility_flag_replaces_the_static_preset() => CheckFindingsAcrossEdits(CLibs.ImageOps + """
        //- /native/imageops/include/imageops.h
        #pragma once
        int io_plain(int x);
        //- /native/imageops/src/imageops.c
        #include "imageops.h"
        int io_plain(int x) { return x; }
        //- /app/Native.cs
        using System.Runtime.InteropServices;
        static class Native
        {
            [DllImport("imageops")] static extern int io_plain(int x);
        }
        """,
        ["HL1001: 'io_plain' is not exported by C library 'imageops' on linux-x64, osx-arm64 (preprocessor conditions or export attributes exclude them)"],
        ("/native/imageops/build/compile_commands.json", """
            [ { "directory": "/native/imageops/build", "file": "/native/imageops/src/imageops.c",
                "arguments": [ "cc", "-I/native/imageops/include", "-fvisibility=hidden", "-fvisibility=default", "-c", "/native/imageops/src/imageops.c" ] } ]
            """, []));
}
