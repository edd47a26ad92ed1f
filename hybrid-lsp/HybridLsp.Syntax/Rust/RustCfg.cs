using System.Collections.Immutable;

namespace HybridLsp.Syntax.Rust;

/// <summary>A `#[cfg(...)]` predicate as written; evaluated per target by the semantics layer.</summary>
public abstract record RustCfg
{
    public sealed record All(ImmutableArray<RustCfg> Items) : RustCfg;
    public sealed record Any(ImmutableArray<RustCfg> Items) : RustCfg;
    public sealed record Not(RustCfg Item) : RustCfg;
    /// <summary>`windows`, `unix`, `test`, or any other bare name.</summary>
    public sealed record Flag(string Name) : RustCfg;
    /// <summary>`target_os = "linux"`, `feature = "x"`.</summary>
    public sealed record KeyValue(string Key, string Value) : RustCfg;
    /// <summary>A predicate the parser could not read; always unknown.</summary>
    public sealed record Invalid(string Text) : RustCfg;

    /// <summary>Both predicates must hold (the cfg of an item inside a cfg'd module).</summary>
    public static RustCfg? And(RustCfg? a, RustCfg? b) => a is null ? b : b is null ? a : new All([a, b]);
}
