using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Syntax.CMake;

public sealed class CompileFlagsTests
{
    [Fact]
    public void Shell_splitting_handles_quotes_and_escapes()
    {
        Assert.Equal(["cc", "-DNAME=\"a b\"", "-I/my dir", "it's", "a\\b", "x y"],
            CompileFlags.SplitCommandLine("cc  -DNAME=\\\"a\\ b\\\" \"-I/my dir\" 'it'\\''s' \"a\\\\b\" x\\ y").ToArray());
        Assert.Equal(["-DX=\"quoted\""], CompileFlags.SplitCommandLine("'-DX=\"quoted\"'").ToArray());
        Assert.Equal(["unterminated rest"], CompileFlags.SplitCommandLine("\"unterminated rest").ToArray());
        Assert.Empty(CompileFlags.SplitCommandLine("   "));
    }

    [Fact]
    public void Allow_list_keeps_only_its_flags_and_reports_the_rest()
    {
        var flags = CompileFlags.Filter(
            ["/usr/bin/cc", "-I", "include", "-Isrc", "-isystem", "/opt/sdk", "-iquote", "q", "-DA", "-D", "B=2", "-UC", "-std=gnu11",
             "-include", "pre.h", "-fvisibility=hidden", "-fshort-wchar", "-m32", "-fPIC", "-O2", "-Xclang", "-load", "-fplugin=evil.so",
             "--sysroot=/x", "-MF", "dep.d", "-o", "out.o", "-c", "src/a.c"],
            "/build", "/build/src/a.c");
        Assert.Equal(["-I/build/include", "-I/build/src", "-isystem", "/opt/sdk", "-iquote", "/build/q", "-DA", "-DB=2", "-UC", "-std=gnu11",
            "-include", "/build/pre.h", "-fvisibility=hidden", "-fshort-wchar", "-m32"], flags.Arguments.ToArray());
        Assert.Equal(["-fPIC", "-O2", "-Xclang -load", "-fplugin=evil.so", "--sysroot=/x", "-MF dep.d"], flags.Dropped.ToArray());
        Assert.Equal(["/build/include", "/build/src"], flags.IncludeDirectories.ToArray());
        Assert.Equal(["/opt/sdk"], flags.SystemIncludeDirectories.ToArray());
        Assert.Equal(["A", "B=2"], flags.Defines.ToArray());
        Assert.Equal(["C"], flags.Undefines.ToArray());
        Assert.Equal(["/build/pre.h"], flags.ForcedIncludes.ToArray());
        Assert.Equal("gnu11", flags.Standard);
        Assert.Equal("hidden", flags.Visibility);
        Assert.True(flags.ShortWchar);
        Assert.Equal(32, flags.PointerBits);
    }

    [Fact]
    public void Flag_missing_its_value_at_the_end_is_ignored()
    {
        var flags = CompileFlags.Filter(["cc", "-I"], "/b");
        Assert.Empty(flags.Arguments);
        Assert.Empty(flags.Dropped);
    }
}
