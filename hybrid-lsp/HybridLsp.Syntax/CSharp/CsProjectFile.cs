using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CSharp;

/// <summary>The properties and items of a .csproj read as plain XML (no MSBuild evaluation: conditional elements are left out).</summary>
/// <param name="DefineConstants">Constants after `$(DefineConstants)` is folded away; framework symbols are not included (see <see cref="CsProjectReader.FrameworkSymbols"/>).</param>
/// <param name="EnableDefaultCompileItems">null when not written (the SDK default, true, applies).</param>
public sealed record CsProjectFile(
    string? AssemblyName,
    ImmutableArray<string> TargetFrameworks,
    ImmutableArray<string> DefineConstants,
    bool AllowUnsafeBlocks,
    bool? EnableDefaultCompileItems,
    ImmutableArray<string> CompileIncludes,
    ImmutableArray<string> CompileRemoves,
    ImmutableArray<string> ProjectReferences,
    ImmutableArray<SyntaxError> Errors);
