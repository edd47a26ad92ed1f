using HybridLsp.Semantics.Rules;

namespace HybridLsp.Semantics.Abi;

/// <summary>Where inside a struct or enum the first difference is, so the diagnostic can sit on that member.</summary>
/// <param name="CsMember">The differing C# field or enum member name; null when the C# side lacks the member.</param>
/// <param name="NativeMember">The differing native field or member name; null when the native side lacks it.</param>
public sealed record MemberDifference(string CsTypeName, string NativeTypeName, string? CsMember, string? NativeMember);

/// <summary>One difference between the C# and native side of a value on one target.</summary>
/// <param name="Detail">The message without the target list: names both types and sizes.</param>
public sealed record AbiMismatch(RuleDescriptor Rule, string Detail, MemberDifference? Member = null);
