using System.Collections.Immutable;
using HybridLsp.Semantics.Targets;

namespace HybridLsp.Ide;

public sealed partial class Analysis
{
    /// <summary>Every native module of the workspace with its exports as they are on <paramref name="targetName"/>.</summary>
    public ImmutableArray<NativeModuleInfo> NativeModules(string targetName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var target = TargetPlatforms.Find(targetName) ?? throw new ArgumentException($"unknown target '{targetName}'", nameof(targetName));
        var parseErrors = Model.Input.ParseErrors;
        var crates = Model.Crates.Select(crate => new NativeModuleInfo(
            crate.LibName, crate.PackageName, crate.ManifestPath, crate.IsCdylib,
            !crate.HasMacroExports && crate.MissingModules.IsEmpty && !crate.Files.Any(f => parseErrors.ContainsKey(f)),
            [.. crate.ExportsBySymbol.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value.Select(v => new NativeExportInfo(
                e.Key, v.Item.Name, v.Path, v.Item.NameSpan,
                CfgEvaluator.Evaluate(v.Cfg, target) switch { true => Availability.Yes, false => Availability.No, _ => Availability.Unknown })))]));
        // C/C++ libraries: what libclang found exported on that target (nothing when the target is not configured).
        var libraries = Model.CLibraries.Select(library =>
        {
            var parsed = library.Targets.GetValueOrDefault(target);
            return new NativeModuleInfo(library.LoaderName, library.Name, library.CMake?.ListFile ?? library.Directory, IsCdylib: true,
                parsed is { Parsed: true, Incomplete: false },
                parsed is null ? [] : [.. parsed.ExportsBySymbol.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new NativeExportInfo(
                    e.Key, e.Value.Name, e.Value.Primary.NameSpan.File, e.Value.Primary.NameSpan.Span, Availability.Yes))]);
        });
        return [.. crates, .. libraries];
    }

    /// <summary>The C/C++ libraries that take their flags from a build tree, with the flags the allow-list dropped (the server logs them).</summary>
    public ImmutableArray<BuildTreeFlagsInfo> BuildTreeFlags() =>
        [.. Model.CLibraries.Where(l => l.BuildFlags is not null).Select(l => new BuildTreeFlagsInfo(l.Name, l.BuildFlags!.Origin, l.BuildFlags.BySource.Count, l.BuildFlags.Dropped))];
}
