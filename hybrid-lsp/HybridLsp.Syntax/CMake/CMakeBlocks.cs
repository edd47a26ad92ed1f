using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>A node of a list file's block structure: a plain command, or an if/foreach/while/function/macro/block with its body.</summary>
internal abstract record CMakeNode
{
    public sealed record Command(CMakeCommand Invocation) : CMakeNode;

    /// <summary><c>if()</c> with its <c>elseif()</c>s: each branch's head command and body; <paramref name="Else"/> null without <c>else()</c>.</summary>
    public sealed record If(ImmutableArray<(CMakeCommand Head, ImmutableArray<CMakeNode> Body)> Branches, ImmutableArray<CMakeNode>? Else) : CMakeNode;

    /// <summary><c>foreach</c>, <c>while</c>, <c>function</c>, <c>macro</c> or <c>block</c>, by <see cref="CMakeCommand.Name"/> of the head.</summary>
    public sealed record Block(CMakeCommand Head, ImmutableArray<CMakeNode> Body) : CMakeNode;
}

/// <summary>
/// Turns a flat list of commands into blocks. A missing end command closes at the end of the file, a stray one is
/// ignored; both are reported as errors.
/// </summary>
internal static class CMakeBlocks
{
    private static readonly Dictionary<string, string> s_ends = new(StringComparer.Ordinal)
    {
        ["if"] = "endif", ["foreach"] = "endforeach", ["while"] = "endwhile", ["function"] = "endfunction", ["macro"] = "endmacro", ["block"] = "endblock",
    };

    public static ImmutableArray<CMakeNode> Build(ImmutableArray<CMakeCommand> commands, List<SyntaxError> errors)
    {
        var index = 0;
        var result = Sequence(commands, ref index, null, errors, 0);
        return result;
    }

    // Blocks nested deeper than this are read as plain commands (with an error): deep nesting must not overflow the stack.
    private const int MaxDepth = 200;

    private static ImmutableArray<CMakeNode> Sequence(ImmutableArray<CMakeCommand> commands, ref int index, HashSet<string>? stops, List<SyntaxError> errors, int depth)
    {
        var nodes = ImmutableArray.CreateBuilder<CMakeNode>();
        while (index < commands.Length)
        {
            var command = commands[index];
            if (stops is not null && stops.Contains(command.Name))
                return nodes.ToImmutable();
            index++;
            if (depth >= MaxDepth && (command.Name == "if" || s_ends.ContainsKey(command.Name)))
            {
                errors.Add(new SyntaxError(command.Span, $"blocks nested more than {MaxDepth} deep are not evaluated"));
                nodes.Add(new CMakeNode.Command(command));
            }
            else if (command.Name == "if")
            {
                nodes.Add(ParseIf(command, commands, ref index, errors, depth + 1));
            }
            else if (s_ends.TryGetValue(command.Name, out var end))
            {
                var body = Sequence(commands, ref index, [end], errors, depth + 1);
                if (index < commands.Length)
                    index++;
                else
                    errors.Add(new SyntaxError(command.Span, $"'{command.Name}' without '{end}()'"));
                nodes.Add(new CMakeNode.Block(command, body));
            }
            else if (command.Name is "elseif" or "else" or "endif" or "endforeach" or "endwhile" or "endfunction" or "endmacro" or "endblock")
            {
                errors.Add(new SyntaxError(command.Span, $"'{command.Name}()' without an opening command"));
            }
            else
            {
                nodes.Add(new CMakeNode.Command(command));
            }
        }
        return nodes.ToImmutable();
    }

    private static CMakeNode.If ParseIf(CMakeCommand head, ImmutableArray<CMakeCommand> commands, ref int index, List<SyntaxError> errors, int depth)
    {
        var branches = ImmutableArray.CreateBuilder<(CMakeCommand, ImmutableArray<CMakeNode>)>();
        ImmutableArray<CMakeNode>? elseBody = null;
        var current = head;
        var inElse = false;
        while (true)
        {
            var body = Sequence(commands, ref index, ["elseif", "else", "endif"], errors, depth);
            if (inElse)
                elseBody = body;
            else
                branches.Add((current, body));
            if (index >= commands.Length)
            {
                errors.Add(new SyntaxError(head.Span, "'if' without 'endif()'"));
                break;
            }
            var next = commands[index++];
            if (next.Name == "endif")
                break;
            if (inElse)
            {
                errors.Add(new SyntaxError(next.Span, $"'{next.Name}()' after 'else()'"));
                continue;
            }
            if (next.Name == "else")
                inElse = true;
            else
                current = next;
        }
        return new CMakeNode.If(branches.ToImmutable(), elseBody);
    }
}
