using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>How a command argument was written; only bracket arguments are taken literally (no variable references, no escapes).</summary>
public enum CMakeArgumentKind
{
    Unquoted,
    Quoted,
    Bracket,
}

/// <summary>
/// One argument of a command invocation. <see cref="Text"/> is the argument with escapes and line continuations of quoted
/// arguments already applied (an escaped <c>$</c> is <see cref="EscapedDollar"/>), and the brackets/quotes removed; variable
/// references are still unexpanded.
/// Parentheses nested inside an argument list (as in <c>if((A OR B) AND C)</c>) appear as unquoted arguments "(" and ")".
/// </summary>
public sealed record CMakeArgument(string Text, CMakeArgumentKind Kind, TextSpan Span)
{
    /// <summary>
    /// Stands in <see cref="Text"/> for an escaped dollar (<c>\$</c>) until variable references are expanded: <c>\${X}</c> is
    /// the literal text <c>${X}</c>, never X's value. A Unicode noncharacter, so it cannot be confused with written text.
    /// </summary>
    public const char EscapedDollar = '\uFDD0';
}

/// <summary>One command invocation <c>name(arguments)</c>; <see cref="Name"/> is lower-cased (CMake command names are case-insensitive).</summary>
public sealed record CMakeCommand(string Name, TextSpan NameSpan, ImmutableArray<CMakeArgument> Arguments, TextSpan Span);

/// <summary>A parsed CMake language file: the command invocations in order, and what could not be parsed.</summary>
public sealed record CMakeFile(ImmutableArray<CMakeCommand> Commands, ImmutableArray<SyntaxError> Errors);
