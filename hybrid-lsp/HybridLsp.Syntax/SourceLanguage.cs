namespace HybridLsp.Syntax;

public enum SourceLanguage
{
    CSharp,
    Rust,
    C,
    Cpp,
    Toml,
    MSBuild,
}
