namespace HybridLsp.Server.Native;

public enum CompilerSeverity { Error, Warning, Note }

/// <summary>
/// One message of a compiler or build tool, at a place in a source file.
/// </summary>
/// <param name="Path">Absolute, '/'-separated.</param>
/// <param name="Line">1-based.</param>
/// <param name="Column">1-based, in characters as the tool counts them (rustc: characters; gcc/clang: bytes, which equal
/// characters for ASCII lines); 0 when the tool gave no column.</param>
/// <param name="EndLine">1-based; equal to <paramref name="Line"/> when the tool gave no range.</param>
/// <param name="EndColumn">1-based, exclusive; 0 for "to the end of the token".</param>
/// <param name="Code">rustc's error code ("E0308"), a gcc/clang warning option ("-Wunused-variable"), or null.</param>
/// <param name="Source">"rustc", "cc" (gcc/clang output) or "cmake".</param>
public sealed record CompilerMessage(
    string Path, int Line, int Column, int EndLine, int EndColumn, CompilerSeverity Severity, string Message, string? Code, string Source);
