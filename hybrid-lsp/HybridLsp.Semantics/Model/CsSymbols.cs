using System.Collections.Immutable;
using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Semantics.Model;

/// <summary>A C# declaration with the file it is in.</summary>
public sealed record CsDeclared<T>(T Item, string Path);

/// <summary>
/// The C# declarations of one project (or of loose files), indexed by simple name, so interop types and constants
/// can be resolved across files without a compilation.
/// </summary>
public sealed class CsSymbols
{
    private readonly ILookup<string, CsDeclared<CsStruct>> _structs;
    private readonly ILookup<string, CsDeclared<CsEnum>> _enums;
    private readonly ILookup<string, CsDeclared<CsDelegate>> _delegates;
    private readonly ILookup<string, CsDeclared<CsClass>> _classes;
    private readonly ILookup<string, CsConstant> _constants;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public CsSymbols(IEnumerable<CsSourceFile> files)
    {
        // One pass; most files of a large project have empty syntax (nothing the pre-filter kept), so each is a few checks.
        var structs = new List<CsDeclared<CsStruct>>();
        var enums = new List<CsDeclared<CsEnum>>();
        var delegates = new List<CsDeclared<CsDelegate>>();
        var classes = new List<CsDeclared<CsClass>>();
        var constants = new List<CsConstant>();
        foreach (var file in files)
        {
            var syntax = file.Syntax;
            foreach (var item in syntax.Structs)
                structs.Add(new CsDeclared<CsStruct>(item, file.Path));
            foreach (var item in syntax.Enums)
                enums.Add(new CsDeclared<CsEnum>(item, file.Path));
            foreach (var item in syntax.Delegates)
                delegates.Add(new CsDeclared<CsDelegate>(item, file.Path));
            foreach (var item in syntax.Classes)
                classes.Add(new CsDeclared<CsClass>(item, file.Path));
            constants.AddRange(syntax.Constants);
            if (!syntax.UsingAliases.IsEmpty)
            {
                foreach (var (alias, target) in syntax.UsingAliases)
                    _aliases[alias] = target;
            }
            DisableRuntimeMarshalling |= syntax.DisableRuntimeMarshalling;
        }
        _structs = MergePartials(structs).ToLookup(s => s.Item.Name, StringComparer.Ordinal);
        _enums = enums.ToLookup(s => s.Item.Name, StringComparer.Ordinal);
        _delegates = delegates.ToLookup(s => s.Item.Name, StringComparer.Ordinal);
        _classes = classes.ToLookup(s => s.Item.Name, StringComparer.Ordinal);
        _constants = constants.ToLookup(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The parts of a `partial struct` are one type: the part that declares fields is its layout (the others add
    /// methods). When fields are spread over several parts their order is undefined, so the type is left out and the
    /// rules that depend on it stay silent.
    /// </summary>
    private static IEnumerable<CsDeclared<CsStruct>> MergePartials(IEnumerable<CsDeclared<CsStruct>> parts)
    {
        foreach (var group in parts.GroupBy(p => p.Item.FullName, StringComparer.Ordinal))
        {
            var list = group.ToList();
            if (list.Count == 1)
            {
                yield return list[0];
                continue;
            }
            var withFields = list.Where(p => !p.Item.Fields.IsEmpty).ToList();
            if (withFields.Count > 1)
                continue;
            var main = withFields.Count == 1 ? withFields[0] : list[0];
            // Attributes may sit on any part: [StructLayout] and [NativeMarshalling] of the others apply too.
            var layout = list.Select(p => p.Item.Layout).FirstOrDefault(l => l.LayoutKind is not null) ?? main.Item.Layout;
            yield return main with { Item = main.Item with { Layout = layout, HasNativeMarshalling = list.Any(p => p.Item.HasNativeMarshalling) } };
        }
    }

    /// <summary>`[assembly: DisableRuntimeMarshalling]` is applied somewhere in the project.</summary>
    public bool DisableRuntimeMarshalling { get; }

    public string ResolveAlias(string name) => _aliases.TryGetValue(name, out var target) ? LastSegment(target) : name;

    public CsDeclared<CsStruct>? FindStruct(string name, string? contextNamespace) => Pick(_structs[ResolveAlias(name)], s => s.Item.FullName, contextNamespace);
    public CsDeclared<CsEnum>? FindEnum(string name, string? contextNamespace) => Pick(_enums[ResolveAlias(name)], s => s.Item.FullName, contextNamespace);
    public CsDeclared<CsDelegate>? FindDelegate(string name, string? contextNamespace) => Pick(_delegates[ResolveAlias(name)], s => s.Item.FullName, contextNamespace);

    /// <summary>True when the class derives (through project classes) from SafeHandle or one of its framework subclasses.</summary>
    public bool IsSafeHandle(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = ResolveAlias(name);
        while (seen.Add(current))
        {
            if (IsFrameworkSafeHandle(current))
                return true;
            var declared = _classes[current].FirstOrDefault();
            if (declared?.Item.BaseTypeName is not { } baseName)
                return false;
            current = LastSegment(baseName);
        }
        return false;
    }

    private static bool IsFrameworkSafeHandle(string name) => name is "SafeHandle" or "SafeHandleZeroOrMinusOneIsInvalid" or "SafeHandleMinusOneIsInvalid"
        or "SafeFileHandle" or "SafeWaitHandle" or "SafeMemoryMappedFileHandle" or "SafePipeHandle" or "SafeRegistryHandle" or "SafeProcessHandle"
        or "SafeAccessTokenHandle" or "SafeX509ChainHandle" or "CriticalHandle" or "CriticalHandleZeroOrMinusOneIsInvalid" or "CriticalHandleMinusOneIsInvalid";

    /// <summary>
    /// Folds a constant expression (library names, entry points, enum values, field offsets) using the project's constants.
    /// Returns null when it cannot be folded (then the dependent rule stays silent).
    /// </summary>
    public object? Evaluate(CsValue? value, string contextType) => Evaluate(value, contextType, 0);

    private object? Evaluate(CsValue? value, string contextType, int depth)
    {
        if (value is null || depth > 16)
            return null;
        switch (value)
        {
            case CsValue.Literal literal:
                return literal.Value;
            case CsValue.Concat concat:
                var left = Evaluate(concat.Left, contextType, depth + 1);
                var right = Evaluate(concat.Right, contextType, depth + 1);
                return left is null || right is null ? null : Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture) + Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture);
            case CsValue.BitOr or_:
                return Evaluate(or_.Left, contextType, depth + 1) is { } l && Evaluate(or_.Right, contextType, depth + 1) is { } r && ToLong(l) is { } a && ToLong(r) is { } b ? a | b : null;
            case CsValue.ConstantReference reference:
                var name = reference.Name[^1];
                var qualifier = reference.Name.Length > 1 ? reference.Name[^2] : null;
                var candidates = _constants[name].ToList();
                if (candidates.Count == 0)
                    return null;
                CsConstant? chosen = null;
                if (qualifier is not null)
                    chosen = candidates.FirstOrDefault(c => c.ContainerSimpleName == qualifier || c.ContainerFullName.EndsWith("." + qualifier, StringComparison.Ordinal));
                chosen ??= candidates.FirstOrDefault(c => c.ContainerFullName == contextType)
                    ?? candidates.FirstOrDefault(c => contextType.StartsWith(c.ContainerFullName + ".", StringComparison.Ordinal))
                    ?? (candidates.Count == 1 ? candidates[0] : null);
                return chosen is null ? null : Evaluate(chosen.Value, chosen.ContainerFullName, depth + 1);
            default:
                return null;
        }
    }

    public static long? ToLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        sbyte sb => sb,
        byte b => b,
        ushort us => us,
        uint ui => ui,
        ulong ul => unchecked((long)ul),
        char c => c,
        _ => null,
    };

    private static T? Pick<T>(IEnumerable<T> candidates, Func<T, string> fullName, string? contextNamespace) where T : class
    {
        T? first = null;
        foreach (var candidate in candidates)
        {
            first ??= candidate;
            if (contextNamespace is not null && fullName(candidate).StartsWith(contextNamespace + ".", StringComparison.Ordinal))
                return candidate;
        }
        return first;
    }

    private static string LastSegment(string name)
    {
        var generic = name.IndexOf('<');
        if (generic >= 0)
            name = name[..generic];
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name.Replace("global::", "", StringComparison.Ordinal);
    }
}
