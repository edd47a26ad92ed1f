using System.Collections.Immutable;
using System.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>
/// The compile flags of one translation unit after the allow-list of DESIGN §7: only <c>-I -isystem -iquote -D -U -std=
/// -include -fvisibility= -fshort-wchar -m32/-m64</c> pass; every other flag is in <see cref="Dropped"/> for the caller to log.
/// A repository's build tree must not choose what the parser loads or runs (plugins, -Xclang, --config files, sysroots).
/// </summary>
/// <param name="Arguments">The kept flags, normalised for a parser: "-I/abs", "-DNAME=1", "-UNAME", "-std=c11", "-isystem" "/abs",
/// "-iquote" "/abs", "-include" "/abs/file.h", "-fvisibility=hidden", "-fshort-wchar", "-m32"/"-m64"; paths absolute.</param>
/// <param name="Standard">The last -std= value ("gnu11", "c++17"), or null.</param>
/// <param name="Visibility">The last -fvisibility= value ("hidden", "default"), or null.</param>
/// <param name="PointerBits">32 for -m32, 64 for -m64, null when neither is given.</param>
/// <param name="Dropped">Every flag not on the allow-list, as written (with its separate value, if it takes one).</param>
public sealed record CompileFlags(
    ImmutableArray<string> Arguments,
    ImmutableArray<string> IncludeDirectories, ImmutableArray<string> SystemIncludeDirectories, ImmutableArray<string> QuoteIncludeDirectories,
    ImmutableArray<string> Defines, ImmutableArray<string> Undefines, ImmutableArray<string> ForcedIncludes,
    string? Standard, string? Visibility, bool ShortWchar, int? PointerBits,
    ImmutableArray<string> Dropped)
{
    public static readonly CompileFlags Empty = new([], [], [], [], [], [], [], null, null, false, null, []);

    /// <summary>
    /// Applies the allow-list to a compiler's argument vector. The compiler (the first argument, when it is not a flag),
    /// "-c", "-o FILE" and the source file itself are the command's structure, not flags: neither kept nor reported.
    /// </summary>
    /// <param name="arguments">The arguments, already split (see <see cref="SplitCommandLine"/>).</param>
    /// <param name="directory">The working directory of the command: relative paths are resolved against it.</param>
    /// <param name="sourceFile">The translation unit, when known, so that it is not reported as dropped.</param>
    public static CompileFlags Filter(IEnumerable<string> arguments, string directory, string? sourceFile = null)
    {
        var args = arguments.ToList();
        var kept = ImmutableArray.CreateBuilder<string>();
        var includes = ImmutableArray.CreateBuilder<string>();
        var system = ImmutableArray.CreateBuilder<string>();
        var quote = ImmutableArray.CreateBuilder<string>();
        var defines = ImmutableArray.CreateBuilder<string>();
        var undefines = ImmutableArray.CreateBuilder<string>();
        var forced = ImmutableArray.CreateBuilder<string>();
        var dropped = ImmutableArray.CreateBuilder<string>();
        string? standard = null, visibility = null;
        var shortWchar = false;
        int? pointerBits = null;
        var source = sourceFile is null ? null : CMakePath.Combine(directory, sourceFile);

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && !arg.StartsWith('-'))
                continue;
            // A flag with a value, joined ("-Ifoo") or separate ("-I foo"); null when the separate value is missing.
            string? Value(string flag)
            {
                if (arg.Length > flag.Length)
                    return arg[flag.Length..].TrimStart('=');
                return i + 1 < args.Count ? args[++i] : null;
            }
            if (arg.StartsWith("-isystem", StringComparison.Ordinal))
            {
                if (Value("-isystem") is { } dir)
                {
                    var path = CMakePath.Combine(directory, dir);
                    system.Add(path);
                    kept.Add("-isystem");
                    kept.Add(path);
                }
            }
            else if (arg.StartsWith("-iquote", StringComparison.Ordinal))
            {
                if (Value("-iquote") is { } dir)
                {
                    var path = CMakePath.Combine(directory, dir);
                    quote.Add(path);
                    kept.Add("-iquote");
                    kept.Add(path);
                }
            }
            else if (arg.StartsWith("-include", StringComparison.Ordinal) && !arg.StartsWith("-include-", StringComparison.Ordinal))
            {
                if (Value("-include") is { } file)
                {
                    var path = CMakePath.Combine(directory, file);
                    forced.Add(path);
                    kept.Add("-include");
                    kept.Add(path);
                }
            }
            else if (arg.StartsWith("-I", StringComparison.Ordinal))
            {
                if (Value("-I") is { } dir)
                {
                    var path = CMakePath.Combine(directory, dir);
                    includes.Add(path);
                    kept.Add("-I" + path);
                }
            }
            else if (arg.StartsWith("-D", StringComparison.Ordinal))
            {
                if (Value("-D") is { Length: > 0 } define)
                {
                    defines.Add(define);
                    kept.Add("-D" + define);
                }
            }
            else if (arg.StartsWith("-U", StringComparison.Ordinal))
            {
                if (Value("-U") is { Length: > 0 } name)
                {
                    undefines.Add(name);
                    kept.Add("-U" + name);
                }
            }
            else if (arg.StartsWith("-std=", StringComparison.Ordinal))
            {
                standard = arg["-std=".Length..];
                kept.Add(arg);
            }
            else if (arg.StartsWith("-fvisibility=", StringComparison.Ordinal))
            {
                visibility = arg["-fvisibility=".Length..];
                kept.Add(arg);
            }
            else if (arg == "-fshort-wchar")
            {
                shortWchar = true;
                kept.Add(arg);
            }
            else if (arg is "-m32" or "-m64")
            {
                pointerBits = arg == "-m32" ? 32 : 64;
                kept.Add(arg);
            }
            else if (arg == "-c")
            {
            }
            else if (arg == "-o")
            {
                i++;
            }
            else if (source is not null && !arg.StartsWith('-') && CMakePath.Combine(directory, arg) == source)
            {
            }
            else if (arg is "-MF" or "-MT" or "-MQ" or "-Xclang" or "-x" or "-target" or "-arch" or "-isysroot" or "--sysroot" or "-imacros" or "-idirafter" or "-iprefix" or "-Xpreprocessor" or "-Xlinker")
            {
                // Flags that take a separate value: the value is dropped with them, not read as a source or flag.
                dropped.Add(i + 1 < args.Count ? arg + " " + args[++i] : arg);
            }
            else
            {
                dropped.Add(arg);
            }
        }
        return new CompileFlags(kept.ToImmutable(), includes.ToImmutable(), system.ToImmutable(), quote.ToImmutable(), defines.ToImmutable(),
            undefines.ToImmutable(), forced.ToImmutable(), standard, visibility, shortWchar, pointerBits, dropped.ToImmutable());
    }

    /// <summary>
    /// Splits a command line as a POSIX shell would for a plain command: whitespace separates words; single quotes are
    /// literal; in double quotes a backslash escapes '"', '\\', '$' and '`'; outside quotes a backslash escapes any
    /// character. An unterminated quote ends at the end of the text.
    /// </summary>
    public static ImmutableArray<string> SplitCommandLine(string command)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                    words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                if (end < 0)
                    end = command.Length;
                current.Append(command, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i++;
                while (i < command.Length && command[i] != '"')
                {
                    if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                        i++;
                    current.Append(command[i]);
                    i++;
                }
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                current.Append(command[++i]);
            }
            else
            {
                current.Append(c);
            }
        }
        if (inWord)
            words.Add(current.ToString());
        return words.ToImmutable();
    }
}
