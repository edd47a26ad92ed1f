namespace HybridLsp.Server.Protocol;

// hybridLsp.extract (server/LSP-EXTENSIONS.md).

/// <summary>The argument of `hybridLsp.extract`: the method (a document position inside it), the language and the optional choices.</summary>
/// <param name="Wire">False: never wire the module into the method's project (default true: wired in a trusted workspace).</param>
public sealed record ExtractArguments(string Uri, Position Position, string Language, string? Into = null, string? Name = null, bool? Wire = null);

/// <summary>A construct that keeps the method managed: its 1-based line and why.</summary>
public sealed record ExtractBlockerInfo(int Line, string Reason);

/// <summary>The result of `hybridLsp.extract`.</summary>
/// <param name="Files">The absolute paths the edit changes or creates.</param>
/// <param name="Method">After an applied edit: the method that now calls native code (its original is `<Method>Managed`).</param>
/// <param name="Module">After an applied edit: the crate or library folder (absolute) to build, wire and benchmark next.</param>
/// <param name="Project">After an applied edit: the .csproj of the method's file (absolute), the project to wire the module into.</param>
/// <param name="Wired">After an applied edit: `dotnet build` of <paramref name="Project"/> builds the module (the edit wired it, or it already did).</param>
/// <param name="WireNote">After an applied edit: what was done about wiring, or why the project was not wired.</param>
public sealed record ExtractCommandResult(
    bool Applied, string? Title, string[] Files, string Message, ExtractBlockerInfo[] Blockers,
    string? Method = null, string? Module = null, string? Project = null, bool Wired = false, string? WireNote = null);
