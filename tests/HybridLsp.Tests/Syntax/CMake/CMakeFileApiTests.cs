using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Syntax.CMake;

public sealed class CMakeFileApiTests
{
    private const string Reply = "/b/.cmake/api/v1/reply/";

    private static Dictionary<string, string> Files(string target) => new()
    {
        [Reply + "index-2026-01-01T00-00-00-0000.json"] = """{ "objects": [ { "kind": "codemodel", "version": { "major": 2 }, "jsonFile": "old.json" } ] }""",
        [Reply + "index-2026-11-25T20-59-12-0535.json"] = """
            { "reply": { "codemodel-v2": { "kind": "codemodel", "jsonFile": "codemodel-v2-1.json" } } }
            """,
        [Reply + "codemodel-v2-1.json"] = """
            { "kind": "codemodel", "paths": { "source": "/src", "build": "/b" },
              "configurations": [ { "name": "", "targets": [
                { "name": "fast", "jsonFile": "target-fast.json" },
                { "name": "tool", "jsonFile": "target-tool.json" },
                { "name": "gone", "jsonFile": "target-gone.json" } ] } ] }
            """,
        [Reply + "target-fast.json"] = target,
        [Reply + "target-tool.json"] = """{ "name": "tool", "type": "EXECUTABLE", "paths": { "source": ".", "build": "." }, "sources": [] }""",
        ["/b/CMakeCache.txt"] = "not part of the reply",
    };

    private const string FastTarget = """
        { "name": "fast", "type": "SHARED_LIBRARY", "nameOnDisk": "libfastest.so",
          "artifacts": [ { "path": "lib/libfastest.so" } ],
          "paths": { "source": "libs/fast", "build": "libs/fast" },
          "sources": [ { "path": "libs/fast/a.c", "compileGroupIndex": 0 }, { "path": "libs/fast/b.cpp", "compileGroupIndex": 1 }, { "path": "libs/fast/fast.h" } ],
          "compileGroups": [
            { "language": "C", "sourceIndexes": [ 0 ],
              "compileCommandFragments": [ { "fragment": "-fPIC -fvisibility=hidden" }, { "fragment": "-std=gnu11" } ],
              "includes": [ { "path": "/src/libs/fast/include" }, { "path": "/opt/sdk", "isSystem": true } ],
              "defines": [ { "define": "FAST_BUILD" }, { "define": "fast_EXPORTS" } ],
              "languageStandard": { "standard": "11" } },
            { "language": "CXX", "sourceIndexes": [ 1, 99 ], "languageStandard": { "standard": "17" } } ] }
        """;

    [Fact]
    public void Newest_index_codemodel_and_targets_are_read()
    {
        var reply = CMakeFileApi.Read("/b", Files(FastTarget));
        Assert.Equal("/src", reply.SourceDir);
        Assert.Equal("/b", reply.BuildDir);
        Assert.Equal(["fast", "tool"], reply.Targets.Select(t => t.Name).ToArray());
        Assert.Equal("'target-gone.json' is missing from the reply folder", Assert.Single(reply.Errors).Message);
        var fast = Assert.Single(reply.SharedLibraries);
        Assert.Equal("libfastest.so", fast.NameOnDisk);
        Assert.Equal(["/b/lib/libfastest.so"], fast.Artifacts.ToArray());
        Assert.Equal("/src/libs/fast", fast.SourceDir);
        Assert.Equal(["/src/libs/fast/a.c", "/src/libs/fast/b.cpp", "/src/libs/fast/fast.h"], fast.Sources.ToArray());
        var c = fast.CompileGroups[0];
        Assert.Equal("C", c.Language);
        Assert.Equal(["/src/libs/fast/a.c"], c.Sources.ToArray());
        Assert.Equal(["-I/src/libs/fast/include", "-isystem", "/opt/sdk", "-DFAST_BUILD", "-Dfast_EXPORTS", "-fvisibility=hidden", "-std=gnu11"], c.Flags.Arguments.ToArray());
        Assert.Equal(["-fPIC"], fast.DroppedFlags.ToArray());
        var cxx = fast.CompileGroups[1];
        Assert.Equal(["/src/libs/fast/b.cpp"], cxx.Sources.ToArray());
        Assert.Equal("c++17", cxx.Flags.Standard);
    }

    [Fact]
    public void Missing_or_broken_reply_files_are_errors()
    {
        Assert.Equal("no index-*.json in the CMake File API reply folder", Assert.Single(CMakeFileApi.Read("/b", new Dictionary<string, string>()).Errors).Message);
        var broken = CMakeFileApi.Read("/b", Files("{ \"name\": \"fast\", \"type\": "));
        Assert.Equal(["tool"], broken.Targets.Select(t => t.Name).ToArray());
        Assert.Contains(broken.Errors, e => e.Path == Reply + "target-fast.json" && e.Message.StartsWith("invalid JSON", StringComparison.Ordinal));
        var escape = Files(FastTarget);
        escape[Reply + "codemodel-v2-1.json"] = """{ "configurations": [ { "targets": [ { "name": "x", "jsonFile": "../../../../../etc/passwd" } ] } ] }""";
        Assert.Empty(CMakeFileApi.Read("/b", escape).Targets);
        Assert.Equal("/b/.cmake/api/v1/query/codemodel-v2", CMakeFileApi.CodemodelQueryFile("/b/"));
    }
}
