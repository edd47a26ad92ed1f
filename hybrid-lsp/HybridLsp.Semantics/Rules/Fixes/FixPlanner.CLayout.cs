using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Rules.Fixes;

/// <summary>
/// The C/C++ counterparts of the struct and enum fixes: HL1009 a C# field whose C field is a scalar with an exact C# type (else the struct's fields and Pack),
/// HL1010 a C# enum's underlying type to the C enum's size, HL1015 a C# enum's values to the C enumerators' — the C# side
/// only, and only when the C declaration is the same on every parsed target.
/// </summary>
internal static partial class FixPlanner
{
    private static FindingFix? ForCMember(Binding.Binding binding, CLibrary library, RuleDescriptor rule, MemberDifference member)
    {
        var ns = Abi.CsAbiMapper.Namespace(binding.Method.Container);
        var parsed = library.Targets.Values.Where(t => t.Parsed).ToList();
        if (parsed.Count == 0 || parsed.Any(t => t.Incomplete))
            return null;
        if ((rule == RuleCatalog.EnumSizeMismatch || rule == RuleCatalog.EnumValueMismatch) && binding.Symbols.FindEnum(member.CsTypeName, ns) is { } ce)
        {
            var enums = parsed.Select(t => t.Enums.GetValueOrDefault(member.NativeTypeName)).ToList();
            if (enums.Any(e => e is null) || cs(enums[0]!) is not { } values || enums.Any(e => e!.IntegerType.Size != enums[0]!.IntegerType.Size || cs(e!) is not { } v || !v.SequenceEqual(values)))
                return null;
            var size = enums[0]!.IntegerType.Size;
            if (rule == RuleCatalog.EnumSizeMismatch)
            {
                // The signed type of that size when every C# value fits it (compilers disagree on the signedness of a C enum's type, never on its size).
                if (CsValues(binding.Symbols, ce.Item) is not { } csValues)
                    return null;
                var choice = s_enumReprs.Values.Where(r => SizeOf(r.CsType) == size).OrderBy(r => r.Min < 0 ? 0 : 1)
                    .FirstOrDefault(r => csValues.All(x => Fits(x.Value, r)) && values.All(x => Fits(x.Value, r)));
                return choice.CsType is null ? null : new EnumUnderlyingFix(ce.Path, ce.Item.NameSpan, ce.Item.FullSpan, choice.CsType);
            }
            if (ce.Item.IsFlags)
                return null;
            var byName = values.ToDictionary(x => NormalizeMember(x.Name), StringComparer.Ordinal);
            var members = System.Collections.Immutable.ImmutableArray.CreateBuilder<EnumMemberValue>();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in ce.Item.Members)
            {
                if (!byName.TryGetValue(NormalizeMember(m.Name), out var cv) || !matched.Add(cv.Name))
                    return null;
                members.Add(new EnumMemberValue(m.NameSpan, m.Value?.Span, cv.Value));
            }
            var underlying = s_enumReprs.Values.FirstOrDefault(r => r.CsType == CsKeyword(ce.Item.Underlying));
            if (underlying.CsType is null || values.Any(x => !Fits(x.Value, underlying)))
                return null;
            return new EnumValuesFix(ce.Path, ce.Item.FullSpan, ce.Item.Name, member.NativeTypeName, members.ToImmutable(),
                [.. values.Where(x => !matched.Contains(x.Name)).Select(x => (x.Name, x.Value))]) { NativeLanguage = library.Language };
        }
        if (rule == RuleCatalog.StructLayoutMismatch && binding.Symbols.FindStruct(member.CsTypeName, ns) is { } cstruct)
        {
            // Namesakes that differ in type get the field's type; otherwise the fields themselves (or Pack) are what differ.
            return member.CsMember is { } a && member.NativeMember is { } b && NormalizeMember(a) == NormalizeMember(b)
                ? ForCStructField(cstruct, member, parsed) ?? ForCStructLayout(binding, library, cstruct, member.NativeTypeName)
                : ForCStructLayout(binding, library, cstruct, member.NativeTypeName) ?? ForCStructField(cstruct, member, parsed);
        }
        return null;

        static List<(string Name, long Value)>? cs(Syntax.C.CEnum e) =>
            e.Constants.All(c => c.Value >= long.MinValue && c.Value <= long.MaxValue) ? [.. e.Constants.Select(c => (c.Name, (long)c.Value))] : null;
    }

    private static FindingFix? ForCStructField(CsDeclared<CsStruct> cstruct, MemberDifference member, List<CLibraryTarget> parsed)
    {
        if (member.CsMember is { } csFieldName && member.NativeMember is { } nativeFieldName)
        {
            if (cstruct.Item.Layout.LayoutKind == "Explicit" || cstruct.Item.HasNativeMarshalling)
                return null;
            var csField = cstruct.Item.Fields.FirstOrDefault(f => f.Name == csFieldName);
            var fields = parsed.Select(t => t.Records.GetValueOrDefault(member.NativeTypeName)?.Fields.FirstOrDefault(f => f.Name == nativeFieldName)).ToList();
            if (csField is null || csField.Marshal.MarshalAs is not null || csField.IsFixedBuffer || !IsScalarCsType(csField.Type)
                || fields.Any(f => f is null || f.IsBitField || f.Type.Spelling != fields[0]!.Type.Spelling) || CExact(fields[0]!.Type) is not { } exact
                || csField.Type.Display == exact.CsType)
                return null;
            return new ChangeTypeFix(cstruct.Path, csField.Type.Span, exact.CsType, exact.Interop);
        }
        return null;
    }

    private static int SizeOf(string csType) => csType switch { "sbyte" or "byte" => 1, "short" or "ushort" => 2, "int" or "uint" => 4, _ => 8 };
}
