using System.Collections.Immutable;

namespace HybridLsp.Semantics.Rules;

/// <summary>Every rule code the product knows. Codes are never reused.</summary>
public static class RuleCatalog
{
    public static readonly RuleDescriptor UnresolvedLibrary = new("HL0001", "unresolved-library", RuleSeverity.Info, "The library name matches no native module in the workspace nor in hybrid-lsp.toml");
    public static readonly RuleDescriptor CrateNotCdylib = new("HL0002", "crate-not-cdylib", RuleSeverity.Error, "A crate bound by C# does not build a cdylib");
    public static readonly RuleDescriptor ParseFailure = new("HL0003", "parse-failure", RuleSeverity.Info, "A file could only be partly understood, or was skipped");
    public static readonly RuleDescriptor ConfigError = new("HL0004", "config-error", RuleSeverity.Error, "hybrid-lsp.toml is invalid");
    public static readonly RuleDescriptor UnusedSuppression = new("HL0005", "unused-suppression", RuleSeverity.Hint, "A suppression (#pragma warning disable, // hybrid-lsp: allow) that suppresses nothing");
    public static readonly RuleDescriptor MissingExport = new("HL1001", "missing-export", RuleSeverity.Error, "The resolved library has no function with this entry point");
    public static readonly RuleDescriptor ArityMismatch = new("HL1002", "arity-mismatch", RuleSeverity.Error, "The parameter count differs");
    public static readonly RuleDescriptor TypeMismatch = new("HL1003", "type-mismatch", RuleSeverity.Error, "A parameter or return type differs in kind or size on a target");
    public static readonly RuleDescriptor SignednessMismatch = new("HL1004", "signedness-mismatch", RuleSeverity.Warning, "Same width, different signedness");
    public static readonly RuleDescriptor BoolWidthMismatch = new("HL1005", "bool-width-mismatch", RuleSeverity.Error, "4-byte BOOL marshalling against a 1-byte bool, or the reverse");
    public static readonly RuleDescriptor StringEncodingMismatch = new("HL1006", "string-encoding-mismatch", RuleSeverity.Warning, "UTF-16/ANSI string marshalling against UTF-8, or wchar_t width");
    public static readonly RuleDescriptor CallingConventionMismatch = new("HL1007", "calling-convention-mismatch", RuleSeverity.Error, "StdCall/Winapi against cdecl (error on x86 targets, else info)");
    public static readonly RuleDescriptor PlatformWidth = new("HL1008", "platform-width", RuleSeverity.Warning, "A platform-dependent native type is bound to a fixed-width C# type");
    public static readonly RuleDescriptor StructLayoutMismatch = new("HL1009", "struct-layout-mismatch", RuleSeverity.Error, "Struct size, field offset or field type differs on a target");
    public static readonly RuleDescriptor EnumSizeMismatch = new("HL1010", "enum-size-mismatch", RuleSeverity.Error, "The enum's underlying type size differs");
    public static readonly RuleDescriptor ByRefMismatch = new("HL1011", "by-ref-mismatch", RuleSeverity.Warning, "ref/out/in/pointer/by-value or mutability differs");
    public static readonly RuleDescriptor CallbackMismatch = new("HL1012", "callback-mismatch", RuleSeverity.Error, "A function pointer or delegate signature differs");
    public static readonly RuleDescriptor StringOwnership = new("HL1013", "string-ownership", RuleSeverity.Warning, "A native-allocated char* returned as string is freed with the wrong allocator");
    public static readonly RuleDescriptor VariadicBinding = new("HL1014", "variadic-binding", RuleSeverity.Warning, "A C variadic function bound with a fixed signature");
    public static readonly RuleDescriptor EnumValueMismatch = new("HL1015", "enum-value-mismatch", RuleSeverity.Warning, "Enum member values differ, or a member exists on one side only");
    public static readonly RuleDescriptor NotExported = new("HL2001", "not-exported", RuleSeverity.Error, "A function with the bound name exists but is not exported");
    public static readonly RuleDescriptor FfiUnsafeType = new("HL2002", "ffi-unsafe-type", RuleSeverity.Warning, "An exported Rust signature uses a type without a C layout");
    public static readonly RuleDescriptor CxxMangled = new("HL2003", "cxx-mangled", RuleSeverity.Error, "A C++ function without extern \"C\" bound by its plain name");
    public static readonly RuleDescriptor UnboundExport = new("HL2004", "unbound-export", RuleSeverity.Hint, "An exported function of a module built in this repository that no C# declaration binds");
    public static readonly RuleDescriptor PanicAcrossFfi = new("HL2005", "panic-across-ffi", RuleSeverity.Info, "An exported Rust function's own body can panic outside catch_unwind");
    public static readonly RuleDescriptor ConflictingDeclarations = new("HL3001", "conflicting-declarations", RuleSeverity.Warning, "The same entry point declared with different signatures in C#");

    public static readonly ImmutableArray<RuleDescriptor> All =
    [
        UnresolvedLibrary, CrateNotCdylib, ParseFailure, ConfigError, UnusedSuppression,
        MissingExport, ArityMismatch, TypeMismatch, SignednessMismatch, BoolWidthMismatch, StringEncodingMismatch,
        CallingConventionMismatch, PlatformWidth, StructLayoutMismatch, EnumSizeMismatch, ByRefMismatch, CallbackMismatch,
        StringOwnership, VariadicBinding, EnumValueMismatch,
        NotExported, FfiUnsafeType, CxxMangled, UnboundExport, PanicAcrossFfi,
        ConflictingDeclarations,
    ];

    private static readonly ImmutableDictionary<string, RuleDescriptor> s_byCode = All.ToImmutableDictionary(r => r.Code);

    public static RuleDescriptor? Find(string code) => s_byCode.GetValueOrDefault(code);
}
