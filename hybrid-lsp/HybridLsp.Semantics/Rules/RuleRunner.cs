using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;

namespace HybridLsp.Semantics.Rules;

/// <summary>Runs every rule over a semantic model, in a fixed order, into one sorted list.</summary>
internal static class RuleRunner
{
    public static ImmutableArray<Finding> Run(SemanticModel model, CancellationToken cancellationToken)
        => Run(model, ModelReuse.None, cancellationToken).Findings;

    /// <summary>
    /// The binding rules run per binding into a sink of their own — in parallel, or not at all for a binding the
    /// previous model already checked (<see cref="ModelReuse"/>) — and are merged in binding order, so the result is
    /// the one a single sequential sink gives (the first finding at an anchor wins).
    /// </summary>
    public static (ImmutableArray<Finding> Findings, IReadOnlyDictionary<Binding.Binding, ImmutableArray<Finding>> ByBinding) Run(
        SemanticModel model, ModelReuse reuse, CancellationToken cancellationToken)
    {
        var sink = new FindingSink(model.Config);
        WorkspaceRules.Run(model, sink);

        var bindings = model.Bindings;
        var perBinding = new ImmutableArray<Finding>[bindings.Length];
        var todo = new List<int>();
        for (var i = 0; i < bindings.Length; i++)
        {
            if (reuse.TryFindings(bindings[i], out var cached))
                perBinding[i] = cached;
            else
                todo.Add(i);
        }
        Parallel.ForEach(todo, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var own = new FindingSink(model.Config);
            SignatureRules.Check(model, bindings[i], own);
            perBinding[i] = own.InOrder();
        });
        cancellationToken.ThrowIfCancellationRequested();
        var byBinding = new Dictionary<Binding.Binding, ImmutableArray<Finding>>(bindings.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < bindings.Length; i++)
        {
            foreach (var finding in perBinding[i])
                sink.Add(finding);
            byBinding[bindings[i]] = perBinding[i];
        }

        ConflictingDeclarations.Check(model, sink);
        cancellationToken.ThrowIfCancellationRequested();
        NativeRules.Check(model, sink);
        return (sink.ToSortedArray(), byBinding);
    }
}
