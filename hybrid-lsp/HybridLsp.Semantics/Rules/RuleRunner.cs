using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;

namespace HybridLsp.Semantics.Rules;

/// <summary>Runs every rule over a semantic model, in a fixed order, into one sorted list.</summary>
internal static class RuleRunner
{
    public static ImmutableArray<Finding> Run(SemanticModel model, CancellationToken cancellationToken)
        => Run(model, ModelReuse.None, cancellationToken).Findings;

    /// <summary>The suppressions (path, code, span) one binding's rules used: reused with its findings, so HL0005 stays right.</summary>
    internal sealed record UsedSuppressions(ImmutableArray<(string Path, string Code, Syntax.Text.TextSpan Span)> Records)
    {
        /// <summary>No suppression used (most bindings): one shared instance.</summary>
        public static readonly UsedSuppressions None = new([]);
    }

    /// <summary>
    /// The binding rules run per binding into a sink of their own — in parallel, or not at all for a binding the
    /// previous model already checked (<see cref="ModelReuse"/>) — and are merged in binding order, so the result is
    /// the one a single sequential sink gives (the first finding at an anchor wins).
    /// </summary>
    public static (ImmutableArray<Finding> Findings, IReadOnlyDictionary<Model.RustCrate, NativeRules.CrateFindings> NativeByCrate) Run(
        SemanticModel model, ModelReuse reuse, CancellationToken cancellationToken)
    {
        var sink = new FindingSink(model.Config);
        WorkspaceRules.Run(model, sink);
        model.Times.Mark("workspace rules");

        var bindings = model.Bindings;
        var perBinding = new ImmutableArray<Finding>[bindings.Length];
        var usedPerBinding = new UsedSuppressions[bindings.Length];
        var todo = new List<int>();
        var previousIndex = model.PreviousIndex;
        for (var i = 0; i < bindings.Length; i++)
        {
            if (previousIndex.Length > 0 && previousIndex[i] >= 0)
                (perBinding[i], usedPerBinding[i]) = reuse.Findings(previousIndex[i]);
            else if (reuse.TryEquivalentFindings(bindings[i], out var same, out var sameUsed))
                (perBinding[i], usedPerBinding[i]) = (same, sameUsed);
            else
                todo.Add(i);
        }
        Parallel.ForEach(todo, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var own = new FindingSink(model.Config);
            SignatureRules.Check(model, bindings[i], own);
            perBinding[i] = own.InOrder();
            usedPerBinding[i] = own.UsedSuppressions();
        });
        model.Times.Mark($"binding rules ({todo.Count} of {bindings.Length})");
        cancellationToken.ThrowIfCancellationRequested();
        for (var i = 0; i < bindings.Length; i++)
        {
            foreach (var finding in perBinding[i])
                sink.Add(finding);
            if (!usedPerBinding[i].Records.IsEmpty)
                sink.AddSuppressionRecords(usedPerBinding[i].Records);
        }
        model.BindingFindings = perBinding;
        model.BindingSuppressions = usedPerBinding;

        model.Times.Mark("merge binding findings");
        ConflictingDeclarations.Check(model, sink);
        model.Times.Mark("conflicting declarations");
        cancellationToken.ThrowIfCancellationRequested();
        var nativeByCrate = NativeRules.Check(model, reuse, sink, cancellationToken);
        model.Times.Mark("native rules");
        UnusedSuppressions.Check(model, sink);
        model.Times.Mark("unused suppressions");
        var sorted = sink.ToSortedArray();
        model.Times.Mark("sort findings");
        return (sorted, nativeByCrate);
    }
}
