using System.Collections.Immutable;

namespace HybridLsp.Syntax.CMake;

internal sealed partial class CMakeEvaluator
{
    private static readonly HashSet<string> s_scopes = ["PUBLIC", "PRIVATE", "INTERFACE"];

    private void AddLibrary(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return;
        var name = args[0].Text;
        var rest = args.Skip(1).ToList();
        if (rest.Count >= 2 && rest[0].Text == "ALIAS")
        {
            if (_targets.TryGetValue(rest[1].Text, out var aliased))
                aliased.Aliases.Add(name);
            else
                _otherTargets.Add(name);
            return;
        }
        if (rest.Any(a => a.Text == "IMPORTED"))
        {
            // Built elsewhere: nothing here to index.
            _otherTargets.Add(name);
            return;
        }
        if (_targets.ContainsKey(name) || _otherTargets.Contains(name))
        {
            if (_uncertainDepth == 0)
                Error(args[0].Span, $"add_library: a target named '{name}' already exists");
            return;
        }
        CMakeLibraryKind? kind = rest.Count > 0 ? rest[0].Text switch
        {
            "SHARED" => CMakeLibraryKind.Shared,
            "MODULE" => CMakeLibraryKind.Module,
            "STATIC" => CMakeLibraryKind.Static,
            "OBJECT" => CMakeLibraryKind.Object,
            "INTERFACE" => CMakeLibraryKind.Interface,
            _ => null,
        } : null;
        if (kind is not null)
            rest.RemoveAt(0);
        var approximate = !Certain(args);
        if (kind is null)
        {
            // No type: BUILD_SHARED_LIBS decides, which only the user's configuration knows unless the project sets it.
            var (shared, certain) = _scope.Get("BUILD_SHARED_LIBS");
            var truth = CMakeCondition.Evaluate([new ConditionArgument(shared ?? "", true, certain && shared is not null)], this);
            kind = truth switch { Truth.True => CMakeLibraryKind.Shared, Truth.False => CMakeLibraryKind.Static, _ => CMakeLibraryKind.Unspecified };
        }
        var target = new CMakeTargetBuilder(name, kind.Value, _listFile, args[0].Span, _directory) { IsApproximate = approximate };
        foreach (var (language, property) in new[] { ("C", "C_VISIBILITY_PRESET"), ("CXX", "CXX_VISIBILITY_PRESET") })
        {
            if (_scope.Get("CMAKE_" + language + "_VISIBILITY_PRESET").Value is { } preset)
                target.Properties[property] = preset;
        }
        if (_scope.Get("CMAKE_VISIBILITY_INLINES_HIDDEN").Value is { } inlines)
            target.Properties["VISIBILITY_INLINES_HIDDEN"] = inlines;
        target.LanguageFlags = _scope.Get("CMAKE_C_FLAGS").Value + " " + _scope.Get("CMAKE_CXX_FLAGS").Value;
        _targets[name] = target;
        _targetOrder.Add(target);
        AddSources(target, rest.Where(a => a.Text != "EXCLUDE_FROM_ALL").Select(a => a.Text));
    }

    private void AddExecutable(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count > 0)
            _otherTargets.Add(args[0].Text);
    }

    /// <summary>The target a target command names, or null (reported unless the command is under an undecided condition).</summary>
    private CMakeTargetBuilder? Target(List<Arg> args, CMakeCommand command)
    {
        if (args.Count == 0)
            return null;
        if (_targets.TryGetValue(args[0].Text, out var target))
        {
            target.IsApproximate |= !Certain(args);
            return target;
        }
        if (!_otherTargets.Contains(args[0].Text) && _uncertainDepth == 0)
            Error(args[0].Span, $"{command.Name}: no library target named '{args[0].Text}' is defined at this point");
        return null;
    }

    private void AddSources(CMakeTargetBuilder target, IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            if (source.StartsWith("$<TARGET_OBJECTS:", StringComparison.Ordinal) && source.EndsWith('>'))
            {
                target.ObjectLibraries.Add(source["$<TARGET_OBJECTS:".Length..^1]);
                continue;
            }
            if (ResolvePath(source) is { } path)
                AddUnique(target.Sources, path);
            else
                target.IsApproximate = true;
        }
    }

    private void SetTargetProperties(CMakeCommand command)
    {
        var args = Arguments(command);
        var index = args.FindIndex(a => a.Text == "PROPERTIES");
        if (index < 0)
            return;
        foreach (var name in args.Take(index))
        {
            if (!_targets.TryGetValue(name.Text, out var target))
                continue;
            target.IsApproximate |= !Certain(args);
            for (var i = index + 1; i + 1 < args.Count; i += 2)
                SetTargetProperty(target, args[i].Text, [args[i + 1].Text], append: false);
        }
    }

    private void SetProperty(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0 || args[0].Text != "TARGET")
            return;
        var propertyIndex = args.FindIndex(a => a.Text == "PROPERTY");
        if (propertyIndex < 0 || propertyIndex + 1 >= args.Count)
            return;
        var append = args.Take(propertyIndex).Any(a => a.Text is "APPEND" or "APPEND_STRING");
        var names = args.Skip(1).Take(propertyIndex - 1).Where(a => a.Text is not ("APPEND" or "APPEND_STRING"));
        var values = args.Skip(propertyIndex + 2).Select(a => a.Text).ToList();
        foreach (var name in names)
        {
            if (!_targets.TryGetValue(name.Text, out var target))
                continue;
            target.IsApproximate |= !Certain(args);
            SetTargetProperty(target, args[propertyIndex + 1].Text, values, append);
        }
    }

    private void SetTargetProperty(CMakeTargetBuilder target, string property, List<string> values, bool append)
    {
        switch (property)
        {
            case "INCLUDE_DIRECTORIES":
                Replace(target.PrivateIncludes, values.Select(ResolvePath), append);
                break;
            case "INTERFACE_INCLUDE_DIRECTORIES":
                Replace(target.PublicIncludes, values.Select(ResolvePath), append);
                break;
            case "COMPILE_DEFINITIONS":
                Replace(target.PrivateDefines, values.Select(Unwrap), append);
                break;
            case "INTERFACE_COMPILE_DEFINITIONS":
                Replace(target.PublicDefines, values.Select(Unwrap), append);
                break;
            case "COMPILE_OPTIONS":
                Replace(target.CompileOptions, values.Select(Unwrap), append);
                break;
            case "SOURCES":
                if (!append)
                    target.Sources.Clear();
                AddSources(target, values);
                break;
            default:
                var value = string.Join(';', values);
                target.Properties[property] = append && target.Properties.TryGetValue(property, out var old) ? old + value : value;
                break;
        }
    }

    private static void Replace(List<string> list, IEnumerable<string?> values, bool append)
    {
        if (!append)
            list.Clear();
        foreach (var value in values)
        {
            if (value is not null)
                AddUnique(list, value);
        }
    }

    /// <summary>The items of a target command grouped by their PUBLIC/PRIVATE/INTERFACE keyword (items before any keyword: <paramref name="defaultScope"/>).</summary>
    private static IEnumerable<(string Scope, Arg Item)> Scoped(List<Arg> args, string defaultScope, params string[] ignored)
    {
        var scope = defaultScope;
        foreach (var arg in args.Skip(1))
        {
            if (!arg.Quoted && s_scopes.Contains(arg.Text))
            {
                scope = arg.Text;
                continue;
            }
            if (!arg.Quoted && ignored.Contains(arg.Text))
                continue;
            yield return (scope, arg);
        }
    }

    private void TargetSources(CMakeCommand command)
    {
        var args = Arguments(command);
        if (Target(args, command) is not { } target)
            return;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        string? section = null;
        var fileSetBaseDirs = new List<string>();
        var fileSetScope = "PRIVATE";
        void EndFileSet()
        {
            if (section is null)
                return;
            if (fileSetBaseDirs.Count == 0)
                fileSetBaseDirs.Add(dir ?? "/");
            if (fileSetScope is "PUBLIC" or "INTERFACE")
            {
                foreach (var baseDir in fileSetBaseDirs)
                    AddUnique(target.PublicIncludes, baseDir);
            }
            fileSetBaseDirs.Clear();
        }
        var scope = "PRIVATE";
        foreach (var arg in args.Skip(1))
        {
            if (!arg.Quoted && s_scopes.Contains(arg.Text))
            {
                EndFileSet();
                section = null;
                scope = arg.Text;
                continue;
            }
            if (!arg.Quoted && arg.Text == "FILE_SET")
            {
                EndFileSet();
                section = "NAME";
                fileSetScope = scope;
                continue;
            }
            if (section is not null && !arg.Quoted && arg.Text is "TYPE" or "BASE_DIRS" or "FILES")
            {
                section = arg.Text;
                continue;
            }
            switch (section)
            {
                case "NAME" or "TYPE":
                    continue;
                case "BASE_DIRS":
                    if (ResolvePath(arg.Text) is { } baseDir)
                        fileSetBaseDirs.Add(baseDir);
                    continue;
                default:
                    // INTERFACE sources are for consumers, not compiled into this target.
                    if (scope != "INTERFACE" || section == "FILES")
                        AddSources(target, [arg.Text]);
                    continue;
            }
        }
        EndFileSet();
    }

    private void TargetIncludeDirectories(CMakeCommand command)
    {
        var args = Arguments(command);
        if (Target(args, command) is not { } target)
            return;
        foreach (var (scope, item) in Scoped(args, "PRIVATE", "SYSTEM", "AFTER", "BEFORE"))
        {
            if (ResolvePath(item.Text) is not { } path)
                continue;
            if (scope is "PUBLIC" or "INTERFACE")
                AddUnique(target.PublicIncludes, path);
            if (scope is "PUBLIC" or "PRIVATE")
                AddUnique(target.PrivateIncludes, path);
        }
    }

    private void TargetCompileDefinitions(CMakeCommand command)
    {
        var args = Arguments(command);
        if (Target(args, command) is not { } target)
            return;
        foreach (var (scope, item) in Scoped(args, "PRIVATE"))
        {
            if (Unwrap(item.Text) is not { } value)
                continue;
            var define = value.StartsWith("-D", StringComparison.Ordinal) ? value[2..] : value;
            if (define.Length == 0)
                continue;
            if (scope is "PUBLIC" or "INTERFACE")
                AddUnique(target.PublicDefines, define);
            if (scope is "PUBLIC" or "PRIVATE")
                AddUnique(target.PrivateDefines, define);
        }
    }

    private void TargetCompileOptions(CMakeCommand command)
    {
        var args = Arguments(command);
        if (Target(args, command) is not { } target)
            return;
        foreach (var (scope, item) in Scoped(args, "PRIVATE", "BEFORE"))
        {
            if (scope != "INTERFACE" && Unwrap(item.Text) is { } value)
                target.CompileOptions.Add(value);
        }
    }

    private void TargetLinkLibraries(CMakeCommand command)
    {
        var args = Arguments(command);
        if (Target(args, command) is not { } target)
            return;
        var scope = "PUBLIC";
        foreach (var arg in args.Skip(1))
        {
            switch (arg.Text)
            {
                case "PUBLIC" or "INTERFACE" or "LINK_PUBLIC" or "LINK_INTERFACE_LIBRARIES":
                    scope = "PUBLIC";
                    continue;
                case "PRIVATE" or "LINK_PRIVATE":
                    scope = "PRIVATE";
                    continue;
                case "debug" or "optimized" or "general":
                    continue;
            }
            if (Unwrap(arg.Text) is { } name)
                target.Links.Add((name, scope == "PUBLIC"));
        }
    }

    private CMakeProject Result(string sourceDir)
    {
        var libraries = ImmutableArray.CreateBuilder<CMakeLibrary>();
        foreach (var target in _targetOrder)
            libraries.Add(Finish(target));
        return new CMakeProject(sourceDir, _projectName, _projectLanguages, libraries.ToImmutable(), [.. _listFiles], [.. _errors], _approximate || _targetOrder.Any(t => t.IsApproximate));
    }

    private CMakeTargetBuilder? Find(string name) =>
        _targets.TryGetValue(name, out var target) ? target : _targetOrder.FirstOrDefault(t => t.Aliases.Contains(name));

    private CMakeLibrary Finish(CMakeTargetBuilder target)
    {
        var sources = new List<string>(target.Sources);
        var publicIncludes = new List<string>(target.PublicIncludes);
        var privateIncludes = new List<string>(target.PrivateIncludes);
        var publicDefines = new List<string>(target.PublicDefines);
        var privateDefines = new List<string>(target.PrivateDefines);
        var options = new List<string>(target.Directory.CompileOptions);
        options.AddRange(target.CompileOptions);
        foreach (var include in target.Directory.IncludeDirectories)
            AddUnique(privateIncludes, include);
        foreach (var define in target.Directory.Defines)
            AddUnique(privateDefines, define);
        // CMake defines <target>_EXPORTS (or DEFINE_SYMBOL) when compiling a shared library: export macros often test it.
        if (target.Kind is CMakeLibraryKind.Shared or CMakeLibraryKind.Module)
        {
            var symbol = target.Properties.GetValueOrDefault("DEFINE_SYMBOL")
                ?? new string([.. target.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]) + "_EXPORTS";
            if (symbol.Length > 0)
                AddUnique(privateDefines, symbol);
        }

        foreach (var objectLibrary in target.ObjectLibraries)
        {
            if (Find(objectLibrary) is { } objects)
                sources.AddRange(objects.Sources.Where(s => !sources.Contains(s)));
        }
        // Usage requirements of linked targets of this project (transitively through their PUBLIC links).
        var visited = new HashSet<string>(StringComparer.Ordinal) { target.Name };
        void Use(CMakeTargetBuilder linked, bool isPublic, int depth)
        {
            if (depth > MaxCallDepth)
                return;
            foreach (var include in linked.PublicIncludes)
                AddUnique(isPublic ? publicIncludes : privateIncludes, include);
            foreach (var define in linked.PublicDefines)
                AddUnique(isPublic ? publicDefines : privateDefines, define);
            if (linked.Kind == CMakeLibraryKind.Object && depth == 0)
                sources.AddRange(linked.Sources.Where(s => !sources.Contains(s)));
            foreach (var (name, linkPublic) in linked.Links)
            {
                if (linkPublic && Find(name) is { } next && visited.Add(next.Name))
                    Use(next, isPublic, depth + 1);
            }
        }
        foreach (var (name, isPublic) in target.Links)
        {
            if (Find(name) is { } linked && visited.Add(linked.Name))
                Use(linked, isPublic, 0);
        }
        if (target.Kind == CMakeLibraryKind.Interface)
        {
            privateIncludes.Clear();
            privateDefines.Clear();
        }

        // Generated files (under the build directory) are not visible statically.
        var approximate = target.IsApproximate;
        bool Visible(string path)
        {
            var generated = path.StartsWith(BinaryDirPlaceholder, StringComparison.Ordinal);
            approximate |= generated;
            return !generated;
        }
        sources = [.. sources.Where(Visible)];
        publicIncludes = [.. publicIncludes.Where(Visible)];
        privateIncludes = [.. privateIncludes.Where(Visible)];

        var languages = new List<string>();
        foreach (var source in sources)
        {
            var language = LanguageOf(source);
            if (language is not null && !languages.Contains(language))
                languages.Add(language);
        }
        if (languages.Count == 0)
            languages.AddRange(_projectLanguages.Where(l => l is "C" or "CXX"));
        languages.Sort(StringComparer.Ordinal);

        var properties = target.Properties;
        var cPreset = properties.GetValueOrDefault("C_VISIBILITY_PRESET");
        var cxxPreset = properties.GetValueOrDefault("CXX_VISIBILITY_PRESET");
        var flagVisibility = LastVisibilityFlag(target.LanguageFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(options));
        bool HiddenFor(string language)
        {
            var preset = language == "C" ? cPreset : cxxPreset;
            if (preset is not null)
                return preset is "hidden" or "internal";
            return flagVisibility is "hidden" or "internal";
        }
        var hidden = (languages.Count == 0 ? ["C"] : languages).All(HiddenFor);
        var inlinesHidden = properties.TryGetValue("VISIBILITY_INLINES_HIDDEN", out var inl)
            && CMakeCondition.Evaluate([new ConditionArgument(inl, true, true)], this) == Truth.True;

        var isLoadable = target.Kind is CMakeLibraryKind.Shared or CMakeLibraryKind.Module or CMakeLibraryKind.Unspecified;
        var outputName = properties.GetValueOrDefault("OUTPUT_NAME")
            ?? (isLoadable ? properties.GetValueOrDefault("LIBRARY_OUTPUT_NAME") : properties.GetValueOrDefault("ARCHIVE_OUTPUT_NAME"))
            ?? target.Name;
        var hasFile = target.Kind is not (CMakeLibraryKind.Object or CMakeLibraryKind.Interface);
        var prefix = properties.GetValueOrDefault("PREFIX") ?? (hasFile ? "lib" : "");
        var suffix = properties.GetValueOrDefault("SUFFIX") ?? (!hasFile ? "" : target.Kind == CMakeLibraryKind.Static ? ".a" : ".so");

        return new CMakeLibrary(
            target.Name, target.Kind, target.ListFile, target.NameSpan, target.Directory.SourceDir,
            outputName, prefix, suffix,
            [.. sources], [.. publicIncludes], [.. privateIncludes], [.. publicDefines], [.. privateDefines],
            [.. options], [.. languages],
            hidden ? CMakeVisibility.Hidden : CMakeVisibility.Default, cPreset, cxxPreset, inlinesHidden,
            [.. target.Links.Select(l => l.Name)], [.. target.Aliases], approximate);
    }

    private static string? LastVisibilityFlag(IEnumerable<string> flags)
    {
        string? result = null;
        foreach (var flag in flags)
        {
            if (flag.StartsWith("-fvisibility=", StringComparison.Ordinal))
                result = flag["-fvisibility=".Length..];
        }
        return result;
    }

    private static string? LanguageOf(string path)
    {
        var name = CMakePath.FileName(path);
        var dot = name.LastIndexOf('.');
        if (dot < 0)
            return null;
        var ext = name[(dot + 1)..];
        if (ext == "c")
            return "C";
        if (ext is "C" or "M" || ext.ToLowerInvariant() is "cpp" or "cc" or "cxx" or "c++" or "cp" or "ixx" or "cppm")
            return "CXX";
        return null;
    }
}
