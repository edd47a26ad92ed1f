using System.Collections.Immutable;

namespace HybridLsp.Syntax.CSharp;

/// <summary>How <see cref="CsExtractor"/> reads one file.</summary>
/// <param name="PreprocessorSymbols">Symbols defined for `#if` (DefineConstants and framework symbols).</param>
/// <param name="CollectInvocations">Also collect call sites; off for `check`, which needs no references.</param>
public sealed record CsExtractOptions(ImmutableArray<string> PreprocessorSymbols, bool CollectInvocations = true)
{
    public static readonly CsExtractOptions Default = new(ImmutableArray<string>.Empty);
}
