using HybridLsp.Semantics.Binding;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Rules;

/// <summary>HL3001: the same entry point of the same library declared with different signatures in C#.</summary>
internal static class ConflictingDeclarations
{
    public static void Check(SemanticModel model, FindingSink sink)
    {
        // Different projects (a Unity sandbox and a .NET one) may declare one export in different but equivalent ways.
        // Grouped by entry point and project first, without allocating: only the rare entry point declared twice pays
        // for normalising library names. (The order of the groups does not matter: each finding lies in its own group.)
        // A key maps to the index of its first binding; only keys seen twice get a list.
        var first = new Dictionary<(string EntryPoint, string? Project), int>(model.Bindings.Length);
        Dictionary<(string EntryPoint, string? Project), List<Binding.Binding>>? repeated = null;
        for (var i = 0; i < model.Bindings.Length; i++)
        {
            var binding = model.Bindings[i];
            if (binding.Library is null || binding.Resolution == ResolutionKind.Unknown)
                continue;
            var key = (binding.EntryPoint, binding.File.ProjectPath);
            if (first.TryAdd(key, i))
                continue;
            repeated ??= [];
            if (!repeated.TryGetValue(key, out var list))
                repeated[key] = list = [model.Bindings[first[key]]];
            list.Add(binding);
        }
        if (repeated is null)
            return;
        var groups = repeated.Values
            .SelectMany(l => l.GroupBy(b => (Library: LibraryNames.Normalize(b.Library!).ToLowerInvariant(), b.EntryPoint, Project: b.File.ProjectPath)));
        foreach (var group in groups)
        {
            var list = group.ToList();
            if (list.Count < 2)
                continue;
            // A declaration that already has a binding finding explains itself: the more specific rule wins.
            list = [.. list.Where(b => !sink.HasAnyWithin(b.Path, b.Method.FullSpan))];
            if (list.Count < 2)
                continue;
            var head = list[0];
            var headKey = AbiKey(head, model);
            foreach (var other in list.Skip(1))
            {
                if (AbiKey(other, model) == headKey)
                    continue;
                sink.Add(RuleCatalog.ConflictingDeclarations,
                    $"'{group.Key.EntryPoint}' of '{other.Library}' is declared as '{Display(other.Method)}' here but as '{Display(head.Method)}' in '{head.Method.Container}'",
                    other.Path, other.Method.NameSpan, group.Key.EntryPoint,
                    related: [new FindingLocation(head.Path, head.Method.NameSpan, $"other declaration of '{group.Key.EntryPoint}'")],
                    suppressed: other.Method.SuppressedCodes);
            }
        }
    }

    /// <summary>
    /// What the declaration passes on every configured target, as ABI descriptions: `void*` and `Handle*`, a delegate and
    /// a `delegate* unmanaged`, `int` and an int-backed enum are the same; `int` and `long`, or BOOL and bool are not.
    /// </summary>
    private static string AbiKey(Binding.Binding binding, SemanticModel model)
    {
        var m = binding.Method;
        var context = Abi.CsMarshalContext.For(m, binding.Symbols.DisableRuntimeMarshalling);
        var parts = new List<string>();
        foreach (var target in model.Config.Targets)
        {
            var mapper = new Abi.CsAbiMapper(binding.Symbols, target);
            parts.Add(Key(mapper.MapReturn(m, context), target));
            parts.AddRange(m.Parameters.Select(p => Key(mapper.MapParameter(p, context, m.Container), target)));
            parts.Add(m.CallingConvention.ToString());
        }
        return string.Join("|", parts);
    }

    /// <summary>
    /// Overloads of one entry point that pass the same bits are deliberate (`string` and `byte*`, `SafeHandle` and
    /// `IntPtr`, `int` and `uint`): only a difference in what crosses the boundary is a conflict.
    /// </summary>
    private static string Key(Abi.AbiType type, Targets.TargetPlatform target) => type switch
    {
        Abi.AbiPointer or Abi.AbiString or Abi.AbiFunctionPointer or Abi.AbiInt { PlatformName: "nint" or "nuint" } => "pointer",
        Abi.AbiEnum e => $"int{e.Underlying.Bytes}",
        Abi.AbiInt i => $"int{i.Bytes}",
        Abi.AbiChar c => $"int{c.Bytes}",
        Abi.AbiFloat f => $"float{f.Bytes}",
        Abi.AbiBool b => $"bool{b.Bytes}",
        Abi.AbiVoid => "void",
        Abi.AbiStruct s => $"struct{s.Layout.Size}",
        _ => "?",
    };

    private static string Display(CsExternMethod m) =>
        $"{m.ReturnType.Display} {m.Name}({string.Join(", ", m.Parameters.Select(p => (p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.Display + " " + p.Name))})";
}
