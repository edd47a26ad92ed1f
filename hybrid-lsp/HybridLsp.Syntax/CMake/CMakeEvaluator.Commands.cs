using System.Text.RegularExpressions;

namespace HybridLsp.Syntax.CMake;

internal sealed partial class CMakeEvaluator
{
    // Commands this evaluator understands (for if(COMMAND …)); everything else is ignored, or marks the variables it may write uncertain.
    private static readonly HashSet<string> s_handled =
    [
        "set", "unset", "option", "list", "string", "project", "include", "add_subdirectory", "file", "get_filename_component",
        "include_directories", "add_definitions", "add_compile_definitions", "add_compile_options", "return", "break", "continue",
        "add_library", "add_executable", "set_target_properties", "set_property", "target_sources", "target_include_directories",
        "target_compile_definitions", "target_compile_options", "target_link_libraries", "message", "cmake_minimum_required",
    ];

    // Commands that write variables this evaluator does not compute: every plain name among their arguments becomes uncertain.
    private static readonly HashSet<string> s_writesUnknownVariables =
    [
        "math", "find_package", "find_library", "find_path", "find_file", "find_program", "execute_process", "get_target_property",
        "get_property", "get_directory_property", "get_cmake_property", "cmake_path", "cmake_parse_arguments", "try_compile", "try_run",
        "check_c_source_compiles", "check_cxx_source_compiles", "check_include_file", "check_include_files", "check_symbol_exists",
        "check_function_exists", "check_type_size", "check_c_compiler_flag", "check_cxx_compiler_flag", "check_library_exists",
        "separate_arguments", "site_name", "cmake_host_system_information", "configure_file", "load_cache",
    ];

    private Flow Invoke(CMakeCommand command)
    {
        if (!Spend())
            return Flow.Stop;
        if (_functions.TryGetValue(command.Name, out var function))
            return CallFunction(command, function);
        switch (command.Name)
        {
            case "return": return _uncertainDepth == 0 ? Flow.Return : Flow.Normal;
            case "break": return _uncertainDepth == 0 ? Flow.Break : Flow.Normal;
            case "continue": return _uncertainDepth == 0 ? Flow.Continue : Flow.Normal;
            case "set": Set(command); break;
            case "unset": Unset(command); break;
            case "option": Option(command); break;
            case "list": List(command); break;
            case "string": String(command); break;
            case "project": Project(command); break;
            case "include": return Include(command);
            case "add_subdirectory": AddSubdirectory(command); break;
            case "file": File(command); break;
            case "get_filename_component": GetFilenameComponent(command); break;
            case "include_directories": IncludeDirectories(command); break;
            case "add_definitions": AddDefinitions(command); break;
            case "add_compile_definitions": AddCompileDefinitions(command); break;
            case "add_compile_options": AddCompileOptions(command); break;
            case "add_library": AddLibrary(command); break;
            case "add_executable": AddExecutable(command); break;
            case "set_target_properties": SetTargetProperties(command); break;
            case "set_property": SetProperty(command); break;
            case "target_sources": TargetSources(command); break;
            case "target_include_directories": TargetIncludeDirectories(command); break;
            case "target_compile_definitions": TargetCompileDefinitions(command); break;
            case "target_compile_options": TargetCompileOptions(command); break;
            case "target_link_libraries": TargetLinkLibraries(command); break;
            default:
                if (s_writesUnknownVariables.Contains(command.Name))
                    MarkNamesUncertain(command, 0);
                break;
        }
        return Flow.Normal;
    }

    private void MarkNamesUncertain(CMakeCommand command, int skip)
    {
        foreach (var argument in command.Arguments.Skip(skip))
        {
            if (argument.Kind == CMakeArgumentKind.Unquoted && argument.Text.Length > 0 && argument.Text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                _scope.MarkUncertain(argument.Text);
        }
    }

    private void Set(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return;
        var name = args[0].Text;
        var values = args.Skip(1).ToList();
        var parentScope = values.Count > 0 && !values[^1].Quoted && values[^1].Text == "PARENT_SCOPE";
        if (parentScope)
            values.RemoveAt(values.Count - 1);
        var cacheIndex = values.FindIndex(a => !a.Quoted && a.Text == "CACHE");
        var isCache = cacheIndex >= 0;
        var force = isCache && values.Skip(cacheIndex).Any(a => !a.Quoted && a.Text == "FORCE");
        if (isCache)
            values = values.Take(cacheIndex).ToList();
        var certain = Certain(args);
        var value = string.Join(';', values.Select(v => v.Text));
        if (parentScope)
        {
            _scope.Parent?.Set(name, value, certain);
            return;
        }
        // A cache entry does not override a variable already set (the user's -D, or an earlier set()) unless FORCE'd.
        if (isCache && !force && _scope.IsDefined(name))
            return;
        if (values.Count == 0)
            _scope.Unset(name, certain);
        else
            _scope.Set(name, value, certain);
    }

    private void Unset(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return;
        if (args.Count > 1 && args[1].Text == "PARENT_SCOPE")
            _scope.Parent?.Unset(args[0].Text, Certain(args));
        else if (args.Count == 1)
            _scope.Unset(args[0].Text, Certain(args));
    }

    private void Option(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0 || _scope.IsDefined(args[0].Text))
            return;
        var value = args.Count > 2 ? args[2].Text : "OFF";
        _scope.Set(args[0].Text, value, Certain(args));
    }

    private void List(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count < 2)
            return;
        var name = args[1].Text;
        var (current, currentCertain) = _scope.Get(name);
        var items = CMakeScope.SplitList(current ?? "");
        var certain = Certain(args) && currentCertain;
        switch (args[0].Text)
        {
            case "APPEND":
                items.AddRange(args.Skip(2).Select(a => a.Text));
                break;
            case "PREPEND":
                items.InsertRange(0, args.Skip(2).Select(a => a.Text));
                break;
            case "REMOVE_ITEM":
                var remove = args.Skip(2).Select(a => a.Text).ToHashSet(StringComparer.Ordinal);
                items.RemoveAll(remove.Contains);
                break;
            case "REMOVE_DUPLICATES":
                items = items.Distinct(StringComparer.Ordinal).ToList();
                break;
            default:
                MarkNamesUncertain(command, 1);
                return;
        }
        _scope.Set(name, string.Join(';', items), certain);
    }

    private void String(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count < 2)
            return;
        var certain = Certain(args);
        switch (args[0].Text)
        {
            case "TOUPPER" or "TOLOWER" when args.Count == 3:
                _scope.Set(args[2].Text, args[0].Text == "TOUPPER" ? args[1].Text.ToUpperInvariant() : args[1].Text.ToLowerInvariant(), certain);
                return;
            case "APPEND" or "PREPEND":
                var (current, currentCertain) = _scope.Get(args[1].Text);
                var extra = string.Concat(args.Skip(2).Select(a => a.Text));
                _scope.Set(args[1].Text, args[0].Text == "APPEND" ? current + extra : extra + current, certain && currentCertain);
                return;
            case "CONCAT":
                _scope.Set(args[1].Text, string.Concat(args.Skip(2).Select(a => a.Text)), certain);
                return;
            case "JOIN" when args.Count >= 3:
                _scope.Set(args[2].Text, string.Join(args[1].Text, args.Skip(3).Select(a => a.Text)), certain);
                return;
            case "REPLACE" when args.Count >= 4:
                var input = string.Concat(args.Skip(4).Select(a => a.Text));
                _scope.Set(args[3].Text, args[1].Text.Length == 0 ? input : input.Replace(args[1].Text, args[2].Text, StringComparison.Ordinal), certain);
                return;
            default:
                MarkNamesUncertain(command, 1);
                return;
        }
    }

    private void Project(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return;
        var name = args[0].Text;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        var certain = Certain(args);
        _scope.Set("PROJECT_NAME", name, certain);
        _scope.Set("PROJECT_SOURCE_DIR", dir ?? "", certain);
        _scope.Set(name + "_SOURCE_DIR", dir ?? "", certain);
        _scope.Set("PROJECT_BINARY_DIR", BinaryDirPlaceholder, true);
        if (!_scope.IsDefined("CMAKE_PROJECT_NAME"))
            _scope.Set("CMAKE_PROJECT_NAME", name, certain);

        var keywords = new HashSet<string>(StringComparer.Ordinal) { "VERSION", "DESCRIPTION", "HOMEPAGE_URL", "LANGUAGES" };
        var languages = new List<string>();
        var explicitLanguages = false;
        string? keyword = null;
        foreach (var arg in args.Skip(1))
        {
            if (keywords.Contains(arg.Text))
            {
                keyword = arg.Text;
                explicitLanguages |= keyword == "LANGUAGES";
                continue;
            }
            if (keyword is null || keyword == "LANGUAGES")
            {
                explicitLanguages = true;
                languages.Add(arg.Text);
            }
            else if (keyword == "VERSION")
            {
                _scope.Set("PROJECT_VERSION", arg.Text, certain);
                _scope.Set(name + "_VERSION", arg.Text, certain);
            }
        }
        var result = explicitLanguages ? [.. languages.Where(l => l != "NONE")] : new List<string> { "C", "CXX" };
        if (_projectName is null)
        {
            _projectName = name;
            _projectLanguages = [.. result];
        }
    }

    private Flow Include(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return Flow.Normal;
        var optional = args.Any(a => a.Text == "OPTIONAL");
        var resultIndex = args.FindIndex(a => a.Text == "RESULT_VARIABLE");
        var file = args[0].Text;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        var path = CMakePath.Combine(dir ?? "/", file);
        var isFile = file.Contains('/') || file.EndsWith(".cmake", StringComparison.OrdinalIgnoreCase);
        if (!isFile || !_files.ContainsKey(path))
        {
            // A module (GNUInstallDirs …) or a file not handed in: what it defines is not known.
            if (resultIndex >= 0 && resultIndex + 1 < args.Count)
                _scope.MarkUncertain(args[resultIndex + 1].Text);
            if (isFile && !optional && !path.StartsWith(BinaryDirPlaceholder, StringComparison.Ordinal))
                Error(args[0].Span, $"include: '{file}' was not found");
            return Flow.Normal;
        }
        if (_callDepth >= MaxCallDepth || _directoryStack.Count(d => d == path) > 0)
        {
            Error(args[0].Span, $"include: '{file}' includes itself");
            return Flow.Normal;
        }
        _directoryStack.Add(path);
        _callDepth++;
        var saved = _listFile;
        RunListFile(path);
        _listFile = saved;
        _callDepth--;
        _directoryStack.RemoveAt(_directoryStack.Count - 1);
        if (resultIndex >= 0 && resultIndex + 1 < args.Count)
            _scope.Set(args[resultIndex + 1].Text, path, true);
        return Flow.Normal;
    }

    private void AddSubdirectory(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count == 0)
            return;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        var sourceDir = CMakePath.Combine(dir ?? "/", args[0].Text);
        var listFile = sourceDir + "/CMakeLists.txt";
        if (_directoryStack.Contains(sourceDir))
        {
            Error(args[0].Span, $"add_subdirectory: '{args[0].Text}' is already being processed (a cycle)");
            return;
        }
        if (_processedDirectories.Contains(sourceDir))
        {
            Error(args[0].Span, $"add_subdirectory: '{args[0].Text}' was already added");
            return;
        }
        if (!_files.ContainsKey(listFile))
        {
            Error(args[0].Span, $"add_subdirectory: no CMakeLists.txt in '{sourceDir}'");
            return;
        }
        if (_directoryStack.Count >= MaxCallDepth)
        {
            Error(args[0].Span, $"add_subdirectory: directories nested more than {MaxCallDepth} deep are not evaluated");
            return;
        }
        var (binaryParent, _) = _scope.Get("CMAKE_CURRENT_BINARY_DIR");
        var binaryDir = args.Count > 1 && args[1].Text is not ("EXCLUDE_FROM_ALL" or "SYSTEM")
            ? CMakePath.Combine(binaryParent ?? BinaryDirPlaceholder, args[1].Text)
            : CMakePath.Combine(binaryParent ?? BinaryDirPlaceholder, args[0].Text);
        var savedScope = _scope;
        var savedDirectory = _directory;
        var savedFile = _listFile;
        _scope = new CMakeScope(savedScope);
        _directory = new CMakeDirectoryState(sourceDir, savedDirectory);
        ProcessDirectory(sourceDir, listFile, binaryDir);
        _scope = savedScope;
        _directory = savedDirectory;
        _listFile = savedFile;
    }

    private void File(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count < 2)
            return;
        if (args[0].Text is not ("GLOB" or "GLOB_RECURSE"))
        {
            if (args[0].Text is "READ" or "STRINGS" or "RELATIVE_PATH" or "TO_CMAKE_PATH" or "TO_NATIVE_PATH" or "REAL_PATH" or "SIZE" or "TIMESTAMP" or "SHA256" or "MD5")
                MarkNamesUncertain(command, 1);
            return;
        }
        var recurse = args[0].Text == "GLOB_RECURSE";
        var variable = args[1].Text;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        string? relative = null;
        var patterns = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i].Text)
            {
                case "CONFIGURE_DEPENDS" or "FOLLOW_SYMLINKS":
                    continue;
                case "LIST_DIRECTORIES":
                    i++;
                    continue;
                case "RELATIVE":
                    relative = i + 1 < args.Count ? CMakePath.Combine(dir ?? "/", args[++i].Text) : null;
                    continue;
                default:
                    patterns.Add(CMakePath.Combine(dir ?? "/", args[i].Text));
                    break;
            }
        }
        if (_knownFiles is null)
        {
            _approximate = true;
            _scope.Set(variable, "", false);
            return;
        }
        var matches = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var regex = GlobRegex(pattern, recurse);
            foreach (var file in _knownFiles)
            {
                if (regex.IsMatch(file))
                    matches.Add(file);
            }
        }
        var values = matches.Select(m => relative is not null && CMakePath.IsUnderOrSame(m, relative) ? m[(relative.TrimEnd('/').Length + 1)..] : m);
        _scope.Set(variable, string.Join(';', values), Certain(args));
    }

    /// <summary>A CMake glob as a regular expression: '*' and '?' stay within a folder, except that GLOB_RECURSE also matches the file part in any subfolder.</summary>
    private static Regex GlobRegex(string pattern, bool recurse)
    {
        var slash = pattern.LastIndexOf('/');
        var directory = slash >= 0 ? pattern[..slash] : "";
        var name = slash >= 0 ? pattern[(slash + 1)..] : pattern;
        var text = "^" + GlobPart(directory) + (recurse ? "/(?:[^/]+/)*" : "/") + GlobPart(name) + "$";
        return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string GlobPart(string glob)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*')
                result.Append("[^/]*");
            else if (c == '?')
                result.Append("[^/]");
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close && close > i)
            {
                result.Append('[').Append(Regex.Escape(glob[(i + 1)..close]).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else
                result.Append(Regex.Escape(c.ToString()));
        }
        return result.ToString();
    }

    private void GetFilenameComponent(CMakeCommand command)
    {
        var args = Arguments(command);
        if (args.Count < 3)
            return;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        var path = args[1].Text;
        var baseIndex = args.FindIndex(a => a.Text == "BASE_DIR");
        var baseDir = baseIndex >= 0 && baseIndex + 1 < args.Count ? args[baseIndex + 1].Text : dir ?? "/";
        var name = CMakePath.FileName(path.Replace('\\', '/'));
        string? value = args[2].Text switch
        {
            "DIRECTORY" or "PATH" => path.Contains('/') ? CMakePath.Directory(path) : "",
            "NAME" => name,
            "NAME_WE" => name.Contains('.') ? name[..name.IndexOf('.')] : name,
            "NAME_WLE" => name.Contains('.') ? name[..name.LastIndexOf('.')] : name,
            "EXT" => name.Contains('.') ? name[name.IndexOf('.')..] : "",
            "LAST_EXT" => name.Contains('.') ? name[name.LastIndexOf('.')..] : "",
            "ABSOLUTE" => CMakePath.Combine(baseDir, path),
            _ => null,
        };
        if (value is null)
            _scope.MarkUncertain(args[0].Text);
        else
            _scope.Set(args[0].Text, value, Certain(args));
    }

    private void IncludeDirectories(CMakeCommand command)
    {
        var args = Arguments(command);
        foreach (var arg in args)
        {
            if (arg.Text is "AFTER" or "BEFORE" or "SYSTEM")
                continue;
            if (ResolvePath(arg.Text) is { } path)
                AddUnique(_directory.IncludeDirectories, path);
        }
    }

    private void AddDefinitions(CMakeCommand command)
    {
        foreach (var arg in Arguments(command))
        {
            if (StripDefineFlag(arg.Text) is { } define)
                AddUnique(_directory.Defines, define);
            else
                _directory.CompileOptions.Add(arg.Text);
        }
    }

    private void AddCompileDefinitions(CMakeCommand command)
    {
        foreach (var arg in Arguments(command))
        {
            if (Unwrap(arg.Text) is { } value)
                AddUnique(_directory.Defines, value.StartsWith("-D", StringComparison.Ordinal) ? value[2..] : value);
        }
    }

    private void AddCompileOptions(CMakeCommand command)
    {
        foreach (var arg in Arguments(command))
        {
            if (Unwrap(arg.Text) is { } value)
                _directory.CompileOptions.Add(value);
        }
    }

    /// <summary>"-DNAME=1" or "/DNAME" as a definition "NAME=1"; null for anything else.</summary>
    private static string? StripDefineFlag(string flag) =>
        (flag.StartsWith("-D", StringComparison.Ordinal) || flag.StartsWith("/D", StringComparison.Ordinal)) && flag.Length > 2 ? flag[2..] : null;

    /// <summary>A value with its simple generator expressions unwrapped; null when it is to be dropped (uncertainty is recorded).</summary>
    private string? Unwrap(string value)
    {
        var (result, certain) = CMakeGeneratorExpression.Unwrap(value);
        if (!certain)
            _approximate = true;
        return string.IsNullOrEmpty(result) ? null : result;
    }

    /// <summary>An include directory or source as an absolute path (relative ones against the current source directory).</summary>
    private string? ResolvePath(string value)
    {
        if (Unwrap(value) is not { } unwrapped)
            return null;
        var (dir, _) = _scope.Get("CMAKE_CURRENT_SOURCE_DIR");
        return CMakePath.Combine(dir ?? "/", unwrapped);
    }

    private static void AddUnique(List<string> list, string value)
    {
        if (!list.Contains(value))
            list.Add(value);
    }
}
