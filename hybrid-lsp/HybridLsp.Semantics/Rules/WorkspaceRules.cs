using System.Collections.Immutable;
using HybridLsp.Semantics.Binding;
using HybridLsp.Semantics.Model;
using HybridLsp.Semantics.Rules.Fixes;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Semantics.Rules;

/// <summary>HL0001 unresolved-library, HL0002 crate-not-cdylib, HL0003 parse-failure, HL0004 config-error.</summary>
internal static class WorkspaceRules
{
    private const int MaxParseErrorsPerFile = 10;

    public static void Run(SemanticModel model, FindingSink sink)
    {
        var input = model.Input;
        if (input.Config.Path is { } configPath)
        {
            foreach (var problem in input.Config.Problems)
            {
                sink.Add(RuleCatalog.ConfigError, problem.Message, configPath, problem.Span, "hybrid-lsp.toml",
                    severity: problem.IsUnknownKey ? RuleSeverity.Warning : RuleSeverity.Error);
            }
        }

        var crateFiles = model.Crates.SelectMany(c => c.Files).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, errors) in input.ParseErrors)
        {
            // A Rust file outside every crate's module tree (build.rs, tests/, a file no `mod` names) exports nothing.
            if (path.EndsWith(".rs", StringComparison.Ordinal) && !crateFiles.Contains(path))
                continue;
            var kind = path.EndsWith(".rs", StringComparison.Ordinal) ? "Rust" : path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? "C#" : path.EndsWith(".toml", StringComparison.Ordinal) ? "TOML" : "project";
            foreach (var error in errors.Take(MaxParseErrorsPerFile))
                sink.Add(RuleCatalog.ParseFailure, $"{kind} file could only be partly understood: {error.Message}", path, error.Span, PathUtil.FileName(path));
        }
        foreach (var skipped in input.Skipped)
            sink.Add(RuleCatalog.ParseFailure, $"file skipped: {skipped.Reason}", skipped.Path, new TextSpan(0, 0), PathUtil.FileName(skipped.Path));
        foreach (var crate in model.Crates)
        {
            foreach (var missing in crate.MissingModules)
            {
                sink.Add(RuleCatalog.ParseFailure, $"module '{missing.Name}' not found: expected '{PathUtil.Relative(missing.ExpectedPath, PathUtil.Directory(missing.DeclaringPath))}'",
                    missing.DeclaringPath, missing.Span, missing.Name);
            }
        }

        foreach (var error in model.CMakeErrors)
            sink.Add(RuleCatalog.ParseFailure, $"CMake file could only be partly understood: {error.Message}", error.Path, error.Span, PathUtil.FileName(error.Path));
        foreach (var problem in model.CLibraries.SelectMany(l => l.Problems).DistinctBy(p => (p.Path, p.Message)))
            sink.Add(RuleCatalog.ParseFailure, problem.Message, problem.Path, problem.Span, PathUtil.FileName(problem.Path));

        // One finding per library and file, on its first declaration: a generated file of 2,000 externs is one line.
        var unresolved = model.Bindings
            .Where(b => b.Resolution == ResolutionKind.UnresolvedLibrary && !sink.IsSuppressed(RuleCatalog.UnresolvedLibrary, b.Method.SuppressedCodes, b.Path, b.Method.Library.Span))
            .GroupBy(b => (b.Path, b.Library!));
        foreach (var group in unresolved)
        {
            var binding = group.First();
            var library = binding.Library!;
            var count = group.Count();
            var candidates = model.Crates.Select(c => c.LibName).Concat(model.Crates.Select(c => c.PackageName).OfType<string>())
                .Concat(model.CLibraries.Select(l => l.LoaderName)).Distinct();
            var suggestion = LibraryNames.DidYouMean(LibraryNames.Normalize(library), candidates);
            sink.Add(RuleCatalog.UnresolvedLibrary,
                $"library '{library}' matches no native module in this workspace nor in hybrid-lsp.toml" + (suggestion is null ? "" : $"; did you mean '{suggestion}'")
                + (count > 1 ? $" ({count} declarations in this file)" : ""),
                binding.Path, binding.Method.Library.Span, library);
        }

        // The first declaration bound to each crate that is not a cdylib (one pass, nothing kept for the cdylibs).
        var firstByCrate = new Dictionary<RustCrate, Binding.Binding>(ReferenceEqualityComparer.Instance);
        foreach (var binding in model.Bindings)
        {
            if (binding.Crate is { IsCdylib: false } notCdylib && binding.Resolution is ResolutionKind.Resolved or ResolutionKind.MissingExport)
                firstByCrate.TryAdd(notCdylib, binding);
        }
        foreach (var (crate, first) in firstByCrate)
        {
            var types = crate.Manifest.Manifest.CrateTypes;
            sink.Add(RuleCatalog.CrateNotCdylib,
                $"crate '{crate.PackageName ?? crate.LibName}' is loaded by C# as '{first.Library}' but builds {(types.IsEmpty ? "only an rlib (the default)" : string.Join(", ", types.Select(t => $"'{t}'")))}, not a 'cdylib'",
                crate.ManifestPath, crate.Manifest.Manifest.CrateTypeSpan, crate.LibName,
                related: [new FindingLocation(first.Path, first.Method.NameSpan, $"C# declaration '{first.Method.Name}'")], fix: FixPlanner.ForNotCdylib(crate));
        }
    }
}
