using System.Collections.Immutable;
using HybridLsp.Semantics.Rules;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Config;

/// <summary>`[libraries.NAME]`: where the native side of a library lives when name matching is not enough.</summary>
/// <param name="Crate">Folder of the crate's Cargo.toml, absolute.</param>
/// <param name="CmakeTarget">`cmake-target`: the CMake library target (its name, not OUTPUT_NAME); null means the library name.</param>
/// <param name="Headers">`headers`: header files or folders of headers of a C library this repository does not build, absolute.</param>
/// <param name="Include">`include`: extra include directories for parsing the library's headers, absolute.</param>
/// <param name="Defines">`defines`: extra preprocessor definitions ("NAME" or "NAME=VALUE") for parsing its headers.</param>
/// <param name="Language">`language`: "c" or "cpp"; null to decide by file extension.</param>
public sealed record LibraryConfig(string Name, string? Crate, string? CmakeTarget, ImmutableArray<string> Headers, ImmutableArray<string> Include, ImmutableArray<string> Defines, string? Language, TextSpan Span)
{
    /// <summary>`cmake`: the folder of the CMakeLists.txt whose project builds the library (absolute), when it is not the workspace's top-level CMake project.</summary>
    public string? Cmake { get; init; }

    /// <summary>`build-dir`: the CMake build directory (absolute) whose compile_commands.json or File API reply gives the library's flags; searched first.</summary>
    public string? BuildDir { get; init; }

    /// <summary>The library is built by a CMake project (`cmake` or `cmake-target` is given).</summary>
    public bool IsCmake => Cmake is not null || CmakeTarget is not null;
}

/// <summary>A problem in hybrid-lsp.toml: HL0004, an error unless it is an unknown key (warning).</summary>
public sealed record ConfigProblem(TextSpan Span, string Message, bool IsUnknownKey);

/// <summary>The validated contents of hybrid-lsp.toml; defaults for everything absent or invalid (DESIGN §4.2).</summary>
public sealed record HybridConfig(
    string? Path,
    ImmutableArray<TargetPlatform> Targets,
    ImmutableArray<string> Exclude,
    long MaxFileSize,
    ImmutableDictionary<string, LibraryConfig> Libraries,
    ImmutableDictionary<string, RuleSeverity> RuleSeverities,
    ImmutableArray<string> CSharpDefines,
    string? DocsBase,
    ImmutableArray<ConfigProblem> Problems)
{
    public const long DefaultMaxFileSize = 5L * 1024 * 1024;

    public static readonly HybridConfig Default = new(
        null, TargetPlatforms.Default, [], DefaultMaxFileSize,
        ImmutableDictionary<string, LibraryConfig>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
        ImmutableDictionary<string, RuleSeverity>.Empty, [], null, []);

    /// <summary>`baseline = "path"`: the baseline file (absolute) whose findings are shown as hints; null when none.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Where `baseline =` is written in the configuration file (problems with the baseline file are reported there).</summary>
    public TextSpan BaselineSpan { get; init; }

    /// <summary>`cmake-build-dir = "path"`: a CMake build directory (absolute) searched first for every CMake library's flags; null when none.</summary>
    public string? CMakeBuildDir { get; init; }

    public RuleSeverity SeverityOf(RuleDescriptor rule) => RuleSeverities.TryGetValue(rule.Code, out var s) ? s : rule.DefaultSeverity;
}
