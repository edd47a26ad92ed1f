using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Targets;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// What the signature rules need of a resolved binding's native side, independent of its language: the export's
/// signature per target, whether the export exists on a target at all, and where native structs and enums are.
/// </summary>
internal abstract class NativeExportView
{
    /// <summary>"Rust", "C" or "C++".</summary>
    public abstract string Language { get; }

    /// <summary>How enum members are written in messages: `Enum::Member` in Rust and C++, `Member` alone in C.</summary>
    public virtual string MemberSeparator => "::";

    /// <summary>The module in messages: "crate 'fastmath'", "library 'imageops'".</summary>
    public abstract string ModuleDescription { get; }

    /// <summary>Why an export can be missing on some targets: "its #[cfg] excludes them", "#if excludes it there".</summary>
    public abstract string ConditionalReason { get; }

    /// <summary>The export's signature on a configured target; <c>Missing</c> when it certainly does not exist there.</summary>
    public abstract (NativeSignature? Signature, bool Missing) On(TargetPlatform target);

    /// <summary>The export's signature on any target, configured or not, ignoring conditions (to name where HL1008 breaks).</summary>
    public abstract NativeSignature? Anywhere(TargetPlatform target);

    /// <summary>The location of a native struct or enum (or one of its fields or members) named by a struct/enum finding, with a label.</summary>
    public abstract (FindingLocation Location, string Label)? LocateType(string nativeTypeName, string? member);
}
