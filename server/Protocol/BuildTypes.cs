using System.Text.Json;

namespace HybridLsp.Server.Protocol;

// hybridLsp.build, hybridLsp.wire and textDocument/codeLens (LSP 3.17), only what the server uses.

/// <summary>The argument of `hybridLsp.build`: a module folder (absolute or relative to the workspace root) or the root itself.</summary>
public sealed record BuildArguments(string? Module = null, bool? Release = null);

/// <summary>The result of `hybridLsp.build`.</summary>
/// <param name="Succeeded">Every build succeeded and every bound entry point is exported.</param>
/// <param name="Message">One line for the user (also shown with window/showMessage).</param>
public sealed record BuildCommandResult(bool Succeeded, BuildUnitResult[] Units, string Message);

/// <param name="System">"cargo" or "cmake".</param>
/// <param name="Errors">How many compiler errors (each also a diagnostic on its file).</param>
public sealed record BuildUnitResult(string System, string Directory, bool Succeeded, string? Error, int Errors, int Warnings, BuiltLibraryResult[] Libraries);

/// <param name="Path">The produced shared library (absolute).</param>
/// <param name="Checked">Bound entry points looked up in its export table.</param>
public sealed record BuiltLibraryResult(string Module, string Path, string Format, int Checked, MissingExportResult[] Missing, string? ReadError);

/// <param name="Uri">The C# file of the extern.</param>
public sealed record MissingExportResult(string EntryPoint, string Method, string Uri, Range Range);

/// <summary>The argument of `hybridLsp.wire`.</summary>
public sealed record WireArguments(string Project, string Module);

/// <summary>The result of `hybridLsp.wire`: <paramref name="Changed"/> false when the project already builds the module exactly so.</summary>
public sealed record WireCommandResult(bool Applied, bool Changed, string Project, string Message);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record LspCommand(string Title, string Command, JsonElement[]? Arguments = null);

public sealed record CodeLens(Range Range, LspCommand? Command = null);

/// <summary>`window/showMessage`: type 1 error, 2 warning, 3 info.</summary>
public sealed record ShowMessageParams(int Type, string Message);
