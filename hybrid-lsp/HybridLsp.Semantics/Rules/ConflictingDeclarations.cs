using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Rules;

/// <summary>HL3001: the same entry point of the same library declared with different signatures in C#.</summary>
internal static class ConflictingDeclarations
{
    public static void Check(SemanticModel model, FindingSink sink)
    {
        var groups = model.Bindings
            .Where(b => b.Library is not null && b.Resolution != ResolutionKind.Unknown)
            .GroupBy(b => (Library: LibraryNames.Normalize(b.Library!).ToLowerInvariant(), b.EntryPoint));
        foreach (var group in groups)
        {
            var list = group.ToList();
            if (list.Count < 2)
                continue;
            // A declaration that already has a binding finding explains itself: the more specific rule wins.
            list = [.. list.Where(b => !sink.HasAnyWithin(b.Path, b.Method.FullSpan))];
            if (list.Count < 2)
                continue;
            var first = list[0];
            var firstKey = SignatureKey(first.Method);
            foreach (var other in list.Skip(1))
            {
                if (SignatureKey(other.Method) == firstKey)
                    continue;
                sink.Add(RuleCatalog.ConflictingDeclarations,
                    $"'{group.Key.EntryPoint}' of '{other.Library}' is declared as '{Display(other.Method)}' here but as '{Display(first.Method)}' in '{first.Method.Container}'",
                    other.Path, other.Method.NameSpan, group.Key.EntryPoint,
                    related: [new FindingLocation(first.Path, first.Method.NameSpan, $"other declaration of '{group.Key.EntryPoint}'")],
                    suppressed: other.Method.SuppressedCodes);
            }
        }
    }

    private static string SignatureKey(CsExternMethod m) =>
        string.Join("|", new[] { Marshal(m.ReturnMarshal) + m.ReturnType.Display, m.CharSet.ToString(), m.StringMarshalling.ToString(), m.CallingConvention.ToString() }
            .Concat(m.Parameters.Select(p => p.RefKind + " " + Marshal(p.Marshal) + p.Type.Display)));

    private static string Marshal(CsMarshalInfo info) => info.MarshalAs is { } a ? $"[{a.UnmanagedType}]" : info.HasCustomMarshaller ? "[custom]" : "";

    private static string Display(CsExternMethod m) =>
        $"{m.ReturnType.Display} {m.Name}({string.Join(", ", m.Parameters.Select(p => (p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.Display + " " + p.Name))})";
}
