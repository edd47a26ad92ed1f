using HybridLsp.Syntax.CMake;

namespace HybridLsp.Tests.Syntax.CMake;

public sealed class CMakeParserTests
{
    private static string[] Texts(CMakeCommand command) => [.. command.Arguments.Select(a => a.Text)];

    [Fact]
    public void Commands_are_lower_cased_with_their_arguments_in_order()
    {
        var file = CMakeParser.Parse("ADD_LIBRARY(foo SHARED a.c b.c)\nset(X 1)");
        Assert.Empty(file.Errors);
        Assert.Equal(["add_library", "set"], file.Commands.Select(c => c.Name).ToArray());
        Assert.Equal(["foo", "SHARED", "a.c", "b.c"], Texts(file.Commands[0]).ToArray());
        Assert.Equal(new HybridLsp.Syntax.Text.TextSpan(0, 11), file.Commands[0].NameSpan);
    }

    [Fact]
    public void Quoted_arguments_apply_escapes_and_line_continuations()
    {
        var file = CMakeParser.Parse("set(X \"a b\\\"c\\n\" \"one\\\ntwo\")");
        Assert.Empty(file.Errors);
        var args = file.Commands.Single().Arguments;
        Assert.Equal(CMakeArgumentKind.Quoted, args[1].Kind);
        Assert.Equal("a b\"c\n", args[1].Text);
        Assert.Equal("onetwo", args[2].Text);
    }

    [Fact]
    public void Bracket_arguments_are_literal_and_drop_the_first_newline()
    {
        var file = CMakeParser.Parse("set(X [==[\n${not expanded} ]] \"x\"]==] after)");
        Assert.Empty(file.Errors);
        var args = file.Commands.Single().Arguments;
        Assert.Equal(CMakeArgumentKind.Bracket, args[1].Kind);
        Assert.Equal("${not expanded} ]] \"x\"", args[1].Text);
        Assert.Equal("after", args[2].Text);
    }

    [Fact]
    public void Line_and_bracket_comments_are_skipped_even_inside_arguments()
    {
        var file = CMakeParser.Parse("#[[ add_library(hidden SHARED x.c) ]]\nadd_library(foo # comment ( )\n  SHARED #[=[ inline ]=] a.c)\n# set(Y 2)");
        Assert.Empty(file.Errors);
        Assert.Equal(["foo", "SHARED", "a.c"], Texts(file.Commands.Single()).ToArray());
    }

    [Fact]
    public void Nested_parentheses_are_arguments_and_variable_references_stay_whole()
    {
        var file = CMakeParser.Parse("if((A OR B) AND ${x_${y}})");
        Assert.Empty(file.Errors);
        Assert.Equal(["(", "A", "OR", "B", ")", "AND", "${x_${y}}"], Texts(file.Commands.Single()).ToArray());
    }

    [Fact]
    public void Unquoted_argument_with_an_embedded_quote_stays_one_argument()
    {
        var file = CMakeParser.Parse("add_definitions(-DNAME=\"a b\" -DOTHER)");
        Assert.Equal(["-DNAME=\"a b\"", "-DOTHER"], Texts(file.Commands.Single()).ToArray());
    }

    [Fact]
    public void Missing_close_paren_ends_the_command_before_the_next_known_command()
    {
        const string text = "add_library(foo SHARED a.c\n  b.c\nset(X 1)\n";
        var file = CMakeParser.Parse(text);
        Assert.Equal(["add_library", "set"], file.Commands.Select(c => c.Name).ToArray());
        Assert.Equal(["foo", "SHARED", "a.c", "b.c"], Texts(file.Commands[0]).ToArray());
        var error = Assert.Single(file.Errors);
        Assert.Contains("missing ')'", error.Message);
        Assert.Equal(0, error.Span.Start);
    }

    [Fact]
    public void Unterminated_quote_and_bracket_run_to_the_end_and_are_errors()
    {
        var quoted = CMakeParser.Parse("set(A 1)\nset(X \"never closed)\nset(Y 2)");
        Assert.Equal("set", quoted.Commands[0].Name);
        Assert.Contains(quoted.Errors, e => e.Message == "unterminated quoted argument");

        var bracket = CMakeParser.Parse("set(A 1)\nset(X [[ open");
        Assert.Equal(["A", "1"], Texts(bracket.Commands[0]).ToArray());
        Assert.Contains(bracket.Errors, e => e.Message == "unterminated bracket argument");
        Assert.Contains(CMakeParser.Parse("#[[ open comment").Errors, e => e.Message == "unterminated bracket comment");
    }

    [Fact]
    public void Garbage_lines_are_errors_and_parsing_resumes()
    {
        var file = CMakeParser.Parse("set(A 1)\n)))) 123\nnot_a_call\nset(B 2)");
        Assert.Equal(["set", "set"], file.Commands.Select(c => c.Name).ToArray());
        Assert.Equal(2, file.Errors.Length);
    }
}
