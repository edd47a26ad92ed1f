using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Binding;

/// <summary>
/// What a new <see cref="SemanticModel"/> may take over from the previous snapshot's model instead of computing it
/// again, so that an edit costs in proportion to what it changed. Everything is reused by reference and only when its
/// inputs are the same objects (the host keeps a file's parsed syntax while its text is unchanged), so a reused part is
/// exactly what a fresh build would compute:
/// <list type="bullet">
/// <item>a crate, when its Cargo.toml and every file of its module tree are unchanged and no Rust file was added or removed;</item>
/// <item>a project's C# symbols, when it has the same files and each changed file declares the same symbols (no structs,
///   enums, delegates or constants on either side, equal classes and aliases) — editing an extern changes none of them;</item>
/// <item>a binding, when its extern declaration, its project's symbols and the crate it resolved to are reused and the
///   crates' names are as before (a missing export or unknown resolution also needs every Rust file under the crate's
///   directory unchanged; one without a crate is always resolved again);</item>
/// <item>a binding to a C/C++ library, when its extern declaration and its project's symbols are reused, the crates' names
///   are as before (a crate of the same name would win) and every C/C++ library is the previous model's object, in the
///   same order (<see cref="Model.CLibraryReuse"/>: taken over only when all its inputs and parse results are the same);</item>
/// <item>a binding's rule findings, when the binding itself is reused (<see cref="RuleRunner"/>);</item>
/// <item>a file's call sites, when its syntax is unchanged and it calls no name whose bindings changed (<see cref="SemanticModel"/>);</item>
/// <item>a crate's native rule findings, when the crate is reused and the same entry points of it are bound (<see cref="NativeRules"/>).</item>
/// </list>
/// </summary>
internal sealed class ModelReuse
{
    public static readonly ModelReuse None = new(null, null);

    private readonly SemanticModel? _previous;
    private readonly WorkspaceInput? _input;
    private readonly bool _sameConfig;
    private readonly bool _sameRustPaths;
    private readonly Dictionary<string, RustCrate> _crates = new(StringComparer.Ordinal);
    private readonly HashSet<RustCrate> _reusedCrates = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CsSymbols> _reusedSymbols = new(ReferenceEqualityComparer.Instance);
    private bool _sameCrateNames;
    private bool _sameCLibraries;

    private ModelReuse(SemanticModel? previous, WorkspaceInput? input)
    {
        _previous = previous;
        _input = input;
        if (previous is null || input is null)
            return;
        _sameConfig = ReferenceEquals(previous.Config, input.Config);
        var before = previous.Input.RustFiles;
        _sameRustPaths = before.Count == input.RustFiles.Count && before.Keys.All(input.RustFiles.ContainsKey);
        foreach (var crate in previous.Crates)
            _crates[crate.ManifestPath] = crate;
    }

    /// <summary>Reuse from <paramref name="previous"/> (null: build everything). A change of configuration reuses nothing.</summary>
    public static ModelReuse From(SemanticModel? previous, WorkspaceInput input)
        => previous is null || !ReferenceEquals(previous.Config, input.Config) ? None : new ModelReuse(previous, input);

    public bool IsEmpty => _previous is null;

    /// <summary>The model reused from (null: none, or the configuration changed).</summary>
    public SemanticModel? Previous => _previous;

    public RustCrate? Crate(ManifestFile manifest)
    {
        if (!_sameRustPaths || _input is null || !_crates.TryGetValue(manifest.Path, out var old)
            || !ReferenceEquals(old.Manifest.Manifest, manifest.Manifest))
            return null;
        var before = _previous!.Input.RustFiles;
        foreach (var path in old.Files)
        {
            if (!before.TryGetValue(path, out var was) || !_input.RustFiles.TryGetValue(path, out var now) || !ReferenceEquals(was.Syntax, now.Syntax))
                return null;
        }
        _reusedCrates.Add(old);
        return old;
    }

    private readonly Dictionary<RustCrate, bool> _unchangedDirectories = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether every Rust file under the crate's library directory has the same syntax as before (paths are the same: a reused crate implies it).</summary>
    private bool CrateDirectoryUnchanged(RustCrate crate)
    {
        if (_unchangedDirectories.TryGetValue(crate, out var unchanged))
            return unchanged;
        var libDir = PathUtil.Directory(crate.LibRoot);
        var before = _previous!.Input.RustFiles;
        unchanged = _sameRustPaths && _input!.RustFiles.All(f => !PathUtil.IsUnder(f.Key, libDir)
            || before.TryGetValue(f.Key, out var was) && ReferenceEquals(was.Syntax, f.Value.Syntax));
        _unchangedDirectories[crate] = unchanged;
        return unchanged;
    }

    /// <summary>Called once the crates are known: bindings are reused only when every crate keeps its name and kind.</summary>
    public void CratesBuilt(ImmutableArray<RustCrate> crates)
    {
        if (_previous is null)
            return;
        var before = _previous.Crates;
        _sameCrateNames = before.Length == crates.Length && before.Zip(crates).All(p =>
            p.First.ManifestPath == p.Second.ManifestPath && p.First.LibName == p.Second.LibName
            && p.First.IsCdylib == p.Second.IsCdylib && p.First.PackageName == p.Second.PackageName);
    }

    /// <summary>Called once the C/C++ libraries are known: bindings to them are reused only when every library is the previous object.</summary>
    public void CLibrariesBuilt(ImmutableArray<CLibrary> libraries)
    {
        if (_previous is null)
            return;
        var before = _previous.CLibraries;
        _sameCLibraries = before.Length == libraries.Length && before.Zip(libraries).All(p => ReferenceEquals(p.First, p.Second));
    }

    public CsSymbols? Symbols(string project, IReadOnlyList<CsSourceFile> files)
    {
        if (_previous is null || !_previous.SymbolsByProject.TryGetValue(project, out var old))
            return null;
        var before = _previous.ProjectFiles.GetValueOrDefault(project, []);
        if (before.Length != files.Count)
            return null;
        for (var i = 0; i < files.Count; i++)
        {
            if (before[i].Path != files[i].Path || !SameSymbols(before[i].Syntax, files[i].Syntax))
                return null;
        }
        _reusedSymbols.Add(old);
        return old;
    }

    private static bool SameSymbols(CsFileSyntax a, CsFileSyntax b)
    {
        if (ReferenceEquals(a, b))
            return true;
        return a.Structs.IsEmpty && b.Structs.IsEmpty && a.Enums.IsEmpty && b.Enums.IsEmpty
            && a.Delegates.IsEmpty && b.Delegates.IsEmpty && a.Constants.IsEmpty && b.Constants.IsEmpty
            && a.Classes.SequenceEqual(b.Classes) && a.DisableRuntimeMarshalling == b.DisableRuntimeMarshalling
            && a.UsingAliases.Count == b.UsingAliases.Count
            && a.UsingAliases.All(p => b.UsingAliases.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    /// <summary>
    /// The range of the previous model's bindings that a C# file takes over whole: its syntax and project are unchanged
    /// (so are its externs, in order) and every one of its bindings can be reused (<see cref="Binding"/>).
    /// </summary>
    public (int Start, int Count)? FileBindings(CsSourceFile file, CsSymbols symbols)
    {
        if (_previous is null || !_previous.BindingRanges.TryGetValue(file.Path, out var range)
            || !_previous.Input.CSharpFiles.TryGetValue(file.Path, out var was) || !ReferenceEquals(was.Syntax, file.Syntax)
            || range.Count != file.Syntax.Externs.Length)
            return null;
        for (var i = 0; i < range.Count; i++)
        {
            if (!CanReuse(_previous.Bindings[range.Start + i], file, symbols))
                return null;
        }
        return range;
    }

    /// <summary>
    /// The previous model's binding of <paramref name="method"/> (the <paramref name="index"/>th extern of the file) when it
    /// can be reused, with its index in the previous model's bindings. Externs are found by reference: an unchanged file
    /// keeps its extern objects, a changed one (parsed again) has new ones and reuses none.
    /// </summary>
    public (Binding? Binding, int Index) Binding(CsSourceFile file, CsExternMethod method, int index, CsSymbols symbols)
    {
        if (_previous is null || !_previous.BindingRanges.TryGetValue(file.Path, out var range))
            return (null, -1);
        var at = index < range.Count && ReferenceEquals(_previous.Bindings[range.Start + index].Method, method) ? range.Start + index : -1;
        for (var i = range.Start; at < 0 && i < range.Start + range.Count; i++)
        {
            if (ReferenceEquals(_previous.Bindings[i].Method, method))
                at = i;
        }
        return at >= 0 && CanReuse(_previous.Bindings[at], file, symbols) ? (_previous.Bindings[at], at) : (null, -1);
    }

    private bool CanReuse(Binding old, CsSourceFile file, CsSymbols symbols)
    {
        if (!_sameCrateNames || !ReferenceEquals(old.Symbols, symbols)
            || !_reusedSymbols.Contains(symbols) || old.File.ProjectPath != file.ProjectPath || old.File.Path != file.Path)
            return false;
        if (old.Crate is not null && !_reusedCrates.Contains(old.Crate))
            return false;
        // A binding to a C/C++ library depends on that library only (SemanticModel.ResolveC), and on which library the name
        // finds: the same when every library is the previous object in the same order.
        if (old.CLibrary is not null)
            return _sameCLibraries;
        // A missing export or an unknown resolution also depends on the Rust files of the crate's directory outside its
        // module tree (a function defined in a file no `mod` names): reused only when none of them changed either.
        if (old.Resolution is ResolutionKind.MissingExport or ResolutionKind.Unknown && (old.Crate is null || !CrateDirectoryUnchanged(old.Crate)))
            return false;
        // One that a new library could now resolve is resolved again.
        return old.Resolution is not (ResolutionKind.UnresolvedLibrary or ResolutionKind.SystemLibrary);
    }

    /// <summary>
    /// The native rules' findings for a crate in the previous model, when the crate is reused (so the same object) and the
    /// same entry points of it are bound (HL2004 depends on which are).
    /// </summary>
    public bool TryNativeFindings(RustCrate crate, IReadOnlySet<string> bound, out NativeRules.CrateFindings findings)
    {
        findings = null!;
        return _previous is not null && _reusedCrates.Contains(crate)
            && _previous.NativeFindingsByCrate.TryGetValue(crate, out findings!) && findings.Bound.SetEquals(bound);
    }

    /// <summary>The findings the rules of the previous model's binding at <paramref name="index"/> produced.</summary>
    public (ImmutableArray<Finding> Findings, RuleRunner.UsedSuppressions Used) Findings(int index)
        => (_previous!.BindingFindings[index], _previous.BindingSuppressions[index]);
}
