using System.Collections.Immutable;
using HybridLsp.Syntax.Suppressions;

namespace HybridLsp.Syntax.Rust;

/// <summary>Reads `// hybrid-lsp: allow(HL2002, HL2005)` comments above a Rust item (the language-neutral <see cref="SuppressionComments"/>).</summary>
internal static class AllowComments
{
    public static ImmutableArray<string> Read(string text, int itemStart) => SuppressionComments.ReadAbove(text, itemStart);
}
