using System.Collections.Immutable;
using HybridLsp.Semantics.Targets;

namespace HybridLsp.Semantics.Abi;

/// <summary>C layout rules (the ones both .NET's marshaller and Rust's repr(C) follow): natural alignment, packing caps it.</summary>
public static class LayoutCalculator
{
    public sealed record FieldInput(string Name, AbiType Type, string TypeText, int? ExplicitOffset = null);

    /// <summary>Size and alignment of a type as a struct field or array element on a target; null when unknown.</summary>
    public static (int Size, int Align)? SizeAlign(AbiType type, TargetPlatform target) => type switch
    {
        AbiInt i => (i.Bytes, i.Bytes == 8 ? target.Int64Alignment : i.Bytes),
        AbiFloat f => (f.Bytes, f.Bytes == 8 ? target.Int64Alignment : f.Bytes),
        AbiBool b => (b.Bytes, b.Bytes),
        AbiChar c => (c.Bytes, c.Bytes),
        AbiPointer or AbiString or AbiFunctionPointer => (target.PointerSize, target.PointerSize),
        AbiStruct s when s.Layout.Unsupported is null => (s.Layout.Size, s.Layout.Alignment),
        AbiEnum e => (e.Underlying.Bytes, e.Underlying.Bytes),
        AbiArray a when SizeAlign(a.Element, target) is { } element => (element.Size * a.Count, element.Align),
        _ => null,
    };

    /// <summary>Fields laid out in order. <paramref name="pack"/> caps every field's alignment; <paramref name="minAlign"/> raises the struct's.</summary>
    public static StructLayout Sequential(IReadOnlyList<FieldInput> fields, int? pack, int? minAlign, int? minSize, TargetPlatform target)
    {
        var offset = 0;
        var align = 1;
        var result = ImmutableArray.CreateBuilder<FieldLayout>(fields.Count);
        foreach (var field in fields)
        {
            if (SizeAlign(field.Type, target) is not { } sa)
                return StructLayout.Unknown($"the layout of field '{field.Name}' ('{field.TypeText}') is unknown");
            var fieldAlign = pack is > 0 ? Math.Min(sa.Align, pack.Value) : sa.Align;
            offset = AlignUp(offset, fieldAlign);
            result.Add(new FieldLayout(field.Name, field.Type, offset, sa.Size, field.TypeText));
            offset += sa.Size;
            align = Math.Max(align, fieldAlign);
        }
        if (minAlign is > 0)
            align = Math.Max(align, minAlign.Value);
        var size = AlignUp(Math.Max(offset, minSize ?? 0), align);
        return new StructLayout(size, align, result.ToImmutable());
    }

    /// <summary>`LayoutKind.Explicit`: every field at its `FieldOffset`.</summary>
    public static StructLayout Explicit(IReadOnlyList<FieldInput> fields, int? pack, int? minSize, TargetPlatform target)
    {
        var end = 0;
        var align = 1;
        var result = ImmutableArray.CreateBuilder<FieldLayout>(fields.Count);
        foreach (var field in fields)
        {
            if (SizeAlign(field.Type, target) is not { } sa)
                return StructLayout.Unknown($"the layout of field '{field.Name}' ('{field.TypeText}') is unknown");
            if (field.ExplicitOffset is not { } offset)
                return StructLayout.Unknown($"field '{field.Name}' of an explicit-layout struct has no [FieldOffset]");
            result.Add(new FieldLayout(field.Name, field.Type, offset, sa.Size, field.TypeText));
            end = Math.Max(end, offset + sa.Size);
            align = Math.Max(align, pack is > 0 ? Math.Min(sa.Align, pack.Value) : sa.Align);
        }
        var size = AlignUp(Math.Max(end, minSize ?? 0), align);
        return new StructLayout(size, align, result.ToImmutable());
    }

    /// <summary>A union: every field at offset 0.</summary>
    public static StructLayout Union(IReadOnlyList<FieldInput> fields, int? pack, int? minAlign, TargetPlatform target) =>
        Explicit([.. fields.Select(f => f with { ExplicitOffset = 0 })], pack, null, target) is var layout && layout.Unsupported is null && minAlign is > 0
            ? layout with { Alignment = Math.Max(layout.Alignment, minAlign.Value), Size = AlignUp(layout.Size, Math.Max(layout.Alignment, minAlign.Value)) }
            : Explicit([.. fields.Select(f => f with { ExplicitOffset = 0 })], pack, null, target);

    public static int AlignUp(int value, int align) => align <= 1 ? value : (value + align - 1) / align * align;
}
