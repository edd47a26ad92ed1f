using System.Collections.Immutable;
using HybridLsp.Syntax.C;

namespace HybridLsp.Tests.Syntax.C;

/// <summary>
/// Parses fixture text (STYLE §E: <c>//- /path</c> starts a file) with libclang; the first file is the main file.
/// The only test code that calls <see cref="ClangParser"/> for the C syntax tests.
/// </summary>
internal static class CFixture
{
    public const string LinuxX64 = "x86_64-unknown-linux-gnu";
    public const string LinuxArm64 = "aarch64-unknown-linux-gnu";
    public const string WinX64 = "x86_64-pc-windows-msvc";
    public const string WinX86 = "i686-pc-windows-msvc";
    public const string WinArm64 = "aarch64-pc-windows-msvc";
    public const string OsxX64 = "x86_64-apple-darwin";
    public const string OsxArm64 = "aarch64-apple-darwin";

    public static readonly string[] AllTargets = [LinuxX64, LinuxArm64, WinX64, WinX86, WinArm64, OsxX64, OsxArm64];

    public static ImmutableDictionary<string, string> Files(string fixture)
    {
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        string? path = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                if (path is not null)
                    files[path] = text.ToString();
                path = line[4..].Trim();
                text.Clear();
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }
        if (path is not null)
            files[path] = text.ToString();
        return files.ToImmutable();
    }

    public static CParseResult Parse(string fixture, string triple = LinuxX64, CLanguage language = CLanguage.C, params string[] extraFlags)
    {
        var files = Files(fixture);
        var main = fixture.Replace("\r\n", "\n").Split('\n').First(l => l.StartsWith("//- ", StringComparison.Ordinal))[4..].Trim();
        return ClangParser.Parse(ClangOptions.Default, new CParseRequest(main, files, triple, language, ExtraFlags: [.. extraFlags]), CancellationToken.None);
    }

    /// <summary>Parses and asserts there is no error diagnostic (all diagnostics are shown on failure).</summary>
    public static CParseResult ParseClean(string fixture, string triple = LinuxX64, CLanguage language = CLanguage.C, params string[] extraFlags)
    {
        var result = Parse(fixture, triple, language, extraFlags);
        Assert.True(result.Status == CParseStatus.Parsed, result.Message);
        var errors = result.Diagnostics.Where(d => d.Severity >= CSeverity.Error).Select(d => $"{d.Location?.File}:{d.Location?.Line}: {d.Message}").ToList();
        Assert.True(errors.Count == 0, $"{triple}: " + string.Join("\n", errors));
        return result;
    }

    public static CFunction Function(this CParseResult result, string name) => result.Functions.First(f => f.Name == name);

    public static CRecord Record(this CParseResult result, string name) => result.Records.First(r => r.Name == name);

    public static CTypedef Typedef(this CParseResult result, string name) => result.Typedefs.First(t => t.Name == name);

    public static CEnum Enum(this CParseResult result, string name) => result.Enums.First(e => e.Name == name);

    public static CField Field(this CRecord record, string name) => record.Fields.First(f => f.Name == name);
}
