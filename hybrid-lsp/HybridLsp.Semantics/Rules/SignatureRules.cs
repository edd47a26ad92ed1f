using System.Collections.Immutable;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// The binding rules of one C# extern against its Rust export, per target, merged into one diagnostic per anchor:
/// HL1001 missing-export, HL2001 not-exported, HL1002 arity, and per parameter/return HL1003–HL1013 with the precedence
/// HL1011 &gt; HL1012 &gt; HL1005 &gt; HL1006 &gt; HL1003 &gt; HL1004 &gt; HL1008 (DESIGN §5). Struct and enum differences
/// (HL1009, HL1010, HL1015) sit on the first differing C# member. One file: the rules share the per-target walk.
/// </summary>
internal static class SignatureRules
{
    private static readonly ImmutableArray<string> s_precedence = ["HL1011", "HL1012", "HL1005", "HL1006", "HL1009", "HL1010", "HL1015", "HL1003", "HL1013", "HL1007", "HL1004", "HL1008"];

    private sealed record Observation(TargetPlatform Target, AbiMismatch Mismatch, AbiType Cs, AbiType Native, Position At);

    /// <summary>What a mismatch is about: a parameter (index), the return value (-1), or the function itself (-2).</summary>
    private sealed record Position(int Index, string CsText, string NativeText, TextSpan CsSpan, TextSpan? NativeSpan, string? ParameterName);

    public static void Check(SemanticModel model, Binding.Binding binding, FindingSink sink)
    {
        if (binding.CLibrary is not null)
        {
            CBindingRules.Check(model, binding, sink);
            return;
        }
        var method = binding.Method;
        var suppressed = method.SuppressedCodes;
        var entryAnchor = method.EntryPoint?.Span ?? method.NameSpan;
        switch (binding.Resolution)
        {
            case ResolutionKind.MissingExport when !binding.NotExported.IsEmpty:
                var hidden = binding.NotExported[0];
                sink.Add(RuleCatalog.NotExported,
                    $"Rust function '{hidden.Item.Name}' exists in crate '{binding.Crate!.LibName}' but is not exported: it needs #[no_mangle] (or #[unsafe(no_mangle)] in edition 2024); 'pub' does not export it",
                    binding.Path, entryAnchor, binding.EntryPoint,
                    related: [new FindingLocation(hidden.Path, hidden.Item.NameSpan, $"Rust function '{hidden.Item.Name}'")],
                    mirror: new FindingLocation(hidden.Path, hidden.Item.NameSpan, ""), suppressed: suppressed, fix: FixPlanner.ForNotExported(binding));
                return;
            case ResolutionKind.MissingExport:
                var crate = binding.Crate!;
                var suggestion = LibraryNames.DidYouMean(binding.EntryPoint, crate.ExportsBySymbol.Keys);
                var related = suggestion is not null
                    ? [new FindingLocation(crate.ExportsBySymbol[suggestion][0].Path, crate.ExportsBySymbol[suggestion][0].Item.NameSpan, $"Rust export '{suggestion}'")]
                    : ImmutableArray<FindingLocation>.Empty;
                var orphan = binding.OutsideModuleTree;
                if (orphan is not null)
                    related = related.Add(new FindingLocation(orphan.Path, orphan.Item.NameSpan, $"'{binding.EntryPoint}' outside the crate's module tree"));
                sink.Add(RuleCatalog.MissingExport,
                    $"library '{binding.Library}' (crate '{crate.PackageName ?? crate.LibName}') exports no function '{binding.EntryPoint}'"
                    + (orphan is not null ? $": it is defined in '{PathUtil.Relative(orphan.Path, crate.Directory)}', which no `mod` declaration includes"
                        : suggestion is null ? "" : $"; did you mean '{suggestion}'"),
                    binding.Path, entryAnchor, binding.EntryPoint, related: related, suppressed: suppressed,
                    fix: suggestion is null || orphan is not null ? null : FixPlanner.ForMissingExport(binding, suggestion));
                return;
            case ResolutionKind.Resolved:
                break;
            default:
                return;
        }

        Compare(model, binding, new RustExportView(binding.Crate!, binding.Natives), sink);
    }

    /// <summary>The per-target walk shared by every native language: existence per target, then parameter, return and convention.</summary>
    internal static void Compare(SemanticModel model, Binding.Binding binding, NativeExportView view, FindingSink sink)
    {
        var method = binding.Method;
        var suppressed = method.SuppressedCodes;
        var entryAnchor = method.EntryPoint?.Span ?? method.NameSpan;
        var targets = model.Config.Targets;
        var observations = new List<Observation>();
        var missingOn = new List<TargetPlatform>();
        var presentOn = new List<TargetPlatform>();
        NativeSignature? anyNative = null;
        NativeSignature? anyVariant = null;
        var context = CsMarshalContext.For(method, binding.Symbols.DisableRuntimeMarshalling);
        using var language = AbiComparer.UseLanguage(view.Language, view.MemberSeparator);
        foreach (var target in targets)
        {
            var (native, missing) = view.On(target);
            if (native is null)
            {
                if (missing)
                    missingOn.Add(target);
                continue;
            }
            presentOn.Add(target);
            anyNative ??= native;
            Observe(binding, native, target, context, observations);
        }

        if (missingOn.Count > 0 && presentOn.Count > 0 || missingOn.Count > 0 && presentOn.Count == 0 && missingOn.Count == targets.Length)
        {
            anyVariant = anyNative ?? view.Anywhere(targets[0]);
            sink.Add(RuleCatalog.MissingExport,
                presentOn.Count == 0
                    ? $"'{binding.EntryPoint}' is exported by {view.ModuleDescription} on none of the configured targets ({view.ConditionalReason.Replace("them", Join(missingOn), StringComparison.Ordinal)})"
                    : $"'{binding.EntryPoint}' is not exported by {view.ModuleDescription} on {Join(missingOn)} ({view.ConditionalReason})",
                binding.Path, entryAnchor, binding.EntryPoint,
                related: anyVariant is null ? [] : [new FindingLocation(anyVariant.Path, anyVariant.NameSpan, $"{view.Language} export '{binding.EntryPoint}'")],
                targets: [.. missingOn.Select(t => t.Name)], suppressed: suppressed);
        }

        if (anyNative is null)
            return;
        var nativeLocation = new FindingLocation(anyNative.Path, anyNative.NameSpan, $"{view.Language} export '{binding.EntryPoint}'");
        foreach (var group in observations.GroupBy(o => o.At.CsSpan))
            Report(model, binding, group.ToList(), targets, nativeLocation, anyNative, view, sink);
    }

    private static void Observe(Binding.Binding binding, NativeSignature fn, TargetPlatform target, CsMarshalContext context, List<Observation> observations)
    {
        var method = binding.Method;
        var csMapper = new CsAbiMapper(binding.Symbols, target);

        if (method.Parameters.Length != fn.Parameters.Length && !fn.Variadic)
        {
            var at = new Position(-2, "", "", method.ParameterListSpan, fn.ParameterListSpan, null);
            observations.Add(new Observation(target, new AbiMismatch(RuleCatalog.ArityMismatch,
                $"'{method.Name}' declares {Count(method.Parameters.Length)} but {fn.Language} '{binding.EntryPoint}' takes {fn.Parameters.Length}"), AbiVoid.Instance, AbiVoid.Instance, at));
        }
        else
        {
            for (var i = 0; i < Math.Min(method.Parameters.Length, fn.Parameters.Length); i++)
            {
                var p = method.Parameters[i];
                var np = fn.Parameters[i];
                var cs = csMapper.MapParameter(p, context, method.Container);
                var csText = (p.RefKind == CsRefKind.None ? "" : RefText(p.RefKind) + " ") + p.Type.Display;
                if (AbiComparer.Compare(cs, np.Type, csText, np.TypeText, target) is { } m)
                    observations.Add(new Observation(target, m, cs, np.Type, new Position(i, csText, np.TypeText, p.Type.Span, np.TypeSpan, p.Name)));
            }
        }

        var csReturn = csMapper.MapReturn(method, context);
        var returnAt = new Position(-1, method.ReturnType.Display, fn.ReturnText, method.ReturnType.Span, fn.ReturnSpan, null);
        if (AbiComparer.Compare(csReturn, fn.Return, method.ReturnType.Display, fn.ReturnText, target) is { } rm)
            observations.Add(new Observation(target, rm, csReturn, fn.Return, returnAt));
        else if (csReturn is AbiString { IsBuffer: false } && fn.Return is AbiPointer { Pointee: AbiInt { Bytes: 1 or 2 } or AbiChar { Bytes: 1 or 2 } })
            observations.Add(new Observation(target, new AbiMismatch(RuleCatalog.StringOwnership,
                $"'{method.Name}' returns {fn.Language} '{fn.ReturnText}' as C# 'string': the runtime frees the native buffer with its own allocator (free/CoTaskMemFree); return 'nint' and release it with the library's own free function"),
                csReturn, fn.Return, returnAt));

        // A `#[no_mangle] pub fn` without `extern "C"` is exported with the unspecified Rust ABI.
        if (fn.UnstableAbi)
        {
            observations.Add(new Observation(target, new AbiMismatch(RuleCatalog.CallingConventionMismatch,
                $"{fn.Language} '{binding.EntryPoint}' is exported with the Rust ABI, which has no stable calling convention; declare it 'extern \"C\"'"),
                AbiVoid.Instance, AbiVoid.Instance, new Position(-2, "", "", method.NameSpan, fn.NameSpan, null)));
            return;
        }

        // Calling convention of the function itself.
        var csConv = CallingConventionOf(method, target);
        var nativeConv = fn.Convention;
        if (csConv is { } cc && cc != nativeConv)
        {
            var at = new Position(-2, "", "", method.NameSpan, fn.ConventionSpan ?? fn.NameSpan, null);
            var explicitOnNonX86 = !target.HasDistinctCallingConventions && method.CallingConvention is CsCallingConvention.StdCall or CsCallingConvention.ThisCall or CsCallingConvention.FastCall;
            if (target.HasDistinctCallingConventions || explicitOnNonX86)
            {
                observations.Add(new Observation(target, new AbiMismatch(RuleCatalog.CallingConventionMismatch,
                    $"'{method.Name}' is called as {AbiComparer.ConvName(cc)} but {fn.Language} '{binding.EntryPoint}' is {fn.ConventionText} ({AbiComparer.ConvName(nativeConv)})"), AbiVoid.Instance, AbiVoid.Instance, at));
            }
        }
    }

    /// <summary>The convention C# calls with on a target, or null when it is the platform default and cannot differ.</summary>
    private static CallConv? CallingConventionOf(CsExternMethod method, TargetPlatform target)
    {
        foreach (var name in method.UnmanagedCallConvs.IsDefault ? [] : method.UnmanagedCallConvs)
        {
            switch (name)
            {
                case "Cdecl": return CallConv.C;
                case "Stdcall": return CallConv.StdCall;
                case "Thiscall": return CallConv.ThisCall;
                case "Fastcall": return CallConv.FastCall;
            }
        }
        return method.CallingConvention switch
        {
            CsCallingConvention.Cdecl => CallConv.C,
            CsCallingConvention.StdCall => CallConv.StdCall,
            CsCallingConvention.ThisCall => CallConv.ThisCall,
            CsCallingConvention.FastCall => CallConv.FastCall,
            // Winapi (the DllImport default) and LibraryImport without [UnmanagedCallConv]: stdcall on Windows x86, C elsewhere.
            _ => target.IsWindows && target.Arch == TargetArch.X86 ? CallConv.StdCall : CallConv.C,
        };
    }

    private static void Report(SemanticModel model, Binding.Binding binding, List<Observation> observations, ImmutableArray<TargetPlatform> targets,
        FindingLocation nativeLocation, NativeSignature native, NativeExportView view, FindingSink sink)
    {
        var best = observations.MinBy(o => Rank(o.Mismatch.Rule.Code))!;
        var rule = best.Mismatch.Rule;
        var holding = observations.Where(o => o.Mismatch.Rule == rule).Select(o => o.Target).Distinct().ToList();
        var method = binding.Method;
        var at = best.At;

        string message;
        if (rule == RuleCatalog.PlatformWidth)
        {
            var breaks = TargetPlatforms.All.Where(t => !targets.Contains(t) && BreaksOn(binding, view, at, t)).ToList();
            if (breaks.Count == 0)
                return;
            message = $"{Where(method, at)}: {best.Mismatch.Detail}; it breaks on {Join(breaks)}";
            holding = [.. breaks];
        }
        else if (rule == RuleCatalog.BoolWidthMismatch && at.Index >= -1)
        {
            var nativeBytes = best.Native.Size ?? 0;
            var csBytes = best.Cs is AbiPointer { Pointee: { } pointee } ? pointee.Size ?? 0 : best.Cs.Size ?? 0;
            var nativeWhat = $"a {nativeBytes}-byte {view.Language} '{at.NativeText}'";
            var csWhat = $"C# '{at.CsText}' marshals as a {csBytes}-byte {(csBytes == 4 ? "BOOL" : csBytes == 2 ? "VARIANT_BOOL" : "bool")}";
            message = at.Index == -1
                ? $"'{method.Name}' returns {nativeWhat}; {csWhat}"
                : $"parameter '{at.ParameterName}' of '{method.Name}' is {nativeWhat}; {csWhat}";
            message += TargetSuffix(holding, targets);
        }
        else if (rule == RuleCatalog.ArityMismatch || rule == RuleCatalog.CallingConventionMismatch || rule == RuleCatalog.StringOwnership)
        {
            message = best.Mismatch.Detail + (rule == RuleCatalog.ArityMismatch ? "" : TargetSuffix(holding, targets));
        }
        else
        {
            message = $"{Where(method, at)}: {best.Mismatch.Detail}{TargetSuffix(holding, targets)}";
        }

        var rustAbi = native.UnstableAbi;
        var severity = rule == RuleCatalog.CallingConventionMismatch && !rustAbi && !holding.Any(t => t.HasDistinctCallingConventions) ? RuleSeverity.Info : (RuleSeverity?)null;
        var path = binding.Path;
        var span = at.CsSpan;
        var suppressed = method.SuppressedCodes;
        var relatedBuilder = ImmutableArray.CreateBuilder<FindingLocation>();
        relatedBuilder.Add(nativeLocation);
        var lang = view.Language;
        if (at.NativeSpan is { } ns && ns != native.NameSpan)
            relatedBuilder.Add(new FindingLocation(native.Path, ns, at.Index >= 0 ? $"{lang} parameter {at.Index + 1} of '{binding.EntryPoint}'" : at.Index == -1 ? $"{lang} return type of '{binding.EntryPoint}'" : $"{lang} '{binding.EntryPoint}'"));
        var mirror = new FindingLocation(native.Path, at.NativeSpan ?? native.NameSpan, "");

        if (best.Mismatch.Member is { } member)
        {
            // Struct and enum findings sit on the first differing C# member (or the type when C# lacks it), once per type pair.
            var ns2 = CsAbiMapper.Namespace(method.Container);
            if (member.CsTypeName is { } csType && (binding.Symbols.FindStruct(csType, ns2) is { } s))
            {
                var field = member.CsMember is null ? null : s.Item.Fields.FirstOrDefault(f => f.Name == member.CsMember);
                path = s.Path;
                span = field?.NameSpan ?? s.Item.NameSpan;
                suppressed = s.Item.SuppressedCodes;
            }
            else if (binding.Symbols.FindEnum(member.CsTypeName, ns2) is { } e)
            {
                var m = member.CsMember is null ? null : e.Item.Members.FirstOrDefault(x => x.Name == member.CsMember);
                path = e.Path;
                span = m?.NameSpan ?? e.Item.NameSpan;
                suppressed = e.Item.SuppressedCodes;
            }
            relatedBuilder.Insert(0, new FindingLocation(binding.Path, at.CsSpan, $"used by '{method.Name}'"));
            if (view.LocateType(member.NativeTypeName, member.NativeMember) is { } located)
            {
                mirror = located.Location;
                relatedBuilder.Add(located.Location with { Message = located.Label });
            }
            message = best.Mismatch.Detail + TargetSuffix(holding, targets);
        }

        sink.Add(rule, message, path, span, best.Mismatch.Member?.CsTypeName ?? binding.EntryPoint,
            related: relatedBuilder.ToImmutable(), targets: [.. holding.Select(t => t.Name)], mirror: mirror, suppressed: suppressed, severity: severity,
            fix: best.Mismatch.Member is { } differing ? FixPlanner.ForMember(binding, rule, differing) : FixPlanner.ForSignature(binding, rule, at.Index, best.Cs, best.Native, onMember: false));
    }

    /// <summary>For HL1008: whether the same parameter is a real type mismatch on a target that is not configured.</summary>
    private static bool BreaksOn(Binding.Binding binding, NativeExportView view, Position at, TargetPlatform target)
    {
        if (view.Anywhere(target) is not { } native)
            return false;
        var csMapper = new CsAbiMapper(binding.Symbols, target);
        var context = CsMarshalContext.For(binding.Method, binding.Symbols.DisableRuntimeMarshalling);
        AbiType cs, nat;
        if (at.Index >= 0)
        {
            if (at.Index >= native.Parameters.Length)
                return false;
            cs = csMapper.MapParameter(binding.Method.Parameters[at.Index], context, binding.Method.Container);
            nat = native.Parameters[at.Index].Type;
        }
        else
        {
            cs = csMapper.MapReturn(binding.Method, context);
            nat = native.Return;
        }
        var m = AbiComparer.Compare(cs, nat, at.CsText, at.NativeText, target);
        return m is not null && m.Rule != RuleCatalog.PlatformWidth && m.Rule != RuleCatalog.SignednessMismatch;
    }

    private static int Rank(string code)
    {
        var i = s_precedence.IndexOf(code);
        return i < 0 ? -1 : i;
    }

    private static string Where(CsExternMethod method, Position at) => at.Index switch
    {
        -1 => $"return type of '{method.Name}'",
        -2 => $"'{method.Name}'",
        _ => $"parameter '{at.ParameterName}' of '{method.Name}'",
    };

    private static string TargetSuffix(IReadOnlyCollection<TargetPlatform> holding, ImmutableArray<TargetPlatform> configured) =>
        holding.Count > 0 && holding.Count < configured.Length ? $" on {Join(holding)}" : "";

    private static string Join(IEnumerable<TargetPlatform> targets) => string.Join(", ", targets.Select(t => t.Name));

    private static string Count(int n) => n == 1 ? "1 parameter" : $"{n} parameters";

    private static string RefText(CsRefKind kind) => kind switch
    {
        CsRefKind.Ref => "ref",
        CsRefKind.Out => "out",
        CsRefKind.In => "in",
        CsRefKind.RefReadonly => "ref readonly",
        _ => "",
    };
}
