using System.Diagnostics;
using System.Text;
using HybridLsp.Syntax.CMake;
using static HybridLsp.Tests.Syntax.CMake.CMakeTestFiles;

namespace HybridLsp.Tests.Syntax.CMake;

/// <summary>Malformed, binary, huge and cyclic CMake input: results for what parsed, errors as data, no crash, no hang.</summary>
public sealed class CMakeBadInputTests
{
    [Fact]
    public void Unbalanced_parens_keep_the_libraries_before_and_after()
    {
        var project = Discover(("CMakeLists.txt", """
            add_library(first SHARED a.c
            add_library(second SHARED b.c)
            if(
            add_library(third SHARED c.c)
            """));
        // 'third' sits inside the unclosed if(), whose (empty) condition is false.
        Assert.Equal(["first", "second"], project.Libraries.Select(l => l.Name).ToArray());
        Assert.Equal(["/p/a.c"], Library(project, "first").Sources.ToArray());
        Assert.All(project.Errors, e => Assert.Equal("/p/CMakeLists.txt", e.Path));
        Assert.Contains(project.Errors, e => e.Message.Contains("missing ')' for 'add_library'"));
        Assert.Contains(project.Errors, e => e.Message.Contains("'if' without 'endif()'"));
    }

    [Fact]
    public void Unterminated_string_and_bracket_argument_are_errors_with_spans()
    {
        const string text = "add_library(ok SHARED ok.c)\nset(X \"unterminated\nadd_library(lost SHARED lost.c)\n";
        var project = Discover(("CMakeLists.txt", text));
        Assert.Equal(["ok"], project.Libraries.Select(l => l.Name).ToArray());
        var error = Assert.Single(project.Errors, e => e.Message == "unterminated quoted argument");
        Assert.Equal(text.IndexOf('"'), error.Span.Start);
        Assert.Equal(text.Length, error.Span.End);

        var bracket = Discover(("CMakeLists.txt", "add_library(ok SHARED ok.c)\nset(X [=[ never closed"));
        Assert.Equal(["ok"], bracket.Libraries.Select(l => l.Name).ToArray());
        Assert.Contains(bracket.Errors, e => e.Message == "unterminated bracket argument");
    }

    [Fact]
    public void Binary_list_file_is_reported_not_read()
    {
        var project = Discover(("CMakeLists.txt", "add_library(\0\u0001\u00ff SHARED\0"));
        Assert.Empty(project.Libraries);
        Assert.Contains(project.Errors, e => e.Message == "binary file: not read");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = "()\"[]=#${}<>;\\ \n\tabcSHARED_:/.$"[random.Next(0, 31)];
            var project = Discover(("CMakeLists.txt", new string(chars)));
            Assert.NotNull(project);
        }
    }

    [Fact]
    public void Five_megabyte_list_file_is_read_in_linear_time()
    {
        var text = new StringBuilder("project(big C)\n");
        var i = 0;
        while (text.Length < 5 * 1024 * 1024)
            text.Append("set(VAR_").Append(i++).Append(" \"value ${CMAKE_CURRENT_SOURCE_DIR}/x\") # comment\n");
        text.Append("add_library(big SHARED big.c)\n");
        var watch = Stopwatch.StartNew();
        var project = Discover(("CMakeLists.txt", text.ToString()));
        watch.Stop();
        Assert.Equal(["big"], project.Libraries.Select(l => l.Name).ToArray());
        Assert.Empty(project.Errors);
        // A hang guard, not a benchmark: ~1 s on an idle 2-core machine; CI machines here can be heavily shared.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Command_budget_stops_an_endless_evaluation()
    {
        // A macro that calls itself: the depth limit stops it; the budget bounds the total.
        var project = Discover(new CMakeDiscoveryOptions(MaxCommands: 5000), ("CMakeLists.txt", """
            add_library(before SHARED b.c)
            macro(again)
              set(X 1)
              again()
              again()
            endmacro()
            again()
            """));
        Assert.Equal(["before"], project.Libraries.Select(l => l.Name).ToArray());
        Assert.Contains(project.Errors, e => e.Message.Contains("evaluation stopped after 5000 commands") || e.Message.Contains("nested more than"));
    }

    [Fact]
    public void Recursive_add_subdirectory_cycle_is_an_error_not_a_hang()
    {
        var project = Discover(
            ("CMakeLists.txt", "add_library(top SHARED top.c)\nadd_subdirectory(a)"),
            ("a/CMakeLists.txt", "add_library(liba SHARED a.c)\nadd_subdirectory(../a/b)"),
            ("a/b/CMakeLists.txt", "add_library(libb SHARED b.c)\nadd_subdirectory(..)\nadd_subdirectory(../..)"));
        Assert.Equal(["top", "liba", "libb"], project.Libraries.Select(l => l.Name).ToArray());
        var cycles = project.Errors.Where(e => e.Message.Contains("a cycle")).ToList();
        Assert.Equal(2, cycles.Count);
        Assert.All(cycles, e => Assert.Equal("/p/a/b/CMakeLists.txt", e.Path));
    }

    [Fact]
    public void Missing_subdirectory_and_missing_top_level_file_are_errors()
    {
        const string text = "add_subdirectory(nothing_here)\nadd_library(still SHARED s.c)";
        var project = Discover(("CMakeLists.txt", text));
        Assert.Equal(["still"], project.Libraries.Select(l => l.Name).ToArray());
        var error = Assert.Single(project.Errors);
        Assert.Equal("add_subdirectory: no CMakeLists.txt in '/p/nothing_here'", error.Message);
        Assert.Equal(text.IndexOf("nothing_here", StringComparison.Ordinal), error.Span.Start);

        var none = CMakeDiscovery.Discover("/q", new Dictionary<string, string>());
        Assert.Empty(none.Libraries);
        Assert.Equal("no CMakeLists.txt in '/q'", Assert.Single(none.Errors).Message);
    }

    [Fact]
    public void Deeply_nested_ifs_do_not_overflow_the_stack()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20000; i++)
            text.Append("if(ON)\n");
        text.Append("add_library(deep SHARED d.c)\n");
        for (var i = 0; i < 20000; i++)
            text.Append("endif()\n");
        var project = Discover(("CMakeLists.txt", text.ToString()));
        Assert.Contains(project.Errors, e => e.Message.Contains("nested more than"));
    }

    [Fact]
    public void Target_commands_on_unknown_targets_are_errors_and_duplicates_are_reported()
    {
        var project = Discover(("CMakeLists.txt", """
            target_include_directories(later PUBLIC inc)
            add_library(later SHARED l.c)
            add_library(later SHARED again.c)
            """));
        Assert.Equal(["/p/l.c"], Library(project, "later").Sources.ToArray());
        Assert.Contains(project.Errors, e => e.Message.Contains("no library target named 'later'"));
        Assert.Contains(project.Errors, e => e.Message.Contains("already exists"));
    }

    [Fact]
    public void Stray_block_ends_and_half_typed_commands()
    {
        var project = Discover(("CMakeLists.txt", "endif()\nelse()\nadd_library(x SHARED x.c)\nadd_libr\nset_target_properties(x PROPERTIES OUTPUT_NAME)"));
        Assert.Equal("libx.so", Library(project, "x").OutputFileName);
        Assert.Equal(3, project.Errors.Length);
    }
}
