using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;

namespace HybridLsp.Semantics.Rules;

/// <summary>Runs every rule over a semantic model, in a fixed order, into one sorted list.</summary>
internal static class RuleRunner
{
    public static ImmutableArray<Finding> Run(SemanticModel model, CancellationToken cancellationToken)
    {
        var sink = new FindingSink(model.Config);
        WorkspaceRules.Run(model, sink);
        foreach (var binding in model.Bindings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SignatureRules.Check(model, binding, sink);
        }
        ConflictingDeclarations.Check(model, sink);
        cancellationToken.ThrowIfCancellationRequested();
        NativeRules.Check(model, sink);
        UnusedSuppressions.Check(model, sink);
        return sink.ToSortedArray();
    }
}
