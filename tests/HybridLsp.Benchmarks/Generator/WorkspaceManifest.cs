using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridLsp.Benchmarks.Generator;

/// <summary>
/// <c>workspace.json</c>: what the generator wrote and what a correct checker must report on it. Paths are relative to
/// the workspace root with '/'; lines and characters are 0-based (UTF-16, all ASCII here).
/// </summary>
internal sealed class WorkspaceManifest
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Shape { get; set; } = "";
    public int Externs { get; set; }
    public int Seed { get; set; }
    public int Files { get; set; }
    public int CsFiles { get; set; }
    public int Lines { get; set; }

    /// <summary>Findings `check` must report on the C# files (Rust and C bindings), by rule code (nothing else is expected).</summary>
    public SortedDictionary<string, int> Expected { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The C# files that hold the expected findings.</summary>
    public List<string> ExpectedFiles { get; set; } = [];

    /// <summary>C# externs bound to the C libraries (not in <see cref="Bindings"/>, which lists the Rust ones the driver edits).</summary>
    public int CExterns { get; set; }

    /// <summary>C# files whose findings are not compared (none today; kept so a shape can leave files out).</summary>
    public List<string> Unchecked { get; set; } = [];

    public List<BindingInfo> Bindings { get; set; } = [];
    public List<StructInfo> Structs { get; set; } = [];
    public List<StructUse> StructUses { get; set; } = [];
}

/// <summary>One extern: its C# name position, the Rust export's name position and one call site.</summary>
internal sealed record BindingInfo(int K, int Kind, string? Mismatch, string CsFile, int CsLine, int CsCharacter,
    string RustFile, int RustLine, int RustCharacter, int CallLine, int CallCharacter, string Symbol, string Struct);

/// <summary>A Rust struct: the 0-based line of `pub struct NAME {`.</summary>
internal sealed record StructInfo(string RustFile, int Line, string Name);

/// <summary>A C# file that declares a struct bound to the Rust struct of that name.</summary>
internal sealed record StructUse(string Name, string CsFile);
