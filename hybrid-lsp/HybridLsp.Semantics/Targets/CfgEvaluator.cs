using HybridLsp.Syntax.Rust;

namespace HybridLsp.Semantics.Targets;

/// <summary>Evaluates Rust `cfg` predicates for a target: true, false, or null when the predicate is unknown (features, test, custom).</summary>
public static class CfgEvaluator
{
    public static bool? Evaluate(RustCfg? cfg, TargetPlatform target) => cfg switch
    {
        null => true,
        RustCfg.All all => all.Items.Aggregate<RustCfg, bool?>(true, (acc, item) => And(acc, Evaluate(item, target))),
        RustCfg.Any any => any.Items.Aggregate<RustCfg, bool?>(false, (acc, item) => Or(acc, Evaluate(item, target))),
        RustCfg.Not not => Evaluate(not.Item, target) is { } v ? !v : null,
        RustCfg.Flag flag => flag.Name switch
        {
            "windows" => target.Os == TargetOs.Windows,
            "unix" => target.Os != TargetOs.Windows,
            "debug_assertions" or "test" or "doc" or "miri" => null,
            _ => null,
        },
        RustCfg.KeyValue kv => kv.Key switch
        {
            "target_os" => kv.Value == target.RustOs,
            "target_family" => kv.Value == target.RustFamily,
            "target_arch" => kv.Value == target.RustArch,
            "target_pointer_width" => kv.Value == (target.PointerSize * 8).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "target_env" => kv.Value == target.RustEnv,
            "target_vendor" => kv.Value == target.RustVendor,
            "target_endian" => kv.Value == "little",
            _ => null,
        },
        _ => null,
    };

    // Kleene three-valued logic: false wins in `all`, true wins in `any`.
    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;
}
