using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Rules.Fixes;

/// <summary>
/// Certain fixes of struct and enum findings (HL1009 a field's scalar type, else the struct's fields and Pack, HL1010 an enum's underlying type on either side,
/// HL1015 a C# enum's values). Null unless both declarations are in a shape the edit understands and every value fits.
/// </summary>
internal static partial class FixPlanner
{
    private static readonly ImmutableDictionary<string, (string CsType, long Min, ulong Max)> s_enumReprs = new Dictionary<string, (string, long, ulong)>
    {
        ["i8"] = ("sbyte", sbyte.MinValue, (ulong)sbyte.MaxValue), ["u8"] = ("byte", 0, byte.MaxValue),
        ["i16"] = ("short", short.MinValue, (ulong)short.MaxValue), ["u16"] = ("ushort", 0, ushort.MaxValue),
        ["i32"] = ("int", int.MinValue, int.MaxValue), ["u32"] = ("uint", 0, uint.MaxValue),
        ["i64"] = ("long", long.MinValue, long.MaxValue), ["u64"] = ("ulong", 0, ulong.MaxValue),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>A fix for a finding on a member of a struct or enum the binding uses.</summary>
    public static FindingFix? ForMember(Binding.Binding binding, RuleDescriptor rule, MemberDifference member)
    {
        if (binding.CLibrary is { } library)
            return ForCMember(binding, library, rule, member);
        if (binding.Crate is not { } crate)
            return null;
        var ns = CsAbiMapper.Namespace(binding.Method.Container);
        if (rule == RuleCatalog.EnumSizeMismatch && binding.Symbols.FindEnum(member.CsTypeName, ns) is { } ce && crate.FindEnum(member.NativeTypeName) is { } re)
            return ForEnumSize(binding.Symbols, ce, re);
        if (rule == RuleCatalog.EnumValueMismatch && binding.Symbols.FindEnum(member.CsTypeName, ns) is { } ce2 && crate.FindEnum(member.NativeTypeName) is { } re2)
            return ForEnumValues(binding.Symbols, ce2, re2);
        if (rule == RuleCatalog.StructLayoutMismatch && binding.Symbols.FindStruct(member.CsTypeName, ns) is { } cs && crate.FindStruct(member.NativeTypeName) is { } rs)
        {
            // Namesakes that differ in type get the field's type; otherwise the fields themselves (or Pack) are what differ.
            if (member.CsMember is { } csField && member.NativeMember is { } nativeField && NormalizeMember(csField) == NormalizeMember(nativeField))
                return ForStructField(binding, cs, rs, csField, nativeField) ?? ForRustStructLayout(binding, cs, rs);
            return ForRustStructLayout(binding, cs, rs)
                ?? (member.CsMember is { } a && member.NativeMember is { } b ? ForStructField(binding, cs, rs, a, b) : null);
        }
        return null;
    }

    private static FindingFix? ForEnumSize(CsSymbols symbols, CsDeclared<CsEnum> cs, CrateItem<RustEnum> native)
    {
        var rust = native.Item;
        if (rust.Repr.C || rust.Repr.Int is not { } repr || !s_enumReprs.TryGetValue(repr, out var target) || rust.Cfg is not null)
            return null;
        // C# side: the Rust repr's exact C# type, when every C# value fits it.
        FindingFix? csFix = CsValues(symbols, cs.Item) is { } csValues && csValues.All(v => Fits(v.Value, target))
            ? new EnumUnderlyingFix(cs.Path, cs.Item.NameSpan, cs.Item.FullSpan, target.CsType) : null;
        // Rust side: the C# underlying type as the repr, when every discriminant fits it.
        var csRepr = s_enumReprs.FirstOrDefault(p => p.Value.CsType == CsKeyword(cs.Item.Underlying));
        FindingFix? rustFix = csRepr.Key is { } newRepr && RustValues(rust) is { } rustValues && rustValues.All(v => Fits(v.Value, csRepr.Value))
            ? new RustEnumReprFix(native.Path, rust.FullSpan, rust.NameSpan, repr, newRepr) : null;
        return (csFix, rustFix) switch
        {
            ({ } c, { } r) => new EitherSideFix(c, r),
            ({ } c, null) => c,
            (null, { } r) => r,
            _ => null,
        };
    }

    private static FindingFix? ForEnumValues(CsSymbols symbols, CsDeclared<CsEnum> cs, CrateItem<RustEnum> native)
    {
        var rust = native.Item;
        if (cs.Item.IsFlags || rust.Cfg is not null || RustValues(rust) is not { } rustValues)
            return null;
        var byName = rustValues.ToDictionary(v => NormalizeMember(v.Name), StringComparer.Ordinal);
        var members = ImmutableArray.CreateBuilder<EnumMemberValue>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in cs.Item.Members)
        {
            // A C# member Rust does not have cannot be removed with certainty (C# code may use it).
            if (!byName.TryGetValue(NormalizeMember(m.Name), out var rv) || !matched.Add(rv.Name))
                return null;
            members.Add(new EnumMemberValue(m.NameSpan, m.Value?.Span, rv.Value));
        }
        var added = rustValues.Where(v => !matched.Contains(v.Name)).Select(v => (v.Name, v.Value)).ToImmutableArray();
        var underlying = s_enumReprs.Values.FirstOrDefault(r => r.CsType == CsKeyword(cs.Item.Underlying));
        if (underlying.CsType is null || rustValues.Any(v => !Fits(v.Value, underlying)))
            return null;
        return new EnumValuesFix(cs.Path, cs.Item.FullSpan, cs.Item.Name, rust.Name, members.ToImmutable(), added);
    }

    /// <summary>HL1009 on a field whose Rust type is a scalar with an exact C# type: change the C# field's type.</summary>
    private static FindingFix? ForStructField(Binding.Binding binding, CsDeclared<CsStruct> cs, CrateItem<RustStruct> native, string csFieldName, string nativeFieldName)
    {
        if (cs.Item.Layout.LayoutKind == "Explicit" || cs.Item.HasNativeMarshalling)
            return null;
        var csField = cs.Item.Fields.FirstOrDefault(f => f.Name == csFieldName);
        var rustField = native.Item.Fields.FirstOrDefault(f => f.Name == nativeFieldName);
        if (csField is null || rustField is null || rustField.Cfg is not null || csField.Marshal.MarshalAs is not null || csField.IsFixedBuffer || !IsScalarCsType(csField.Type))
            return null;
        if (rustField.Type is not RustPathType { GenericArgs.IsDefaultOrEmpty: true } path || !s_exact.TryGetValue(path.Name, out var exact) || csField.Type.Display == exact.CsType)
            return null;
        // The name must mean what it says in this crate (no local alias named like a C type); the platform name is the same on every target.
        var mapped = new RustAbiMapper(binding.Crate!, Targets.TargetPlatforms.All[0]).Map(rustField.Type);
        if (!SameAbi(exact.CsType, mapped))
            return null;
        return new ChangeTypeFix(cs.Path, csField.Type.Span, exact.CsType, exact.Interop);
    }

    private static string CsKeyword(CsPrimitive p) => new CsPrimitiveType(default, p).Display;

    private static bool Fits(long value, (string CsType, long Min, ulong Max) range) =>
        value >= range.Min && (value < 0 || (ulong)value <= range.Max);

    private static string NormalizeMember(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Every C# member's value (implicit ones counted on from the previous), or null when one cannot be folded.</summary>
    private static List<(string Name, long Value)>? CsValues(CsSymbols symbols, CsEnum e)
    {
        var result = new List<(string, long)>();
        long next = 0;
        foreach (var m in e.Members)
        {
            long value;
            if (m.Value is null)
                value = next;
            else if (CsSymbols.ToLong(symbols.Evaluate(m.Value, e.FullName)) is { } v)
                value = v;
            else
                return null;
            result.Add((m.Name, value));
            next = value + 1;
        }
        return result;
    }

    /// <summary>Every Rust variant's discriminant, or null when one is not an integer literal, has fields or a cfg.</summary>
    private static List<(string Name, long Value)>? RustValues(RustEnum e)
    {
        var result = new List<(string, long)>();
        long next = 0;
        foreach (var v in e.Variants)
        {
            if (v.HasFields || v.Cfg is not null || v.DiscriminantText is not null && v.Discriminant is null)
                return null;
            var value = v.Discriminant ?? next;
            result.Add((v.Name, value));
            next = value + 1;
        }
        return result;
    }
}
