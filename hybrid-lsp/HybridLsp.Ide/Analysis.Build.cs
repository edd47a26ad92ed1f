using System.Collections.Immutable;
using HybridLsp.Ide.Assists;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>Every native module the workspace builds — Rust crates with a library and CMake shared libraries — with the C# externs bound to each.</summary>
    public ImmutableArray<BuildableModule> BuildModules(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = Model;
        var byCrate = model.Bindings.Where(b => b.Crate is not null).ToLookup(b => b.Crate!);
        var byLibrary = model.Bindings.Where(b => b.CLibrary is not null).ToLookup(b => b.CLibrary!);
        var builder = ImmutableArray.CreateBuilder<BuildableModule>();
        foreach (var crate in model.Crates.OrderBy(c => c.ManifestPath, StringComparer.Ordinal))
        {
            builder.Add(new BuildableModule(BuildSystem.Cargo, crate.PackageName ?? crate.LibName, crate.Directory, crate.Directory, crate.ManifestPath,
                crate.LibName, crate.IsCdylib, Bound(byCrate[crate]), CargoTargetDirectory(crate.Directory)));
        }
        foreach (var library in model.CLibraries.Where(l => l.CMake is not null).OrderBy(l => l.CMake!.ListFile, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal))
        {
            var cmake = library.CMake!;
            builder.Add(new BuildableModule(BuildSystem.CMake, library.Name, CMakeProjectDirectory(cmake.ListFile), cmake.SourceDir, cmake.ListFile,
                cmake.OutputName, cmake.IsShared, Bound(byLibrary[library]), CMakeProjectDirectory(cmake.ListFile) + "/build",
                cmake.Prefix, cmake.Suffix is ".so" or "" ? null : cmake.Suffix));
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// "Build NAME" lenses in <paramref name="path"/>: on a crate's Cargo.toml (at <c>[package]</c>), on each shared library's
    /// <c>add_library</c> in a CMakeLists.txt, and in a C# file on the first extern bound to each module (one lens per module
    /// and file, not per extern: a binding class of hundreds of externs would otherwise drown in lenses).
    /// </summary>
    public ImmutableArray<BuildLens> BuildLenses(string path, CancellationToken cancellationToken)
    {
        path = Normalize(path);
        var modules = BuildModules(cancellationToken);
        var lenses = ImmutableArray.CreateBuilder<BuildLens>();
        foreach (var module in modules.Where(m => m.ManifestPath == path))
        {
            var span = module.System == BuildSystem.Cargo ? PackageHeader(GetText(path)) : AddLibrarySpan(module);
            lenses.Add(new BuildLens(span, $"Build {module.Name}", module.Directory));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (module, entry) in modules
            .SelectMany(m => m.Bindings.Where(b => b.Path == path).Select(b => (Module: m, Entry: b)))
            .OrderBy(p => p.Entry.Span.Start))
        {
            if (seen.Add(module.ManifestPath + "\n" + module.Name))
                lenses.Add(new BuildLens(entry.Span, $"Build {module.Name}", module.Directory));
        }
        return lenses.ToImmutable();
    }

    /// <summary>
    /// The modules <paramref name="moduleDirectory"/> names: a crate by its folder or Cargo.toml; a CMake library by the
    /// folder it is declared in, its CMakeLists.txt, or its project's folder (then every shared library of the project).
    /// </summary>
    public ImmutableArray<BuildableModule> FindModules(string moduleDirectory, CancellationToken cancellationToken)
    {
        var wanted = Normalize(moduleDirectory).TrimEnd('/');
        if (wanted.EndsWith("/Cargo.toml", StringComparison.Ordinal) || wanted.EndsWith("/CMakeLists.txt", StringComparison.Ordinal))
            wanted = PathUtil.Directory(wanted);
        var modules = BuildModules(cancellationToken);
        var exact = modules.Where(m => m.ModuleDirectory == wanted).ToImmutableArray();
        return exact.IsEmpty ? [.. modules.Where(m => m.Directory == wanted)] : exact;
    }

    /// <summary>
    /// `hybrid-lsp wire`: the edit that makes <paramref name="projectPath"/> (whose text is <paramref name="projectText"/>)
    /// build the modules in <paramref name="moduleDirectory"/> (see <see cref="FindModules"/>) before its .NET build.
    /// One edit, however many modules: the differing middle of the old and the new text.
    /// </summary>
    public WireResult Wire(string projectPath, string projectText, string moduleDirectory, CancellationToken cancellationToken)
    {
        var modules = FindModules(moduleDirectory, cancellationToken).Where(m => m.IsLoadable || m.System == BuildSystem.Cargo).ToImmutableArray();
        if (modules.IsEmpty)
            return new WireResult(null, [], $"'{moduleDirectory}' holds no Rust crate and no CMake shared library this workspace knows");
        var text = projectText;
        foreach (var module in modules)
        {
            var result = WireNativeBuild.Apply(text, Normalize(projectPath), module);
            if (result.Error is not null)
                return result;
            text = result.NewText!;
        }
        return text == projectText ? new WireResult(text, [], null) : new WireResult(text, [MiddleEdit(projectText, text)], null);
    }

    private static TextEdit MiddleEdit(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
            suffix++;
        return new TextEdit(TextSpan.FromBounds(prefix, before.Length - suffix), after[prefix..(after.Length - suffix)]);
    }

    /// <summary>"Build NAME with dotnet build" on a C# extern bound to a loadable module, when the extern's project does not build it yet.</summary>
    private IEnumerable<CodeAction> WireActions(string path, TextSpan range, CancellationToken cancellationToken)
    {
        var bindings = Model.Bindings.Where(b => b.Path == path && b.File.ProjectPath is not null && (b.Crate is not null || b.CLibrary?.CMake is not null)
                                                 && range.Start <= b.Method.FullSpan.End && range.End >= b.Method.FullSpan.Start).ToList();
        if (bindings.Count == 0)
            yield break;
        var modules = BuildModules(cancellationToken);
        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            var manifest = binding.Crate?.ManifestPath ?? binding.CLibrary!.CMake!.ListFile;
            var name = binding.Crate is { } crate ? crate.PackageName ?? crate.LibName : binding.CLibrary!.Name;
            var project = binding.File.ProjectPath!;
            if (modules.FirstOrDefault(m => m.ManifestPath == manifest && m.Name == name) is not { IsLoadable: true } module
                || GetText(project) is not { } projectText || WireNativeBuild.IsWired(projectText, module) || !offered.Add(module.Name))
                continue;
            var result = WireNativeBuild.Apply(projectText, project, module);
            if (result.Changed)
                yield return new CodeAction($"Build {module.Name} with dotnet build", CodeActionKinds.Refactor, [], false, [new FileEdit(project, result.Edits)]) { RequiresTrust = true };
        }
    }

    private TextSpan AddLibrarySpan(BuildableModule module)
        => Model.CLibraries.FirstOrDefault(l => l.CMake is { } c && c.ListFile == module.ManifestPath && l.Name == module.Name)?.CMake?.NameSpan ?? default;

    private static TextSpan PackageHeader(string? text)
    {
        var at = text?.IndexOf("[package]", StringComparison.Ordinal) ?? -1;
        return at < 0 ? default : new TextSpan(at, "[package]".Length);
    }

    private static ImmutableArray<BoundEntryPoint> Bound(IEnumerable<Binding> bindings)
        => [.. bindings.Select(b => new BoundEntryPoint(b.EntryPoint, b.Path, b.Method.NameSpan, b.Method.ContainerSimpleName + "." + b.Method.Name))
            .OrderBy(b => b.Path, StringComparer.Ordinal).ThenBy(b => b.Span.Start)];

    /// <summary>cargo's target folder: beside the outermost Cargo.toml above the crate that declares a [workspace], else beside the crate's own.</summary>
    private string CargoTargetDirectory(string crateDirectory)
    {
        var root = _options.RootPath.Replace('\\', '/').TrimEnd('/');
        var best = crateDirectory;
        for (var directory = crateDirectory; ; directory = PathUtil.Directory(directory))
        {
            if (Model.Input.Manifests.TryGetValue(directory.TrimEnd('/') + "/Cargo.toml", out var manifest) && manifest.Manifest.WorkspaceMembers is not null)
                best = directory;
            if (directory == root || !PathUtil.IsUnder(directory, root) || PathUtil.Directory(directory) == directory)
                break;
        }
        return best.TrimEnd('/') + "/target";
    }

    /// <summary>
    /// The top-level project a CMakeLists.txt belongs to: CMake configures from the outermost folder whose CMakeLists.txt
    /// reaches this one through <c>add_subdirectory</c>, which is the outermost unbroken chain of parent folders that each
    /// hold a CMakeLists.txt (the same way discovery walks the workspace, shallowest list file first).
    /// </summary>
    private string CMakeProjectDirectory(string listFile)
    {
        var root = _options.RootPath.Replace('\\', '/').TrimEnd('/');
        var directory = PathUtil.Directory(listFile);
        while (directory != root && PathUtil.Directory(directory) is var parent && parent != directory
               && (parent == root || PathUtil.IsUnder(parent, root)) && IsKnown(parent.TrimEnd('/') + "/CMakeLists.txt"))
            directory = parent;
        return directory;
    }
}
