using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using HybridLsp.Ide.Extract;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HybridLsp.Ide.Assists;

/// <summary>What "Extract to native" is asked for: the language, the crate or library folder (null: chosen), the export name (null: derived).</summary>
public sealed record ExtractOptions(string Language, string? Into = null, string? Name = null)
{
    public const string Rust = "rust";
    public const string Cpp = "cpp";

    /// <summary>Also wire the module into the method's project (<see cref="WireNativeBuild"/>) when it does not build it yet.</summary>
    public bool Wire { get; init; } = true;

    /// <summary>Why an untrusted workspace's extraction leaves the project unwired (DESIGN §7).</summary>
    public const string UntrustedWireReason = "the workspace is not trusted (a wired project runs cargo or cmake on every dotnet build)";
}

/// <summary>
/// How an extraction wires its native module into `dotnet build`, given the modules the workspace knows: the module in a
/// folder by its name (<see cref="Analysis.FindModules"/>), and cargo's target folder for a crate the edit creates.
/// </summary>
internal sealed record ExtractWiring(Func<string, string, BuildableModule?> ExistingModule, Func<string, string> CargoTargetDirectory);

/// <summary>The extraction as one code action, or why there is none: <see cref="Error"/> (with <see cref="Blockers"/> when the method cannot move).</summary>
public sealed record ExtractResult(CodeAction? Action, string? Error, ImmutableArray<ExtractBlocker> Blockers)
{
    /// <summary>A method was found at the position (an error then concerns it, rather than the position).</summary>
    public bool FoundMethod { get; init; }

    /// <summary>The method's name: after the edit, the method of this name calls the native function and `NameManaged` keeps the original.</summary>
    public string? MethodName { get; init; }

    /// <summary>The crate or C/C++ library folder the function goes into: what to build, wire and benchmark next.</summary>
    public string? ModuleDirectory { get; init; }

    /// <summary>The .csproj the method's file belongs to (null when none): the project to wire the module into.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>After the edit, `dotnet build` of <see cref="ProjectPath"/> builds the module: the edit wires it, or it was already wired.</summary>
    public bool Wired { get; init; }

    /// <summary>What the extraction did about wiring, in a sentence ("App.csproj now builds kernels…", or why it is not wired).</summary>
    public string? WireNote { get; init; }
}

/// <summary>
/// "Extract to native" (`refactor.extract.native`) on a C# method: checks it can move (<see cref="ExtractAnalyzer"/>),
/// translates it (<see cref="RustWriter"/>, <see cref="CppWriter"/>), places the function in the crate or C++ library the
/// class already binds (or the only one, or `--into`), else in a new one rendered from native-templates/, adds the C#
/// binding where <see cref="GenerateBinding"/> would put it, and rewrites the method to call it, keeping the original as
/// `&lt;Name&gt;Managed`. All of it is one set of edits; files are only created, never overwritten.
/// </summary>
internal static partial class ExtractToNative
{
    private sealed class PlacementException(string message) : Exception(message);

    private sealed record Context(SemanticModel Model, string Path, string Text, string Root, Func<string, string?> TextOf, HashSet<string> Known, ExtractOptions Options, ExtractWiring? Wiring);

    /// <summary>The two actions (Rust, C++) offered on a method header; disabled with the reason when the method cannot move or has no place to go.</summary>
    public static ImmutableArray<CodeAction> Actions(SemanticModel model, string path, TextSpan range, string root, Func<string, string?> textOf, IEnumerable<string> knownPaths, ExtractWiring? wiring)
    {
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || textOf(path) is not { } text || !text.Contains('(') )
            return [];
        var known = knownPaths.ToHashSet(StringComparer.Ordinal);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var (language, display) in new[] { (ExtractOptions.Rust, "Rust"), (ExtractOptions.Cpp, "C++") })
        {
            var result = Run(model, path, range.Start, new ExtractOptions(language), root, textOf, known, headerOnly: true, wiring);
            if (!result.FoundMethod)
                return [];
            actions.Add(result.Action ?? new CodeAction($"Extract method to {display}", CodeActionKinds.RefactorExtractNative, [], IsPreferred: false, [])
            {
                DisabledReason = result.Error,
            });
        }
        return actions.ToImmutable();
    }

    /// <param name="wiring">Null: the edit never wires the build (as with <see cref="ExtractOptions.Wire"/> false).</param>
    public static ExtractResult Run(SemanticModel model, string path, int offset, ExtractOptions options, string root, Func<string, string?> textOf, IReadOnlySet<string> known, bool headerOnly, ExtractWiring? wiring)
    {
        if (textOf(path) is not { } text)
            return new ExtractResult(null, $"'{path}' is not a file of the workspace", []);
        if (options.Language is not (ExtractOptions.Rust or ExtractOptions.Cpp))
            return new ExtractResult(null, $"unknown language '{options.Language}' (rust or cpp)", []);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        // The code action waits until the method parses: a half-typed one would be judged on what the parser recovered.
        // Nor is it offered on declarations without a body (externs, partial and abstract declarations): there is nothing to move.
        if (ExtractAnalyzer.MethodAt(tree, offset, headerOnly) is not { } method || headerOnly && (method.ContainsDiagnostics || method.Body is null && method.ExpressionBody is null))
            return new ExtractResult(null, "no C# method at that position", []);
        var display = options.Language == ExtractOptions.Rust ? "Rust" : "C++";
        var analysis = ExtractAnalyzer.Analyze(method, name => FindStruct(model, tree, name, textOf));
        if (analysis.Method is not { } nmethod)
        {
            var first = analysis.Blockers[0];
            var more = analysis.Blockers.Length > 1 ? $"; and {analysis.Blockers.Length - 1} more" : "";
            return new ExtractResult(null, $"'{analysis.MethodName}' cannot move to native code: {first}{more}", analysis.Blockers) { FoundMethod = true };
        }
        try
        {
            var context = new Context(model, path, text, root.TrimEnd('/'), textOf, [.. known], options, options.Wire ? wiring : null);
            var (action, directory, wire) = Build(context, method, nmethod, display);
            return new ExtractResult(action, null, [])
            {
                FoundMethod = true,
                MethodName = nmethod.Name,
                ModuleDirectory = directory,
                ProjectPath = model.Input.CSharpFiles.GetValueOrDefault(path)?.ProjectPath,
                Wired = wire.Wired,
                WireNote = wire.Note,
            };
        }
        catch (PlacementException e)
        {
            return new ExtractResult(null, $"cannot extract '{nmethod.Name}' to {display}: {e.Message}", []) { FoundMethod = true };
        }
    }

    private static StructDeclarationSyntax? FindStruct(SemanticModel model, Microsoft.CodeAnalysis.SyntaxTree tree, string name, Func<string, string?> textOf)
    {
        var local = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>().Where(s => s.Identifier.ValueText == name).ToList();
        if (local.Count == 1)
            return local[0];
        var found = new List<StructDeclarationSyntax>();
        foreach (var file in model.Input.CSharpFiles.Values)
        {
            if (!file.Syntax.Structs.Any(s => s.Name == name && !s.IsClass && !s.IsRecord) || textOf(file.Path) is not { } text)
                continue;
            found.AddRange(CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>().Where(s => s.Identifier.ValueText == name));
        }
        return found.Count == 1 ? found[0] : null; // two structs of that name: which one is meant needs the semantic model
    }

    /// <param name="Directory">The crate or library folder the function goes into (what `hybridLsp.build` and wire take).</param>
    /// <param name="ModuleName">The module's name as <see cref="BuildableModule.Name"/> has it (package name, CMake target).</param>
    /// <param name="NewModule">The module the edit creates (not yet known to the workspace), else null.</param>
    private sealed record Placement(string LibraryName, Func<Binding, bool> BindsLibrary, ImmutableArray<FileEdit> Edits, string Where, string Directory,
        string ModuleName, BuildableModule? NewModule);

    /// <summary>The wiring part of an extraction: the project edit (null: none), whether the project builds the module afterwards, and what happened.</summary>
    private sealed record WirePart(FileEdit? Edit, bool Wired, string? Note);

    private static (CodeAction Action, string Directory, WirePart Wire) Build(Context context, MethodDeclarationSyntax method, NMethod nmethod, string display)
    {
        var container = method.Parent as TypeDeclarationSyntax ?? throw new PlacementException("the method is not in a type");
        var managedName = nmethod.Name + "Managed";
        if (container.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == managedName))
            throw new PlacementException($"'{container.Identifier.ValueText}' already has a method '{managedName}'");
        var className = container.Identifier.ValueText;
        var placement = context.Options.Language == ExtractOptions.Rust
            ? PlaceRust(context, nmethod, className, out var exportName)
            : PlaceCpp(context, nmethod, className, out exportName);

        var csFile = context.Model.Input.CSharpFiles.GetValueOrDefault(context.Path);
        var target = GenerateBinding.FindTarget(context.Model, placement.BindsLibrary, placement.LibraryName, csFile?.ProjectPath, context.TextOf)
            ?? throw new PlacementException("there is no single place for its C# binding (no class binds the library and the file belongs to no single project)");
        target = target with { NameCdecl = GenerateBinding.NeedsCdecl(context.Model) };
        if (target.LibraryImport && target.Body is { IsPartial: false })
            throw new PlacementException($"class '{target.ClassName}' uses LibraryImport but is not partial");

        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var creates = new List<FileEdit>();
        void Add(FileEdit e)
        {
            if (e.Creates)
            {
                creates.Add(e);
                return;
            }
            if (!edits.TryGetValue(e.Path, out var list))
                edits[e.Path] = list = [];
            list.AddRange(e.Edits);
        }
        foreach (var e in placement.Edits)
            Add(e);

        var nl = context.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var binding = BindingDeclaration(nmethod, exportName, target);
        if (target.InsertAt is { } at)
            Add(new FileEdit(target.Path, [new TextEdit(new TextSpan(at, 0), Indent(binding, target.Indent, target.Newline))]));
        else
        {
            var file = new StringBuilder();
            file.Append("using System.Runtime.InteropServices;\n\n");
            file.Append("internal static partial class ").Append(target.ClassName).Append("\n{\n").Append(Indent(binding, "    ", "\n")).Append("}\n");
            Add(new FileEdit(target.Path, [new TextEdit(new TextSpan(0, 0), file.ToString())]) { Creates = true });
        }

        // The C# method: the original keeps its body under <Name>Managed; a method of the original name calls the native function.
        var indent = SourceLines.LineIndent(context.Text, method.SpanStart);
        var wrapper = Wrapper(method, nmethod, exportName, "global::" + target.FullName, managedName, placement.Where);
        Add(new FileEdit(context.Path, [
            new TextEdit(new TextSpan(method.Identifier.SpanStart, method.Identifier.Span.Length), managedName),
            new TextEdit(new TextSpan(method.Span.End, 0), nl + nl + Indent(wrapper, indent, nl).TrimEnd('\r', '\n')),
        ]));

        foreach (var path in edits.Keys.Concat(creates.Select(c => c.Path)))
        {
            if (!(PathUtil.IsUnder(path, context.Root) || context.Root == ""))
                throw new PlacementException($"'{path}' is outside the workspace");
        }
        ImmutableArray<FileEdit> All() => [.. edits.Select(p => new FileEdit(p.Key, [.. p.Value.OrderBy(e => e.Span.Start)])).Concat(creates).OrderBy(e => e.Path, StringComparer.Ordinal)];
        var title = $"Extract '{nmethod.Name}' to {display} ('{exportName}' in {placement.Where})";
        var unwired = All();
        var wire = Wire(context, placement, csFile?.ProjectPath);
        if (wire.Edit is not { } wireEdit)
            return (new CodeAction(title, CodeActionKinds.RefactorExtractNative, [], IsPreferred: false, unwired), placement.Directory, wire);
        // The wired edit makes the next `dotnet build` run cargo or cmake: it needs trust (DESIGN §7). An untrusted
        // workspace gets the same extraction without the project edit, and its title says so.
        Add(wireEdit);
        var project = PathUtil.FileName(wireEdit.Path);
        return (new CodeAction($"{title}, built by {project}", CodeActionKinds.RefactorExtractNative, [], IsPreferred: false, All())
        {
            RequiresTrust = true,
            Untrusted = new CodeAction($"{title}; not wired into {project}: untrusted workspace", CodeActionKinds.RefactorExtractNative, [], IsPreferred: false, unwired),
        }, placement.Directory, wire);
    }

    /// <summary>
    /// The MSBuild block that makes the method's project build the module (<see cref="WireNativeBuild"/>), when it does not
    /// already; a module the edit creates is wired as the workspace will see it once created. What cannot be wired leaves
    /// the extraction as it is, with the reason.
    /// </summary>
    private static WirePart Wire(Context context, Placement placement, string? project)
    {
        if (context.Wiring is not { } wiring)
            return new WirePart(null, false, null);
        if (project is null)
            return new WirePart(null, false, $"not wired into dotnet build: '{PathUtil.FileName(context.Path)}' belongs to no .csproj");
        var name = PathUtil.FileName(project);
        if (!(PathUtil.IsUnder(project, context.Root) || context.Root == ""))
            return new WirePart(null, false, $"not wired into dotnet build: '{project}' is outside the workspace");
        var module = placement.NewModule ?? wiring.ExistingModule(placement.Directory, placement.ModuleName);
        if (module is null)
            return new WirePart(null, false, $"not wired into dotnet build: '{placement.ModuleName}' is no module the workspace builds");
        if (context.TextOf(project) is not { } projectText)
            return new WirePart(null, false, $"not wired into dotnet build: '{name}' is not readable");
        var result = WireNativeBuild.Apply(projectText, project, module);
        if (result.Error is { } error)
            return new WirePart(null, false, $"not wired into dotnet build: {error}");
        return result.Changed
            ? new WirePart(new FileEdit(project, result.Edits), true, $"'dotnet build' of {name} now builds {module.Name} first and copies its library next to the app")
            : new WirePart(null, true, $"{name} already builds {module.Name}");
    }

    // ---------------------------------------------------------------- Rust

    private static Placement PlaceRust(Context context, NMethod method, string className, out string exportName)
    {
        var model = context.Model;
        RustCrate? crate;
        string? newFolder = null;
        if (context.Options.Into is { } into)
        {
            var folder = Folder(context, into);
            crate = model.Crates.FirstOrDefault(c => c.Directory == folder);
            if (crate is null)
            {
                if (context.Known.Any(p => PathUtil.IsUnder(p, folder)))
                    throw new PlacementException($"'{PathUtil.Relative(folder, context.Root)}' exists and holds no Cargo crate");
                newFolder = folder;
            }
        }
        else
        {
            crate = model.Bindings.Where(b => b.Crate is not null && b.Method.ContainerSimpleName == className).Select(b => b.Crate).FirstOrDefault()
                ?? (model.Crates.Count(c => c.IsCdylib) == 1 ? model.Crates.First(c => c.IsCdylib) : null);
        }

        if (crate is not null)
        {
            if (!crate.LibRootFound || context.TextOf(crate.LibRoot) is not { } rootText)
                throw new PlacementException($"crate '{crate.LibName}' has no library root file");
            exportName = ExportName(context, crate.LibName, method.Name);
            var name = exportName;
            if (crate.ExportsBySymbol.ContainsKey(name) || crate.Functions.Any(f => f.Item.Name == name && f.Item.ModulePath.Length == 0))
                throw new PlacementException($"crate '{crate.LibName}' already has a function '{name}' (choose another name)");
            var edition2024 = crate.Manifest.Manifest.Edition == "2024" || context.TextOf(crate.ManifestPath) is not { } manifest || InheritedEdition().IsMatch(manifest);
            var items = new StringBuilder();
            foreach (var s in method.Structs)
            {
                if (crate.FindStruct(s.Name) is { } existing)
                {
                    var expected = RustWriter.FieldNames(s).Select(p => p.Name).ToList();
                    if (!existing.Item.Repr.C || !existing.Item.Fields.Select(f => f.Name).SequenceEqual(expected))
                        throw new PlacementException($"crate '{crate.LibName}' already defines a struct '{s.Name}' that is not '#[repr(C)]' with the fields {string.Join(", ", expected)}");
                    continue;
                }
                items.Append(RustWriter.Struct(s)).Append('\n');
            }
            items.Append(RustWriter.Function(method, name, edition2024, Origin(className, method)));
            var edit = CreateRustFunction.AppendItem(rootText, items.ToString().TrimEnd('\n'));
            return new Placement(crate.LibName, b => b.Crate == crate, [new FileEdit(crate.LibRoot, [edit])], $"crate '{crate.PackageName ?? crate.LibName}'", crate.Directory,
                crate.PackageName ?? crate.LibName, null);
        }

        var crateName = newFolder is not null ? PathUtil.FileName(newFolder) : Names.Snake(className).Trim('_');
        if (!CreateRustCrate.IsNewCrateName(model, crateName))
            throw new PlacementException($"'{crateName}' cannot name a new crate (lowercase letters, digits and '_', not taken): pass a folder with --into");
        var directory = newFolder ?? CreateRustCrate.Folder(model, context.Root, crateName) ?? throw new PlacementException("no folder for a new crate inside the workspace");
        exportName = ExportName(context, crateName, method.Name);
        var functions = new StringBuilder("\n");
        foreach (var s in method.Structs)
            functions.Append(RustWriter.Struct(s)).Append('\n');
        functions.Append(RustWriter.Function(method, exportName, edition2024: true, Origin(className, method)));
        var rendering = NativeTemplates.Render(NativeTemplates.Get(NativeTemplates.RustCdylib), directory, context.Root,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["crate_name"] = crateName, ["edition"] = CreateRustCrate.Edition, ["functions"] = functions.ToString().TrimEnd('\n') },
            context.Known.Contains);
        if (!rendering.Succeeded)
            throw new PlacementException(rendering.Error!);
        var edits = rendering.Files.ToBuilder();
        if (CreateRustCrate.WorkspaceMember(model, directory, context.TextOf) is { } member)
        {
            if (member.Edit is not { } edit)
                throw new PlacementException("the Cargo workspace that would hold the new crate has a manifest this edit does not understand");
            if (edit.Edits.Length > 0)
                edits.Add(edit);
        }
        var libName = crateName;
        var newModule = context.Wiring is { } wiring
            ? new BuildableModule(BuildSystem.Cargo, crateName, directory, directory, directory + "/Cargo.toml", crateName, IsLoadable: true, [], wiring.CargoTargetDirectory(directory))
            : null;
        return new Placement(libName, b => b.Library is { } l && LibraryNames.Normalize(l) == libName, edits.ToImmutable(), $"new crate '{PathUtil.Relative(directory, context.Root)}'", directory,
            crateName, newModule);
    }

    // ---------------------------------------------------------------- C++

    private static Placement PlaceCpp(Context context, NMethod method, string className, out string exportName)
    {
        var model = context.Model;
        CLibrary? library;
        string? newFolder = null;
        if (context.Options.Into is { } into)
        {
            var folder = Folder(context, into);
            library = model.CLibraries.FirstOrDefault(l => l.Directory == folder && l.CMake is not null);
            if (library is null)
            {
                if (context.Known.Any(p => PathUtil.IsUnder(p, folder)))
                    throw new PlacementException($"'{PathUtil.Relative(folder, context.Root)}' exists and holds no CMake library");
                newFolder = folder;
            }
        }
        else
        {
            library = model.Bindings.Where(b => b.CLibrary is { IsCxx: true, CMake: not null } && b.Method.ContainerSimpleName == className).Select(b => b.CLibrary).FirstOrDefault()
                ?? (model.CLibraries.Count(l => l.IsCxx && l.CMake is not null) == 1 ? model.CLibraries.First(l => l.IsCxx && l.CMake is not null) : null);
        }

        if (library is not null)
        {
            var source = library.Sources.FirstOrDefault(s => s.EndsWith(".cpp", StringComparison.Ordinal) || s.EndsWith(".cc", StringComparison.Ordinal) || s.EndsWith(".cxx", StringComparison.Ordinal))
                ?? throw new PlacementException($"library '{library.Name}' has no C++ source file (a C library cannot hold C++ code: pass a new folder with --into)");
            if (context.TextOf(source) is not { } sourceText)
                throw new PlacementException($"'{source}' is not readable");
            var header = library.Headers.FirstOrDefault(h => context.TextOf(h) is { } t && sourceText.Contains("\"" + PathUtil.FileName(h) + "\"", StringComparison.Ordinal) && ExportMacro().IsMatch(t))
                ?? throw new PlacementException($"library '{library.Name}' has no header with an export macro (#define NAME_API) that '{PathUtil.FileName(source)}' includes");
            var headerText = context.TextOf(header)!;
            var macro = ExportMacro().Match(headerText).Groups["name"].Value;
            exportName = ExportName(context, library.LoaderName, method.Name);
            var name = exportName;
            if (library.Targets.Values.Any(t => t.FunctionsByName.ContainsKey(name) || t.ExportsBySymbol.ContainsKey(name)))
                throw new PlacementException($"library '{library.Name}' already has a function '{name}' (choose another name)");
            var close = ExternCClose().Matches(headerText).LastOrDefault()
                ?? throw new PlacementException($"'{PathUtil.FileName(header)}' has no `#ifdef __cplusplus }} #endif` closing an extern \"C\" block to add the declaration to");
            var declarations = new StringBuilder();
            var records = library.Targets.Values.SelectMany(t => t.Records.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var s in method.Structs.Where(s => !records.Contains(s.Name)))
                declarations.Append(CppWriter.Struct(s)).Append('\n');
            var (declaration, definition) = CppWriter.Function(method, name, macro, Origin(className, method));
            declarations.Append(declaration).Append('\n');
            var headerEdit = new TextEdit(new TextSpan(close.Index, 0), Newlines(declarations.ToString(), headerText));
            var sourceEdit = CreateRustFunction.AppendItem(sourceText, CppWriter.Includes + "\n" + definition.TrimEnd('\n'));
            return new Placement(library.LoaderName, b => b.CLibrary == library, [new FileEdit(header, [headerEdit]), new FileEdit(source, [sourceEdit])],
                $"C++ library '{library.Name}'", library.Directory, library.Name, null);
        }

        var libName = newFolder is not null ? PathUtil.FileName(newFolder) : Names.Snake(className).Trim('_');
        if (!LibraryName().IsMatch(libName) || model.CLibraries.Any(l => l.Name == libName || l.LoaderName == libName) || model.Crates.Any(c => c.LibName == libName))
            throw new PlacementException($"'{libName}' cannot name a new library (letters, digits and '_', not taken): pass a folder with --into");
        var directory = newFolder ?? context.Root + "/native/" + libName;
        exportName = ExportName(context, libName, method.Name);
        var macroPrefix = Regex.Replace(libName.ToUpperInvariant(), "[^A-Z0-9_]", "_");
        var structs = string.Concat(method.Structs.Select(s => CppWriter.Struct(s) + "\n"));
        var (decl, def) = CppWriter.Function(method, exportName, macroPrefix + "_API", Origin(className, method));
        var rendering = NativeTemplates.Render(NativeTemplates.Get(NativeTemplates.CppShared), directory, context.Root,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["lib_name"] = libName, ["macro_prefix"] = macroPrefix,
                ["declarations"] = structs + decl, ["definitions"] = CppWriter.Includes + "\n" + def.TrimEnd('\n'),
            },
            context.Known.Contains);
        if (!rendering.Succeeded)
            throw new PlacementException(rendering.Error!);
        // The template is a CMake project of its own (configured in its folder), building lib<name>.so into <folder>/build.
        var module = new BuildableModule(BuildSystem.CMake, libName, directory, directory, directory + "/CMakeLists.txt", libName, IsLoadable: true, [], directory + "/build");
        return new Placement(libName, b => b.Library is { } l && LibraryNames.Normalize(l) == libName, rendering.Files, $"new C++ library '{PathUtil.Relative(directory, context.Root)}'", directory,
            libName, module);
    }

    // ---------------------------------------------------------------- C#

    private static string BindingDeclaration(NMethod method, string exportName, GenerateBinding.Target target)
    {
        var q = target.Qualify ? "System.Runtime.InteropServices." : "";
        var parameters = new List<string>();
        var names = method.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var p in method.Parameters)
        {
            var name = CsName(p.Name);
            switch (p.Type.Kind)
            {
                case NKind.Span:
                    parameters.Add($"ref {BlittableElement(p.Type.Element!)} {name}");
                    var length = p.Name + "Length";
                    while (!names.Add(length))
                        length += "_";
                    parameters.Add($"nuint {CsName(length)}");
                    break;
                case NKind.Bool:
                    parameters.Add($"[{q}MarshalAs({q}UnmanagedType.U1)] bool {name}");
                    break;
                case NKind.Char:
                    parameters.Add($"[{q}MarshalAs({q}UnmanagedType.U2)] char {name}");
                    break;
                default:
                    parameters.Add($"{TypeName(p.Type)} {name}");
                    break;
            }
        }
        var sb = new StringBuilder();
        if (target.LibraryImport)
        {
            sb.Append($"[{q}LibraryImport({target.LibraryText}, EntryPoint = \"{exportName}\")]\n");
            if (target.NameCdecl)
                sb.Append($"[{q}UnmanagedCallConv(CallConvs = new[] {{ typeof(System.Runtime.CompilerServices.CallConvCdecl) }})]\n");
        }
        else
            sb.Append($"[{q}DllImport({target.LibraryText}, EntryPoint = \"{exportName}\", CallingConvention = {q}CallingConvention.Cdecl)]\n");
        if (method.Return.Kind == NKind.Bool)
            sb.Append($"[return: {q}MarshalAs({q}UnmanagedType.U1)]\n");
        else if (method.Return.Kind == NKind.Char)
            sb.Append($"[return: {q}MarshalAs({q}UnmanagedType.U2)]\n");
        sb.Append("internal static ").Append(target.LibraryImport ? "partial " : "extern ").Append(TypeName(method.Return)).Append(' ').Append(CsName(exportName))
            .Append('(').Append(string.Join(", ", parameters)).Append(");\n");
        return sb.ToString();
    }

    /// <summary>`char` and `bool` elements are not blittable for the marshaller (ANSI chars, 4-byte BOOL): they cross as their bits.</summary>
    private static string BlittableElement(NType element) => element.Kind switch { NKind.Char => "ushort", NKind.Bool => "byte", _ => element.CsName };

    private static string TypeName(NType t) => t.Kind == NKind.Struct ? "global::" + t.Struct!.FullName : t.CsName;

    private static string Wrapper(MethodDeclarationSyntax method, NMethod nmethod, string exportName, string bindingClass, string managedName, string where)
    {
        var arguments = new List<string>();
        foreach (var p in nmethod.Parameters)
        {
            var name = CsName(p.Name);
            if (p.Type.Kind == NKind.Span)
            {
                const string marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
                var element = p.Type.Element!;
                if (BlittableElement(element) != element.CsName)
                    arguments.Add($"ref {marshal}.GetReference({marshal}.Cast<{element.CsName}, {BlittableElement(element)}>({name}))");
                else
                    arguments.Add(p.Type.IsArray ? $"ref {marshal}.GetArrayDataReference({name})" : $"ref {marshal}.GetReference({name})");
                arguments.Add($"(nuint){name}.Length");
            }
            else
                arguments.Add(name);
        }
        var call = $"{bindingClass}.{CsName(exportName)}({string.Join(", ", arguments)});";
        var sb = new StringBuilder();
        sb.Append($"// Runs natively: '{exportName}' in {where} (hybrid-lsp extract). The C# original is '{managedName}'.\n");
        sb.Append(string.Join(" ", method.Modifiers.Select(m => m.ValueText))).Append(method.Modifiers.Count > 0 ? " " : "")
            .Append(method.ReturnType.ToString().Trim()).Append(' ').Append(method.Identifier.ValueText).Append(method.ParameterList.ToString().Trim()).Append('\n');
        sb.Append("{\n    ").Append(nmethod.Return.Kind == NKind.Void ? call : "return " + call).Append("\n}\n");
        return sb.ToString();
    }

    private static string CsName(string name) => GenerateBinding.Keywords.Contains(name) ? "@" + name : name;

    // ---------------------------------------------------------------- helpers

    private static string Origin(string className, NMethod method) => $"'{className}.{method.Name}'";

    private static string ExportName(Context context, string libName, string methodName)
    {
        var name = context.Options.Name ?? Names.Snake(libName).Trim('_') + "_" + Names.Snake(methodName).Trim('_');
        if (!Identifier().IsMatch(name) || Names.RustKeywords.Contains(name) || Names.CppKeywords.Contains(name) || GenerateBinding.Keywords.Contains(name))
            throw new PlacementException($"'{name}' is not a valid name for an exported function");
        return name;
    }

    private static string Folder(Context context, string into)
    {
        var path = into.Replace('\\', '/').TrimEnd('/');
        if (!path.StartsWith('/') && !Regex.IsMatch(path, "^[A-Za-z]:/"))
            path = context.Root + "/" + path;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "." || segment.Length == 0 && segments.Count > 0)
                continue;
            if (segment == "..")
            {
                if (segments.Count > 1)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        var folder = string.Join("/", segments);
        if (folder.Length == 0)
            folder = "/";
        if (!PathUtil.IsUnder(folder, context.Root))
            throw new PlacementException($"'{into}' is not a folder inside the workspace");
        return folder;
    }

    private static string Indent(string text, string indent, string nl) =>
        string.Join(nl, text.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "" : indent + l)) + nl;

    private static string Newlines(string text, string like) => like.Contains("\r\n", StringComparison.Ordinal) ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;

    [GeneratedRegex(@"^\s*edition\s*(\.\s*workspace|=\s*\{)", RegexOptions.Multiline)]
    private static partial Regex InheritedEdition();

    [GeneratedRegex(@"^[ \t]*#[ \t]*define[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*_(?:API|EXPORT|PUBLIC))\b", RegexOptions.Multiline)]
    private static partial Regex ExportMacro();

    [GeneratedRegex(@"^[ \t]*#[ \t]*ifdef[ \t]+__cplusplus[ \t]*\r?\n[ \t]*\}[^\n]*\r?\n[ \t]*#[ \t]*endif", RegexOptions.Multiline)]
    private static partial Regex ExternCClose();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex LibraryName();
}
