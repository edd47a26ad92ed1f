namespace HybridLsp.Tests.Rules;

internal static class Crates
{
    /// <summary>A cdylib crate `mathcore` under /native/mathcore; append `//- /native/mathcore/src/lib.rs` and its text.</summary>
    public const string MathCore = """
        //- /native/mathcore/Cargo.toml
        [package]
        name = "mathcore"
        version = "0.1.0"
        edition = "2021"
        [lib]
        crate-type = ["cdylib"]
        //- /app/App.csproj
        <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup></Project>

        """;
}
