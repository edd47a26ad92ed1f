using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustCfgTests
{
    private static RustCfg? CfgOf(string attributes) => Function(Parse(attributes + "\nfn f() {}"), "f").Cfg;

    [Fact]
    public void Flag() => Assert.Equal(new RustCfg.Flag("windows"), CfgOf("#[cfg(windows)]"));

    [Fact]
    public void Key_value() => Assert.Equal(new RustCfg.KeyValue("target_os", "linux"), CfgOf("#[cfg(target_os = \"linux\")]"));

    [Fact]
    public void Nested_all_any_not()
    {
        var cfg = Assert.IsType<RustCfg.All>(CfgOf("#[cfg(all(any(unix, target_os = \"windows\"), not(feature = \"slow\")))]"));
        Assert.IsType<RustCfg.Any>(cfg.Items[0]);
        Assert.Equal(new RustCfg.Not(new RustCfg.KeyValue("feature", "slow")), cfg.Items[1]);
        Assert.Equal("all(any(unix, target_os = \"windows\"), not(feature = \"slow\"))", Cfg(cfg));
    }

    [Fact]
    public void Trailing_comma_is_accepted() => Assert.Equal("any(a, b)", Cfg(CfgOf("#[cfg(any(a, b,))]")));

    [Fact]
    public void Multiple_cfgs_are_and_combined() =>
        Assert.Equal("all(unix, target_pointer_width = \"64\")", Cfg(CfgOf("#[cfg(unix)]\n#[no_mangle]\n#[cfg(target_pointer_width = \"64\")]")));

    [Theory]
    [InlineData("#[cfg(not(a, b))]")]
    [InlineData("#[cfg(a = 1)]")]
    [InlineData("#[cfg()]")]
    [InlineData("#[cfg(all(a)]")]
    [InlineData("#[cfg]")]
    [InlineData("#[cfg(a b)]")]
    public void Malformed_is_invalid(string attribute) => Assert.IsType<RustCfg.Invalid>(CfgOf(attribute));

    [Fact]
    public void Invalid_keeps_the_text() => Assert.Equal(new RustCfg.Invalid("a = 1"), CfgOf("#[cfg(a = 1)]"));

    [Fact]
    public void Boolean_literals_are_neutral_all_and_any()
    {
        Assert.Equal("all()", Cfg(CfgOf("#[cfg(true)]")));
        Assert.Equal("any()", Cfg(CfgOf("#[cfg(false)]")));
    }

    [Fact]
    public void Cfg_attr_export_puts_its_predicate_in_the_cfg_and_other_cfg_attrs_are_ignored()
    {
        var f = Function(Parse("#[cfg_attr(windows, no_mangle)]\nfn f() {}"), "f");
        Assert.Equal(new RustCfg.Flag("windows"), f.Cfg);
        Assert.True(f.NoMangle);
        var g = Function(Parse("#[cfg_attr(test, inline)]\nfn g() {}"), "g");
        Assert.Null(g.Cfg);
        Assert.False(g.NoMangle);
    }

    [Fact]
    public void Unknown_attributes_are_skipped()
    {
        var file = Parse("#[inline(always)]\n#[doc = \"x\"]\n#[allow(clippy::all)]\n#[no_mangle]\n#[rustfmt::skip]\nextern \"C\" fn f() {}");
        Assert.Empty(file.Errors);
        Assert.True(Function(file, "f").NoMangle);
    }

    [Fact]
    public void Foreign_block_cfg_applies_to_its_functions()
    {
        var file = Parse("#[cfg(windows)]\nextern \"system\" { fn Beep(f: u32, d: u32) -> i32; }");
        Assert.Equal(new RustCfg.Flag("windows"), Function(file, "Beep").Cfg);
    }
}
