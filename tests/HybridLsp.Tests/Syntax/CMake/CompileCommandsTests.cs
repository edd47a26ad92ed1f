using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Syntax.CMake;

public sealed class CompileCommandsTests
{
    [Fact]
    public void Command_strings_and_argument_arrays_are_read_through_the_allow_list()
    {
        const string json = """
            [
              { "directory": "/b", "command": "/usr/bin/cc -DX -I../inc -fPIC -o a.o -c /src/a.c", "file": "/src/a.c" },
              { "directory": "sub", "arguments": ["c++", "-std=c++17", "-isystem", "/sdk", "-g", "-c", "b.cpp"], "file": "b.cpp", "output": "b.o" }
            ]
            """;
        var commands = CompileCommands.Read("/b/compile_commands.json", json);
        Assert.Empty(commands.Errors);
        Assert.Equal(2, commands.Entries.Length);
        var a = Assert.Single(commands.For("/src/a.c"));
        Assert.Equal(["-DX", "-I/inc"], a.Flags.Arguments.ToArray());
        Assert.Equal(["-fPIC"], a.Flags.Dropped.ToArray());
        var b = Assert.Single(commands.For("/b/sub/b.cpp"));
        Assert.Equal("/b/sub", b.Directory);
        Assert.Equal("b.o", b.Output);
        Assert.Equal(["-std=c++17", "-isystem", "/sdk"], b.Flags.Arguments.ToArray());
        Assert.Equal(["-fPIC", "-g"], commands.DroppedFlags.ToArray());
    }

    [Fact]
    public void Invalid_json_and_bad_entries_are_errors()
    {
        var broken = CompileCommands.Read("/b/compile_commands.json", "[\n  { \"directory\": \"/b\", \n  oops");
        Assert.Empty(broken.Entries);
        var error = Assert.Single(broken.Errors);
        Assert.StartsWith("invalid JSON", error.Message);
        Assert.True(error.Span.Start > 0);

        var partial = CompileCommands.Read("/b/cc.json", """[ { "directory": "/b", "file": "a.c", "arguments": ["cc", "-DA"] }, 42, { "file": "x.c" } ]""");
        Assert.Single(partial.Entries);
        Assert.Equal(2, partial.Errors.Length);

        Assert.Single(CompileCommands.Read("/b/cc.json", "{}").Errors);
        Assert.Single(CompileCommands.Read("/b/cc.json", "\0\u0001binary").Errors);
    }

    [Fact]
    public void Text_that_is_not_valid_unicode_is_an_error_not_an_exception()
    {
        var result = CompileCommands.Read("/b/compile_commands.json", "[ { \"directory\": \"/b\", \"file\": \"a\uD800.c\", \"command\": \"cc\" } ]");
        Assert.Empty(result.Entries);
        Assert.Equal("invalid JSON: the text is not valid Unicode", Assert.Single(result.Errors).Message);
    }
}
