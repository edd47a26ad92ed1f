using System.Text.RegularExpressions;

namespace HybridLsp.Server.Native;

/// <summary>
/// Reads compiler diagnostics from C/C++ build output line by line: gcc's and clang's
/// <c>file:line:col: error: message [-Wflag]</c> (also without a column, and <c>fatal error</c>), and CMake's own
/// <c>CMake Error at CMakeLists.txt:12 (add_library):</c> with the indented message lines that follow it.
/// Relative paths are resolved against the directory the tool ran in. Stateful only for CMake's multi-line messages.
/// </summary>
public sealed partial class CcOutput(string workingDirectory, string sourceDirectory)
{
    private (string Path, int Line, CompilerSeverity Severity, List<string> Text)? _cmake;

    [GeneratedRegex(@"^(?<file>(?:[A-Za-z]:)?[^:\s][^:]*):(?<line>\d+):(?:(?<col>\d+):)?\s*(?<sev>fatal error|error|warning|note):\s*(?<msg>.*?)(?:\s+\[(?<flag>-W[^\]]+)\])?$")]
    private static partial Regex CompilerLine();

    [GeneratedRegex(@"^CMake (?<sev>Error|Warning)(?: \(dev\))? at (?<file>.+?):(?<line>\d+) \((?<command>[^)]*)\):\s*$")]
    private static partial Regex CMakeLine();

    /// <summary>The messages this line completes: usually none or one; a CMake message ends on the first line after it that is not indented.</summary>
    public IEnumerable<CompilerMessage> Read(string line)
    {
        if (_cmake is { } pending)
        {
            if (line.StartsWith(' ') && line.Trim().Length > 0 || line.Length == 0 && pending.Text.Count == 0)
            {
                if (line.Trim().Length > 0)
                    pending.Text.Add(line.Trim());
                yield break;
            }
            _cmake = null;
            yield return new CompilerMessage(pending.Path, pending.Line, 0, pending.Line, 0, pending.Severity, string.Join(' ', pending.Text), null, "cmake");
        }
        if (CMakeLine().Match(line) is { Success: true } cmake)
        {
            _cmake = (Resolve(cmake.Groups["file"].Value, sourceDirectory), int.Parse(cmake.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                cmake.Groups["sev"].Value == "Error" ? CompilerSeverity.Error : CompilerSeverity.Warning, []);
            yield break;
        }
        if (CompilerLine().Match(line) is not { Success: true } m || !int.TryParse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture, out var lineNumber))
            yield break;
        var column = m.Groups["col"].Success && int.TryParse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0;
        var severity = m.Groups["sev"].Value switch
        {
            "warning" => CompilerSeverity.Warning,
            "note" => CompilerSeverity.Note,
            _ => CompilerSeverity.Error,
        };
        yield return new CompilerMessage(Resolve(m.Groups["file"].Value, workingDirectory), lineNumber, column, lineNumber, 0, severity,
            m.Groups["msg"].Value, m.Groups["flag"].Success ? m.Groups["flag"].Value : null, "cc");
    }

    /// <summary>A CMake message still waiting for its end when the output ends.</summary>
    public IEnumerable<CompilerMessage> Flush()
    {
        if (_cmake is { } pending)
            yield return new CompilerMessage(pending.Path, pending.Line, 0, pending.Line, 0, pending.Severity, string.Join(' ', pending.Text), null, "cmake");
        _cmake = null;
    }

    private static string Resolve(string file, string directory)
        => Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(directory, file)).Replace('\\', '/');
}
