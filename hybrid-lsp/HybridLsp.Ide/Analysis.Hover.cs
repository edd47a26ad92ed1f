using System.Text;
using HybridLsp.Semantics.Abi;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Targets;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Rust;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>On either side of a binding: the other side's signature and the per-parameter ABI mapping with any finding.</summary>
    public HoverResult? Hover(FilePosition position, CancellationToken cancellationToken)
    {
        GetState(cancellationToken);
        var site = _xrefs.Value.At(Normalize(position.Path), position.Offset);
        switch (site)
        {
            case CsBindingSite b:
                return new HoverResult(b.Origin, HoverForBinding(b.Binding));
            case RustExportSite r:
                var sb = new StringBuilder();
                if (r.Bindings.IsEmpty)
                {
                    sb.Append($"`{r.Symbol}` is exported by crate `{r.Crate.LibName}`; no C# declaration binds it.");
                    return new HoverResult(r.Origin, sb.ToString());
                }
                sb.Append($"**C# declaration{(r.Bindings.Length == 1 ? "" : "s")}** of `{r.Symbol}`\n\n");
                foreach (var binding in r.Bindings)
                    sb.Append("```csharp\n").Append(CsSignature(binding)).Append("\n```\n").Append($"in `{binding.Method.Container}` ({RelativePath(binding.Path)})\n\n");
                sb.Append(MappingTable(r.Bindings[0], r.Function));
                return new HoverResult(r.Origin, sb.ToString());
            case CExportSite c:
                var text = new StringBuilder();
                if (c.Bindings.IsEmpty)
                    return new HoverResult(c.Origin, $"`{c.Symbol}` is exported by {c.Library.Language} library `{c.Library.Name}`; no C# declaration binds it.");
                text.Append($"**C# declaration{(c.Bindings.Length == 1 ? "" : "s")}** of `{c.Symbol}`\n\n");
                foreach (var binding in c.Bindings)
                    text.Append("```csharp\n").Append(CsSignature(binding)).Append("\n```\n").Append($"in `{binding.Method.Container}` ({RelativePath(binding.Path)})\n\n");
                text.Append(CMappingTable(c.Bindings[0]));
                return new HoverResult(c.Origin, text.ToString());
            case TypeSite t:
                return new HoverResult(t.Origin, $"**{t.Name}** is bound to " + string.Join(", ", t.Others.Select(o => $"`{o.Name}` ({o.Language}, {RelativePath(o.Path)})")));
            default:
                return null;
        }
    }

    private string HoverForBinding(Binding binding)
    {
        var sb = new StringBuilder();
        switch (binding.Resolution)
        {
            case ResolutionKind.Resolved when binding.CLibrary is { } library:
                var function = binding.CNatives[0];
                sb.Append($"**{library.Language} export** `{binding.EntryPoint}` in library `{library.Name}` ({RelativePath(function.Primary.NameSpan.File)})\n\n");
                sb.Append(library.IsCxx ? "```cpp\n" : "```c\n").Append(CSignature(function.Declaration)).Append("\n```\n");
                sb.Append('\n').Append(CMappingTable(binding));
                break;
            case ResolutionKind.MissingExport when binding.CLibrary is { } library:
                sb.Append($"{library.Language} library `{library.Name}` exports no `{binding.EntryPoint}`");
                break;
            case ResolutionKind.Resolved:
                var native = binding.Natives[0];
                sb.Append($"**Rust export** `{binding.EntryPoint}` in crate `{binding.Crate!.LibName}` ({RelativePath(native.Path)})\n\n");
                foreach (var variant in binding.Natives)
                    sb.Append("```rust\n").Append(RustSignature(variant.Item)).Append("\n```\n");
                sb.Append('\n').Append(MappingTable(binding, native));
                break;
            case ResolutionKind.SystemLibrary:
                sb.Append($"`{binding.EntryPoint}` from system library `{binding.Library}`");
                break;
            case ResolutionKind.UnresolvedLibrary:
                sb.Append($"Library `{binding.Library}` matches no native module in this workspace");
                break;
            case ResolutionKind.MissingExport:
                sb.Append($"Crate `{binding.Crate!.LibName}` exports no `{binding.EntryPoint}`");
                break;
            default:
                sb.Append($"`{binding.EntryPoint}`: not resolved ({binding.UnknownReason ?? "unknown"})");
                break;
        }
        return sb.ToString();
    }

    private string MappingTable(Binding binding, CrateItem<RustFunction> native)
    {
        var target = State.Config.Targets.FirstOrDefault() ?? TargetPlatforms.LinuxX64;
        var cs = new CsAbiMapper(binding.Symbols, target);
        var rust = new RustAbiMapper(binding.Crate!, target);
        var context = CsMarshalContext.For(binding.Method, binding.Symbols.DisableRuntimeMarshalling);
        var findings = Model.Findings.Where(f => f.Path == binding.Path).ToList();
        var sb = new StringBuilder();
        sb.Append($"| | C# | Rust | {target.Name} |\n|---|---|---|---|\n");
        var fn = native.Item;
        for (var i = 0; i < Math.Max(binding.Method.Parameters.Length, fn.Parameters.Length); i++)
        {
            var p = i < binding.Method.Parameters.Length ? binding.Method.Parameters[i] : null;
            var rp = i < fn.Parameters.Length ? fn.Parameters[i] : null;
            var csText = p is null ? "—" : $"`{(p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ")}{p.Type.Display}` ({AbiComparer.Describe(cs.MapParameter(p, context, binding.Method.Container), target)})";
            var rustText = rp is null ? "—" : $"`{rp.Type.Display}` ({AbiComparer.Describe(rust.Map(rp.Type), target)})";
            var status = p is null || rp is null ? "✗ HL1002" : RowStatus(findings, p.Type.Span);
            sb.Append($"| `{p?.Name ?? rp?.Name}` | {csText} | {rustText} | {status} |\n");
        }
        sb.Append($"| return | `{binding.Method.ReturnType.Display}` ({AbiComparer.Describe(cs.MapReturn(binding.Method, context), target)}) | `{fn.Return?.Display ?? "()"}` ({AbiComparer.Describe(rust.MapReturn(fn.Return), target)}) | {RowStatus(findings, binding.Method.ReturnType.Span)} |\n");
        var issues = findings.Where(f => f.Span.Start >= binding.Method.FullSpan.Start && f.Span.End <= binding.Method.FullSpan.End).ToList();
        foreach (var f in issues)
            sb.Append($"\n**{f.Rule.Code}** {f.Message}");
        return sb.ToString();
    }

    /// <summary>The C# ↔ C/C++ mapping per parameter on the first configured target the library was parsed for.</summary>
    private string CMappingTable(Binding binding)
    {
        var library = binding.CLibrary!;
        var parsed = State.Config.Targets.Select(t => library.Targets.GetValueOrDefault(t)).FirstOrDefault(t => t is { Parsed: true } && t.ExportsBySymbol.ContainsKey(binding.EntryPoint));
        if (parsed is null)
            return "";
        var target = parsed.Target;
        var fn = parsed.ExportsBySymbol[binding.EntryPoint].Declaration;
        var cs = new CsAbiMapper(binding.Symbols, target);
        var native = new CAbiMapper(parsed.Records.GetValueOrDefault, parsed.Enums.GetValueOrDefault, target);
        var context = CsMarshalContext.For(binding.Method, binding.Symbols.DisableRuntimeMarshalling);
        var findings = Model.Findings.Where(f => f.Path == binding.Path).ToList();
        var sb = new StringBuilder();
        sb.Append($"| | C# | {library.Language} | {target.Name} |\n|---|---|---|---|\n");
        for (var i = 0; i < Math.Max(binding.Method.Parameters.Length, fn.Parameters.Length); i++)
        {
            var p = i < binding.Method.Parameters.Length ? binding.Method.Parameters[i] : null;
            var np = i < fn.Parameters.Length ? fn.Parameters[i] : null;
            var csText = p is null ? "—" : $"`{(p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ")}{p.Type.Display}` ({AbiComparer.Describe(cs.MapParameter(p, context, binding.Method.Container), target)})";
            var nativeText = np is null ? "—" : $"`{np.Type.Spelling}` ({AbiComparer.Describe(native.MapParameter(np.Type), target)})";
            var status = p is null || np is null ? (fn.IsVariadic ? "…" : "✗ HL1002") : RowStatus(findings, p.Type.Span);
            sb.Append($"| `{p?.Name ?? np?.Name}` | {csText} | {nativeText} | {status} |\n");
        }
        sb.Append($"| return | `{binding.Method.ReturnType.Display}` ({AbiComparer.Describe(cs.MapReturn(binding.Method, context), target)}) | `{fn.ReturnType.Spelling}` ({AbiComparer.Describe(native.Map(fn.ReturnType), target)}) | {RowStatus(findings, binding.Method.ReturnType.Span)} |\n");
        foreach (var f in findings.Where(f => f.Span.Start >= binding.Method.FullSpan.Start && f.Span.End <= binding.Method.FullSpan.End))
            sb.Append($"\n**{f.Rule.Code}** {f.Message}");
        return sb.ToString();
    }

    internal static string CSignature(Syntax.C.CFunction fn)
    {
        var parameters = fn.Parameters.Select(p => p.Name.Length == 0 ? p.Type.Spelling : $"{p.Type.Spelling} {p.Name}").ToList();
        if (fn.IsVariadic)
            parameters.Add("...");
        return $"{fn.ReturnType.Spelling} {fn.QualifiedName}({(parameters.Count == 0 ? "void" : string.Join(", ", parameters))});";
    }

    private static string RowStatus(List<Semantics.Rules.Finding> findings, Syntax.Text.TextSpan span) =>
        findings.FirstOrDefault(f => f.Span == span) is { } f ? $"✗ {f.Rule.Code}" : "✓";

    private string RelativePath(string path) => PathUtil.Relative(path, _options.RootPath.Replace('\\', '/').TrimEnd('/'));

    internal static string RustSignature(RustFunction fn)
    {
        var sb = new StringBuilder();
        if (fn.IsPub)
            sb.Append("pub ");
        if (fn.IsUnsafe)
            sb.Append("unsafe ");
        if (fn.Abi is { } abi)
            sb.Append($"extern \"{abi}\" ");
        sb.Append("fn ").Append(fn.Name).Append('(');
        sb.Append(string.Join(", ", fn.Parameters.Select(p => $"{p.Name}: {p.Type.Display}")));
        if (fn.IsVariadic)
            sb.Append(fn.Parameters.IsEmpty ? "..." : ", ...");
        sb.Append(')');
        if (fn.Return is { } ret)
            sb.Append(" -> ").Append(ret.Display);
        return sb.ToString();
    }

    private string CsSignature(Binding binding)
    {
        var m = binding.Method;
        var text = GetText(binding.Path);
        var attribute = text is not null && m.AttributeSpan.End <= text.Length ? text.Substring(m.AttributeSpan.Start, m.AttributeSpan.Length) : $"{m.Kind}(\"{binding.Library}\")";
        if (!attribute.StartsWith('['))
            attribute = "[" + attribute + "]";
        var parameters = string.Join(", ", m.Parameters.Select(p => (p.RefKind == CsRefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.Display + " " + p.Name));
        return $"{attribute}\nstatic {(m.IsPartial ? "partial" : "extern")} {m.ReturnType.Display} {m.Name}({parameters});";
    }
}
