using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules.Fixes;

/// <summary>
/// HL1009 on a struct whose fields or packing differ: a plan that adds the native fields the C# struct lacks (exact C#
/// types, native names, native order), removes trailing C# fields no native field matches, and sets `Pack` — offered
/// only when the planned C# struct has the native layout on every target (checked with the same layout code the rule uses).
/// </summary>
/// <remarks>
/// Placement: when every C# field's name matches a native field's (ignoring case and underscores) in native order, the
/// missing fields go in between at their native places and nothing is removed. Otherwise fields pair by position (as the
/// rule compares them): native fields past the C# ones are appended, and C# fields past the native ones are removed
/// when their names match no native field. A native field without an exact C# scalar type (a nested struct, an array,
/// a pointer, a bool, a bitfield, a union) means no fix.
/// </remarks>
internal static partial class FixPlanner
{
    private sealed record NativeFieldPlan(string Name, string? CsType, bool Interop);

    private static readonly ImmutableArray<int?> s_packs = [null, 1, 2, 4, 8, 16];

    private static FindingFix? ForRustStructLayout(Binding.Binding binding, CsDeclared<CsStruct> cs, CrateItem<RustStruct> native)
    {
        var rs = native.Item;
        var crate = binding.Crate!;
        if (!rs.Repr.C || rs.IsUnion || rs.IsTuple || rs.HasGenerics || rs.Cfg is not null || rs.Fields.Any(f => f.Cfg is not null))
            return null;
        var probe = new RustAbiMapper(crate, TargetPlatforms.All[0]);
        var fields = rs.Fields.Select(f =>
            f.Type is RustPathType { GenericArgs.IsDefaultOrEmpty: true } path && s_exact.TryGetValue(path.Name, out var exact) && SameAbi(exact.CsType, probe.Map(f.Type))
                ? new NativeFieldPlan(f.Name, exact.CsType, exact.Interop)
                : new NativeFieldPlan(f.Name, null, false)).ToList();
        var context = CsMarshalContext.For(binding.Method, binding.Symbols.DisableRuntimeMarshalling);
        return PlanStructLayout(cs, rs.Name, "Rust", fields, rs.Repr.Packed, planned => TargetPlatforms.All.All(t =>
            SameLayout(new CsAbiMapper(binding.Symbols, t).MapStruct(planned, context), new RustAbiMapper(crate, t).MapStruct(rs), t)));
    }

    private static FindingFix? ForCStructLayout(Binding.Binding binding, CLibrary library, CsDeclared<CsStruct> cs, string nativeName)
    {
        var targets = library.Targets.Where(t => t.Value.Parsed).ToList();
        var records = targets.Select(t => t.Value.Records.GetValueOrDefault(nativeName)).ToList();
        if (records.Count == 0 || records.Any(r => r is null || !r.IsComplete || r.Kind != Syntax.C.CRecordKind.Struct || r.HasBitFields))
            return null;
        var first = records[0]!;
        // The same declaration on every target: field names and spellings (their layout may still differ per target).
        if (first.Fields.Any(f => f.Name.Length == 0) || records.Any(r => r!.Fields.Length != first.Fields.Length
            || r.Fields.Zip(first.Fields).Any(p => p.First.Name != p.Second.Name || p.First.Type.Spelling != p.Second.Type.Spelling)))
            return null;
        var fields = first.Fields.Select(f => CExact(f.Type) is { } exact ? new NativeFieldPlan(f.Name, exact.CsType, exact.Interop) : new NativeFieldPlan(f.Name, null, false)).ToList();
        int? packed = records.All(r => r!.IsPacked && r.Align == first.Align) ? (int)first.Align : null;
        var context = CsMarshalContext.For(binding.Method, binding.Symbols.DisableRuntimeMarshalling);
        return PlanStructLayout(cs, nativeName, library.Language, fields, packed, planned => targets.All(t =>
            SameLayout(new CsAbiMapper(binding.Symbols, t.Key).MapStruct(planned, context),
                new CAbiMapper(t.Value.Records.GetValueOrDefault, t.Value.Enums.GetValueOrDefault, t.Key).MapRecord(t.Value.Records[nativeName]), t.Key)));
    }

    /// <summary>Both sides lay out completely (nothing unknown inside) and the rule finds no struct difference.</summary>
    private static bool SameLayout(AbiType cs, AbiType native, TargetPlatform target) =>
        cs is AbiStruct { Layout.Unsupported: null } c && native is AbiStruct { Layout.Unsupported: null } n
        && c.Layout.Fields.All(f => f.Type is not AbiUnknown) && n.Layout.Fields.All(f => f.Type is not AbiUnknown)
        && AbiComparer.Compare(c, n, c.Name, n.Name, target)?.Rule != RuleCatalog.StructLayoutMismatch;

    private static StructLayoutFix? PlanStructLayout(CsDeclared<CsStruct> cs, string nativeName, string language, List<NativeFieldPlan> native,
        int? nativePack, Func<CsStruct, bool> hasNativeLayout)
    {
        var s = cs.Item;
        if (s.Layout.LayoutKind is "Explicit" or "Auto" || s.HasNativeMarshalling || s.IsRecord || native.Count == 0)
            return null;
        var inserts = ImmutableArray.CreateBuilder<StructFieldInsert>();
        var removed = ImmutableArray.CreateBuilder<TextSpan>();
        var planned = new List<CsField>();
        var nativeIndex = native.Select((f, i) => (Key: NormalizeMember(f.Name), i)).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var byName = s.Fields.Select(f => nativeIndex.TryGetValue(NormalizeMember(f.Name), out var i) ? i : -1).ToList();
        var inOrder = byName.All(i => i >= 0) && byName.Zip(byName.Skip(1)).All(p => p.First < p.Second);
        if (inOrder)
        {
            // Every C# field has its native namesake, in native order: the others go in between.
            TextSpan? after = null;
            var next = 0;
            for (var i = 0; i < native.Count; i++)
            {
                if (next < s.Fields.Length && byName[next] == i)
                {
                    planned.Add(s.Fields[next]);
                    after = s.Fields[next].NameSpan;
                    next++;
                }
                else if (Added(native[i], after) is { } field)
                    planned.Add(field);
                else
                    return null;
            }
        }
        else
        {
            // Paired by position: trailing native fields are appended, trailing C# fields with no native namesake removed.
            var kept = Math.Min(s.Fields.Length, native.Count);
            planned.AddRange(s.Fields.Take(kept));
            TextSpan? after = kept == 0 ? null : s.Fields[kept - 1].NameSpan;
            for (var i = kept; i < native.Count; i++)
            {
                if (Added(native[i], after) is not { } field)
                    return null;
                planned.Add(field);
            }
            foreach (var extra in s.Fields.Skip(kept))
            {
                if (nativeIndex.ContainsKey(NormalizeMember(extra.Name)))
                    return null;
                removed.Add(extra.NameSpan);
            }
        }
        // An added field must not clash with a C# field that stays.
        var keptNames = planned.Where(f => f.NameSpan != default).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (inserts.Any(f => keptNames.Contains(f.Name)) || inserts.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != inserts.Count)
            return null;

        var current = s.Layout.Pack is 0 ? null : s.Layout.Pack;
        var candidates = new List<int?>();
        if (nativePack is not null)
            candidates.Add(nativePack);
        candidates.Add(current);
        candidates.AddRange(s_packs);
        foreach (var pack in candidates.Distinct())
        {
            var layout = s.Layout with { Pack = pack, LayoutKind = s.Layout.LayoutKind ?? "Sequential" };
            if (!hasNativeLayout(s with { Fields = [.. planned], Layout = layout }))
                continue;
            var changePack = pack != current;
            if (inserts.Count == 0 && removed.Count == 0 && !changePack)
                return null;
            return new StructLayoutFix(cs.Path, s.NameSpan, s.FullSpan, s.Name, nativeName, language, inserts.ToImmutable(), removed.ToImmutable(), changePack, pack);
        }
        return null;

        CsField? Added(NativeFieldPlan field, TextSpan? after)
        {
            if (field.CsType is null)
                return null;
            inserts.Add(new StructFieldInsert(after, field.CsType, field.Name, field.Interop));
            return new CsField(field.Name, default, CsTypeOf(field.CsType), CsMarshalInfo.None, null, false, null);
        }
    }

    private static CsType CsTypeOf(string name) => name switch
    {
        "sbyte" => new CsPrimitiveType(default, CsPrimitive.SByte),
        "byte" => new CsPrimitiveType(default, CsPrimitive.Byte),
        "short" => new CsPrimitiveType(default, CsPrimitive.Short),
        "ushort" => new CsPrimitiveType(default, CsPrimitive.UShort),
        "int" => new CsPrimitiveType(default, CsPrimitive.Int),
        "uint" => new CsPrimitiveType(default, CsPrimitive.UInt),
        "long" => new CsPrimitiveType(default, CsPrimitive.Long),
        "ulong" => new CsPrimitiveType(default, CsPrimitive.ULong),
        "nint" => new CsPrimitiveType(default, CsPrimitive.NInt),
        "nuint" => new CsPrimitiveType(default, CsPrimitive.NUInt),
        "float" => new CsPrimitiveType(default, CsPrimitive.Float),
        "double" => new CsPrimitiveType(default, CsPrimitive.Double),
        _ => new CsNamedType(default, name, [], []),
    };
}
