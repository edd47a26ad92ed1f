using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Rules;

/// <summary>A binding's Rust export: its cfg variants, mapped per target with <see cref="RustAbiMapper"/>.</summary>
internal sealed class RustExportView(RustCrate crate, ImmutableArray<CrateItem<RustFunction>> variants) : NativeExportView
{
    public override string Language => "Rust";

    public override string ModuleDescription => $"crate '{crate.LibName}'";

    public override string ConditionalReason => "its #[cfg] excludes them";

    public override (NativeSignature? Signature, bool Missing) On(TargetPlatform target)
    {
        var allFalse = true;
        foreach (var variant in variants)
        {
            switch (CfgEvaluator.Evaluate(variant.Cfg, target))
            {
                case true:
                    return (Map(variant, target), false);
                case null:
                    allFalse = false;
                    break;
            }
        }
        return (null, allFalse);
    }

    public override NativeSignature? Anywhere(TargetPlatform target) => variants.IsEmpty ? null : Map(variants[0], target);

    public override (FindingLocation Location, string Label)? LocateType(string nativeTypeName, string? member)
    {
        if (crate.FindStruct(nativeTypeName) is { } rs)
        {
            var field = member is null ? null : rs.Item.Fields.FirstOrDefault(f => f.Name == member);
            return (new FindingLocation(rs.Path, field?.NameSpan ?? rs.Item.NameSpan, ""),
                field is null ? $"Rust struct '{rs.Item.Name}'" : $"Rust field '{rs.Item.Name}.{field.Name}'");
        }
        if (crate.FindEnum(nativeTypeName) is { } re)
        {
            var variant = member is null ? null : re.Item.Variants.FirstOrDefault(v => v.Name == member);
            return (new FindingLocation(re.Path, variant?.NameSpan ?? re.Item.NameSpan, ""),
                variant is null ? $"Rust enum '{re.Item.Name}'" : $"Rust variant '{re.Item.Name}::{variant.Name}'");
        }
        return null;
    }

    private NativeSignature Map(CrateItem<RustFunction> variant, TargetPlatform target)
    {
        var fn = variant.Item;
        var mapper = new RustAbiMapper(crate, target);
        return new NativeSignature("Rust", variant.Path, fn.NameSpan, fn.ParameterListSpan,
            [.. fn.Parameters.Select(p => new NativeParameter(p.Name, p.Type.Display, p.Type.Span, mapper.Map(p.Type)))],
            fn.Return?.Display ?? "()", fn.Return?.Span, mapper.MapReturn(fn.Return), fn.IsVariadic,
            RustAbiMapper.ConventionOn(fn.Abi, target), $"extern \"{fn.Abi ?? "C"}\"", fn.AbiSpan)
        {
            UnstableAbi = fn.Abi is null or "Rust",
        };
    }
}
