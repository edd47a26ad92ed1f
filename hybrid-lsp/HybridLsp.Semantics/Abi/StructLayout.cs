using System.Collections.Immutable;

namespace HybridLsp.Semantics.Abi;

public sealed record FieldLayout(string Name, AbiType Type, int Offset, int Size, string TypeText);

/// <summary>A struct's layout on one target. <see cref="Unsupported"/> explains when it cannot be computed (bitfields, unknown field types).</summary>
public sealed record StructLayout(int Size, int Alignment, ImmutableArray<FieldLayout> Fields, string? Unsupported = null)
{
    public static StructLayout Unknown(string reason) => new(0, 1, [], reason);
}
