using System.Collections.Concurrent;
using System.Collections.Immutable;
using HybridLsp.Semantics.Model;
using HybridLsp.Syntax.CSharp;
using HybridLsp.Syntax.Text;

namespace HybridLsp.Ide;

internal sealed partial class WorkspaceState
{
    /// <summary>
    /// The C# side of a state: every C# file as extracted (files that declare no interop and call no extern get empty
    /// syntax, see <see cref="CsPrefilter"/>), the parse errors reported for files that declare externs or structs, the
    /// extern names the pre-filter decided with (null when no file needed deciding) and how many files were extracted.
    /// </summary>
    private sealed record CSharpPart(
        ImmutableDictionary<string, CsSourceFile> Sources,
        ImmutableDictionary<string, ImmutableArray<SyntaxError>> Errors,
        HashSet<string>? ExternNames,
        int Extracted);

    /// <summary>
    /// Every C# file. <paramref name="previous"/> (null: none, or extracted in another context — configuration or projects)
    /// lends its result for the same file objects, and for files without interop while the extern names are the same.
    /// Without <paramref name="callSites"/>, files without interop are not decided: they get empty syntax.
    /// </summary>
    private static CSharpPart ExtractCSharp(WorkspaceState? previous, IEnumerable<FileState> csFiles, bool callSites, Func<FileState, CsSourceFile> extract,
        Func<string, string?> owner, CancellationToken cancellationToken)
    {
        var before = previous?.CSharp.Sources;
        CsSourceFile? Reused(FileState file) =>
            previous is not null && previous.Files.TryGetValue(file.Path, out var was) && ReferenceEquals(was, file)
            && before!.TryGetValue(file.Path, out var source) ? source : null;
        // Results by position (no shared dictionary for thousands of parallel writers).
        var files = csFiles.ToList();
        var sources = new CsSourceFile?[files.Count];
        var interop = new List<int>();
        var plain = new List<int>();
        // The pre-filter reads every file's whole text: on all cores (its answer is cached on the file).
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => _ = files[i].MayDeclareInterop);
        for (var i = 0; i < files.Count; i++)
        {
            if (!files[i].MayDeclareInterop)
                plain.Add(i);
            else if ((sources[i] = Reused(files[i])) is null)
                interop.Add(i);
        }
        Parallel.ForEach(interop, new ParallelOptions { CancellationToken = cancellationToken }, i => sources[i] = extract(files[i]));
        HashSet<string>? externNames = null;
        var extracted = interop.Count;
        if (!callSites)
        {
            foreach (var i in plain)
                sources[i] = new CsSourceFile(files[i].Path, CsExtractor.Empty, owner(files[i].Path));
        }
        else if (plain.Count > 0)
        {
            externNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var method in source?.Syntax.Externs ?? [])
                    externNames.Add(method.Name);
            }
            var sameNames = previous?.CSharp.ExternNames is { } names && names.SetEquals(externNames);
            var decide = new List<int>();
            foreach (var i in plain)
            {
                if (!sameNames || (sources[i] = Reused(files[i])) is null)
                    decide.Add(i);
            }
            Parallel.ForEach(decide, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                sources[i] = files[i].MayCall(externNames) ? extract(files[i]) : new CsSourceFile(files[i].Path, CsExtractor.Empty, owner(files[i].Path)));
            extracted += decide.Count;
        }
        var errors = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SyntaxError>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (ReportedErrors(source!) is { } reported)
                errors[source!.Path] = reported;
        }
        return new CSharpPart(Updated(before, sources!), errors.ToImmutable(), externNames, extracted);
    }

    /// <summary>
    /// The previous state's C# part with only the <paramref name="changed"/> paths done again (<paramref name="changedCs"/>:
    /// those that are C# files of this snapshot). Null when the change renames, adds or removes an extern, or a file without
    /// interop must be decided and the previous state had no extern names: then which files the pre-filter reads can
    /// change anywhere, and everything is decided again (<see cref="ExtractCSharp"/>).
    /// </summary>
    private static CSharpPart? UpdateCSharp(WorkspaceState previous, ImmutableHashSet<string> changed, Dictionary<string, FileState> changedCs,
        Func<FileState, CsSourceFile> extract, Func<string, string?> owner, CancellationToken cancellationToken)
    {
        var before = previous.CSharp;
        var now = new ConcurrentDictionary<string, CsSourceFile>(StringComparer.Ordinal);
        var interop = new List<FileState>();
        foreach (var (path, file) in changedCs)
        {
            if (file.MayDeclareInterop)
                interop.Add(file);
            else if (before.ExternNames is not { } names)
                return null;
            else if (file.MayCall(names))
                interop.Add(file);
            else
                now[path] = new CsSourceFile(path, CsExtractor.Empty, owner(path));
        }
        Parallel.ForEach(interop, new ParallelOptions { CancellationToken = cancellationToken }, file => now[file.Path] = extract(file));

        var sources = before.Sources.ToBuilder();
        var errors = before.Errors.ToBuilder();
        foreach (var path in changed)
        {
            var was = sources.GetValueOrDefault(path);
            now.TryGetValue(path, out var source);
            if (!SameExternNames(was, source))
                return null;
            if (source is null)
            {
                sources.Remove(path);
                errors.Remove(path);
                continue;
            }
            sources[path] = source;
            if (ReportedErrors(source) is { } reported)
                errors[path] = reported;
            else
                errors.Remove(path);
        }
        return new CSharpPart(sources.ToImmutable(), errors.ToImmutable(), before.ExternNames, interop.Count);
    }

    /// <summary>Parse errors are reported for files that declare externs or structs (elsewhere they change nothing the rules read).</summary>
    private static ImmutableArray<SyntaxError>? ReportedErrors(CsSourceFile source)
    {
        var syntax = source.Syntax;
        return !syntax.Errors.IsEmpty && (syntax.Externs.Length > 0 || syntax.Structs.Length > 0) ? syntax.Errors : null;
    }

    private static bool SameExternNames(CsSourceFile? a, CsSourceFile? b)
    {
        var x = a?.Syntax.Externs ?? [];
        var y = b?.Syntax.Externs ?? [];
        if (x.Length != y.Length)
            return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i].Name != y[i].Name)
                return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="now"/> as an immutable dictionary, built from <paramref name="before"/> by setting only the entries
    /// that are other objects and removing the paths that are gone: an edit changes a few entries of thousands.
    /// </summary>
    private static ImmutableDictionary<string, CsSourceFile> Updated(ImmutableDictionary<string, CsSourceFile>? before, CsSourceFile[] now)
    {
        var builder = before is not null && before.KeyComparer == StringComparer.Ordinal
            ? before.ToBuilder()
            : ImmutableDictionary.CreateBuilder<string, CsSourceFile>(StringComparer.Ordinal);
        foreach (var source in now)
        {
            if (!builder.TryGetValue(source.Path, out var was) || !ReferenceEquals(was, source))
                builder[source.Path] = source;
        }
        if (builder.Count != now.Length)
        {
            var paths = now.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
            builder.RemoveRange([.. builder.Keys.Where(k => !paths.Contains(k))]);
        }
        return builder.ToImmutable();
    }
}
