using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.C;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>
/// The rules of one C# extern against a C/C++ library: HL1001 when nothing has the entry point, HL2001 when a function
/// of that name is `static`, hidden or lacks `dllexport`, HL2003 when it is a C++ function with a mangled symbol,
/// HL1014 when a variadic function is bound with a fixed signature; then the shared per-target signature walk.
/// </summary>
internal static class CBindingRules
{
    public static void Check(SemanticModel model, Binding.Binding binding, FindingSink sink)
    {
        var library = binding.CLibrary!;
        var method = binding.Method;
        var suppressed = method.SuppressedCodes;
        var entryAnchor = method.EntryPoint?.Span ?? method.NameSpan;
        switch (binding.Resolution)
        {
            case ResolutionKind.MissingExport when binding.CNotExported.FirstOrDefault(f => f.Declaration.Linkage == CLinkage.Cxx) is { } mangled:
                var at = mangled.Primary.NameSpan;
                sink.Add(RuleCatalog.CxxMangled,
                    $"C++ function '{mangled.Declaration.QualifiedName}' in library '{library.Name}' has C++ linkage: it is exported as '{mangled.EntryPoint}', not '{binding.EntryPoint}'; declare it extern \"C\"",
                    binding.Path, entryAnchor, binding.EntryPoint,
                    related: [new FindingLocation(at.File, at.Span, $"C++ function '{mangled.Declaration.QualifiedName}'")],
                    mirror: new FindingLocation(at.File, at.Span, ""), suppressed: suppressed,
                    fix: mangled.Declaration.QualifiedName == mangled.Name && binding.CNotExported.Count(f => f.Declaration.Linkage == CLinkage.Cxx) == 1
                        && mangled.Definition is not null && !library.HeadersOnly ? new Fixes.CExportFix(Fixes.CExportFixKind.ExternC, library, mangled) : null);
                return;
            case ResolutionKind.MissingExport when binding.CNotExported.FirstOrDefault(f => f.Hidden is not CHiddenReason.NotDefined) is { } hidden:
                var where = hidden.Primary.NameSpan;
                sink.Add(RuleCatalog.NotExported,
                    $"{library.Language} function '{hidden.Name}' exists in library '{library.Name}' but is not exported: {Why(hidden.Hidden)}",
                    binding.Path, entryAnchor, binding.EntryPoint,
                    related: [new FindingLocation(where.File, where.Span, $"{library.Language} function '{hidden.Name}'")],
                    mirror: new FindingLocation(where.File, where.Span, ""), suppressed: suppressed,
                    fix: library.HeadersOnly || binding.CNotExported.Count(f => f.Hidden is not CHiddenReason.NotDefined) != 1 ? null : hidden.Hidden switch
                    {
                        CHiddenReason.Static when hidden.Definition is not null => new Fixes.CExportFix(Fixes.CExportFixKind.RemoveStatic, library, hidden),
                        CHiddenReason.HiddenVisibility => new Fixes.CExportFix(Fixes.CExportFixKind.AddExportMacro, library, hidden),
                        _ => null,
                    });
                return;
            case ResolutionKind.MissingExport:
                var declared = binding.CNotExported.FirstOrDefault();
                var exports = library.Targets.Values.SelectMany(t => t.ExportsBySymbol.Keys).Distinct(StringComparer.Ordinal).ToList();
                var suggestion = declared is null ? LibraryNames.DidYouMean(binding.EntryPoint, exports) : null;
                var related = declared is not null
                    ? [new FindingLocation(declared.Declaration.NameSpan.File, declared.Declaration.NameSpan.Span, $"declaration of '{declared.Name}'")]
                    : suggestion is not null && FindExport(library, suggestion) is { } s
                        ? [new FindingLocation(s.Primary.NameSpan.File, s.Primary.NameSpan.Span, $"{library.Language} export '{suggestion}'")]
                        : System.Collections.Immutable.ImmutableArray<FindingLocation>.Empty;
                sink.Add(RuleCatalog.MissingExport,
                    declared is not null
                        ? $"library '{binding.Library}' ({library.Language} library '{library.Name}') declares '{binding.EntryPoint}' in '{PathUtil.FileName(declared.Declaration.NameSpan.File)}' but none of its sources defines it, so it is not exported"
                        : $"library '{binding.Library}' ({library.Language} library '{library.Name}') exports no function '{binding.EntryPoint}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'"),
                    binding.Path, entryAnchor, binding.EntryPoint, related: related, suppressed: suppressed);
                return;
            case ResolutionKind.Resolved:
                break;
            default:
                return;
        }

        var variadic = binding.CNatives.FirstOrDefault(f => f.Declaration.IsVariadic);
        if (variadic is not null && !method.Parameters.Any(p => p.Type.Display is "__arglist"))
        {
            var at = variadic.Declaration.NameSpan;
            sink.Add(RuleCatalog.VariadicBinding,
                $"'{binding.EntryPoint}' is variadic in {library.Language} ('...'), but '{method.Name}' binds it with a fixed signature: variadic arguments are passed differently on some platforms (arm64 Apple passes them on the stack)",
                binding.Path, method.NameSpan, binding.EntryPoint,
                related: [new FindingLocation(at.File, at.Span, $"{library.Language} declaration of '{variadic.Name}'")],
                mirror: new FindingLocation(at.File, at.Span, ""), suppressed: suppressed);
        }
        SignatureRules.Compare(model, binding, new CExportView(library, binding.EntryPoint), sink);
    }

    private static CLibraryFunction? FindExport(CLibrary library, string symbol) =>
        library.Targets.Values.Select(t => t.ExportsBySymbol.GetValueOrDefault(symbol)).FirstOrDefault(f => f is not null);

    private static string Why(CHiddenReason reason) => reason switch
    {
        CHiddenReason.Static => "it is 'static' (internal linkage)",
        CHiddenReason.HiddenVisibility => "its visibility is hidden (a hidden visibility preset or -fvisibility=hidden, and no visibility(\"default\") export macro on it)",
        CHiddenReason.NoDllExport => "on Windows it lacks __declspec(dllexport), which the library's other exports use",
        _ => "it is not in the export table",
    };
}
