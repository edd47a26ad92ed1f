using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Binding;

/// <summary>A parameter of a native export on one target: its source text and span for messages, its ABI for comparison.</summary>
public sealed record NativeParameter(string? Name, string TypeText, TextSpan? TypeSpan, AbiType Type);

/// <summary>
/// One native export as the signature rules see it on one target, whatever language it is written in: the source
/// locations to point at and every parameter and the return value mapped to the ABI model for that target.
/// </summary>
/// <param name="Language">"Rust", "C" or "C++": how messages name the native side.</param>
/// <param name="ConventionText">The convention as the native source spells it (`extern "stdcall"`, `__stdcall`), for messages.</param>
public sealed record NativeSignature(
    string Language, string Path, TextSpan NameSpan, TextSpan? ParameterListSpan,
    ImmutableArray<NativeParameter> Parameters, string ReturnText, TextSpan? ReturnSpan, AbiType Return,
    bool Variadic, CallConv Convention, string ConventionText, TextSpan? ConventionSpan)
{
    /// <summary>Exported with an ABI that has no stable calling convention (a Rust `#[no_mangle] pub fn` without `extern "C"`).</summary>
    public bool UnstableAbi { get; init; }
}
