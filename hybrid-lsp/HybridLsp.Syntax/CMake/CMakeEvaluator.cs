using System.Collections.Immutable;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Syntax.CMake;

/// <summary>
/// Runs the commands of a CMake project statically, without running CMake (DESIGN §7: configuring executes project
/// code). Variables, if/elseif/else, foreach, functions and macros, include() of workspace files and add_subdirectory are
/// evaluated; what cannot be known (the platform, the compiler, the cache) makes a condition unknown, and then every
/// branch is taken and the result is marked approximate. A budget of commands and depth limits bound the work.
/// </summary>
internal sealed partial class CMakeEvaluator : IConditionContext
{
    /// <summary>The CMAKE_BINARY_DIR placeholder: paths under it are generated files this evaluator cannot see.</summary>
    internal const string BinaryDirPlaceholder = "/$cmake-binary-dir$";

    private const int MaxCallDepth = 64;
    private const int MaxLoopIterations = 1000;

    private readonly Dictionary<string, string> _files;
    private readonly HashSet<string>? _knownFiles;
    private readonly CMakeDiscoveryOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ImmutableArray<CMakeNode>> _parsed = new(StringComparer.Ordinal);
    private readonly List<CMakeError> _errors = [];
    private readonly List<string> _listFiles = [];
    private readonly HashSet<string> _processedDirectories = new(StringComparer.Ordinal);
    private readonly List<string> _directoryStack = [];
    private readonly Dictionary<string, (CMakeCommand Head, ImmutableArray<CMakeNode> Body, bool IsMacro, string ListFile)> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CMakeTargetBuilder> _targets = new(StringComparer.Ordinal);
    private readonly List<CMakeTargetBuilder> _targetOrder = [];
    private readonly HashSet<string> _otherTargets = new(StringComparer.Ordinal);
    private int _budget;
    private int _uncertainDepth;
    private int _callDepth;
    private bool _approximate;
    private string? _projectName;
    private ImmutableArray<string> _projectLanguages = ["C", "CXX"];

    private CMakeScope _scope = new(null);
    private CMakeDirectoryState _directory = new("/", null);
    private string _listFile = "";

    private CMakeEvaluator(IReadOnlyDictionary<string, string> files, CMakeDiscoveryOptions options, CancellationToken cancellationToken)
    {
        _files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
            _files[CMakePath.Normalize(path)] = text ?? "";
        if (options.KnownFiles is { } known)
        {
            _knownFiles = new HashSet<string>(known.Select(CMakePath.Normalize), StringComparer.Ordinal);
            _knownFiles.UnionWith(_files.Keys);
        }
        _options = options;
        _budget = Math.Max(1, options.MaxCommands);
        _cancellationToken = cancellationToken;
    }

    public CMakeScope Scope => _scope;

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
        Stop,
    }

    public static CMakeProject Run(string sourceDir, IReadOnlyDictionary<string, string> files, CMakeDiscoveryOptions options, CancellationToken cancellationToken)
    {
        var evaluator = new CMakeEvaluator(files, options, cancellationToken);
        return evaluator.RunTop(CMakePath.Normalize(sourceDir));
    }

    private CMakeProject RunTop(string sourceDir)
    {
        var listFile = sourceDir.TrimEnd('/') + "/CMakeLists.txt";
        if (!_files.ContainsKey(listFile))
        {
            _errors.Add(new CMakeError(listFile, default, $"no CMakeLists.txt in '{sourceDir}'"));
            return Result(sourceDir);
        }
        _scope.Set("CMAKE_SOURCE_DIR", sourceDir, true);
        _scope.Set("CMAKE_BINARY_DIR", BinaryDirPlaceholder, true);
        if (_options.CacheVariables is { } cache)
        {
            foreach (var (name, value) in cache)
                _scope.Set(name, value, true);
        }
        _directory = new CMakeDirectoryState(sourceDir, null);
        ProcessDirectory(sourceDir, listFile, BinaryDirPlaceholder);
        return Result(sourceDir);
    }

    private void ProcessDirectory(string sourceDir, string listFile, string binaryDir)
    {
        _processedDirectories.Add(sourceDir);
        _directoryStack.Add(sourceDir);
        _scope.Set("CMAKE_CURRENT_SOURCE_DIR", sourceDir, true);
        _scope.Set("CMAKE_CURRENT_BINARY_DIR", binaryDir, true);
        RunListFile(listFile);
        _directoryStack.RemoveAt(_directoryStack.Count - 1);
    }

    /// <summary>Runs one list file in the current scope and directory (a CMakeLists.txt, or an included .cmake file).</summary>
    private void RunListFile(string listFile)
    {
        var nodes = Parse(listFile);
        var previousFile = _listFile;
        var (previousListDir, _) = _scope.Get("CMAKE_CURRENT_LIST_DIR");
        _listFile = listFile;
        _scope.Set("CMAKE_CURRENT_LIST_FILE", listFile, true);
        _scope.Set("CMAKE_CURRENT_LIST_DIR", CMakePath.Directory(listFile), true);
        Execute(nodes);
        _listFile = previousFile;
        if (previousListDir is not null)
        {
            _scope.Set("CMAKE_CURRENT_LIST_DIR", previousListDir, true);
            _scope.Set("CMAKE_CURRENT_LIST_FILE", previousFile, true);
        }
    }

    private ImmutableArray<CMakeNode> Parse(string listFile)
    {
        if (_parsed.TryGetValue(listFile, out var nodes))
            return nodes;
        var text = _files[listFile];
        _listFiles.Add(listFile);
        var errors = new List<SyntaxError>();
        if (text.Contains('\0'))
        {
            _errors.Add(new CMakeError(listFile, new TextSpan(0, 0), "binary file: not read"));
            _parsed[listFile] = [];
            return [];
        }
        var file = CMakeParser.Parse(text);
        errors.AddRange(file.Errors);
        nodes = CMakeBlocks.Build(file.Commands, errors);
        foreach (var error in errors)
            _errors.Add(new CMakeError(listFile, error.Span, error.Message));
        _parsed[listFile] = nodes;
        return nodes;
    }

    private Flow Execute(ImmutableArray<CMakeNode> nodes)
    {
        foreach (var node in nodes)
        {
            var flow = node switch
            {
                CMakeNode.Command c => Invoke(c.Invocation),
                CMakeNode.If i => ExecuteIf(i),
                CMakeNode.Block b => ExecuteBlock(b),
                _ => Flow.Normal,
            };
            if (flow != Flow.Normal)
                return flow;
        }
        return Flow.Normal;
    }

    private bool Spend()
    {
        if (_budget <= 0)
            return false;
        if (--_budget == 0)
        {
            _errors.Add(new CMakeError(_listFile, default, $"evaluation stopped after {_options.MaxCommands} commands"));
            _approximate = true;
            return false;
        }
        if ((_budget & 0x3FF) == 0)
            _cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private Flow ExecuteIf(CMakeNode.If node)
    {
        if (!Spend())
            return Flow.Stop;
        // Branches whose condition is unknown are all run, under uncertainty; break/return inside them are not followed.
        var uncertainBranches = 0;
        var result = Flow.Normal;
        var decided = false;
        foreach (var (head, body) in node.Branches)
        {
            var truth = CMakeCondition.Evaluate(ConditionArguments(head), this);
            if (truth == Truth.False)
                continue;
            if (truth == Truth.Unknown)
            {
                _approximate = true;
                _uncertainDepth++;
                uncertainBranches++;
                if (Execute(body) == Flow.Stop)
                {
                    result = Flow.Stop;
                    decided = true;
                    break;
                }
                continue;
            }
            decided = true;
            var flow = Execute(body);
            if (flow == Flow.Stop || uncertainBranches == 0)
                result = flow;
            break;
        }
        if (!decided && node.Else is { } elseBody)
        {
            var flow = Execute(elseBody);
            if (flow == Flow.Stop || uncertainBranches == 0)
                result = flow;
        }
        _uncertainDepth -= uncertainBranches;
        return result;
    }

    private Flow ExecuteBlock(CMakeNode.Block node)
    {
        if (!Spend())
            return Flow.Stop;
        var head = node.Head;
        switch (head.Name)
        {
            case "function" or "macro":
                var args = Arguments(head);
                if (args.Count > 0)
                    _functions[args[0].Text] = (head, node.Body, head.Name == "macro", _listFile);
                return Flow.Normal;
            case "foreach":
                return ExecuteForeach(head, node.Body);
            case "while":
                // Loops that compute values are rare in discovery-relevant code; their effect is unknown.
                if (CMakeCondition.Evaluate(ConditionArguments(head), this) != Truth.False)
                    _approximate = true;
                return Flow.Normal;
            case "block":
                var saved = _scope;
                _scope = new CMakeScope(saved);
                var flow = Execute(node.Body);
                _scope = saved;
                return flow == Flow.Stop ? Flow.Stop : Flow.Normal;
            default:
                return Flow.Normal;
        }
    }

    private Flow ExecuteForeach(CMakeCommand head, ImmutableArray<CMakeNode> body)
    {
        var args = Arguments(head);
        if (args.Count == 0)
            return Flow.Normal;
        var variable = args[0].Text;
        var certain = args.All(a => a.Certain);
        var items = new List<string>();
        if (args.Count > 1 && args[1].Text == "RANGE")
        {
            var numbers = args.Skip(2).Select(a => int.TryParse(a.Text, out var n) ? n : (int?)null).ToList();
            if (numbers.Count is 0 or > 3 || numbers.Any(n => n is null))
            {
                _approximate = true;
                return Flow.Normal;
            }
            var (start, stop, step) = numbers.Count == 1 ? (0, numbers[0]!.Value, 1) : (numbers[0]!.Value, numbers[1]!.Value, numbers.Count == 3 ? numbers[2]!.Value : 1);
            for (var i = start; step > 0 && i <= stop && items.Count < MaxLoopIterations; i += step)
                items.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (args.Count > 1 && args[1].Text == "IN")
        {
            var mode = "";
            foreach (var arg in args.Skip(2))
            {
                if (arg.Text is "LISTS" or "ITEMS" or "ZIP_LISTS")
                {
                    mode = arg.Text;
                    continue;
                }
                if (mode == "LISTS")
                {
                    var (value, c) = _scope.Get(arg.Text);
                    certain &= c;
                    items.AddRange(CMakeScope.SplitList(value ?? ""));
                }
                else if (mode == "ITEMS")
                {
                    items.Add(arg.Text);
                }
                else
                {
                    _approximate = true;
                    return Flow.Normal;
                }
            }
        }
        else
        {
            items.AddRange(args.Skip(1).Select(a => a.Text));
        }
        if (!certain)
        {
            _approximate = true;
            _uncertainDepth++;
        }
        var result = Flow.Normal;
        foreach (var item in items.Take(MaxLoopIterations))
        {
            _scope.Set(variable, item, certain && _uncertainDepth == 0);
            var flow = Execute(body);
            if (flow is Flow.Break)
                break;
            if (flow is Flow.Return or Flow.Stop)
            {
                result = flow;
                break;
            }
        }
        if (!certain)
            _uncertainDepth--;
        return result;
    }

    private Flow CallFunction(CMakeCommand call, (CMakeCommand Head, ImmutableArray<CMakeNode> Body, bool IsMacro, string ListFile) function)
    {
        if (_callDepth >= MaxCallDepth)
        {
            _errors.Add(new CMakeError(_listFile, call.Span, $"calls nested more than {MaxCallDepth} deep are not evaluated"));
            _approximate = true;
            return Flow.Normal;
        }
        var parameters = Arguments(function.Head).Skip(1).Select(a => a.Text).ToList();
        var args = Arguments(call);
        var saved = _scope;
        if (!function.IsMacro)
            _scope = new CMakeScope(saved);
        var certain = args.All(a => a.Certain) && _uncertainDepth == 0;
        for (var i = 0; i < parameters.Count; i++)
            _scope.Set(parameters[i], i < args.Count ? args[i].Text : "", certain);
        _scope.Set("ARGC", args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), certain);
        _scope.Set("ARGV", string.Join(';', args.Select(a => a.Text)), certain);
        _scope.Set("ARGN", string.Join(';', args.Skip(parameters.Count).Select(a => a.Text)), certain);
        for (var i = 0; i < args.Count; i++)
            _scope.Set("ARGV" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), args[i].Text, certain);
        _callDepth++;
        var flow = Execute(function.Body);
        _callDepth--;
        _scope = saved;
        return flow == Flow.Stop ? Flow.Stop : Flow.Normal;
    }

    public Truth TargetExists(string name) =>
        _targets.ContainsKey(name) || _targetOrder.Any(t => t.Aliases.Contains(name)) || _otherTargets.Contains(name) ? Truth.True : Truth.Unknown;

    public Truth CommandExists(string name) => _functions.ContainsKey(name) || s_handled.Contains(name.ToLowerInvariant()) ? Truth.True : Truth.Unknown;

    public Truth PathExists(string path)
    {
        if (!CMakePath.IsAbsolute(path))
            return Truth.Unknown;
        path = CMakePath.Normalize(path);
        if (path.StartsWith(BinaryDirPlaceholder, StringComparison.Ordinal))
            return Truth.Unknown;
        if (_files.ContainsKey(path) || (_knownFiles?.Contains(path) ?? false))
            return Truth.True;
        var prefix = path + "/";
        if (_files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)) || (_knownFiles?.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)) ?? false))
            return Truth.True;
        return _knownFiles is null ? Truth.Unknown : Truth.False;
    }

    /// <summary>An expanded argument: unquoted arguments split into list elements.</summary>
    private readonly record struct Arg(string Text, bool Certain, TextSpan Span, bool Quoted);

    private List<Arg> Arguments(CMakeCommand command)
    {
        var result = new List<Arg>();
        foreach (var argument in command.Arguments)
        {
            switch (argument.Kind)
            {
                case CMakeArgumentKind.Bracket:
                    result.Add(new Arg(argument.Text, true, argument.Span, true));
                    break;
                case CMakeArgumentKind.Quoted:
                    var (quoted, c1) = _scope.Expand(argument.Text);
                    result.Add(new Arg(quoted, c1, argument.Span, true));
                    break;
                default:
                    var (value, c2) = _scope.Expand(argument.Text);
                    foreach (var item in CMakeScope.SplitList(value))
                        result.Add(new Arg(item, c2, argument.Span, false));
                    break;
            }
        }
        return result;
    }

    private List<ConditionArgument> ConditionArguments(CMakeCommand command) =>
        [.. Arguments(command).Select(a => new ConditionArgument(a.Text, a.Quoted, a.Certain))];

    private bool Certain(IEnumerable<Arg> args) => _uncertainDepth == 0 && args.All(a => a.Certain);

    private void Error(TextSpan span, string message) => _errors.Add(new CMakeError(_listFile, span, message));
}
