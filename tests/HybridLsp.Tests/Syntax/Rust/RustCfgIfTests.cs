using HybridLsp.Syntax.Rust;
using static HybridLsp.Tests.Syntax.Rust.RustFixture;

namespace HybridLsp.Tests.Syntax.Rust;

public sealed class RustCfgIfTests
{
    [Fact]
    public void Branches_are_parsed_with_their_conditions()
    {
        const string src = """
            cfg_if::cfg_if! {
                if #[cfg(windows)] {
                    #[no_mangle] pub extern "C" fn plat() -> u32 { 1 }
                } else if #[cfg(target_os = "macos")] {
                    #[no_mangle] pub extern "C" fn plat() -> u32 { 2 }
                    struct MacOnly;
                } else {
                    #[no_mangle] pub extern "C" fn plat() -> u32 { 3 }
                }
            }
            fn after() {}
            """;
        var file = Parse(src);
        Assert.Empty(file.Errors);
        var plats = file.Functions.Where(f => f.Name == "plat").ToList();
        Assert.Equal(3, plats.Count);
        Assert.Equal("windows", Cfg(plats[0].Cfg));
        Assert.Equal("all(not(any(windows)), target_os = \"macos\")", Cfg(plats[1].Cfg));
        Assert.Equal("not(any(windows, target_os = \"macos\"))", Cfg(plats[2].Cfg));
        Assert.Equal(SpanOf(src, "plat", 1), plats[1].NameSpan);
        Assert.Equal("all(not(any(windows)), target_os = \"macos\")", Cfg(Assert.Single(file.Structs).Cfg));
        Assert.Null(Function(file, "after").Cfg);
        Assert.Empty(file.Macros);
    }

    [Fact]
    public void Cfg_if_inside_module_with_outer_cfg()
    {
        var file = Parse("#[cfg(unix)]\nmod m {\n    cfg_if! { if #[cfg(feature = \"a\")] { pub fn x() {} } }\n    fn y() {}\n}");
        Assert.Empty(file.Errors);
        Assert.Equal("all(unix, feature = \"a\")", Cfg(Function(file, "x").Cfg));
        Assert.Equal("m", Function(file, "x").ModulePath);
        Assert.Equal("unix", Cfg(Function(file, "y").Cfg));
    }

    [Fact]
    public void Malformed_cfg_if_is_kept_as_a_macro()
    {
        var file = Parse("cfg_if! { something else }\nfn z() {}");
        Assert.Equal("cfg_if", Assert.Single(file.Macros).Name);
        Assert.Single(file.Functions);
    }
}
