namespace HybridLsp.Tests.Fuzzing;

/// <summary>
/// Seeds for the build-tree readers (compile_commands.json, the CMake File API reply), shaped like what CMake 3.x writes,
/// with the hostile flags the allow-list must drop. A File API seed is one text holding every reply file, each after a
/// `//- NAME` line (<see cref="ReplyFiles"/> splits a mutated one back), so mutations can cross file boundaries.
/// </summary>
internal static class BuildTreeSeeds
{
    public const string BuildDir = "/ws/build";

    public static IReadOnlyList<string> CompileCommands { get; } =
    [
        """
        [
        {
          "directory": "/ws/build",
          "command": "/usr/bin/cc -Dimageops_EXPORTS -I/ws/native/include -isystem /opt/sdk -O2 -g -fPIC -fvisibility=hidden -std=gnu11 -o CMakeFiles/imageops.dir/src/a.c.o -c /ws/native/src/a.c",
          "file": "/ws/native/src/a.c",
          "output": "CMakeFiles/imageops.dir/src/a.c.o"
        },
        {
          "directory": "/ws/build/sub",
          "arguments": ["c++", "-DNAME=\"quoted value\"", "-iquote", "../q", "-include", "pre.h", "-Xclang", "-load", "-Xclang", "/tmp/evil.so", "@rsp", "-fplugin=x.so", "-c", "../b.cpp"],
          "file": "../b.cpp"
        }
        ]
        """,
        """[ { "directory": ".", "command": "cc 'single quoted' \"double \\\" quoted\" back\\ slash -UX -m32 -fshort-wchar", "file": "x.c" } ]""",
        """[ { "directory": "/d", "file": "/d/y.c", "arguments": [] }, { "file": 1 }, [], null, "text" ]""",
    ];

    public static IReadOnlyList<string> FileApi { get; } =
    [
        """
        //- index-2026-11-25T20-59-12-0535.json
        { "cmake": { "version": { "string": "3.28.3" } }, "objects": [ { "kind": "codemodel", "version": { "major": 2, "minor": 6 }, "jsonFile": "codemodel-v2-1.json" } ],
          "reply": { "codemodel-v2": { "kind": "codemodel", "version": { "major": 2, "minor": 6 }, "jsonFile": "codemodel-v2-1.json" } } }
        //- codemodel-v2-1.json
        { "kind": "codemodel", "paths": { "source": "/ws", "build": "/ws/build" },
          "configurations": [ { "name": "Debug", "targets": [ { "name": "imageops", "id": "imageops::@6890", "jsonFile": "target-imageops.json" },
            { "name": "tool", "jsonFile": "target-tool.json" }, { "name": "escape", "jsonFile": "../../../../etc/passwd" } ] } ] }
        //- target-imageops.json
        { "name": "imageops", "type": "SHARED_LIBRARY", "nameOnDisk": "libimageops.so", "artifacts": [ { "path": "libimageops.so" } ],
          "paths": { "source": "native", "build": "native" },
          "sources": [ { "path": "native/src/a.c", "compileGroupIndex": 0 }, { "path": "native/src/b.cpp", "compileGroupIndex": 1 }, { "path": "native/include/a.h" } ],
          "compileGroups": [
            { "language": "C", "sourceIndexes": [ 0 ], "languageStandard": { "standard": "11" },
              "compileCommandFragments": [ { "fragment": "-O2 -fPIC -fvisibility=hidden -Xclang -load -Xclang /tmp/evil.so" } ],
              "includes": [ { "path": "/ws/native/include" }, { "path": "/opt/sdk", "isSystem": true } ],
              "defines": [ { "define": "imageops_EXPORTS" }, { "define": "FEATURE=1" } ] },
            { "language": "CXX", "sourceIndexes": [ 1, -1, 99, "x" ], "languageStandard": { "standard": "17" } } ] }
        //- target-tool.json
        { "name": "tool", "type": "EXECUTABLE", "sources": [ { "path": "tool.c", "compileGroupIndex": 0 } ], "compileGroups": [ { "sourceIndexes": [ 0 ] } ] }
        """,
        """
        //- index-1.json
        { "objects": [ { "kind": "codemodel", "jsonFile": "cm.json" } ] }
        //- cm.json
        { "configurations": [ { "targets": [ { "name": "t", "jsonFile": "t.json" } ] } ] }
        //- t.json
        { "name": "t", "type": "MODULE_LIBRARY", "compileGroups": [ { "compileCommandFragments": [ { "fragment": "'unterminated" } ] } ] }
        """,
    ];

    /// <summary>The reply files of a File API seed (or of a mutation of one) under <see cref="BuildDir"/>.</summary>
    public static Dictionary<string, string> ReplyFiles(string text)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var replyDir = BuildDir + "/.cmake/api/v1/reply/";
        string? name = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                if (name is not null)
                    files[replyDir + name] = body.ToString();
                name = line[4..].Trim();
                body.Clear();
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }
        if (name is not null)
            files[replyDir + name] = body.ToString();
        return files;
    }
}
