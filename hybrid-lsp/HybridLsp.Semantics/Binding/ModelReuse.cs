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
        var at = PreviousIndexOf(file.Path, method, index);
        return at >= 0 && CanReuse(_previous!.Bindings[at], file, symbols) ? (_previous.Bindings[at], at) : (null, -1);
    }

    /// <summary>
    /// Where the previous model's binding of <paramref name="method"/> (an extern object of the file at
    /// <paramref name="path"/>) sits in its bindings, trying position <paramref name="hint"/> of the file first; -1: none.
    /// </summary>
    private int PreviousIndexOf(string path, CsExternMethod method, int hint = -1)
    {
        if (_previous is null || !_previous.BindingRanges.TryGetValue(path, out var range))
            return -1;
        if (hint >= 0 && hint < range.Count && ReferenceEquals(_previous.Bindings[range.Start + hint].Method, method))
            return range.Start + hint;
        for (var i = range.Start; i < range.Start + range.Count; i++)
        {
            if (ReferenceEquals(_previous.Bindings[i].Method, method))
                return i;
        }
        return -1;
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

    private readonly Dictionary<RustCrate, HashSet<string>?> _changedTypeNames = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// For a binding resolved again because its crate was rebuilt (a Rust file of the crate changed): the findings of the
    /// previous model's binding of the same extern, when its checks are certain to give them again. The C# side is the
    /// same (same extern object, reused symbols); the exports are the very function items of before (from unchanged files,
    /// so at the same places); the crate has the same manifest and module tree; and no type, alias, constant or `use` of
    /// the changed files has a name the binding's Rust signature reaches (through struct fields, aliases and `use`
    /// renames). Type lookups in a crate are by name, so this covers a type that moved, appeared or disappeared.
    /// </summary>
    public bool TryEquivalentFindings(Binding now, out ImmutableArray<Finding> findings, out RuleRunner.UsedSuppressions used)
    {
        findings = default;
        used = null!;
        if (_previous is null || _input is null || !_sameCrateNames || !_sameRustPaths || now.Resolution != ResolutionKind.Resolved
            || now.Crate is not { } crate || now.CLibrary is not null || PreviousIndexOf(now.File.Path, now.Method) is not (>= 0 and var at))
            return false;
        var old = _previous.Bindings[at];
        if (old.Resolution != ResolutionKind.Resolved || old.Crate is not { } oldCrate || oldCrate.ManifestPath != crate.ManifestPath
            || !ReferenceEquals(old.Symbols, now.Symbols) || !_reusedSymbols.Contains(now.Symbols) || old.File.ProjectPath != now.File.ProjectPath
            || old.Library != now.Library || old.EntryPoint != now.EntryPoint || old.UnknownReason != now.UnknownReason
            || old.OutsideModuleTree is not null || now.OutsideModuleTree is not null || !SameItems(old.Natives, now.Natives)
            || !old.NotExported.IsEmpty || !now.NotExported.IsEmpty)
            return false;
        if (ChangedTypeNames(oldCrate, crate) is not { } changed || changed.Count > 0 && Reaches(now, crate, changed))
            return false;
        (findings, used) = (_previous.BindingFindings[at], _previous.BindingSuppressions[at]);
        return true;
    }

    private static bool SameItems(ImmutableArray<CrateItem<Syntax.Rust.RustFunction>> a, ImmutableArray<CrateItem<Syntax.Rust.RustFunction>> b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i].Item, b[i].Item) || a[i].Path != b[i].Path || !Equals(a[i].Cfg, b[i].Cfg))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The names of the types, aliases, constants and `use` renames declared in the files of a rebuilt crate that changed
    /// (before and after); null when more than files changed: the manifest, the module tree or the crate's macros.
    /// </summary>
    private HashSet<string>? ChangedTypeNames(RustCrate before, RustCrate now)
    {
        if (_changedTypeNames.TryGetValue(now, out var cached))
            return cached;
        HashSet<string>? names = null;
        if (ReferenceEquals(before.Manifest.Manifest, now.Manifest.Manifest) && before.LibRoot == now.LibRoot && before.Files.SequenceEqual(now.Files)
            && before.HasMacroExports == now.HasMacroExports && before.MissingModules.IsEmpty && now.MissingModules.IsEmpty)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in now.Files)
            {
                var was = _previous!.Input.RustFiles.GetValueOrDefault(path)?.Syntax;
                var syntax = _input!.RustFiles.GetValueOrDefault(path)?.Syntax;
                if (ReferenceEquals(was, syntax))
                    continue;
                foreach (var file in new[] { was, syntax })
                {
                    if (file is null)
                        continue;
                    names.UnionWith(file.Structs.Select(i => i.Name));
                    names.UnionWith(file.Enums.Select(i => i.Name));
                    names.UnionWith(file.TypeAliases.Select(i => i.Name));
                    names.UnionWith(file.Consts.Select(i => i.Name));
                    foreach (var use in file.Uses)
                    {
                        names.Add(use.Alias);
                        names.UnionWith(use.Path);
                    }
                }
            }
        }
        _changedTypeNames[now] = names;
        return names;
    }

    /// <summary>Whether the Rust signature of the binding's exports reaches one of <paramref name="names"/>.</summary>
    private static bool Reaches(Binding binding, RustCrate crate, HashSet<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Syntax.Rust.RustType>();
        foreach (var native in binding.Natives)
        {
            foreach (var parameter in native.Item.Parameters)
                pending.Push(parameter.Type);
            if (native.Item.Return is { } ret)
                pending.Push(ret);
        }
        bool Name(string name)
        {
            if (!seen.Add(name))
                return false;
            if (names.Contains(name))
                return true;
            foreach (var s in crate.Structs.Where(s => s.Item.Name == name))
                s.Item.Fields.ToList().ForEach(f => pending.Push(f.Type));
            foreach (var a in crate.TypeAliases.Where(a => a.Item.Name == name))
                pending.Push(a.Item.Type);
            foreach (var use in crate.Uses.Where(u => u.Alias == name))
            {
                foreach (var segment in use.Path)
                {
                    if (Name(segment))
                        return true;
                }
            }
            return false;
        }
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Syntax.Rust.RustPathType path:
                    foreach (var segment in path.Segments)
                    {
                        if (Name(segment))
                            return true;
                    }
                    path.GenericArgs.ToList().ForEach(pending.Push);
                    break;
                case Syntax.Rust.RustRefType reference:
                    pending.Push(reference.Pointee);
                    break;
                case Syntax.Rust.RustPtrType pointer:
                    pending.Push(pointer.Pointee);
                    break;
                case Syntax.Rust.RustArrayType array:
                    pending.Push(array.Element);
                    if (Words(array.LengthText).Any(Name))
                        return true;
                    break;
                case Syntax.Rust.RustSliceType slice:
                    pending.Push(slice.Element);
                    break;
                case Syntax.Rust.RustTupleType tuple:
                    tuple.Elements.ToList().ForEach(pending.Push);
                    break;
                case Syntax.Rust.RustFnPtrType fn:
                    fn.Parameters.ToList().ForEach(pending.Push);
                    if (fn.Return is { } fnReturn)
                        pending.Push(fnReturn);
                    break;
                case Syntax.Rust.RustOtherType other:
                    if (Words(other.Text).Any(Name))
                        return true;
                    break;
            }
        }
        return false;
    }

    private static IEnumerable<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value);
}
