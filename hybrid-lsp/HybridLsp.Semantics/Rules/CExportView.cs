using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.C;

namespace HybridLsp.Semantics.Rules;

/// <summary>A binding's C/C++ export: the function libclang found on each parsed target, mapped with <see cref="CAbiMapper"/>.</summary>
internal sealed class CExportView(CLibrary library, string entryPoint) : NativeExportView
{
    public override string Language => library.Language;

    public override string MemberSeparator => library.IsCxx ? "::" : ".";

    public override string ModuleDescription => $"{library.Language} library '{library.Name}'";

    public override string ConditionalReason => "preprocessor conditions or export attributes exclude them";

    public override (NativeSignature? Signature, bool Missing) On(TargetPlatform target)
    {
        if (!library.Targets.TryGetValue(target, out var parsed) || !parsed.Parsed)
            return (null, false);
        if (parsed.ExportsBySymbol.TryGetValue(entryPoint, out var function))
            return (function.Declaration.IsInvalid ? null : Map(function, parsed, target), false);
        return (null, !parsed.Incomplete);
    }

    public override NativeSignature? Anywhere(TargetPlatform target)
    {
        if (library.Targets.TryGetValue(target, out var exact) && exact.Parsed)
            return exact.ExportsBySymbol.TryGetValue(entryPoint, out var f) && !f.Declaration.IsInvalid ? Map(f, exact, target) : null;
        // A target that was not parsed: the nearest parsed one, with platform-dependent widths taken for this target.
        var nearest = library.Targets.Values.Where(t => t.Parsed && t.ExportsBySymbol.TryGetValue(entryPoint, out var f) && !f.Declaration.IsInvalid)
            .OrderByDescending(t => t.Target.Arch == target.Arch ? 1 : 0).ThenBy(t => t.Target.Name, StringComparer.Ordinal).FirstOrDefault();
        return nearest is null ? null : Map(nearest.ExportsBySymbol[entryPoint], nearest, target);
    }

    public override (FindingLocation Location, string Label)? LocateType(string nativeTypeName, string? member)
    {
        foreach (var parsed in library.Targets.Values.Where(t => t.Parsed))
        {
            if (parsed.Records.TryGetValue(nativeTypeName, out var record))
            {
                var field = member is null ? null : record.Fields.FirstOrDefault(f => f.Name == member);
                var at = field?.NameSpan ?? record.NameSpan;
                return (new FindingLocation(at.File, at.Span, ""), field is null ? $"{Language} {Kind(record)} '{record.Name}'" : $"{Language} field '{record.Name}.{field.Name}'");
            }
            if (parsed.Enums.TryGetValue(nativeTypeName, out var e))
            {
                var constant = member is null ? null : e.Constants.FirstOrDefault(c => c.Name == member);
                var at = constant?.NameSpan ?? e.NameSpan;
                return (new FindingLocation(at.File, at.Span, ""), constant is null ? $"{Language} enum '{e.Name}'" : $"{Language} enumerator '{constant.Name}'");
            }
        }
        return null;
    }

    private static string Kind(CRecord record) => record.Kind switch { CRecordKind.Union => "union", CRecordKind.Class => "class", _ => "struct" };

    /// <summary>The export's signature from its header declaration, mapped for <paramref name="target"/>.</summary>
    internal static NativeSignature Map(CLibraryFunction function, CLibraryTarget parsed, TargetPlatform target)
    {
        var fn = function.Declaration;
        // The target's mapper remembers the records it mapped (every binding of a library passes the same few): one caller at a time.
        var mapper = parsed.Mapper(target);
        ImmutableArray<NativeParameter> parameters;
        AbiType returns;
        lock (mapper)
        {
            parameters = [.. fn.Parameters.Select(p => new NativeParameter(p.Name.Length == 0 ? null : p.Name, p.Type.Spelling, p.NameSpan?.Span, mapper.MapParameter(p.Type)))];
            returns = mapper.Map(fn.ReturnType);
        }
        var language = fn.Linkage == CLinkage.Cxx || fn.FullSpan.File.EndsWith("pp", StringComparison.Ordinal) ? "C++" : "C";
        return new NativeSignature(language, fn.NameSpan.File, fn.NameSpan.Span, null, parameters,
            fn.ReturnType.Spelling, null, returns, fn.IsVariadic,
            CAbiMapper.Convention(fn.CallingConvention), ConventionText(fn.CallingConvention), null);
    }

    private static string ConventionText(CCallingConvention convention) => convention switch
    {
        CCallingConvention.StdCall => "__stdcall",
        CCallingConvention.FastCall => "__fastcall",
        CCallingConvention.ThisCall => "__thiscall",
        CCallingConvention.VectorCall => "__vectorcall",
        _ => "__cdecl",
    };
}
