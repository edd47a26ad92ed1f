using System.Collections.Immutable;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;
using HybridLsp.Syntax.Toml;

namespace HybridLsp.Semantics.Model;

/// <summary>An item of the crate with the file it is in and its effective cfg (module declarations' cfgs included).</summary>
public sealed record CrateItem<T>(T Item, string Path, RustCfg? Cfg) where T : RustItem;

/// <summary>A `mod x;` whose file could not be found among the workspace files.</summary>
public sealed record MissingModule(string DeclaringPath, TextSpan Span, string Name, string ExpectedPath);

/// <summary>
/// A Cargo package with a library target, and the Rust files of its module tree (from the lib root through `mod` declarations).
/// Files outside the tree (build.rs, tests/, examples/, benches/) export nothing.
/// </summary>
public sealed class RustCrate
{
    private RustCrate(ManifestFile manifest, string libRoot)
    {
        Manifest = manifest;
        LibRoot = libRoot;
    }

    public ManifestFile Manifest { get; }
    public string ManifestPath => Manifest.Path;
    public string Directory => PathUtil.Directory(Manifest.Path);
    public string? PackageName => Manifest.Manifest.PackageName;
    /// <summary>The library artifact name (`lib{LibName}.so`).</summary>
    public string LibName => Manifest.Manifest.EffectiveLibName ?? PathUtil.FileName(Directory);
    public bool IsCdylib => Manifest.Manifest.IsCdylib;
    public string LibRoot { get; }
    public bool LibRootFound { get; private set; }

    public ImmutableArray<string> Files { get; private set; } = [];
    public ImmutableArray<CrateItem<RustFunction>> Functions { get; private set; } = [];
    public ImmutableArray<CrateItem<RustStruct>> Structs { get; private set; } = [];
    public ImmutableArray<CrateItem<RustEnum>> Enums { get; private set; } = [];
    public ImmutableArray<CrateItem<RustTypeAlias>> TypeAliases { get; private set; } = [];
    public ImmutableArray<RustUse> Uses { get; private set; } = [];
    public ImmutableArray<MissingModule> MissingModules { get; private set; } = [];
    /// <summary>Identifiers that appear in item-level macro invocations that may generate exports.</summary>
    public ImmutableHashSet<string> MacroExportIdentifiers { get; private set; } = [];
    public bool HasMacroExports { get; private set; }

    /// <summary>Exported functions (`#[no_mangle]`/`#[export_name]`), grouped by symbol (cfg variants share a symbol).</summary>
    public ImmutableDictionary<string, ImmutableArray<CrateItem<RustFunction>>> ExportsBySymbol { get; private set; } = ImmutableDictionary<string, ImmutableArray<CrateItem<RustFunction>>>.Empty;

    /// <summary>
    /// Struct and enum layouts already computed, per item, target and nesting depth (see <see cref="Abi.RustAbiMapper"/>).
    /// A crate's items never change, so a layout computed once holds for every binding that reaches it, in this snapshot
    /// and in every later one that keeps the crate.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<LayoutKey, Abi.AbiType> Layouts { get; } = new();

    /// <summary>A key of <see cref="Layouts"/>: the item and target by reference.</summary>
    internal readonly record struct LayoutKey(RustItem Item, Targets.TargetPlatform Target, int Depth)
    {
        public bool Equals(LayoutKey other) => ReferenceEquals(Item, other.Item) && ReferenceEquals(Target, other.Target) && Depth == other.Depth;
        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Item), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Target), Depth);
    }

    public static RustCrate Build(ManifestFile manifest, IReadOnlyDictionary<string, RustSourceFile> rustFiles)
    {
        var dir = PathUtil.Directory(manifest.Path);
        var libRoot = PathUtil.Combine(dir, manifest.Manifest.LibPath ?? "src/lib.rs");
        var crate = new RustCrate(manifest, libRoot);
        crate.Load(rustFiles);
        return crate;
    }

    private void Load(IReadOnlyDictionary<string, RustSourceFile> rustFiles)
    {
        var files = ImmutableArray.CreateBuilder<string>();
        var functions = ImmutableArray.CreateBuilder<CrateItem<RustFunction>>();
        var structs = ImmutableArray.CreateBuilder<CrateItem<RustStruct>>();
        var enums = ImmutableArray.CreateBuilder<CrateItem<RustEnum>>();
        var aliases = ImmutableArray.CreateBuilder<CrateItem<RustTypeAlias>>();
        var uses = ImmutableArray.CreateBuilder<RustUse>();
        var missing = ImmutableArray.CreateBuilder<MissingModule>();
        var macroIdentifiers = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Path, RustCfg? Cfg, bool IsModRs)>();
        if (rustFiles.ContainsKey(LibRoot))
        {
            LibRootFound = true;
            queue.Enqueue((LibRoot, null, true));
        }
        while (queue.Count > 0)
        {
            var (path, fileCfg, isModRs) = queue.Dequeue();
            if (!visited.Add(path) || !rustFiles.TryGetValue(path, out var file))
                continue;
            files.Add(path);
            var syntax = file.Syntax;
            foreach (var f in syntax.Functions)
                functions.Add(new CrateItem<RustFunction>(f, path, RustCfg.And(fileCfg, f.Cfg)));
            foreach (var s in syntax.Structs)
                structs.Add(new CrateItem<RustStruct>(s, path, RustCfg.And(fileCfg, s.Cfg)));
            foreach (var e in syntax.Enums)
                enums.Add(new CrateItem<RustEnum>(e, path, RustCfg.And(fileCfg, e.Cfg)));
            foreach (var a in syntax.TypeAliases)
                aliases.Add(new CrateItem<RustTypeAlias>(a, path, RustCfg.And(fileCfg, a.Cfg)));
            uses.AddRange(syntax.Uses);
            foreach (var macro in syntax.Macros)
            {
                if (!macro.IsDefinition && macro.MentionsExport)
                {
                    HasMacroExports = true;
                    macroIdentifiers.UnionWith(macro.Identifiers);
                }
            }

            var fileDir = PathUtil.Directory(path);
            var stem = System.IO.Path.GetFileNameWithoutExtension(path);
            foreach (var decl in syntax.ModDecls)
            {
                // A mod-rs file (lib.rs, main.rs, mod.rs) declares children beside itself; `a.rs` declares them in `a/`.
                var baseDir = isModRs ? fileDir : fileDir + "/" + stem;
                if (decl.ModulePath.Length > 0)
                    baseDir += "/" + decl.ModulePath.Replace("::", "/", StringComparison.Ordinal);
                var cfg = RustCfg.And(fileCfg, decl.Cfg);
                if (decl.PathAttribute is { } custom)
                {
                    var target = PathUtil.Combine(decl.ModulePath.Length > 0 ? baseDir : fileDir, custom);
                    if (rustFiles.ContainsKey(target))
                        queue.Enqueue((target, cfg, PathUtil.FileName(target) == "mod.rs"));
                    else
                        missing.Add(new MissingModule(path, decl.NameSpan, decl.Name, target));
                    continue;
                }
                var flat = $"{baseDir}/{decl.Name}.rs";
                var nested = $"{baseDir}/{decl.Name}/mod.rs";
                if (rustFiles.ContainsKey(flat))
                    queue.Enqueue((flat, cfg, false));
                else if (rustFiles.ContainsKey(nested))
                    queue.Enqueue((nested, cfg, true));
                else
                    missing.Add(new MissingModule(path, decl.NameSpan, decl.Name, flat));
            }
        }

        Files = files.ToImmutable();
        Functions = functions.ToImmutable();
        Structs = structs.ToImmutable();
        Enums = enums.ToImmutable();
        TypeAliases = aliases.ToImmutable();
        Uses = uses.ToImmutable();
        MissingModules = missing.ToImmutable();
        MacroExportIdentifiers = macroIdentifiers.ToImmutable();
        ExportsBySymbol = Functions
            .Where(f => f.Item.ExportedSymbol is not null)
            .GroupBy(f => f.Item.ExportedSymbol!, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    public CrateItem<RustStruct>? FindStruct(string name) => Structs.FirstOrDefault(s => s.Item.Name == name);

    public CrateItem<RustEnum>? FindEnum(string name) => Enums.FirstOrDefault(e => e.Item.Name == name);

    public CrateItem<RustTypeAlias>? FindAlias(string name) => TypeAliases.FirstOrDefault(a => a.Item.Name == name);
}
