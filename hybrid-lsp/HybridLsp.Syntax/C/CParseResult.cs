using System.Collections.Immutable;

namespace HybridLsp.Syntax.C;

/// <summary>How a parse ended. Only <see cref="Parsed"/> carries declarations; the others carry a message.</summary>
public enum CParseStatus
{
    /// <summary>libclang produced a translation unit (possibly with errors: see the diagnostics).</summary>
    Parsed,
    /// <summary>libclang could not be loaded; the message says why and how to point at one.</summary>
    Unavailable,
    /// <summary>The parse took longer than the request's time limit.</summary>
    TimedOut,
    /// <summary>The caller's cancellation token fired first.</summary>
    Cancelled,
    /// <summary>libclang returned no translation unit (bad arguments, crash inside libclang).</summary>
    Failed,
}

/// <summary>Everything one translation unit declares in workspace files, as plain immutable data.</summary>
/// <param name="Status">How the parse ended.</param>
/// <param name="Message">Why there is no translation unit (for every status but <see cref="CParseStatus.Parsed"/>).</param>
/// <param name="Diagnostics">clang's diagnostics, in clang's order (capped at 200).</param>
/// <param name="Functions">Function declarations and definitions in workspace files, in source order, each occurrence once.</param>
/// <param name="Records">Structs, unions and classes in workspace files (definitions, or the forward declaration when none is seen).</param>
/// <param name="Enums">Enums defined in workspace files.</param>
/// <param name="Typedefs">Typedefs and C++ alias declarations in workspace files.</param>
/// <param name="IncludedFiles">Every file the translation unit read, the main file first (workspace, builtin and system).</param>
/// <param name="DroppedFlags">Extra flags that are not on the allow-list and were not passed to libclang.</param>
public sealed record CParseResult(
    CParseStatus Status,
    string? Message,
    ImmutableArray<CDiagnostic> Diagnostics,
    ImmutableArray<CFunction> Functions,
    ImmutableArray<CRecord> Records,
    ImmutableArray<CEnum> Enums,
    ImmutableArray<CTypedef> Typedefs,
    ImmutableArray<string> IncludedFiles,
    ImmutableArray<string> DroppedFlags)
{
    internal static CParseResult Empty(CParseStatus status, string message, ImmutableArray<string> droppedFlags = default) =>
        new(status, message, [], [], [], [], [], [], droppedFlags.IsDefault ? [] : droppedFlags);

    /// <summary>Time libclang spent parsing (wall clock, on the parse thread), for logs and benchmarks.</summary>
    public TimeSpan ParseTime { get; init; }

    /// <summary>Time spent reading declarations out of the parsed translation unit.</summary>
    public TimeSpan ExtractTime { get; init; }

    /// <summary>The first error or fatal diagnostic, if any (the text HL0003 shows).</summary>
    public CDiagnostic? FirstError => Diagnostics.FirstOrDefault(d => d.Severity >= CSeverity.Error);
}
