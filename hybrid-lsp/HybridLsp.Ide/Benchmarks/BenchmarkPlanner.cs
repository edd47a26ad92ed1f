using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Ide.Benchmarks;

/// <summary>
/// Decides what "Benchmark managed vs native" measures for the C# method at a position: the pair `Name`/`NameManaged`
/// when the type has both (the convention "Extract to native" follows), else a bound extern alone. Finds the .csproj
/// that compiles it and the native module to build, and generates the benchmark class (<see cref="BenchmarkCode"/>).
/// </summary>
internal static partial class BenchmarkPlanner
{
    public const string ManagedSuffix = "Managed";
    public const string BenchmarksFolder = ".hybrid-lsp/benchmarks";

    public static BenchmarkPlanResult Plan(Analysis analysis, FilePosition position, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var path = position.Path.Replace('\\', '/');
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || analysis.GetText(path) is not { } text)
            return Fail("place the cursor on a C# method in a .cs file of the workspace");
        if (options.Sizes.IsDefaultOrEmpty || options.Sizes.Any(s => s is < 1 or > 64 * 1024 * 1024))
            return Fail("buffer sizes must be between 1 and 67108864 elements");

        var methods = CsMethodReader.Read(text, cancellationToken);
        var bindings = analysis.Bindings(cancellationToken).Where(b => b.Path == path).ToImmutableArray();
        // The method whose declaration holds the cursor; an extern [LibraryImport] partial is a method too.
        var atCursor = methods.Where(m => m.FullSpan.Start <= position.Offset && position.Offset <= m.FullSpan.End)
            .OrderBy(m => m.FullSpan.Length).FirstOrDefault();
        if (atCursor is null)
            return Fail("place the cursor on a C# method: a bound extern, or a method 'Name' with a managed twin 'NameManaged'");

        var inType = methods.Where(m => m.Container == atCursor.Container).ToImmutableArray();
        CsMethodSignature native;
        CsMethodSignature? managed = null;
        if (atCursor.Name.EndsWith(ManagedSuffix, StringComparison.Ordinal) && atCursor.Name.Length > ManagedSuffix.Length
            && Twin(inType, atCursor.Name[..^ManagedSuffix.Length], atCursor) is { } wrapper)
            (native, managed) = (wrapper, atCursor);
        else
            (native, managed) = (atCursor, Twin(inType, atCursor.Name + ManagedSuffix, atCursor));

        // The extern the native side reaches: the method itself, or an extern of the file its body calls.
        var binding = bindings.FirstOrDefault(b => b.Name == native.Name && b.Container == native.Container && b.Span == native.NameSpan)
            ?? native.Invoked.Select(name => bindings.Where(b => b.Name == name).OrderBy(b => b.Container == native.Container ? 0 : 1).FirstOrDefault())
                .FirstOrDefault(b => b is not null);
        if (binding is null)
            return Fail(managed is null
                ? $"'{native.Name}' is not a [DllImport]/[LibraryImport] method and has no managed twin '{native.Name}{ManagedSuffix}' to compare with"
                : $"'{native.Name}' calls no [DllImport]/[LibraryImport] method of this file, so there is no native side to measure");
        if (binding.Resolution != BindingResolution.Resolved || binding.Native is null)
            return Fail($"'{binding.Name}' is not bound to a native function built in this workspace (library '{binding.Library}')");

        if (!native.IsStatic || managed is { IsStatic: false })
            return Fail($"only static methods can be benchmarked; '{(native.IsStatic ? managed!.Name : native.Name)}' is an instance method");
        if (native.IsGeneric || managed is { IsGeneric: true } || native.ReflectionContainer.Contains('`'))
            return Fail("generic methods and methods of generic types cannot be benchmarked");

        if (Module(analysis, binding, cancellationToken) is not { } module)
            return Fail($"the native module of '{binding.EntryPoint}' (library '{binding.Library}') is not built by a Cargo.toml or CMakeLists.txt in this workspace");
        if (CSharpProjectOf(analysis, path) is not { } project)
            return Fail($"no .csproj in the folders above '{path}' compiles it");

        if (BenchmarkCode.Classify(native) is not { } shape)
            return Fail(BenchmarkCode.Unsupported(native));
        var root = analysis.Options.RootPath.Replace('\\', '/').TrimEnd('/');
        var typeName = native.Container[(native.Container.LastIndexOf('.') + 1)..];
        var projectName = $"{typeName}.{native.Name}.Benchmarks";
        var assembly = AssemblyName(project, analysis.GetText(project));
        var title = managed is null
            ? $"{native.Name}: native ({binding.Native.Symbol})"
            : $"{native.Name}: managed vs native ({binding.Native.Symbol})";
        var members = BenchmarkCode.Members(shape, assembly, native.ReflectionContainer, native.Name, managed?.Name, options.Sizes);
        return new BenchmarkPlanResult(new BenchmarkPlan(
            title, managed is null ? BenchmarkKind.NativeOnly : BenchmarkKind.ManagedVsNative, path, native.Container, native.ReflectionContainer,
            native.Name, managed?.Name, binding.Library, binding.Native.Symbol, project, assembly, module,
            $"{root}/{BenchmarksFolder}/{projectName}", projectName, members), null);
    }

    /// <summary>
    /// "Benchmark" lenses in a C# file: on each method `Name` with a managed twin `NameManaged` that calls a bound extern of
    /// the file (what extraction leaves), and on each bound extern, wherever <see cref="Plan"/> would plan that method — the
    /// same checks (static, not generic, a supported signature, an export built by a Cargo.toml or CMakeLists.txt of the
    /// workspace, a .csproj above the file), computed once per file rather than once per method.
    /// </summary>
    public static ImmutableArray<BenchmarkLens> Lenses(Analysis analysis, string path, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || analysis.GetText(path) is not { } text)
            return [];
        var bindings = analysis.Bindings(cancellationToken).Where(b => b.Path == path).ToImmutableArray();
        if (bindings.IsEmpty || CSharpProjectOf(analysis, path) is null)
            return [];
        var methods = CsMethodReader.Read(text, cancellationToken);
        HashSet<(string Symbol, string Path)>? built = null;
        bool Built(BindingInfo b)
        {
            built ??= [.. analysis.TargetNames.SelectMany(t => analysis.NativeModules(t, cancellationToken))
                .Where(m => m.ManifestPath.EndsWith("Cargo.toml", StringComparison.Ordinal) || m.ManifestPath.EndsWith("CMakeLists.txt", StringComparison.Ordinal))
                .SelectMany(m => m.Exports.Select(e => (e.Symbol, e.Path)))];
            return b.Resolution == BindingResolution.Resolved && b.Native is { } n && built.Contains((n.Symbol, n.Path));
        }
        // Indexed once: a binding class of thousands of externs must not cost a scan of the file per method.
        var byName = methods.ToLookup(m => (m.Container, m.Name));
        var boundAt = bindings.GroupBy(b => (b.Name, b.Container, b.Span)).ToDictionary(g => g.Key, g => g.First());
        var bindingsByName = bindings.ToLookup(b => b.Name);
        var lenses = ImmutableArray.CreateBuilder<BenchmarkLens>();
        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!method.IsStatic || method.IsGeneric || method.ReflectionContainer.Contains('`') || BenchmarkCode.Classify(method) is null)
                continue;
            var twin = Twin([.. byName[(method.Container, method.Name + ManagedSuffix)]], method.Name + ManagedSuffix, method);
            var pair = twin is { IsStatic: true, IsGeneric: false };
            if (boundAt.GetValueOrDefault((method.Name, method.Container, method.NameSpan)) is { } bound)
            {
                if (Built(bound) && (twin is null || pair))
                    lenses.Add(new BenchmarkLens(method.NameSpan, pair ? "Benchmark managed vs native" : "Benchmark native", method.Name, pair));
                continue;
            }
            if (!pair)
                continue;
            var called = method.Invoked.Select(name => bindingsByName[name].OrderBy(b => b.Container == method.Container ? 0 : 1).FirstOrDefault())
                .FirstOrDefault(b => b is not null);
            if (called is not null && Built(called))
                lenses.Add(new BenchmarkLens(method.NameSpan, "Benchmark managed vs native", method.Name, Pair: true));
        }
        return lenses.ToImmutable();
    }

    /// <summary>A static method named <paramref name="name"/> with the same parameter and return types as <paramref name="other"/>.</summary>
    private static CsMethodSignature? Twin(ImmutableArray<CsMethodSignature> inType, string name, CsMethodSignature other) =>
        inType.FirstOrDefault(m => m.Name == name && !ReferenceEquals(m, other) && m.ReturnTypeText == other.ReturnTypeText
            && m.Parameters.Select(p => (p.RefKind, p.TypeText)).SequenceEqual(other.Parameters.Select(p => (p.RefKind, p.TypeText))));

    private static NativeModuleTarget? Module(Analysis analysis, BindingInfo binding, CancellationToken cancellationToken)
    {
        var native = binding.Native!;
        foreach (var target in analysis.TargetNames)
        {
            foreach (var module in analysis.NativeModules(target, cancellationToken))
            {
                if (!module.Exports.Any(e => e.Symbol == native.Symbol && e.Path == native.Path))
                    continue;
                var manifest = module.ManifestPath.Replace('\\', '/');
                var directory = manifest.Contains('/') ? manifest[..manifest.LastIndexOf('/')] : manifest;
                if (manifest.EndsWith("/Cargo.toml", StringComparison.Ordinal))
                    return new NativeModuleTarget(NativeBuildSystem.Cargo, directory, module.LibName);
                if (manifest.EndsWith("/CMakeLists.txt", StringComparison.Ordinal))
                    return new NativeModuleTarget(NativeBuildSystem.CMake, directory, module.LibName, module.PackageName ?? module.LibName);
            }
        }
        return null;
    }

    /// <summary>The nearest .csproj in the folder of <paramref name="path"/> or above (the one MSBuild would compile it with).</summary>
    private static string? CSharpProjectOf(Analysis analysis, string path)
    {
        var projects = analysis.Paths.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
        for (var folder = Folder(path); folder is not null; folder = Folder(folder))
        {
            var here = projects.Where(p => Folder(p) == folder).Order(StringComparer.Ordinal).ToImmutableArray();
            if (!here.IsEmpty)
                return here[0];
        }
        return null;
    }

    private static string? Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? null : path[..slash];
    }

    /// <summary>`&lt;AssemblyName&gt;` of the project when it is a plain word, else the file name (MSBuild's default).</summary>
    internal static string AssemblyName(string projectPath, string? projectText)
    {
        if (projectText is not null && AssemblyNameElement().Match(projectText) is { Success: true } match)
            return match.Groups["name"].Value;
        var file = projectPath[(projectPath.LastIndexOf('/') + 1)..];
        return file[..^".csproj".Length];
    }

    private static BenchmarkPlanResult Fail(string error) => new(null, error);

    [GeneratedRegex(@"<AssemblyName>\s*(?<name>[A-Za-z0-9_.\-]+)\s*</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
